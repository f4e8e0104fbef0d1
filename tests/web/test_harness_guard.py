"""The page guard: pop-up dialogs never stop a page, windows never open, and sending a form
never leaves the page. It runs before any of the learner's code."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome
from sandbox.web.check_runner import run_check_sync

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Guard</title></head><body>
<form id="signup" action="thanks.html" method="get">
  <input id="name" name="name"><button id="send">Send</button>
</form>
<p id="greeting"></p>
<script src="script.js"></script>
</body></html>
"""

SCRIPT = """window.handledSubmits = 0;
document.querySelector('#signup').addEventListener('submit', () => {
  window.handledSubmits += 1;
  document.querySelector('#greeting').textContent =
    'Hello, ' + document.querySelector('#name').value + '!';
});
alert('Welcome!');
window.answers = {
  confirm: confirm('Ready?'),
  prompt: prompt('Your name?', 'Sam'),
  promptWithoutDefault: prompt('Your town?'),
  opened: window.open('https://example.com/'),
};
for (let i = 0; i < 500; i++) alert('again ' + i);
"""

CHECKS = """import { click, typeInto, wait } from '@tutor/checks';
test('dialogs answered at once', () => {
  expect(answers).toEqual({confirm: true, prompt: 'Sam', promptWithoutDefault: '', opened: null});
});
test('submit button stays on the page', async () => {
  typeInto('#name', 'Ada');
  click('#send');
  await wait(100);
  expect(location.pathname).toBe('/index.html');
  expect(document.querySelector('#greeting').textContent).toBe('Hello, Ada!');
});
test('form.submit() stays on the page', async () => {
  document.querySelector('#signup').submit();
  await wait(100);
  expect(location.pathname).toBe('/index.html');
  expect(handledSubmits).toBe(2);
});
test('the report channel cannot be replaced', () => {
  const before = globalThis.__tutorReport;
  expect(() => { globalThis.__tutorReport = () => {}; }).toThrow(TypeError);
  expect(() => Object.defineProperty(globalThis, '__tutorReport', {value: 1})).toThrow(TypeError);
  expect(globalThis.__tutorReport).toBe(before);
});
"""


@pytest.fixture(scope="module")
def guarded(qapp: Any) -> CheckReport:
    """The page above, checked once."""
    return run_check_sync({"index.html": PAGE, "script.js": SCRIPT}, {"guard.test.js": CHECKS},
                          entry="index.html", time_limit_seconds=30)


def _outcomes(report: CheckReport) -> dict[str, Outcome]:
    assert report.error is None, report.error
    return {outcome.name: outcome for outcome in report.tests}


def _guard_lines(report: CheckReport) -> list[str]:
    return [entry.text for entry in report.console if entry.source.endswith("/guard.js")]


def test_dialogs_do_not_block_and_show_in_the_console(guarded: CheckReport) -> None:
    assert _outcomes(guarded)["dialogs answered at once"].status == "passed"
    lines = _guard_lines(guarded)
    assert lines[:3] == ["alert: Welcome!", "confirm: Ready?", "prompt: Your name?"]
    assert "prompt: Your town?" in lines


def test_window_open_gives_nothing_and_says_why(guarded: CheckReport) -> None:
    assert "window.open: pop-up windows are turned off here." in _guard_lines(guarded)


def test_a_loop_of_alerts_is_cut_off_with_one_warning(guarded: CheckReport) -> None:
    lines = _guard_lines(guarded)
    assert 0 < sum(line.startswith("alert: again") for line in lines) < 25
    warnings = [entry for entry in guarded.console if entry.text.startswith("Too many pop-up")]
    assert len(warnings) == 1
    assert warnings[0].level == "warn"


def test_sending_a_form_never_leaves_the_page(guarded: CheckReport) -> None:
    outcomes = _outcomes(guarded)
    for name in ("submit button stays on the page", "form.submit() stays on the page"):
        assert outcomes[name].status == "passed", outcomes[name].message


def test_the_report_channel_cannot_be_replaced(guarded: CheckReport) -> None:
    outcome = _outcomes(guarded)["the report channel cannot be replaced"]
    assert outcome.status == "passed", outcome.message
