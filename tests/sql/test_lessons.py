"""Every SQL exercise: the starter fails its checks, the solution passes, the text is plain."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.sql import load_sql_checks, run_sql_check
from tutor.content.lint import MAX_GRADE, lint_exercise
from tutor.content.loader import load_lessons
from tutor.content.model import Exercise
from tutor.content.readability import grade_level
from tutor.content.sql_check_text import sql_check_messages

SQL_TRACK = Path(__file__).resolve().parents[2] / "lessons" / "sql"
EXERCISES = load_lessons(SQL_TRACK).track("sql").exercises


def check(exercise: Exercise, files: dict[str, str]) -> bool:
    report = run_sql_check(exercise.check_files, files, exercise.solution_files,
                           time_limit_seconds=exercise.time_limit_seconds)
    assert report.tests, report.error
    return report.passed


def test_the_track_has_the_three_kinds_of_exercise() -> None:
    track = load_lessons(SQL_TRACK).track("sql")
    assert track.title == "Databases and SQL"
    compares = {check.compare for e in EXERCISES for check in load_sql_checks(e.check_files)}
    assert compares == {"result", "table"}
    assert all(e.kind == "sql" and e.file_names == ("query.sql",) for e in EXERCISES)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_starter_fails_and_the_solution_passes(exercise: Exercise) -> None:
    assert not check(exercise, exercise.starter_files)
    assert check(exercise, exercise.solution_files)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_the_exercise_passes_the_static_lint(exercise: Exercise) -> None:
    assert [str(problem) for problem in lint_exercise(exercise)] == []


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_check_names_and_hints_are_plain_english(exercise: Exercise) -> None:
    messages = sql_check_messages(exercise.check_files["sql.toml"])
    assert {m.source for m in messages} == {"check name", "check hint"}
    hard = [(m.text, grade_level(m.text)) for m in messages if grade_level(m.text) > MAX_GRADE]
    assert hard == []


def test_the_sentences_of_a_check_file_are_found_with_their_lines() -> None:
    text = 'format_version = 1\n\n[[checks]]\nname = "Your list has the cats"\n' \
           'compare = "result"\nhint = "Use WHERE."\n'
    assert [(m.text, m.line, m.source) for m in sql_check_messages(text)] == [
        ("Your list has the cats", 4, "check name"), ("Use WHERE.", 6, "check hint")]
    assert sql_check_messages("not = = toml") == []
