"""Runs one slow call on a thread and hands its result back on the GUI thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundCalls(QObject):
    """Starts calls on their own threads; each result comes back through a queued signal.

    For work that is not store work (store work queues in `Operations`): running SQL
    exercises, git commands and the like. Results reach `on_done` on the GUI thread.
    """

    finished = Signal(object, object)  # callback, result
    failed = Signal(object, str)  # callback, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.finished.connect(lambda done, result: done(result))
        self.failed.connect(lambda done, message: done(RuntimeError(message)))
        self._threads: list[threading.Thread] = []

    def run(self, job: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Run `job` on a new daemon thread; `on_done(result)` runs later on the GUI thread."""
        def work() -> None:
            try:
                result = job()
            except Exception as error:  # noqa: BLE001 - handed back, never lost
                traceback.print_exc()
                self.failed.emit(on_done, str(error) or error.__class__.__name__)
                return
            self.finished.emit(on_done, result)

        thread = threading.Thread(target=work, name="tutor-background", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def wait(self, timeout: float = 10.0) -> None:
        """Wait for running calls to end (when the app closes)."""
        for thread in self._threads:
            thread.join(timeout)
