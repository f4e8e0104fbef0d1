"""When code cannot load, the learner gets one failed check, "Your code loads", that names the
file and the line to fix in plain words, never a stack trace or a URL."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.results import CheckReport
from sandbox.web.check_runner import run_check_sync

USES_TWO_FER = "import { twoFer } from './two-fer';\ntest('works', () => { twoFer(); });\n"

CASES: dict[str, tuple[dict[str, str], str, str]] = {
    "a syntax error in the learner's file": (
        {"two-fer.js": "export function twoFer() {\n  return 'hi';\n}}\n"},
        USES_TWO_FER,
        "There is a mistake in two-fer.js on line 3: Unexpected token '}'"),
    "a missing export": (
        {"two-fer.js": "function twoFer() {\n  return 'hi';\n}\n"},
        USES_TWO_FER,
        "The checks need `twoFer` from two-fer.js, but two-fer.js does not export it. "
        "Put the word `export` in front of the line that makes it."),
    "a missing default export": (
        {"two-fer.js": "export function twoFer() {}\n"},
        "import twoFer from './two-fer';\ntest('works', () => {});\n",
        "The checks need the default export of two-fer.js, but two-fer.js has none. "
        "Add `export default` in front of what two-fer.js should give."),
    "an error thrown while loading": (
        {"two-fer.js": "export function twoFer() {}\nconst size = undefined.length;\n"},
        USES_TWO_FER,
        "There is a mistake in two-fer.js on line 2: "
        "Cannot read properties of undefined (reading 'length')"),
    "CommonJS instead of modules": (
        {"two-fer.js": "function twoFer() {}\nmodule.exports = { twoFer };\n"},
        "import './two-fer';\ntest('works', () => {});\n",
        "There is a mistake in two-fer.js on line 2: module is not defined. Here, files share "
        "code with `export` and `import`, not `module.exports` or `require`."),
    "a misspelt file name": (
        {"two_fer.js": "export function twoFer() {}\n"},
        USES_TWO_FER,
        "The checks need a file called two-fer.js, but there is no file with that name. "
        "Check the file name."),
    "a learner file that imports a missing file": (
        {"two-fer.js": "import { shout } from './shout.js';\nexport function twoFer() {}\n"},
        USES_TWO_FER,
        "There is a mistake in two-fer.js on line 1: there is no file called shout.js."),
    "a learner file that imports a missing export": (
        {"two-fer.js": "\nimport { shout } from './shout';\nexport function twoFer() {}\n",
         "shout.js": "export const yell = 1;\n"},
        USES_TWO_FER,
        "There is a mistake in two-fer.js on line 2: shout.js does not export `shout`."),
    "a package name instead of a file": (
        {"two-fer.js": "import _ from 'lodash';\nexport function twoFer() {}\n"},
        USES_TWO_FER,
        'There is a mistake in two-fer.js on line 1: "lodash" is not a file here. To import one '
        'of your own files, start its name with "./", like "./lodash.js".'),
    "a syntax error in a check file": (
        {"two-fer.js": "export function twoFer() {}\n"},
        "import { twoFer } from './two-fer';\n\ntest('works', () => {\n  twoFer(;\n});\n",
        "There is a mistake in two-fer.test.js on line 4: Unexpected token ';'"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_file_that_cannot_load_is_one_failed_check(qapp: Any, case: str) -> None:
    files, checks, message = CASES[case]
    report = run_check_sync(files, {"two-fer.test.js": checks}, entry=None, time_limit_seconds=20)
    assert report.error is None
    assert [(t.name, t.status, t.message) for t in report.tests] == [
        ("Your code loads", "failed", message)]
    assert not report.passed
    assert "tutor://" not in message


def test_other_check_files_still_run(qapp: Any) -> None:
    checks = {"a.test.js": "import { nothing } from './gone';\ntest('never runs', () => {});\n",
              "b.test.js": "test('still runs', () => { expect(1).toBe(1); });\n"}
    report: CheckReport = run_check_sync({}, checks, entry=None, time_limit_seconds=20)
    assert [(t.name, t.status) for t in report.tests] == [
        ("Your code loads", "failed"), ("still runs", "passed")]


def test_the_learners_page_still_loads_its_own_broken_script(qapp: Any) -> None:
    files = {"index.html": "<!DOCTYPE html><h1>Hi</h1><script src='app.js'></script>",
             "app.js": "let = ;\n"}
    checks = {"page.test.js": "test('has a heading', () => {\n"
                              "  expect(document.querySelector('h1').textContent).toBe('Hi');\n"
                              "});\n"}
    report = run_check_sync(files, checks, entry="index.html", time_limit_seconds=20)
    assert report.passed
    errors = [entry for entry in report.console if entry.level == "error"]
    assert errors and errors[0].source.endswith("app.js") and errors[0].line == 1
