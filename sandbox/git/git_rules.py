"""Check the words of a learner's git command against the allow-list, one by one.

Options are matched exactly against `git_allow_list.RULES`; every word that could name a
file is kept inside the practice area and away from git's own folders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sandbox.git.area_paths import PathRefused, names_git_folder, resolve_inside
from sandbox.git.git_allow_list import (
    LEARNER_CONFIG_KEYS,
    NO_DRIVER_SUBCOMMANDS,
    RULES,
    Rule,
    not_available,
)


class GitRefused(ValueError):
    """A git command the console will not run; the message says why in plain words."""


@dataclass(frozen=True)
class GitCommand:
    """A git command that passed the rules: the words to give git after the app's settings."""

    subcommand: str
    arguments: tuple[str, ...]
    has_message: bool
    merge_in_progress_ok: bool = False

    @property
    def words(self) -> list[str]:
        """Subcommand and arguments, ready for the runner."""
        return [self.subcommand, *self.arguments]


def check_git_words(words: list[str], *, area: Path, cwd: Path) -> GitCommand:
    """The command to run for `git WORDS...`, or GitRefused with a plain reason."""
    if not words:
        raise GitRefused("Type a git command after git, such as git status.")
    subcommand = words[0]
    if subcommand in ("--version", "version"):
        return GitCommand("--version", (), has_message=False)
    if subcommand.startswith("-"):
        raise GitRefused("Options before the git command (like -c or -C) are not allowed "
                         "here. Put the command first, as in git status.")
    rule = RULES.get(subcommand)
    if rule is None:
        raise GitRefused(not_available(subcommand))
    arguments = list(words[1:])
    if any(word in ("--help", "-h") for word in arguments):
        return GitCommand(subcommand, ("-h",), has_message=False)
    if subcommand == "config":
        return _check_config(arguments)
    positional, values = _parse_options(subcommand, rule, arguments)
    for option, value in values:
        if option in rule.choices and value not in rule.choices[option]:
            allowed = ", ".join(sorted(rule.choices[option]))
            raise GitRefused(f"{option} {value} is not allowed here. Use one of: {allowed}.")
        if option not in rule.text:
            if value.startswith("-"):
                # A branch or file name never starts with "-"; git might read it as an option.
                raise GitRefused(f"{option} needs a name after it, not another option.")
            _check_path(value, area=area, cwd=cwd)
    _check_positional(subcommand, positional, area=area, cwd=cwd)
    if subcommand in NO_DRIVER_SUBCOMMANDS:
        arguments = ["--no-ext-diff", "--no-textconv", *arguments]
    has_message = any(option in ("-m", "--message") for option, _ in values) or any(
        word in ("--no-edit", "--dry-run") for word in arguments)
    return GitCommand(subcommand, tuple(arguments), has_message=has_message)


def _parse_options(subcommand: str, rule: Rule, arguments: list[str]
                   ) -> tuple[list[str], list[tuple[str, str]]]:
    """Split the words into positional words and (option, value) pairs, refusing unknown
    options."""
    positional: list[str] = []
    values: list[tuple[str, str]] = []
    index = 0
    only_paths = False
    while index < len(arguments):
        word = arguments[index]
        index += 1
        if only_paths or word == "-" or not word.startswith("-"):
            positional.append(word)
            continue
        if word == "--":
            only_paths = True
            continue
        if word.startswith("--"):
            name, equals, value = word.partition("=")
            if name in rule.flags and not equals:
                continue
            if name in rule.optional:
                if equals:
                    values.append((name, value))
                continue
            if name in rule.valued:
                if not equals:
                    if index >= len(arguments):
                        raise GitRefused(f"{name} needs a value after it.")
                    value = arguments[index]
                    index += 1
                values.append((name, value))
                continue
            raise GitRefused(_unknown_option(subcommand, name))
        if rule.numbers and re.fullmatch(r"-\d+", word):
            continue
        if word in rule.flags:  # such as -vv
            continue
        letters = word[1:]
        position = 0
        while position < len(letters):
            option = "-" + letters[position]
            position += 1
            if option in rule.flags:
                continue
            if option in rule.valued:
                value = letters[position:]
                if not value:
                    if index >= len(arguments):
                        raise GitRefused(f"{option} needs a value after it.")
                    value = arguments[index]
                    index += 1
                values.append((option, value))
                break
            if option in rule.optional:
                break
            raise GitRefused(_unknown_option(subcommand, option))
    if rule.actions and positional and positional[0] not in rule.actions:
        raise GitRefused(f"`git {subcommand} {positional[0]}` is not available here.")
    return positional, values


def _unknown_option(subcommand: str, option: str) -> str:
    special = {
        "--upload-pack": "runs a program", "--receive-pack": "runs a program",
        "--exec": "runs a program", "-x": "runs a program", "--output": "writes a file "
        "outside git", "--no-index": "reads files outside the project", "--ext-diff":
        "runs a program", "--template": "copies files from outside", "--separate-git-dir":
        "moves git's folder", "--file": "reads or writes a file outside git", "-F":
        "reads a file", "--config": "changes settings", "--interactive": "opens an editor",
        "-i": "opens an editor", "-p": "asks questions the console cannot answer",
        "--patch": "asks questions the console cannot answer", "-e": "opens an editor",
        "--edit": "opens an editor",
    }
    reason = special.get(option)
    if reason:
        return f"`git {subcommand} {option}` {reason}, so it is not allowed here."
    return f"The option {option} is not allowed with git {subcommand} here."


def _check_path(word: str, *, area: Path, cwd: Path) -> None:
    """Refuse a word that could name a file outside the area or inside `.git`."""
    if not word or word == "-":
        return
    text = word
    # Pathspec magic such as :(top)name or :/name still names a file in the project.
    if text.startswith(":("):
        text = text.partition(")")[2]
    elif text[:2] in (":/", ":!", ":^"):
        text = text[2:]
    if not text:
        return
    if names_git_folder(text):
        raise GitRefused("The .git folder belongs to git. Use git commands to change it.")
    if text.startswith(("/", "~", "\\")):
        raise GitRefused("Full paths cannot be used here. Use a name inside the practice "
                         "folder.")
    path_part = text.rpartition(":")[2] if ":" in text else text
    if path_part:
        try:
            resolve_inside(area, cwd, path_part)
        except PathRefused as refused:
            raise GitRefused(str(refused)) from None


def check_repository_word(word: str, *, area: Path, cwd: Path) -> None:
    """Refuse a remote location unless it is a plain relative path inside the area."""
    if ":" in word or word.startswith(("/", "~", "\\")):
        raise GitRefused("Remotes here must be folders in the practice area, such as "
                         "../shared.git. Web addresses and full paths are not allowed.")
    try:
        resolve_inside(area, cwd, word)
    except PathRefused as refused:
        raise GitRefused(str(refused)) from None


def _check_positional(subcommand: str, positional: list[str], *, area: Path,
                      cwd: Path) -> None:
    repository_words: list[str] = []
    if subcommand == "clone":
        repository_words = positional[:1]
        positional = positional[1:]
    elif subcommand == "remote" and positional[:1] in (["add"], ["set-url"]):
        repository_words = positional[2:3]
        positional = positional[:2] + positional[3:]
    elif subcommand in ("push", "fetch", "pull") and positional:
        # The first word is a remote's name or a folder; the rest are branch names or
        # refspecs like main:main.
        repository_words = positional[:1]
        positional = [part for word in positional[1:] for part in word.lstrip("+").split(":")]
    for word in repository_words:
        check_repository_word(word, area=area, cwd=cwd)
    for word in positional:
        _check_path(word, area=area, cwd=cwd)


def _check_config(arguments: list[str]) -> GitCommand:
    """`git config`: only a few named settings, only in this repository."""
    options = [word for word in arguments if word.startswith("-")]
    rest = [word for word in arguments if not word.startswith("-")]
    for option in options:
        if option == "--global" or option == "--system":
            raise GitRefused("Settings here are kept for this practice only. "
                             "Leave out " + option + ".")
        if option not in RULES["config"].flags:
            raise GitRefused(_unknown_option("config", option))
    if any(option in ("-l", "--list") for option in options):
        if rest:
            raise GitRefused("Use git config --list on its own.")
        return GitCommand("config", ("--list",), has_message=False)
    if not rest:
        raise GitRefused("Name a setting, as in git config user.name \"Sam\".")
    key = rest[0].lower()
    if key not in LEARNER_CONFIG_KEYS:
        raise GitRefused(f"The setting {rest[0]} cannot be changed here. You can use: "
                         "user.name, user.email, init.defaultBranch, pull.rebase and a "
                         "few more.")
    if len(rest) > 2:
        raise GitRefused("Put the value in quotes, as in git config user.name \"Sam Lee\".")
    return GitCommand("config", tuple(arguments), has_message=False)


def filter_config_listing(output: str) -> str:
    """Only the lines of `git config --list` a learner may see and change."""
    kept = [line for line in output.splitlines()
            if line.partition("=")[0].lower() in LEARNER_CONFIG_KEYS
            or line.partition("=")[0].lower().startswith(("remote.", "branch."))]
    return "\n".join(kept) + ("\n" if kept else "")
