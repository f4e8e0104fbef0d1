"""Lint rules for Git exercises: their `checks/git.toml` is sound and its messages are plain.

The general linter (`lint.py`) knows web checks; this module adds what a Git exercise
needs, as (file, message) pairs in the same shape.
"""

from __future__ import annotations

from sandbox.git import GitCheckFormatError, check_messages, load_git_checks, solution_commands
from tutor.content.model import Exercise
from tutor.content.readability import grade_level, strip_code


def git_exercise_problems(exercise: Exercise, max_grade: float) -> list[tuple[str, str]]:
    """Problems in a Git exercise's checks: a broken git.toml, no solution commands, or a
    check name or message that is too hard to read."""
    if exercise.kind != "git":
        return []
    try:
        load_git_checks(exercise.check_files)
    except GitCheckFormatError as error:
        return [("checks/git.toml", str(error))]
    found: list[tuple[str, str]] = []
    if not solution_commands(exercise.check_files):
        found.append(("checks/solution.commands",
                      "there are no solution commands; list them one a line"))
    for text in check_messages(exercise.check_files):
        grade = grade_level(strip_code(text))
        if grade > max_grade:
            found.append(("checks/git.toml", f"this message reads at grade {grade:.1f}; make "
                          f"it {max_grade:g} or lower: {text!r}"))
    return found
