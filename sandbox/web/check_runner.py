"""Runs an exercise's Jest-style checks against the learner's files in a sandboxed page.

One run: the learner's files and the check files are put in memory at `tutor://check/`, the
exercise's page (or a blank page) loads, the harness imports the check files and runs them,
and reports back through the console with a one-time code. A watchdog and an overall time
limit make sure every run ends, whatever the learner's code does.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from sandbox.results import (
    CHECKS_COULD_NOT_RUN,
    NO_CHECKS,
    CheckReport,
    ConsoleEntry,
    TestOutcome,
    TestStatus,
)
from sandbox.web.page import SandboxPage
from sandbox.web.profile import WebSandbox
from sandbox.web.scheme import BLANK_PAGE, make_site
from sandbox.web.viewport import OffscreenViewport

CHECK_HOST = "check"
DEFAULT_TEST_TIMEOUT_MS = 2000
TOO_SLOW_MESSAGE = "The checks took too long to finish. Look for code that waits forever."
NOT_LOADED_MESSAGE = "Your page could not be loaded. Check the file names."

_LAUNCH = """
import(new URL('/__tutor__/runner.js', location.href).href)
  .then(m => m.runTestFiles(%(files)s, %(options)s))
  .then(r => __tutorReport(%(nonce)s, JSON.stringify(r)),
        e => __tutorReport(%(nonce)s, JSON.stringify({tests: [], error: String(e && e.stack || e)})));
"""


def check_file_names(check_files: Mapping[str, object]) -> list[str]:
    """The test files among an exercise's check files, in a stable order."""
    return sorted(p for p in check_files if p.endswith((".test.js", ".test.mjs", ".spec.js")))


def _outcome(raw: Any) -> TestOutcome:
    given = raw.get("status") if isinstance(raw, dict) else None
    status: TestStatus = given if given in ("passed", "skipped") else "failed"
    name = str(raw.get("name", "A check")) if isinstance(raw, dict) else "A check"
    message = str(raw.get("message") or "") if isinstance(raw, dict) else ""
    try:
        duration = float(raw.get("duration_ms") or 0) if isinstance(raw, dict) else 0.0
    except (TypeError, ValueError):
        duration = 0.0
    return TestOutcome(name=name, status=status, message=message, duration_ms=duration)


class WebCheckRunner(QObject):
    """Runs checks one at a time on a reused page and emits `check_finished(CheckReport)`."""

    check_finished = Signal(object)

    def __init__(self, sandbox: WebSandbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sandbox = sandbox
        # The page (and its render process, ~25 MB) is made at the first check, not before.
        self._page_or_none: SandboxPage | None = None
        self._viewport: OffscreenViewport | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._on_deadline)
        self._nonce: str | None = None
        self._tests: list[str] = []
        self._console: list[ConsoleEntry] = []
        self._started = 0.0
        self._test_timeout_ms = DEFAULT_TEST_TIMEOUT_MS

    @property
    def sandbox(self) -> WebSandbox:
        """The sandbox whose profile this runner's page uses."""
        return self._sandbox

    def close(self) -> None:
        """Stop any run and let go of the page and its invisible view."""
        self._finish_quietly()
        if self._viewport is not None:
            self._viewport.close()
            self._viewport = None

    @property
    def page(self) -> SandboxPage:
        """The page checks run in, made the first time it is needed."""
        if self._page_or_none is None:
            page = SandboxPage(self._sandbox, CHECK_HOST, self)
            self._viewport = OffscreenViewport(page)
            page.loadFinished.connect(self._on_load_finished)
            page.console_message.connect(self._on_console)
            page.report_received.connect(self._on_report)
            page.runaway_stopped.connect(self._on_runaway)
            self._page_or_none = page
        return self._page_or_none

    @property
    def _page(self) -> SandboxPage:
        return self.page

    @property
    def busy(self) -> bool:
        """True while a run is going on."""
        return self._nonce is not None

    def start(self, files: Mapping[str, str | bytes], check_files: Mapping[str, str | bytes], *,
              entry: str | None, time_limit_seconds: float = 5.0,
              test_timeout_ms: int = DEFAULT_TEST_TIMEOUT_MS) -> None:
        """Start a run; a run already going on is dropped without a report."""
        self._finish_quietly()
        self._nonce = secrets.token_hex(12)
        self._tests = check_file_names(check_files)
        self._console = []
        self._test_timeout_ms = test_timeout_ms
        self._started = time.perf_counter()
        self._sandbox.server.set_site(CHECK_HOST, make_site(files, check_files,
                                                            preload_harness=True))
        self._page.console_entries = 0
        self._deadline.start(int(time_limit_seconds * 1000))
        self._page.start_watching()
        self._page.load(self._page.own_url(entry or BLANK_PAGE))

    def _on_load_finished(self, ok: bool) -> None:
        if self._nonce is None:
            return
        if not ok:
            self._finish(CheckReport.failed_with(NOT_LOADED_MESSAGE, console=tuple(self._console)))
            return
        script = _LAUNCH % {
            "files": json.dumps(["/" + name for name in self._tests]),
            "options": json.dumps({"testTimeoutMs": self._test_timeout_ms}),
            "nonce": json.dumps(self._nonce),
        }
        self._page.runJavaScript(script)

    def _on_console(self, entry: ConsoleEntry) -> None:
        if self._nonce is not None:
            self._console.append(entry)

    def _on_report(self, nonce: str, payload: str) -> None:
        if nonce != self._nonce:
            return
        try:
            data = json.loads(payload)
        except ValueError:
            data = {"tests": [], "error": "The checks sent back a result that could not be read."}
        if not isinstance(data, dict):
            data = {"tests": []}
        tests = tuple(_outcome(t) for t in data.get("tests") or [] if isinstance(t, dict))
        error = data.get("error")
        error_text = None
        if error:
            # The harness only reports an error of its own (learner mistakes become failed
            # checks), so the learner gets a plain sentence and the detail goes to the console.
            error_text = CHECKS_COULD_NOT_RUN
            self._console.append(ConsoleEntry("error", str(error)[:2000], "checks", 0))
        passed = error_text is None and bool(tests) and all(t.status != "failed" for t in tests) \
            and any(t.passed for t in tests)
        if not tests and error_text is None:
            error_text = NO_CHECKS
        self._finish(CheckReport(passed=passed, tests=tests, console=tuple(self._console),
                                 error=error_text))

    def _on_runaway(self, reason: str) -> None:
        if self._nonce is not None:
            self._finish(CheckReport.failed_with(reason, console=tuple(self._console)))

    def _on_deadline(self) -> None:
        if self._nonce is not None:
            self._page.stop_render_process()
            self._finish(CheckReport.failed_with(TOO_SLOW_MESSAGE, console=tuple(self._console)))

    def _finish(self, report: CheckReport) -> None:
        duration = (time.perf_counter() - self._started) * 1000
        self._finish_quietly()
        self.check_finished.emit(CheckReport(
            passed=report.passed, tests=report.tests, console=report.console,
            duration_ms=duration, error=report.error, extra=report.extra))

    def _finish_quietly(self) -> None:
        self._nonce = None
        self._deadline.stop()
        if self._page_or_none is not None:
            self._page_or_none.stop_watching()




def shared_runner() -> WebCheckRunner:
    """A runner kept for the life of the QApplication, for scripts and the command line."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("Make a QApplication before running web checks.")
    runner = getattr(app, "_tutor_check_runner", None)
    if runner is None:
        sandbox = WebSandbox(app)
        runner = WebCheckRunner(sandbox, app)
        app._tutor_check_runner = runner  # type: ignore[attr-defined]
        app.aboutToQuit.connect(close_shared_runner)
    return runner


def close_shared_runner() -> None:
    """Delete the shared runner's pages and profile, in the order Qt needs at exit."""
    app = QCoreApplication.instance()
    runner = getattr(app, "_tutor_check_runner", None) if app is not None else None
    if runner is not None:
        runner.close()
        runner.sandbox.shutdown()
        app._tutor_check_runner = None  # type: ignore[union-attr]


def run_check_sync(files: Mapping[str, str | bytes], check_files: Mapping[str, str | bytes], *,
                   entry: str | None, time_limit_seconds: float = 5.0,
                   runner: WebCheckRunner | None = None) -> CheckReport:
    """Run checks and wait for the report (for the command line and tests, not the GUI)."""
    runner = runner or shared_runner()
    loop = QEventLoop()
    reports: list[CheckReport] = []

    def done(report: CheckReport) -> None:
        reports.append(report)
        loop.quit()

    runner.check_finished.connect(done)
    try:
        runner.start(files, check_files, entry=entry, time_limit_seconds=time_limit_seconds)
        if not reports:
            loop.exec()
    finally:
        runner.check_finished.disconnect(done)
    return reports[0]
