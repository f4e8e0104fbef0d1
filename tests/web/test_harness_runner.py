"""The check page runs test files the way Jest does: names, hooks, skip/only/todo, async tests,
time limits, `done`, `each`, imports between files, and errors the test did not catch."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome
from sandbox.web.check_runner import run_check_sync, shared_runner

HOOK_ORDER_CHECKS = """
const order = [];
beforeAll(() => { order.push('1 - beforeAll'); });
afterAll(() => {
  order.push('1 - afterAll');
  console.log('hook order: ' + JSON.stringify(order));
});
beforeEach(() => { order.push('1 - beforeEach'); });
afterEach(() => { order.push('1 - afterEach'); });
test('outer', () => { order.push('1 - test'); });
describe('Scoped / Nested block', () => {
  beforeAll(() => { order.push('2 - beforeAll'); });
  afterAll(() => { order.push('2 - afterAll'); });
  beforeEach(() => { order.push('2 - beforeEach'); });
  afterEach(() => { order.push('2 - afterEach'); });
  test('inner', () => { order.push('2 - test'); });
});
"""

# The order Jest documents for the example above.
JEST_HOOK_ORDER = [
    "1 - beforeAll", "1 - beforeEach", "1 - test", "1 - afterEach",
    "2 - beforeAll", "1 - beforeEach", "2 - beforeEach", "2 - test", "2 - afterEach",
    "1 - afterEach", "2 - afterAll", "1 - afterAll",
]

SEMANTICS_CHECKS = r"""
import { describe, expect, test, it, beforeAll } from '@jest/globals';
import { greet, later, broken } from './greeting';

describe('greet', () => {
  describe('with a name', () => {
    test('says hello', () => { expect(greet('Ada')).toBe('Hello, Ada!'); });
  });
  it('uses a default', () => { expect(greet()).toBe('Hello, you!'); });
});
test('async test passes', async () => { expect(await later(5)).toBe(5); });
test('async test fails', async () => { expect(await later(5)).toBe(6); });
test('stops after its own time limit', () => new Promise(() => {}), 100);
test('done called later passes', (done) => { setTimeout(done, 5); });
test('done with an error fails', (done) => { setTimeout(() => done(new Error('It broke.')), 5); });
test('done never called', (done) => {}, 100);
test('done called twice', (done) => { done(); done(); });
test('returns a value', () => 5);
test('error in a timer fails the test', (done) => { setTimeout(() => { broken(); done(); }, 5); });
test('error thrown by learner code', () => { broken(); });
test('a string thrown', () => { throw 'oops'; });
xtest('xtest is skipped', () => {});
test.skip('test.skip is skipped', () => {});
xit('xit is skipped', () => {});
it.skip('it.skip is skipped', () => {});
xdescribe('xdescribe', () => { test('is skipped', () => {}); });
describe.skip('describe.skip', () => { test('is skipped', () => {}); });
test.todo('write this check later');
test.each([[1, 1, 2], [2, 2, 5]])('add(%i, %i) is %i', (a, b, sum) => { expect(a + b).toBe(sum); });
test.each`
  word       | length
  ${'cat'}   | ${3}
`('$word has $length letters', ({word, length}) => { expect(word).toHaveLength(length); });
describe.each(['morning', 'evening'])('in the %s', (time) => {
  test('has a time', () => { expect(time).toMatch(/ing$/); });
});
describe('a failing beforeAll', () => {
  beforeAll(() => { throw new Error('Setup went wrong.'); });
  test('first', () => {});
  test('second', () => {});
});
"""

ONLY_CHECKS = """
test('not focused', () => {});
test.only('focused test', () => {});
describe('plain block', () => { test('not focused either', () => {}); });
describe.only('focused block', () => { test('runs', () => {}); });
"""

GREETING = """export function greet(name = 'you') {
  return `Hello, ${name}!`;
}
export const later = (value) => new Promise((resolve) => setTimeout(() => resolve(value), 5));
export function broken() {
  return null.length;
}
"""


def _by_name(report: CheckReport) -> dict[str, Outcome]:
    assert report.error is None, report.error
    return {outcome.name: outcome for outcome in report.tests}


@pytest.fixture(scope="module")
def semantics(qapp: Any) -> CheckReport:
    """One page that runs the three check files above, one after another."""
    return run_check_sync(
        {"greeting.js": GREETING},
        {"a_hooks.test.js": HOOK_ORDER_CHECKS, "b_semantics.test.js": SEMANTICS_CHECKS,
         "c_only.test.js": ONLY_CHECKS},
        entry=None, time_limit_seconds=30)


def test_hooks_run_in_jest_order(semantics: CheckReport) -> None:
    lines = [entry.text for entry in semantics.console if entry.text.startswith("hook order: ")]
    assert len(lines) == 1
    assert json.loads(lines[0].removeprefix("hook order: ")) == JEST_HOOK_ORDER


def test_files_run_in_order_with_names_joined_like_jest(semantics: CheckReport) -> None:
    names = [outcome.name for outcome in semantics.tests]
    assert names[:3] == ["outer", "Scoped / Nested block › inner", "greet › with a name › says hello"]
    assert names[-4:] == ["not focused", "focused test", "plain block › not focused either",
                          "focused block › runs"]


def test_passing_and_failing_tests(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    for name in ("greet › with a name › says hello", "greet › uses a default",
                 "async test passes", "done called later passes"):
        assert outcomes[name].status == "passed", outcomes[name].message
    assert outcomes["async test fails"].message == (
        "expect(received).toBe(expected) // Object.is equality\n\nExpected: 6\nReceived: 5")


def test_time_limits(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    assert outcomes["stops after its own time limit"].message == "This check took longer than 100 ms."
    assert outcomes["done never called"].message == (
        "This check took longer than 100 ms. It was still waiting for done() to be called.")


def test_done_callback_errors(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    assert outcomes["done with an error fails"].message == "It broke."
    assert outcomes["done called twice"].message == (
        "Expected done to be called once, but it was called multiple times.")
    assert outcomes["returns a value"].message == (
        "test functions can only return Promise or undefined. Returned value: 5")


def test_errors_name_the_learners_file_and_line(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    expected = ("TypeError: Cannot read properties of null (reading 'length')\n\n"
                "This happened in greeting.js on line 6.")
    assert outcomes["error thrown by learner code"].message == expected
    assert outcomes["error in a timer fails the test"].message == expected
    assert outcomes["a string thrown"].message == 'thrown: "oops"'


def test_skip_and_todo_are_reported_as_skipped(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    for name in ("xtest is skipped", "test.skip is skipped", "xit is skipped", "it.skip is skipped",
                 "xdescribe › is skipped", "describe.skip › is skipped", "write this check later"):
        assert outcomes[name].status == "skipped", name


def test_only_runs_focused_tests_in_its_own_file(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    assert outcomes["focused test"].status == "passed"
    assert outcomes["focused block › runs"].status == "passed"
    assert outcomes["not focused"].status == "skipped"
    assert outcomes["plain block › not focused either"].status == "skipped"
    # Another file's tests are not affected by `only` here.
    assert outcomes["async test passes"].status == "passed"


def test_each_names_and_runs_every_row(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    assert outcomes["add(1, 1) is 2"].status == "passed"
    assert outcomes["add(2, 2) is 5"].status == "failed"
    assert outcomes["cat has 3 letters"].status == "passed"
    assert outcomes["in the morning › has a time"].status == "passed"
    assert outcomes["in the evening › has a time"].status == "passed"


def test_a_failing_before_all_fails_each_test_in_its_block(semantics: CheckReport) -> None:
    outcomes = _by_name(semantics)
    for name in ("a failing beforeAll › first", "a failing beforeAll › second"):
        assert outcomes[name].status == "failed"
        assert outcomes[name].message == "Setup went wrong."


def test_every_test_has_a_duration(semantics: CheckReport) -> None:
    ran = [outcome for outcome in semantics.tests if outcome.status != "skipped"]
    assert ran and all(outcome.duration_ms >= 0 for outcome in ran)
    assert _by_name(semantics)["stops after its own time limit"].duration_ms >= 100


def test_default_time_limit_comes_from_the_runner(qtbot: QtBot) -> None:
    runner = shared_runner()
    checks = {"slow.test.js": "test('waits forever', () => new Promise(() => {}));"}
    with qtbot.waitSignal(runner.check_finished, timeout=10_000) as finished:
        runner.start({}, checks, entry=None, test_timeout_ms=150)
    report: CheckReport = finished.args[0]
    assert [(t.name, t.status, t.message) for t in report.tests] == [
        ("waits forever", "failed", "This check took longer than 150 ms.")]


def test_modules_import_each_other_without_extensions(qapp: Any) -> None:
    files = {
        "two-fer.js": "import { format } from './lib/format';\n"
                      "export const twoFer = (name = 'you') => format(name);\n",
        "lib/format.js": "import { ME } from '../constants';\n"
                         "export const format = (name) => `One for ${name}, one for ${ME}.`;\n",
        "constants.js": "export const ME = 'me';\n",
    }
    checks = {"two-fer.test.js": (
        "import { describe, expect, test } from '@jest/globals';\n"
        "import { twoFer } from './two-fer';\n"
        "describe('twoFer', () => {\n"
        "  test('no name', () => { expect(twoFer()).toEqual('One for you, one for me.'); });\n"
        "});\n")}
    report = run_check_sync(files, checks, entry=None, time_limit_seconds=20)
    assert report.passed, report.tests
    assert [t.name for t in report.tests] == ["twoFer › no name"]
