"""Check the curriculum like code: sound data, plain English, nothing that reaches outside,
and (given a runner) a starter that fails and a solution that passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.results import CheckReport
from tutor.content.errors import ContentError
from tutor.content.git_exercise_lint import git_exercise_problems
from tutor.content.js_scan import learner_messages
from tutor.content.lesson_files import file_name_problem
from tutor.content.loader import Library, load_lessons
from tutor.content.markdown import plain_prose
from tutor.content.model import Exercise
from tutor.content.outside_refs import exercise_outside_problems
from tutor.content.readability import grade_level, measure, strip_code
from tutor.content.sql_check_text import SQL_CHECKS_FILE, sql_check_messages
from tutor.content.tests_kind import learner_sentences_of_tests, lint_tests_exercise

MAX_GRADE = 8.0
MIN_HINTS = 2

RunCheck = Callable[[Exercise, dict[str, str]], CheckReport]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the curriculum: which exercise, which file, and what."""

    exercise_id: str
    file: str
    message: str

    def to_json(self) -> dict[str, str]:
        """The problem as a JSON object for `tutor lessons lint --json`."""
        return {"exercise": self.exercise_id, "file": self.file, "message": self.message}

    def __str__(self) -> str:
        where = "/".join(part for part in (self.exercise_id, self.file) if part)
        return f"{where}: {self.message}" if where else self.message


def lint_library(library: Library, *, run_check: RunCheck | None = None,
                 max_grade: float = MAX_GRADE) -> list[Problem]:
    """Every problem in a library; `run_check` also proves starters fail and solutions pass."""
    problems: list[Problem] = []
    counts = Counter(exercise.id for exercise in library.exercises())
    for exercise_id, count in sorted(counts.items()):
        if count > 1:
            problems.append(Problem(exercise_id, "exercise.toml",
                                    f"{count} exercises share this id; each needs its own"))
    for exercise in library.exercises():
        problems.extend(lint_exercise(exercise, run_check=run_check, max_grade=max_grade))
    return problems


def lint_lessons_folder(path: Path, *, run_check: RunCheck | None = None
                        ) -> tuple[Library | None, list[Problem]]:
    """Load and lint a lessons, track or exercise folder; data that cannot be loaded is one
    problem, not a crash."""
    try:
        library = load_lessons(path)
    except ContentError as error:
        return None, [Problem("", "", str(error))]
    return library, lint_library(library, run_check=run_check)


def lint_exercise(exercise: Exercise, *, run_check: RunCheck | None = None,
                  max_grade: float = MAX_GRADE) -> list[Problem]:
    """Every problem in one exercise."""
    found = _data_problems(exercise)
    if exercise.kind == "tests":
        found += lint_tests_exercise(exercise)
    if exercise.kind == "git":
        found += git_exercise_problems(exercise, max_grade)
    found += exercise_outside_problems(exercise)
    found += _plain_english_problems(exercise, max_grade)
    if run_check is not None:
        found += _run_problems(exercise, run_check)
    return [Problem(exercise.id, file, message) for file, message in found]


def lint_summary(library: Library | None, problems: list[Problem]) -> dict[str, Any]:
    """Counts per track and every problem, for `tutor lessons lint --json`."""
    per_exercise = Counter(problem.exercise_id for problem in problems)
    tracks = []
    for track in library.tracks if library else ():
        tracks.append({
            "id": track.id,
            "title": track.title,
            "exercises": len(track.exercises),
            "problems": sum(per_exercise[exercise.id] for exercise in track.exercises),
        })
    return {
        "ok": not problems,
        "exercises": len(library.exercises()) if library else 0,
        "problems": len(problems),
        "tracks": tracks,
        "items": [problem.to_json() for problem in problems],
    }


def _data_problems(exercise: Exercise) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if len(exercise.hints) < MIN_HINTS:
        found.append(("exercise.toml", f"it has {len(exercise.hints)} hint(s); give at least "
                      f"{MIN_HINTS}, from a nudge to nearly the answer"))
    if not exercise.starter_files:
        found.append(("exercise.toml", "files is empty; list the files the learner edits"))
    for name in exercise.starter_files:
        if name not in exercise.solution_files:
            found.append((f"solution/{name}", "this learner file is missing from solution/"))
    for name in exercise.solution_files:
        if name not in exercise.starter_files:
            found.append((f"solution/{name}", "this file is not one of the learner's files"))
    if exercise.entry is not None and exercise.entry not in exercise.starter_files:
        found.append(("exercise.toml", f"entry {exercise.entry!r} is not one of the files"))
    for folder, names in (("starter", list(exercise.starter_files) + list(exercise.asset_files)),
                          ("solution", list(exercise.solution_files)),
                          ("checks", list(exercise.check_files))):
        for name in names:
            problem = file_name_problem(name)
            if problem:
                found.append((f"{folder}/{name}", problem))
    # A git exercise's work happens in the console, so its files need no TODO: marks.
    if exercise.kind != "git" and not any(
            "TODO:" in text for text in exercise.starter_files.values()):
        found.append(("starter", "no starter file has a TODO: comment to show what to do"))
    if exercise.kind == "web" and not exercise.test_file_names:
        found.append(("checks", "there is no *.test.js file of checks"))
    return found


def _plain_english_problems(exercise: Exercise, max_grade: float) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    prose = strip_code(plain_prose(exercise.lesson_markdown))
    grade = grade_level(prose)
    if grade > max_grade:
        found.append(("lesson.md", f"the lesson reads at grade {grade:.1f}; make it "
                      f"{max_grade:g} or lower with shorter sentences and words"
                      f"{_hardest_sentence(prose)}"))
    for number, hint in enumerate(exercise.hints, start=1):
        grade = grade_level(strip_code(hint))
        if grade > max_grade:
            found.append(("exercise.toml", f"hint {number} reads at grade {grade:.1f}; make "
                          f"it {max_grade:g} or lower: {hint!r}"))
    for name, text in exercise.check_files.items():
        if name.endswith((".js", ".mjs")):
            messages = learner_messages(text)
        elif name == SQL_CHECKS_FILE:
            messages = sql_check_messages(text)
        else:
            continue
        for message in messages:
            grade = grade_level(strip_code(message.text))
            if grade > max_grade:
                found.append((f"checks/{name}", f"line {message.line}: the {message.source} "
                              f"reads at grade {grade:.1f}; make it {max_grade:g} or lower: "
                              f"{message.text!r}"))
    if exercise.kind == "tests":
        for sentence in learner_sentences_of_tests(exercise):
            grade = grade_level(strip_code(sentence))
            if grade > max_grade:
                found.append(("checks/tests.toml", f"a bug description reads at grade "
                              f"{grade:.1f}; make it {max_grade:g} or lower: {sentence!r}"))
    return found


def _hardest_sentence(prose: str) -> str:
    """A pointer to the sentence that pulls the grade up most, for the author to rewrite."""
    sentences = [line for line in prose.replace("? ", "?\n").replace(". ", ".\n").split("\n")
                 if measure(line).words >= 4]
    if not sentences:
        return ""
    worst = max(sentences, key=lambda s: measure(s).grade)
    return f"; the hardest sentence is {worst.strip()!r}"


def _run_problems(exercise: Exercise, run_check: RunCheck) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    starter = _run(exercise, exercise.starter_files, run_check)
    if isinstance(starter, str):
        found.append(("starter", starter))
    elif starter.passed:
        found.append(("starter", "the starter passes every check; it should fail until the "
                      "learner does the work"))
    elif starter.error and not starter.tests:
        found.append(("starter", f"the checks broke on the starter instead of failing: "
                      f"{starter.error}"))
    solution = _run(exercise, exercise.solution_files, run_check)
    if isinstance(solution, str):
        found.append(("solution", solution))
    elif not solution.passed:
        failed = [f"{test.name!r} ({test.message})" if test.message else repr(test.name)
                  for test in solution.tests if not test.passed]
        detail = "; ".join(failed) or solution.error or "no check ran"
        found.append(("solution", f"the solution should pass every check, but: {detail}"))
    return found


def _run(exercise: Exercise, files: dict[str, str], run_check: RunCheck) -> CheckReport | str:
    try:
        return run_check(exercise, dict(files))
    except Exception as error:  # a broken runner is reported, not allowed to stop the lint
        return f"the checks could not be run: {error}"
