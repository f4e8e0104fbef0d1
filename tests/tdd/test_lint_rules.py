"""The lesson linter's rules for test-writing exercises catch an author's slips."""

from __future__ import annotations

import dataclasses

from tutor.content.loader import default_lessons_root, load_lessons
from tutor.content.readability import grade_level, strip_code
from tutor.content.tests_kind import learner_sentences_of_tests, lint_tests_exercise

EXERCISES = {e.id: e for e in load_lessons(default_lessons_root() / "testing").exercises()
             if e.kind == "tests"}


def test_the_built_in_exercises_have_no_problems_and_plain_messages() -> None:
    for exercise in EXERCISES.values():
        assert lint_tests_exercise(exercise) == []
        messages = learner_sentences_of_tests(exercise)
        assert messages
        for message in messages:
            assert grade_level(strip_code(message)) <= 8, message


def test_a_shown_copy_that_differs_from_the_checked_code_is_named() -> None:
    exercise = EXERCISES["testing.fix-a-test"]
    changed = dataclasses.replace(exercise, asset_files={"total.js": b"export const total = 1;"})
    assert lint_tests_exercise(changed) == [
        ("starter/total.js", "this must be the same as checks/total.js")]


def test_red_green_start_code_must_match_the_starter() -> None:
    exercise = EXERCISES["testing.red-green"]
    starter = dict(exercise.starter_files, **{"is-odd.js": "export const isOdd = 1;\n"})
    changed = dataclasses.replace(exercise, starter_files=starter)
    assert lint_tests_exercise(changed) == [
        ("checks/starter-code.js", "this must be the same as starter/is-odd.js")]


def test_broken_settings_are_one_problem() -> None:
    exercise = EXERCISES["testing.catch-the-bugs"]
    checks = dict(exercise.check_files, **{"tests.toml": "format_version = 1\n"})
    problems = lint_tests_exercise(dataclasses.replace(exercise, check_files=checks))
    assert problems == [("checks/tests.toml", "checks/tests.toml: module must be set to some text.")]
