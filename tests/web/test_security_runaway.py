"""Runaway learner code: endless loops and memory bombs end, the app never freezes, and the
sandbox is ready for the next run by itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from sandbox.web.check_runner import TOO_SLOW_MESSAGE, WebCheckRunner, run_check_sync
from sandbox.web.page import (
    TOO_BIG_MESSAGE,
    TOO_LONG_MESSAGE,
    SandboxPage,
    resident_memory_bytes,
)
from sandbox.web.preview import LivePreview
from sandbox.web.profile import WebSandbox

if TYPE_CHECKING:  # the fixtures' types, for readers and editors; pytest supplies the values
    from conftest import TickGaps

TIME_LIMIT_SECONDS = 5.0
LONGEST_STALL_SECONDS = 0.2

PASSING_CHECK = {"sum.test.js": (
    "import { test, expect } from '@jest/globals';\n"
    "import { sum } from './sum.js';\n"
    "test('sum adds two numbers', () => { expect(sum(1, 2)).toBe(3); });\n")}
# A check that is still running when the bomb reaches its limit, so the run itself must end.
WAITING_CHECK = {"sum.test.js": (
    "import { test, expect } from '@jest/globals';\n"
    "import { sum } from './sum.js';\n"
    "test('sum adds two numbers', async () => {\n"
    "  await new Promise((done) => setTimeout(done, 1500));\n"
    "  expect(sum(1, 2)).toBe(3);\n"
    "}, 3000);\n")}
GOOD_FILES = {
    "index.html": "<!DOCTYPE html><h1>Sums</h1><script>console.log('the page ran')</script>",
    "sum.js": "export function sum(a, b) { return a + b; }\n",
}

RUNAWAYS = {
    "a loop in the page": (
        {"index.html": "<!DOCTYPE html><h1>Sums</h1><script>while (true) {}</script>",
         "sum.js": GOOD_FILES["sum.js"]}, PASSING_CHECK, TIME_LIMIT_SECONDS, TOO_LONG_MESSAGE),
    "a loop in a function a check calls": (
        {"index.html": GOOD_FILES["index.html"],
         "sum.js": "export function sum(a, b) { while (true) {} }\n"},
        PASSING_CHECK, TIME_LIMIT_SECONDS, TOO_LONG_MESSAGE),
    "a check that waits forever": (
        GOOD_FILES, {"wait.test.js": (
            "import { test } from '@jest/globals';\n"
            "test('waits', () => new Promise(() => {}), 60000);\n")},
        1.0, TOO_SLOW_MESSAGE),
}


@pytest.fixture
def check_runner(web_sandbox: WebSandbox) -> Iterator[WebCheckRunner]:
    """A check runner of the test's own, closed before its sandbox."""
    runner = WebCheckRunner(web_sandbox)
    yield runner
    runner.close()


def assert_the_next_run_works(runner: WebCheckRunner) -> None:
    """The same runner passes a good submission straight after a runaway one."""
    started = time.perf_counter()
    report = run_check_sync(GOOD_FILES, PASSING_CHECK, entry="index.html", runner=runner)
    assert report.error is None, report.error
    assert report.passed
    assert [test.name for test in report.tests] == ["sum adds two numbers"]
    assert "the page ran" in [entry.text for entry in report.console]
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("case", list(RUNAWAYS))
def test_a_runaway_check_run_ends_plainly_and_the_next_run_works(
        check_runner: WebCheckRunner, tick_gaps: TickGaps, case: str) -> None:
    files, checks, limit, message = RUNAWAYS[case]
    started = time.perf_counter()

    report = run_check_sync(files, checks, entry="index.html", time_limit_seconds=limit,
                            runner=check_runner)

    elapsed = time.perf_counter() - started
    assert report.error == message
    assert not report.passed
    assert elapsed < min(limit + 0.5, 2.5), f"the run took {elapsed:.2f} s"
    assert tick_gaps.longest < LONGEST_STALL_SECONDS, f"the app froze {tick_gaps.longest:.3f} s"
    assert_the_next_run_works(check_runner)


def test_an_endless_loop_in_the_live_preview_is_stopped_and_the_next_page_shows(
        qtbot: QtBot, preview: LivePreview, tick_gaps: TickGaps) -> None:
    looping = {"index.html": "<!DOCTYPE html><h1>Loop</h1><script>"
                             "setTimeout(() => { for (;;) {} }, 100)</script>"}
    started = time.perf_counter()
    with qtbot.waitSignal(preview.stopped, timeout=5000) as stopped:
        preview.show_files(looping, "index.html")
    assert stopped.args == [TOO_LONG_MESSAGE]
    assert time.perf_counter() - started < 2.5
    assert tick_gaps.longest < LONGEST_STALL_SECONDS, f"the app froze {tick_gaps.longest:.3f} s"

    with qtbot.waitSignal(preview.console_message, timeout=5000,
                          check_params_cb=lambda entry: entry.text == "back again"):
        preview.show_files({"index.html": "<script>console.log('back again')</script>"},
                           "index.html")


# Memory that the JavaScript heap cap does not cover: typed arrays, filled so the memory is
# really used. The first bomb keeps answering between allocations, so only the memory limit
# can stop it; the second never answers, and must not get far past the limit before it ends.
MEMORY_BOMBS = {
    "growing in steps": ("const kept = []; setInterval(() => kept.push("
                         "new Uint8Array(32 * 1024 * 1024).fill(1)), 0);", (TOO_BIG_MESSAGE,)),
    "growing in a loop": ("const kept = []; for (;;) kept.push("
                          "new Uint8Array(32 * 1024 * 1024).fill(1));",
                          (TOO_BIG_MESSAGE, TOO_LONG_MESSAGE)),
}
MEMORY_LIMIT = 512 * 2**20  # lower than the app's, to keep this test light on small machines


class PeakMemory:
    """Samples the render process's memory every 10 ms and keeps the highest figure."""

    def __init__(self, page: SandboxPage) -> None:
        self.page = page
        self.highest = 0
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._sample)
        self._timer.start()

    def _sample(self) -> None:
        pid = self.page.renderProcessPid()
        if pid > 0:
            self.highest = max(self.highest, resident_memory_bytes(pid))

    def stop(self) -> None:
        """Stop sampling."""
        self._timer.stop()


@pytest.mark.parametrize("bomb", list(MEMORY_BOMBS))
def test_a_memory_bomb_ends_near_its_limit_and_the_next_run_works(
        check_runner: WebCheckRunner, tick_gaps: TickGaps, bomb: str) -> None:
    check_runner.page.memory_limit_bytes = MEMORY_LIMIT
    script, messages = MEMORY_BOMBS[bomb]
    files = {"index.html": f"<!DOCTYPE html><script>{script}</script>",
             "sum.js": GOOD_FILES["sum.js"]}
    peak = PeakMemory(check_runner.page)
    started = time.perf_counter()

    report = run_check_sync(files, WAITING_CHECK, entry="index.html",
                            time_limit_seconds=TIME_LIMIT_SECONDS, runner=check_runner)

    peak.stop()
    assert not report.passed
    assert report.error in messages
    assert time.perf_counter() - started < 2.5
    assert peak.highest < MEMORY_LIMIT + 512 * 2**20, f"it grew to {peak.highest >> 20} MB"
    assert tick_gaps.longest < LONGEST_STALL_SECONDS, f"the app froze {tick_gaps.longest:.3f} s"
    assert_the_next_run_works(check_runner)


LATE_RUNAWAYS = {
    "a loop": ("setTimeout(() => { for (;;) {} }, 300);", TOO_LONG_MESSAGE),
    "memory growth": ("setTimeout(() => { const kept = []; setInterval(() => kept.push("
                      "new Uint8Array(32 * 1024 * 1024).fill(1)), 0); }, 300);", TOO_BIG_MESSAGE),
}


@pytest.mark.parametrize("late", list(LATE_RUNAWAYS))
def test_code_that_runs_away_after_its_run_has_ended_is_stopped_too(
        qtbot: QtBot, check_runner: WebCheckRunner, tick_gaps: TickGaps, late: str) -> None:
    """The check page keeps the learner's code after a run; it must stay guarded."""
    check_runner.page.memory_limit_bytes = MEMORY_LIMIT
    script, message = LATE_RUNAWAYS[late]
    files = {**GOOD_FILES, "index.html": f"<!DOCTYPE html><script>{script}</script>"}

    with qtbot.waitSignal(check_runner.page.runaway_stopped, timeout=5000) as stopped:
        report = run_check_sync(files, PASSING_CHECK, entry="index.html", runner=check_runner)
        assert report.passed  # the run itself ended before the code ran away

    assert stopped.args == [message]
    assert tick_gaps.longest < LONGEST_STALL_SECONDS, f"the app froze {tick_gaps.longest:.3f} s"
    assert_the_next_run_works(check_runner)  # and that run is not blamed for the old code
