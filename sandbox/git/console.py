"""The practice console: one line in, one result out, over the real git program.

A line is split into words without a shell, checked against the rules, and then either run
as git (inside a guarded, time-limited process) or handled by a small Python command.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.git.area_paths import is_inside, show_path
from sandbox.git.command_line import CommandLineError, Word, split_line
from sandbox.git.file_commands import (
    FILE_COMMANDS,
    FileCommandError,
    FileCommandRefused,
    Place,
    run_file_command,
)
from sandbox.git.git_allow_list import RULES
from sandbox.git.git_rules import (
    GitCommand,
    GitRefused,
    check_git_words,
    filter_config_listing,
)
from sandbox.git.graph import Graph, read_graph
from sandbox.git.repository_guard import (
    find_problems,
    remove_stale_locks,
    roll_back,
    take_snapshot,
)
from sandbox.git.safe_git import GitRun, GitRunner, PrivateGitHome

DEFAULT_TIME_LIMIT_SECONDS = 10.0

_EDITORS = {"vim", "vi", "nano", "emacs", "pico", "ed", "code", "gedit", "notepad", "kate"}

HELP_TEXT = """You can type these commands:
  git ...            git init, status, add, commit, log, diff, branch, switch, merge,
                     restore, reset, stash, tag, rebase, clone, remote, push, pull, fetch
  ls                 list the files in this folder
  cat FILE           show what is in a file
  echo "text" > FILE     write a line to a file (>> adds it at the end)
  touch FILE         make an empty file
  mkdir FOLDER       make a folder
  rm FILE            delete a file (rm -r FOLDER deletes a folder)
  cd FOLDER          go into a folder (cd .. goes back up)
  pwd                show which folder you are in
  clear              clear the screen
To change a file, you can also use the editor tab.
"""


@dataclass(frozen=True)
class CommandResult:
    """What one line typed into the console did.

    `allowed` is false when the console refused the line. `needs_message` asks the app to
    ask the learner for a commit message and call `GitConsole.run_with_message`.
    `cleared` asks the app to clear the console screen.
    """

    command: str
    allowed: bool
    output: str
    exit_code: int
    needs_message: bool = False
    cleared: bool = False
    timed_out: bool = False

    def to_json(self) -> dict[str, Any]:
        """The fields `tutor check --json` reports for each command."""
        return {"command": self.command, "allowed": self.allowed, "output": self.output,
                "exit_code": self.exit_code}


class GitConsole:
    """A console for one practice area: git and a few file commands, nothing else."""

    def __init__(self, area: Path, *, start: str = ".",
                 time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS,
                 git_program: str | None = None) -> None:
        area.mkdir(parents=True, exist_ok=True)
        self.area = Path(os.path.realpath(area))
        home = Path(os.path.normpath(self.area / start))
        if not is_inside(home, self.area):
            raise ValueError("The start folder must be inside the practice area.")
        home.mkdir(parents=True, exist_ok=True)
        self.home = home
        self.time_limit_seconds = time_limit_seconds
        self._place = Place(self.area, home)
        self._private = PrivateGitHome(self.area)
        self._runner = GitRunner(self._private, git_program=git_program)
        self._last_good = take_snapshot(self.area)

    # -- public --------------------------------------------------------------------------

    @property
    def cwd(self) -> Path:
        """The folder the console is in now."""
        return self._place.cwd

    @property
    def location(self) -> str:
        """The current folder as the learner sees it, such as `practice/project`."""
        return show_path(self.area, self._place.cwd)

    def graph(self) -> Graph:
        """The graph of the repository the console is in now, for the graph view."""
        return read_graph(self._runner, self.cwd)

    def close(self) -> None:
        """Delete the console's private settings folder; the practice area stays."""
        self._private.remove()

    def __enter__(self) -> GitConsole:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def run(self, line: str) -> CommandResult:
        """Run one line the learner typed and say what happened."""
        command = line.strip()
        if not command:
            return CommandResult(command, True, "", 0)
        if not self._place.cwd.is_dir():
            # The folder was deleted from outside the console (say, by a reset).
            self.home.mkdir(parents=True, exist_ok=True)
            self._place.cwd = self.home
        try:
            words = split_line(command)
        except CommandLineError as error:
            return _refused(command, str(error))
        if not words:
            return CommandResult(command, True, "", 0)
        first = words[0]
        if first.operator:
            return _refused(command, "Start with a command, as in echo \"hi\" > notes.txt.")
        if "=" in first.text and not first.text.startswith("="):
            return _refused(command, "Setting variables such as GIT_DIR is not allowed here. "
                                     "Type the command on its own.")
        if first.text == "git":
            return self._run_git_line(command, words[1:])
        return self._run_file_command(command, first.text, words[1:])

    def run_with_message(self, line: str, message: str) -> CommandResult:
        """Run a `git commit` (or `git tag -a`) line that needed a message, with the message
        the learner gave."""
        command = line.strip()
        try:
            words = split_line(command)
        except CommandLineError as error:
            return _refused(command, str(error))
        if len(words) < 2 or words[0].text != "git" or words[1].text not in ("commit", "tag"):
            return _refused(command, "Only git commit and git tag can take a message this way.")
        if not message.strip():
            return _refused(command, "The message is empty. Write a few words about "
                                     "what you changed.")
        # The message goes straight after the subcommand, before any `--`.
        plain = [words[1].text, "-m", message] + [word.text for word in words[2:]]
        return self._run_git_words(command, plain)

    # -- git -----------------------------------------------------------------------------

    def _run_git_line(self, command: str, words: list[Word]) -> CommandResult:
        if any(word.operator for word in words):
            return _refused(command, "Only echo can write to a file with > here.")
        texts = [word.text for word in words]
        if not texts or texts[0] in ("help", "--help", "-h"):
            return CommandResult(command, True, _git_help(texts[1:]), 0)
        return self._run_git_words(command, texts)

    def _run_git_words(self, command: str, texts: list[str]) -> CommandResult:
        try:
            checked = check_git_words(texts, area=self.area, cwd=self.cwd)
        except GitRefused as refused:
            return _refused(command, str(refused))
        if checked.subcommand == "commit" and not checked.has_message:
            if self._merge_in_progress():
                checked = GitCommand("commit", (*checked.arguments, "--no-edit"), True)
            elif "-h" not in checked.arguments:
                return CommandResult(command, True, "Type a message for your commit.", 0,
                                     needs_message=True)
        if checked.subcommand == "tag" and not checked.has_message and any(
                word in ("-a", "--annotate") for word in checked.arguments):
            return CommandResult(command, True, "Type a message for your tag.", 0,
                                 needs_message=True)
        before = self._check_area_before()
        if before is not None:
            return _refused(command, before)
        snapshot = take_snapshot(self.area)
        run = self._runner.run(checked.words, cwd=self.cwd,
                               time_limit_seconds=self.time_limit_seconds)
        if run.timed_out:
            remove_stale_locks(self.area)
        problems = find_problems(self.area, self._read_config)
        if problems:
            roll_back(self.area, snapshot)
            return _refused(command, "That command changed something that is not allowed "
                                     "here, so the change was undone. " + problems[0])
        self._last_good = snapshot if run.timed_out else take_snapshot(self.area)
        return self._result(command, checked, run)

    def _result(self, command: str, checked: GitCommand, run: GitRun) -> CommandResult:
        if run.timed_out:
            return CommandResult(command, True, self._hide_private_paths(run.output) + (
                f"\nThe command took longer than {self.time_limit_seconds:g} seconds, so it "
                "was stopped. The console still works."), 124, timed_out=True)
        output = self._hide_private_paths(run.output)
        if checked.words == ["config", "--list"]:
            output = filter_config_listing(output)
        return CommandResult(command, True, output, run.exit_code)

    def _hide_private_paths(self, text: str) -> str:
        text = text.replace(str(self._private.folder), "(settings)")
        return text.replace(str(self.area), "practice")

    def _check_area_before(self) -> str | None:
        """Refuse to run git while the area holds anything unsafe; try the last good state
        first."""
        if not find_problems(self.area, self._read_config):
            return None
        roll_back(self.area, self._last_good)
        problems = find_problems(self.area, self._read_config)
        if not problems:
            return None
        return ("This practice folder has something that is not allowed, so git will not "
                "run. Start the practice again. " + problems[0])

    def _read_config(self, path: Path) -> list[tuple[str, str]] | None:
        run = self._runner.run(["config", "--file", str(path), "--null", "--list"],
                               cwd=self.area, time_limit_seconds=self.time_limit_seconds)
        if run.exit_code != 0 or run.timed_out:
            return None
        entries = []
        for item in run.output.split("\0"):
            if item:
                key, _, value = item.partition("\n")
                entries.append((key.lower(), value))
        return entries

    def _merge_in_progress(self) -> bool:
        run = self._runner.run(["rev-parse", "-q", "--verify", "MERGE_HEAD"], cwd=self.cwd,
                               time_limit_seconds=self.time_limit_seconds)
        return run.exit_code == 0

    # -- file commands -------------------------------------------------------------------

    def _run_file_command(self, command: str, name: str, words: list[Word]) -> CommandResult:
        if name not in FILE_COMMANDS and name not in ("clear", "help"):
            return _refused(command, _not_a_command(name))
        redirect: str | None = None
        target: str | None = None
        operators = [index for index, word in enumerate(words) if word.operator]
        if operators:
            if name != "echo":
                return _refused(command, "Only echo can write to a file with > here.")
            index = operators[0]
            if len(operators) > 1 or index != len(words) - 2:
                return _refused(command, "Put the file name last, as in "
                                         "echo \"hi\" > notes.txt.")
            redirect, target = words[index].text, words[index + 1].text
            words = words[:index]
        if name == "clear":
            return CommandResult(command, True, "", 0, cleared=True)
        if name == "help":
            return CommandResult(command, True, HELP_TEXT, 0)
        try:
            output = run_file_command(self._place, self.home, name,
                                      [word.text for word in words], redirect, target)
        except FileCommandRefused as refused:
            return _refused(command, str(refused))
        except FileCommandError as error:
            return CommandResult(command, True, str(error), 1)
        except OSError:
            return CommandResult(command, True, "That did not work. Check the name and try "
                                                "again.", 1)
        return CommandResult(command, True, output, 0)


def _refused(command: str, message: str) -> CommandResult:
    return CommandResult(command, False, message, 1)


def _not_a_command(name: str) -> str:
    if name in _EDITORS:
        return f"`{name}` is not available here. Edit the file in the editor tab."
    if name == "mv":
        return "`mv` is not available here. Use git mv to move a file."
    return f"`{name}` is not available here. Type help to see what you can use."


def _git_help(words: list[str]) -> str:
    if words and words[0] in RULES:
        return (f"Type git {words[0]} -h to see its options. "
                "The lesson shows the ones you need.\n")
    return HELP_TEXT

