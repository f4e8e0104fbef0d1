"""A learner page: locked down, watched, and stopped when learner code runs away.

Learner code is untrusted. It may loop forever, eat memory, open windows, ask for the camera,
or try to leave the page. This page refuses all of that, and a watchdog notices a page that
stops answering (an infinite loop) or grows too big, then kills its render process. Chromium
starts a fresh render process on the next load, so the sandbox recovers by itself.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineHttpRequest, QWebEnginePage, QWebEngineScript

from sandbox.results import ConsoleEntry, ConsoleLevel
from sandbox.web.profile import WebSandbox
from sandbox.web.scheme import SCHEME

TOO_LONG_MESSAGE = "Your code ran for too long. Look at your loops."
TOO_BIG_MESSAGE = "Your code used too much memory. Look at loops that make big lists or strings."
CRASHED_MESSAGE = ("The page stopped working. Your code may have used too much memory. "
                   "Look at your loops.")

REPORT_PREFIX = "__tutor_report__:"
# How long a load waits for a killed render process to be gone before it goes ahead anyway.
KILL_GRACE_MS = 2000
MAX_CONSOLE_ENTRIES = 500
_LEVELS: dict[QWebEnginePage.JavaScriptConsoleMessageLevel, ConsoleLevel] = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: "log",
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: "warn",
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: "error",
}


def resident_memory_bytes(pid: int) -> int:
    """The resident memory of a process in bytes, or 0 where the system does not say."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            fields = handle.read().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class SandboxPage(QWebEnginePage):
    """A page in the sandbox profile that may only show files from its own `tutor://host/`."""

    console_message = Signal(object)  # ConsoleEntry
    report_received = Signal(str, str)  # nonce, JSON text
    runaway_stopped = Signal(str)  # plain-English reason

    def __init__(self, sandbox: WebSandbox, host: str, parent: QObject | None = None, *,
                 unresponsive_after: float = 0.75, memory_limit_bytes: int = 1536 * 2**20) -> None:
        super().__init__(sandbox.profile, parent)
        sandbox.adopt(self)
        self.host = host.lower()
        self.unresponsive_after = unresponsive_after
        self.memory_limit_bytes = memory_limit_bytes
        self.console_entries = 0
        self._alive = True
        self._ping_sent_at: float | None = None
        self._killing = False
        self._held_load: QUrl | QWebEngineHttpRequest | None = None
        self._kill_grace = QTimer(self)
        self._kill_grace.setSingleShot(True)
        self._kill_grace.setInterval(KILL_GRACE_MS)
        self._kill_grace.timeout.connect(self._end_kill)
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(100)
        self._watchdog.timeout.connect(self._watch)
        self.setLifecycleState(QWebEnginePage.LifecycleState.Active)
        self.permissionRequested.connect(lambda permission: permission.deny())
        self.fullScreenRequested.connect(lambda request: request.reject())
        self.fileSystemAccessRequested.connect(lambda request: request.reject())
        self.desktopMediaRequested.connect(lambda request: request.cancel())
        self.registerProtocolHandlerRequested.connect(lambda request: request.reject())
        self.selectClientCertificate.connect(lambda selection: selection.selectNone())
        self.webAuthUxRequested.connect(lambda request: request.cancel())
        self.certificateError.connect(lambda error: error.rejectCertificate())
        self.renderProcessTerminated.connect(self._on_render_process_terminated)
        self.destroyed.connect(self._mark_dead)

    # -- what the page may do -------------------------------------------------------------

    def own_url(self, path: str = "") -> QUrl:
        """The URL of `path` on this page's own site."""
        return QUrl(f"{SCHEME}://{self.host}/{path.lstrip('/')}")

    def acceptNavigationRequest(self, url: QUrl | str, navigation_type: Any,  # noqa: N802
                                is_main_frame: bool) -> bool:
        url = QUrl(url)
        if url.scheme() == SCHEME and url.host().lower() == self.host:
            return True
        if url.scheme() == "about" and url.path() in ("blank", "srcdoc"):
            return True
        return False

    def load(self, target: QUrl | QWebEngineHttpRequest) -> None:  # type: ignore[override]
        """Load `target`; while a killed render process is going away, wait for it first."""
        # Killing is asynchronous. A load started before Chromium notices the death is given
        # to the dying process and fails, so the learner's next run would fail for no reason.
        if self._killing:
            self._held_load = target
            return
        super().load(target)

    def createWindow(self, window_type: Any) -> QWebEnginePage:  # noqa: N802 (Qt name)
        return None  # type: ignore[return-value]  # no window, ever

    def chooseFiles(self, mode: Any, old_files: Any, accepted: Any) -> list[str]:  # noqa: N802
        return []

    def javaScriptAlert(self, origin: QUrl | str, message: str) -> None:  # noqa: N802
        self._add_console(ConsoleEntry("log", f"alert: {message}"))

    def javaScriptConfirm(self, origin: QUrl | str, message: str) -> bool:  # noqa: N802
        self._add_console(ConsoleEntry("log", f"confirm: {message}"))
        return True

    def javaScriptPrompt(self, origin: QUrl | str, message: str,  # noqa: N802 (Qt name)
                         default: str) -> tuple[bool, str]:
        self._add_console(ConsoleEntry("log", f"prompt: {message}"))
        return False, default

    def javaScriptConsoleMessage(self, level: QWebEnginePage.JavaScriptConsoleMessageLevel,  # noqa: N802
                                 message: str, line: int, source: str) -> None:
        if message.startswith(REPORT_PREFIX):
            nonce, _, payload = message[len(REPORT_PREFIX):].partition(":")
            self.report_received.emit(nonce, payload)
            return
        self._add_console(ConsoleEntry(_LEVELS.get(level, "log"), message, source, line))

    def _add_console(self, entry: ConsoleEntry) -> None:
        self.console_entries += 1
        if self.console_entries <= MAX_CONSOLE_ENTRIES:
            self.console_message.emit(entry)
        elif self.console_entries == MAX_CONSOLE_ENTRIES + 1:
            self.console_message.emit(ConsoleEntry(
                "warn", f"Only the first {MAX_CONSOLE_ENTRIES} console lines are shown."))

    # -- the watchdog -----------------------------------------------------------------------

    def start_watching(self) -> None:
        """Begin checking that the page answers and stays within its memory limit."""
        self._ping_sent_at = None
        self._watchdog.start()

    def stop_watching(self) -> None:
        """End a run's watch. The page stays guarded while it holds the learner's code."""
        # A finished check run leaves the learner's code loaded. A timer in it may start a loop
        # or a memory bomb later, with nobody looking: a core spinning, memory filling up, and
        # the next run blamed. So the watchdog keeps going until the render process is gone.
        self._ping_sent_at = None

    def _halt_watchdog(self) -> None:
        self._watchdog.stop()
        self._ping_sent_at = None

    def stop_render_process(self) -> None:
        """Kill the render process. Chromium makes a new one at the next load."""
        pid = self.renderProcessPid()
        if pid <= 0:
            return
        self._killing = True
        self._kill_grace.start()
        try:
            os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))
        except OSError:
            self._end_kill()

    def _end_kill(self) -> None:
        self.blockSignals(False)
        self._killing = False
        self._kill_grace.stop()
        held, self._held_load = self._held_load, None
        if held is not None:
            super().load(held)

    def _watch(self) -> None:
        pid = self.renderProcessPid()
        if self._killing or pid <= 0:
            self._ping_sent_at = None  # no render process, so no learner code is running
            return
        # Memory first, on every tick: a bomb in a tight loop never answers a ping, and it can
        # take gigabytes in the time it takes the ping to count as unanswered.
        if resident_memory_bytes(pid) > self.memory_limit_bytes:
            self._stop_runaway(TOO_BIG_MESSAGE)
            return
        now = time.monotonic()
        if self._ping_sent_at is not None:
            if now - self._ping_sent_at > self.unresponsive_after:
                self._stop_runaway(TOO_LONG_MESSAGE)
            return
        self._ping_sent_at = now
        self.runJavaScript("0", QWebEngineScript.ScriptWorldId.ApplicationWorld, self._pong)

    def _pong(self, _result: object) -> None:
        if self._alive:
            self._ping_sent_at = None

    def _stop_runaway(self, reason: str) -> None:
        self._halt_watchdog()
        self.stop_render_process()
        self.runaway_stopped.emit(reason)

    def _on_render_process_terminated(self, status: Any, exit_code: int) -> None:
        if self._killing:
            # Right after this signal Chromium reports the killed page's unfinished load as
            # failed. That report is about the old page, yet a runner would take it for the
            # load it has just asked for. Hide it, and load on the next turn of the event loop.
            self._kill_grace.stop()
            self.blockSignals(True)
            QTimer.singleShot(0, self, self._end_kill)
            return
        if status != QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            self._halt_watchdog()
            self.runaway_stopped.emit(CRASHED_MESSAGE)

    def _mark_dead(self) -> None:
        self._alive = False
