"""The allow-list of git subcommands and their options, as data.

A subcommand or option that is not named here is refused. Long options must be spelled in
full: git accepts short forms of long options (`--upload` would mean `--upload-pack`), and
only exact names are listed, so a short form never matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Rule:
    """The options one subcommand accepts.

    `flags` take no value. `valued` take one (attached or the next word); list an option
    here only if git itself always takes the next word as its value, or the two parsers
    would disagree on which word is an option. `optional` options take a value only when
    it is attached (`--unified=5`, `-U5`). Values of `text` options are free text (a
    message, a format); every other value is checked like a path.
    """

    flags: frozenset[str] = frozenset()
    valued: frozenset[str] = frozenset()
    optional: frozenset[str] = frozenset()
    text: frozenset[str] = frozenset()
    actions: frozenset[str] = frozenset()
    numbers: bool = False  # `git log -3`
    choices: dict[str, frozenset[str]] = field(default_factory=dict)


def _rule(flags: str = "", valued: str = "", optional: str = "", text: str = "",
          actions: str = "", numbers: bool = False,
          choices: dict[str, str] | None = None) -> Rule:
    return Rule(_words(flags), _words(valued), _words(optional), _words(text),
                _words(actions), numbers,
                {name: _words(allowed) for name, allowed in (choices or {}).items()})


_LOG_FLAGS = (
    "--oneline --graph --all --decorate --no-decorate --stat --shortstat --name-only "
    "--name-status --reverse --abbrev-commit --first-parent --merges --no-merges -p --patch "
    "--follow --summary --cherry -q --quiet --branches --tags --remotes -s --no-patch "
    "--left-right --topo-order --date-order")
_LOG_TEXT = "--format --pretty --author --grep --since --until --after --before --date"
_MESSAGE = "-m --message"
_STRATEGIES = "ort recursive resolve octopus ours subtree"
_STRATEGY_OPTIONS = "ours theirs patience ignore-space-change ignore-all-space renormalize"

RULES: dict[str, Rule] = {
    "init": _rule("--bare -q --quiet", valued="-b --initial-branch"),
    "status": _rule("-s --short -b --branch --long --porcelain --ignored -v --verbose",
                    optional="--untracked-files --porcelain"),
    "add": _rule("-A --all -u --update -n --dry-run -v --verbose -f --force "
                 "--no-all --ignore-removal --renormalize"),
    "commit": _rule("-a --all --amend --no-edit --allow-empty --allow-empty-message -q "
                    "--quiet -v --verbose --no-verify -n -s --signoff --dry-run --short "
                    "--reset-author",
                    valued=f"{_MESSAGE} --author --date", text=f"{_MESSAGE} --author --date"),
    "log": _rule(_LOG_FLAGS, valued="-n --max-count --skip", optional=_LOG_TEXT,
                 text=_LOG_TEXT, numbers=True),
    "diff": _rule("--staged --cached --stat --shortstat --numstat --name-only --name-status "
                  "-w --ignore-all-space -b --ignore-space-change --word-diff --color-words "
                  "--no-color -q --quiet --exit-code --check --summary -R",
                  optional="-U --unified"),
    "show": _rule("--stat --oneline --name-only --name-status -s --no-patch -q --quiet "
                  "--summary --abbrev-commit --no-decorate --decorate",
                  optional="--format --pretty", text="--format --pretty"),
    "branch": _rule("-d -D --delete -m -M --move -c -C --copy -a --all -r --remotes -v -vv "
                    "--verbose -l --list --show-current -f --force --unset-upstream "
                    "--merged --no-merged -q --quiet",
                    valued="-u --set-upstream-to"),
    "switch": _rule("-d --detach -f --force --discard-changes -q --quiet --guess "
                    "--no-guess -m --merge -t --track --no-track",
                    valued="-c -C --create --force-create --orphan"),
    "checkout": _rule("-f --force -q --quiet --detach --ours --theirs -m --merge -t "
                      "--track --no-track", valued="-b -B --orphan"),
    "merge": _rule("--no-ff --ff --ff-only --abort --continue --quit --no-edit --squash "
                   "--no-squash --no-commit --commit -q --quiet -v --verbose --stat -n "
                   "--no-stat --allow-unrelated-histories",
                   valued=f"{_MESSAGE} -s --strategy -X --strategy-option", text=_MESSAGE,
                   choices={"-s": _STRATEGIES, "--strategy": _STRATEGIES,
                            "-X": _STRATEGY_OPTIONS, "--strategy-option": _STRATEGY_OPTIONS}),
    "restore": _rule("-S --staged -W --worktree --ours --theirs -m --merge -q --quiet",
                     valued="-s --source"),
    "reset": _rule("--soft --mixed --hard --merge --keep -q --quiet"),
    "stash": _rule("-u --include-untracked -k --keep-index --no-keep-index -q --quiet "
                   "--index -a --all", valued=_MESSAGE, text=_MESSAGE,
                   actions="push save pop apply list show drop clear"),
    "tag": _rule("-a --annotate -d --delete -l --list -f --force -v",
                 valued=_MESSAGE, text=_MESSAGE, optional="-n"),
    "rebase": _rule("--continue --abort --skip --quit -q --quiet --root",
                    valued="--onto"),
    "clone": _rule("--bare -q --quiet --no-checkout -n --single-branch --no-tags",
                   valued="-b --branch -o --origin --depth"),
    "remote": _rule("-v --verbose", actions="add remove rm rename show get-url set-url"),
    "push": _rule("-u --set-upstream --all --tags -f --force --force-with-lease -d "
                  "--delete -q --quiet -v --verbose --dry-run -n --follow-tags"),
    "fetch": _rule("--all -p --prune --tags -q --quiet -v --verbose --dry-run"),
    "pull": _rule("--rebase --no-rebase --ff --no-ff --ff-only --no-edit -q --quiet -v "
                  "--verbose --all --tags"),
    "rm": _rule("--cached -r -f --force -n --dry-run -q --quiet"),
    "mv": _rule("-f --force -n --dry-run -k -v --verbose"),
    "config": _rule("--local --get --unset -l --list"),
    "describe": _rule("--tags --all --long --always"),
    "rev-parse": _rule("--short --abbrev-ref --show-toplevel --git-dir --is-inside-work-tree "
                       "--verify -q --quiet"),
    "blame": _rule("-s -l -e --show-email"),
    "cherry-pick": _rule("--continue --abort --skip --quit --no-commit -n -x"),
    "revert": _rule("--continue --abort --skip --quit --no-commit -n --no-edit"),
    "reflog": _rule("--oneline", valued="-n", numbers=True),
}

# Commands that change files get `--no-ext-diff`/`--no-textconv` added, so a diff driver
# can never run even if one slipped into a setting.
NO_DRIVER_SUBCOMMANDS = {"log", "diff", "show"}

_NOT_HERE = {
    "bisect": "`git bisect` is not part of these lessons.",
    "difftool": "`git difftool` starts other programs, so it is not available here. "
                "Use git diff.",
    "mergetool": "`git mergetool` starts other programs, so it is not available here. "
                 "Fix the file in the editor, then use git add.",
    "submodule": "`git submodule` is not part of these lessons.",
    "filter-branch": "`git filter-branch` is not available here.",
    "instaweb": "`git instaweb` starts a web server, so it is not available here.",
    "daemon": "`git daemon` starts a server, so it is not available here.",
    "send-email": "`git send-email` is not available here. This computer is not online.",
    "archive": "`git archive` writes files outside git, so it is not available here.",
    "gui": "`git gui` is not available here. Use the console and the graph.",
    "gitk": "`gitk` is not available here. Use git log --graph or the graph view.",
    "credential": "`git credential` is not available here.",
    "update-index": "`git update-index` is not part of these lessons. Use git add.",
    "worktree": "`git worktree` is not part of these lessons.",
}

# Settings a learner may read or change with `git config`; none of them runs a program.
LEARNER_CONFIG_KEYS = frozenset({
    "user.name", "user.email", "init.defaultbranch", "pull.rebase", "pull.ff", "merge.ff",
    "push.default", "push.autosetupremote", "color.ui", "core.quotepath",
})


def not_available(subcommand: str) -> str:
    """The plain answer for a git subcommand that is not on the list."""
    if subcommand.startswith("credential"):
        return _NOT_HERE["credential"]
    return _NOT_HERE.get(subcommand, f"`git {subcommand}` is not available here. "
                                      "Type help to see the git commands you can use.")
