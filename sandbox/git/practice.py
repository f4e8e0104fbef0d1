"""Practice areas for Git exercises: set one up, run a learner's commands, check the result.

These are the functions the app and the `tutor` command call. An exercise gives its
`checks/` files: `git.toml` (the checks), `setup.commands` (run by the app, not the
learner, to prepare the area) and `solution.commands` (the reference solution).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from sandbox.git.area_paths import PathRefused, resolve_inside
from sandbox.git.console import DEFAULT_TIME_LIMIT_SECONDS, CommandResult, GitConsole
from sandbox.git.git_checks import GitCheckFormatError, evaluate_checks, load_git_checks
from sandbox.git.safe_git import GitRunner, PrivateGitHome, git_available
from sandbox.results import CheckReport

SETUP_FILE = "setup.commands"
SOLUTION_FILE = "solution.commands"
NO_GIT_MESSAGE = ("Git is not installed on this computer, so the Git lessons cannot run. "
                  "Ask a member of staff.")


class PracticeSetupError(RuntimeError):
    """The exercise's own set-up commands failed; the message says which one."""


def command_lines(text: str) -> list[str]:
    """The commands in a `.commands` file: one a line, leaving out blanks and # comments."""
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def solution_commands(check_files: Mapping[str, str]) -> list[str]:
    """The reference solution's commands, from `checks/solution.commands`."""
    return command_lines(check_files.get(SOLUTION_FILE, ""))


def prepare_practice_area(check_files: Mapping[str, str], folder: Path, *,
                          time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
                          ) -> GitConsole:
    """Set up a new practice area in `folder` (missing or empty) and return its console.

    The console starts in the exercise's repository folder. Raises PracticeSetupError when
    a set-up command fails, and GitCheckFormatError when `git.toml` is wrong.
    """
    settings = load_git_checks(check_files)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise PracticeSetupError("The practice folder is not empty.")
    with GitConsole(folder, time_limit_seconds=time_limit_seconds) as setup:
        for line in command_lines(check_files.get(SETUP_FILE, "")):
            result = setup.run(line)
            if not result.allowed or result.exit_code != 0 or result.needs_message:
                raise PracticeSetupError(f"The set-up command {line!r} failed: "
                                         f"{result.output.strip()}")
    return GitConsole(folder, start=settings.repository, time_limit_seconds=time_limit_seconds)


def open_practice_area(check_files: Mapping[str, str], folder: Path, *,
                       time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS) -> GitConsole:
    """A console for a practice area that was set up before (say, on an earlier day)."""
    settings = load_git_checks(check_files)
    return GitConsole(folder, start=settings.repository, time_limit_seconds=time_limit_seconds)


def evaluate_git_checks(check_files: Mapping[str, str], folder: Path) -> CheckReport:
    """Check the practice area in `folder` against the exercise's `git.toml`."""
    try:
        settings = load_git_checks(check_files)
    except GitCheckFormatError as error:
        return CheckReport.failed_with(str(error))
    area = Path(os.path.realpath(folder))
    home = PrivateGitHome(area)
    try:
        return evaluate_checks(settings, GitRunner(home), area)
    finally:
        home.remove()


def run_git_check(check_files: Mapping[str, str], commands: list[str], *, workdir: Path,
                  time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS) -> CheckReport:
    """Set up a fresh practice area in `workdir`, type each command into its console in
    order, and check the result. `extra["commands"]` says what each command did."""
    started = time.monotonic()
    if not git_available():
        return CheckReport.failed_with(NO_GIT_MESSAGE)
    workdir.mkdir(parents=True, exist_ok=True)
    area = Path(tempfile.mkdtemp(prefix="practice-", dir=workdir))
    results: list[CommandResult] = []
    try:
        try:
            console = prepare_practice_area(check_files, area,
                                            time_limit_seconds=time_limit_seconds)
        except (PracticeSetupError, GitCheckFormatError) as error:
            return CheckReport.failed_with(str(error))
        with console:
            for line in commands:
                result = console.run(line)
                if result.needs_message:
                    result = CommandResult(line, True, "Add a message with -m, as in "
                                           "git commit -m \"Add my notes\".", 1)
                results.append(result)
        report = evaluate_git_checks(check_files, area)
    finally:
        shutil.rmtree(area, ignore_errors=True)
    return CheckReport(passed=report.passed, tests=report.tests, error=report.error,
                       duration_ms=(time.monotonic() - started) * 1000,
                       extra={"commands": [result.to_json() for result in results]})


def save_practice_file(console: GitConsole, name: str, text: str) -> None:
    """Write a file the learner changed in the editor into the console's start folder.

    Raises PathRefused for a name outside the area or inside git's own folders.
    """
    path = resolve_inside(console.area, console.home, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_dir():
        raise PathRefused(f"{name} cannot be written here.")
    path.write_text(text, encoding="utf-8")


def practice_files(console: GitConsole, names: list[str]) -> dict[str, str]:
    """The text of the named files in the console's start folder (missing ones left out),
    for the editor tabs."""
    found: dict[str, str] = {}
    for name in names:
        path = console.home / name
        if path.is_file() and not path.is_symlink():
            found[name] = path.read_text(encoding="utf-8", errors="replace")
    return found
