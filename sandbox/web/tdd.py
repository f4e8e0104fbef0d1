"""Checks for exercises where the learner writes the tests (`kind = "tests"`).

The learner's Jest test file runs several times, each time in a fresh check run, against a
different version of the code it imports: the correct code (every test must pass), and each
broken version, a "mutant" (at least one test must fail, or the tests missed that bug). A
"red-green" exercise also runs the tests against the code as it was first given (a test must
fail: red) and against the learner's own fixed code (every test must pass: green).

What to run is data in the exercise's `checks/tests.toml` (see `lessons/README.md`). This
module reads those settings without Qt, so the lesson linter can use them; the Qt check
runner is imported only when checks run.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sandbox.results import (
    CHECKS_COULD_NOT_RUN,
    NO_CHECKS,
    CheckReport,
    ConsoleEntry,
    TestOutcome,
)

if TYPE_CHECKING:
    from sandbox.web.check_runner import WebCheckRunner

SETTINGS_FILE = "tests.toml"
FORMAT_VERSION = 1
Mode = Literal["find-bugs", "red-green"]
MODES: tuple[Mode, ...] = ("find-bugs", "red-green")
TEST_FILE_ENDINGS = (".test.js", ".test.mjs", ".spec.js")
# The name runner.js gives the one failed test it reports when a file cannot load.
LOAD_CHECK_NAME = "Your code loads"
SETTINGS_KEYS = {"format_version", "mode", "module", "correct", "starter_code", "mutants"}
MUTANT_KEYS = {"file", "description", "advice"}

PASS_ON_CORRECT = "Your tests pass on the correct code"
FAIL_ON_STARTER = "Your tests fail on the code you were given (red)"
PASS_ON_OWN = "Your tests pass on your code (green)"
TESTS_LOAD = "Your tests load"
NO_TEST_FILE = ("There is no test file. Your tests go in a file whose name ends in "
                "\".test.js\".")
NO_TESTS = "Your test file has no tests yet. Add one with `test(...)`."
ALL_SKIPPED = "Your tests did not run. Take away `.skip` or `.todo` so that they run."
WAIT_FOR_CORRECT = "This check runs once your tests pass on the correct code."
WAIT_FOR_LOAD = "This check runs once your tests load and run."


class ExerciseTestsError(ValueError):
    """The exercise's `checks/tests.toml` is missing or wrong (a lesson author's mistake)."""


@dataclass(frozen=True)
class Mutant:
    """A broken version of the code, and the bug it has, in words a learner understands."""

    name: str
    file: str
    description: str
    advice: str = ""


@dataclass(frozen=True)
class ExerciseTestsSettings:
    """What a test-writing exercise runs the learner's tests against."""

    mode: Mode
    module: str
    correct: str | None
    starter_code: str | None
    mutants: tuple[Mutant, ...]

    def learner_messages(self) -> tuple[str, ...]:
        """Every sentence from the settings that a learner may read (for plain-English lint)."""
        texts = []
        for mutant in self.mutants:
            texts.append(_mutant_caught_name(mutant))
            texts.append(_mutant_missed_message(mutant))
        return tuple(texts)


def load_tests_settings(check_files: Mapping[str, str]) -> ExerciseTestsSettings:
    """Read and check `tests.toml` from an exercise's check files."""
    text = check_files.get(SETTINGS_FILE)
    if text is None:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE} is missing.")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE} is not valid TOML: {error}") from None
    if data.get("format_version") != FORMAT_VERSION:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}: format_version must be "
                                 f"{FORMAT_VERSION}.")
    _refuse_unknown(data, SETTINGS_KEYS, "")
    mode = data.get("mode", "find-bugs")
    if mode not in MODES:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}: mode must be one of "
                                 f"{', '.join(MODES)}, not {mode!r}.")
    module = _text(data, "module", "")
    correct = _check_file(data, "correct", check_files, required=mode == "find-bugs")
    starter_code = _check_file(data, "starter_code", check_files, required=mode == "red-green")
    if mode == "find-bugs" and starter_code is not None:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}: starter_code is only for red-green.")
    raw_mutants = data.get("mutants", [])
    if not isinstance(raw_mutants, list) or not all(isinstance(m, dict) for m in raw_mutants):
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}: mutants must be [[mutants]] tables.")
    mutants = tuple(_mutant(raw, check_files) for raw in raw_mutants)
    names = [mutant.name for mutant in mutants]
    if len(set(names)) != len(names):
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}: two mutants share a file name.")
    if mode == "find-bugs" and not mutants:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}: give at least one [[mutants]].")
    return ExerciseTestsSettings(mode=mode, module=module, correct=correct, starter_code=starter_code,
                         mutants=mutants)


def _refuse_unknown(data: Mapping[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}{where}: unknown setting "
                                 f"{unknown[0]!r}; the settings are {', '.join(sorted(known))}.")


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}{where}: {key} must be set to some text.")
    return value


def _check_file(data: Mapping[str, Any], key: str, check_files: Mapping[str, str], *,
                required: bool, where: str = "") -> str | None:
    if key not in data and not required:
        return None
    name = _text(data, key, where)
    if name not in check_files:
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE}{where}: {key} names checks/{name}, "
                                 "which does not exist.")
    return name


def _mutant(raw: Mapping[str, Any], check_files: Mapping[str, str]) -> Mutant:
    _refuse_unknown(raw, MUTANT_KEYS, " [[mutants]]")
    file = _check_file(raw, "file", check_files, required=True, where=" [[mutants]]")
    assert file is not None  # required=True never gives None
    advice = raw.get("advice", "")
    if not isinstance(advice, str):
        raise ExerciseTestsError(f"checks/{SETTINGS_FILE} [[mutants]]: advice must be text.")
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Mutant(name=stem, file=file,
                  description=_text(raw, "description", " [[mutants]]"), advice=advice.strip())


def _mutant_caught_name(mutant: Mutant) -> str:
    return f"Your tests notice when {mutant.description}"


def _mutant_missed_message(mutant: Mutant) -> str:
    return f"Your tests did not notice when {mutant.description}. {mutant.advice}".strip()


# -- Running ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    """One run of the learner's tests: against what, and what should happen."""

    name: str
    against: str
    code: str | None  # the code served under the module name; None: the learner's own
    should_pass: bool
    mutant: Mutant | None = None


def run_tests_check(check_files: Mapping[str, str], learner_files: Mapping[str, str], *,
                    time_limit_seconds: float = 5.0,
                    runner: WebCheckRunner | None = None) -> CheckReport:
    """Run the learner's tests against the correct code, the bugs, and (red-green) the start
    code and their own code; one outcome per run says what to do next."""
    from sandbox.web.check_runner import run_check_sync

    try:
        settings = load_tests_settings(check_files)
    except ExerciseTestsError as problem:
        return CheckReport.failed_with(CHECKS_COULD_NOT_RUN, console=(
            ConsoleEntry("error", str(problem), "checks", 0),))
    tests = {name: text for name, text in learner_files.items()
             if name.endswith(TEST_FILE_ENDINGS)}
    if not tests:
        return CheckReport(passed=False, tests=(TestOutcome(TESTS_LOAD, "failed", NO_TEST_FILE),))
    others = {name: text for name, text in learner_files.items()
              if name not in tests and name != settings.module}

    outcomes: list[TestOutcome] = []
    steps_run: list[dict[str, Any]] = []
    console: list[ConsoleEntry] = []
    duration = 0.0
    stopped = False  # a run could not finish, so later runs would tell nothing new
    error: str | None = None
    gate_passed = True  # whether the tests passed on the code that is meant to be right
    for step in _steps(settings, check_files):
        if stopped or (step.mutant is not None and not gate_passed):
            outcomes.append(TestOutcome(step.name, "skipped",
                                        WAIT_FOR_LOAD if stopped else WAIT_FOR_CORRECT))
            continue
        served: dict[str, str | bytes]
        hidden: dict[str, str | bytes]
        if step.code is None:
            served, hidden = dict(learner_files), dict(tests)
        else:
            # The code under test is hidden from the learner's file list, so failure messages
            # point at lines of their test file, never at lines of a broken version.
            served, hidden = {**others, **tests}, {**tests, settings.module: step.code}
        report = run_check_sync(served, hidden, entry=None,
                                time_limit_seconds=time_limit_seconds, runner=runner)
        duration += report.duration_ms
        if step.should_pass or report.error == CHECKS_COULD_NOT_RUN:
            console.extend(report.console)
        outcome, stop, reason = _judge(step, report, settings)
        outcomes.append(outcome)
        stopped = stopped or stop
        error = error or reason
        if step.should_pass and (step.against == "correct" or settings.correct is None):
            gate_passed = outcome.passed
        steps_run.append({"against": step.against, "caught": _caught(report),
                          "tests": [t.to_json() for t in report.tests]})
    passed = not stopped and all(o.passed for o in outcomes)
    return CheckReport(passed=passed, tests=tuple(outcomes), console=tuple(console),
                       duration_ms=duration, error=error, extra={"steps": steps_run})


def _steps(settings: ExerciseTestsSettings, check_files: Mapping[str, str]) -> list[_Step]:
    steps = []
    if settings.correct is not None:
        steps.append(_Step(PASS_ON_CORRECT, "correct", check_files[settings.correct], True))
    if settings.mode == "red-green" and settings.starter_code is not None:
        steps.append(_Step(FAIL_ON_STARTER, "starter code", check_files[settings.starter_code],
                           False))
        steps.append(_Step(PASS_ON_OWN, "your code", None, True))
    for mutant in settings.mutants:
        steps.append(_Step(_mutant_caught_name(mutant), mutant.name, check_files[mutant.file],
                           False, mutant))
    return steps


def _caught(report: CheckReport) -> bool:
    """Whether a run showed something wrong: a failed test, or code that never finished."""
    return any(t.status == "failed" for t in report.tests) or (
        not report.tests and report.error is not None)


def _judge(step: _Step, report: CheckReport, settings: ExerciseTestsSettings
           ) -> tuple[TestOutcome, bool, str | None]:
    """The outcome of one step; whether to stop all later steps; why, if the run broke."""
    load_failure = next((t for t in report.tests
                         if t.name == LOAD_CHECK_NAME and t.status == "failed"), None)
    if step.mutant is not None:
        # Whatever went wrong, the tests did not accept the broken code: that is a catch.
        if report.error == CHECKS_COULD_NOT_RUN:
            return TestOutcome(step.name, "failed", CHECKS_COULD_NOT_RUN), True, CHECKS_COULD_NOT_RUN
        if _caught(report):
            return TestOutcome(step.name, "passed", duration_ms=report.duration_ms), False, None
        return TestOutcome(step.name, "failed", _mutant_missed_message(step.mutant),
                           report.duration_ms), False, None
    if load_failure is not None:
        name = TESTS_LOAD if step.code is not None else step.name
        return TestOutcome(name, "failed", load_failure.message), True, None
    if not report.tests:
        if report.error is None or report.error == NO_CHECKS:
            return TestOutcome(step.name, "failed", NO_TESTS), True, None
        return TestOutcome(step.name, "failed", report.error), True, report.error
    if not any(t.passed or t.status == "failed" for t in report.tests):
        return TestOutcome(step.name, "failed", ALL_SKIPPED), True, None
    failed = [t for t in report.tests if t.status == "failed"]
    if not step.should_pass:
        if failed:
            return TestOutcome(step.name, "passed", duration_ms=report.duration_ms), False, None
        return TestOutcome(step.name, "failed", (
            "Your tests all pass on the code you were given. First write a test that fails "
            f"on it, because {settings.module} is not right yet. Then fix the code."),
            report.duration_ms), False, None
    if not failed:
        return TestOutcome(step.name, "passed", duration_ms=report.duration_ms), False, None
    first = failed[0]
    if step.code is None:
        advice = (f"Your test \"{first.name}\" fails on your code. "
                  f"Change {settings.module} so that it passes.")
    else:
        advice = (f"Your test \"{first.name}\" fails on the correct code. "
                  "So the test expects the wrong thing. Fix the test.")
    detail = f"\n\n{first.message}" if first.message else ""
    return TestOutcome(step.name, "failed", advice + detail, report.duration_ms), False, None
