"""Runs an exercise's checks on a set of learner files, whatever kind of exercise it is."""

from __future__ import annotations

from collections.abc import Mapping

from sandbox.results import CheckReport
from tutor.content.model import Exercise


def served_files(exercise: Exercise, files: Mapping[str, str]) -> dict[str, str | bytes]:
    """The learner's files plus the exercise's fixed assets (images and the like)."""
    served: dict[str, str | bytes] = dict(exercise.asset_files)
    served.update(files)
    return served


def run_check_blocking(exercise: Exercise, files: Mapping[str, str]) -> CheckReport:
    """Run one exercise's checks and wait for the result (command line and linting only)."""
    if exercise.kind == "web":
        from sandbox.web.check_runner import run_check_sync

        return run_check_sync(served_files(exercise, files), exercise.check_files,
                              entry=exercise.entry,
                              time_limit_seconds=exercise.time_limit_seconds)
    if exercise.kind == "tests":
        from sandbox.web.tdd import run_tests_check

        return run_tests_check(exercise.check_files, dict(files),
                               time_limit_seconds=exercise.time_limit_seconds)
    if exercise.kind == "sql":
        return run_sql_exercise(exercise, files)
    if exercise.kind == "git":
        # For git the submission is what the learner types: the starter is no commands.
        from sandbox.git import solution_commands

        commands = solution_commands(exercise.check_files) \
            if dict(files) == exercise.solution_files else []
        return run_git_exercise(exercise, commands)
    return CheckReport.failed_with(
        f"Exercises of the kind '{exercise.kind}' cannot be checked in this version yet.")


def run_sql_exercise(exercise: Exercise, files: Mapping[str, str]) -> CheckReport:
    """Check an SQL exercise (no Qt needed; safe to call from a worker thread)."""
    from sandbox.sql import run_sql_check

    return run_sql_check(exercise.check_files, dict(files), exercise.solution_files,
                         time_limit_seconds=exercise.time_limit_seconds)


def run_git_exercise(exercise: Exercise, commands: list[str]) -> CheckReport:
    """Type `commands` into a fresh practice area's console, then check the repository."""
    import tempfile
    from pathlib import Path

    from sandbox.git import run_git_check

    with tempfile.TemporaryDirectory(prefix="tutor-git-check-") as folder:
        return run_git_check(exercise.check_files, commands, workdir=Path(folder),
                             time_limit_seconds=max(exercise.time_limit_seconds, 10.0))
