"""Runs store work off the GUI thread, one job at a time, and reports back by signal.

Single commits had outliers near 200 ms on a slow disk, so no store call runs on the GUI
thread. Jobs run in order on one worker thread (the store is safe to use from one thread at
a time). A job's result comes back on the GUI thread through a queued signal.
"""

from __future__ import annotations

import queue
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Job = Callable[[], Any]
Done = Callable[[Any], None]


class Operations(QObject):
    """A queue of store jobs served by one background thread."""

    job_finished = Signal(object, object)  # callback, result
    job_failed = Signal(str)  # a plain message for the learner
    _returned = Signal(object)  # (job, callback, result, failure), from the worker thread
    _STOP = object()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._serve, name="store-worker", daemon=True)
        self.job_finished.connect(self._deliver)
        self._returned.connect(self._hand_back)
        self._thread.start()

    def run(self, job: Job, on_done: Done | None = None) -> None:
        """Run `job` on the worker thread; call `on_done(result)` on the GUI thread."""
        self._jobs.put((job, on_done))

    def run_and_wait(self, job: Job, timeout: float = 10.0) -> Any:
        """Run `job` after every queued job and wait for it (only for closing the app)."""
        finished = threading.Event()
        box: list[Any] = []

        def wrapped() -> None:
            try:
                box.append(job())
            finally:
                finished.set()

        self._jobs.put((wrapped, None))
        finished.wait(timeout)
        return box[0] if box else None

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the queued jobs, then end the worker thread."""
        if self._thread.is_alive():
            self._jobs.put(self._STOP)
            self._thread.join(timeout)

    def _serve(self) -> None:
        while True:
            item = self._jobs.get()
            if item is self._STOP:
                return
            job, on_done = item
            failure: str | None = None
            result: Any = None
            try:
                result = job()
            except Exception as error:  # noqa: BLE001 - reported, never lost silently
                traceback.print_exc()
                failure = str(error) or "Something went wrong while saving."
            # The job, its callback and its result travel back to the GUI thread inside the
            # queued signal, and this thread lets go of them only after that. A closure may
            # hold the last reference to a window; freeing a window here, on the worker
            # thread, makes Qt delete it a second time on the GUI thread.
            self._returned.emit((job, on_done, result, failure))
            del item, job, on_done, result

    def _hand_back(self, payload: tuple[Job, Done | None, Any, str | None]) -> None:
        _job, on_done, result, failure = payload
        if failure is not None:
            self.job_failed.emit(failure)
        elif on_done is not None:
            self.job_finished.emit(on_done, result)

    @staticmethod
    def _deliver(on_done: Done, result: Any) -> None:
        on_done(result)
