"""Exercises where the learner writes the tests: each run of their tests, against the correct
code and against broken copies, becomes one check the learner can act on."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.results import CheckReport
from sandbox.web.tdd import run_tests_check
from tutor.content.loader import default_lessons_root, load_lessons
from tutor.content.model import Exercise

TRACK = load_lessons(default_lessons_root() / "testing").tracks[0]
# The track also holds a few plain web exercises (reading a test, refactoring); these
# tests are about the exercises where the learner writes the tests.
EXERCISES = {exercise.id: exercise for exercise in TRACK.exercises if exercise.kind == "tests"}


def check(exercise_id: str, files: dict[str, str]) -> CheckReport:
    """Run one exercise's checks on the given learner files."""
    exercise = EXERCISES[exercise_id]
    return run_tests_check(exercise.check_files, files,
                           time_limit_seconds=exercise.time_limit_seconds)


def with_tests(exercise: Exercise, test_code: str) -> dict[str, str]:
    """The exercise's starter files, with the test file replaced by `test_code`."""
    files = dict(exercise.starter_files)
    test_file = next(name for name in files if name.endswith(".test.js"))
    files[test_file] = test_code
    return files


def outcome_messages(report: CheckReport) -> dict[str, tuple[str, str]]:
    return {t.name: (t.status, t.message) for t in report.tests}


def test_the_track_has_three_exercises_of_the_tests_kind() -> None:
    assert TRACK.id == "testing" and TRACK.title == "Testing"
    assert len(EXERCISES) >= 3
    assert {exercise.kind for exercise in TRACK.exercises} <= {"tests", "web"}


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_every_starter_fails_and_every_solution_passes(qapp: Any, exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    starter = check(exercise_id, exercise.starter_files)
    solution = check(exercise_id, exercise.solution_files)
    assert not starter.passed and starter.error is None
    assert any(t.status == "failed" for t in starter.tests)
    assert solution.passed, [t for t in solution.tests if not t.passed]
    assert solution.error is None


def test_a_wrong_expectation_is_named_on_the_correct_code(qapp: Any) -> None:
    report = check("testing.fix-a-test", EXERCISES["testing.fix-a-test"].starter_files)
    status, message = outcome_messages(report)["Your tests pass on the correct code"]
    assert status == "failed"
    assert 'Your test "adds up three numbers" fails on the correct code.' in message
    assert "Expected: 7" in message and "Received: 6" in message
    # Judging mutants against tests that are wrong would mislead, so they wait.
    assert [t.status for t in report.tests[1:]] == ["skipped"] * 3


def test_a_test_that_always_passes_catches_no_bug(qapp: Any) -> None:
    exercise = EXERCISES["testing.fix-a-test"]
    report = check(exercise.id, with_tests(exercise, (
        "import { expect, test } from '@jest/globals';\n"
        "import { total } from './total.js';\n"
        "test('it works', () => { total([1, 2]); expect(true).toBe(true); });\n")))
    assert not report.passed
    outcomes = outcome_messages(report)
    assert outcomes["Your tests pass on the correct code"][0] == "passed"
    missed = outcomes["Your tests notice when `total()` skips the last number"]
    assert missed == ("failed", "Your tests did not notice when `total()` skips the last "
                      "number. Keep a test with a list of two or more numbers.")
    steps = report.extra["steps"]
    assert [step["against"] for step in steps] == [
        "correct", "skips-last", "first-two-only", "empty-gives-nothing"]
    assert [step["caught"] for step in steps] == [False, False, False, False]
    assert steps[0]["tests"][0]["name"] == "it works"
    assert steps[0]["tests"][0]["passed"] is True


def test_removing_the_wrong_test_lets_one_bug_through(qapp: Any) -> None:
    exercise = EXERCISES["testing.fix-a-test"]
    report = check(exercise.id, with_tests(exercise, (
        "import { expect, test } from '@jest/globals';\n"
        "import { total } from './total.js';\n"
        "test('two', () => { expect(total([2, 3])).toBe(5); });\n"
        "test('empty', () => { expect(total([])).toBe(0); });\n")))
    failed = [t.name for t in report.tests if not t.passed]
    assert failed == ["Your tests notice when `total()` only adds up the first two numbers"]
    assert [step["caught"] for step in report.extra["steps"]] == [False, True, False, True]


def test_a_syntax_error_in_the_tests_names_the_file_and_line(qapp: Any) -> None:
    exercise = EXERCISES["testing.catch-the-bugs"]
    report = check(exercise.id, with_tests(exercise, (
        "import { expect, test } from '@jest/globals';\n"
        "import { ticketPrice } from './ticket-price.js';\n"
        "test('a child pays 3', () => {\n"
        "  expect(ticketPrice(5)).toBe(3);\n"
        ");\n")))
    assert not report.passed
    first = report.tests[0]
    assert first.name == "Your tests load" and first.status == "failed"
    assert first.message.startswith("There is a mistake in ticket-price.test.js on line 5:")
    assert all(t.status == "skipped" for t in report.tests[1:])
    assert "Traceback" not in first.message and "tutor://" not in first.message


def test_a_test_file_without_tests_says_to_write_one(qapp: Any) -> None:
    exercise = EXERCISES["testing.catch-the-bugs"]
    report = check(exercise.id, with_tests(exercise, (
        "import { ticketPrice } from './ticket-price.js';\n// TODO: tests\n")))
    assert not report.passed
    assert report.tests[0].message == "Your test file has no tests yet. Add one with `test(...)`."


def test_an_endless_loop_in_a_test_stops_with_a_plain_message(qapp: Any) -> None:
    exercise = EXERCISES["testing.catch-the-bugs"]
    report = check(exercise.id, with_tests(exercise, (
        "import { test } from '@jest/globals';\n"
        "test('waits forever', () => { while (true) {} });\n")))
    assert not report.passed
    assert report.error is not None and "ran for too long" in report.error
    assert report.tests[0].status == "failed" and "ran for too long" in report.tests[0].message
    assert all(t.status == "skipped" for t in report.tests[1:])
    # The sandbox recovers by itself: the next check runs normally.
    assert check(exercise.id, exercise.solution_files).passed


def test_red_green_needs_a_test_that_fails_on_the_code_as_given(qapp: Any) -> None:
    exercise = EXERCISES["testing.red-green"]
    files = dict(exercise.solution_files)
    files["is-odd.test.js"] = exercise.starter_files["is-odd.test.js"]
    report = check(exercise.id, files)
    status, message = outcome_messages(report)["Your tests fail on the code you were given (red)"]
    assert status == "failed"
    assert message.startswith("Your tests all pass on the code you were given.")
    assert [step["against"] for step in report.extra["steps"]] == [
        "correct", "starter code", "your code", "always-odd", "wrong-way-round"]


def test_red_green_needs_the_learners_own_code_fixed(qapp: Any) -> None:
    exercise = EXERCISES["testing.red-green"]
    files = dict(exercise.solution_files)
    files["is-odd.js"] = exercise.starter_files["is-odd.js"]
    report = check(exercise.id, files)
    status, message = outcome_messages(report)["Your tests pass on your code (green)"]
    assert status == "failed"
    assert message.startswith('Your test "-3 is odd" fails on your code. Change is-odd.js')
    assert outcome_messages(report)["Your tests fail on the code you were given (red)"][0] \
        == "passed"


def test_red_green_names_a_mistake_in_the_learners_code(qapp: Any) -> None:
    exercise = EXERCISES["testing.red-green"]
    files = dict(exercise.solution_files)
    files["is-odd.js"] = "export function isOdd(number) {\n  return number % 2 !== 0;\n}}\n"
    report = check(exercise.id, files)
    status, message = outcome_messages(report)["Your tests pass on your code (green)"]
    assert status == "failed"
    assert message.startswith("There is a mistake in is-odd.js on line 3:")
    assert not report.passed
