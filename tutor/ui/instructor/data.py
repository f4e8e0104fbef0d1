"""Keeps the instructor's pages supplied with figures, read off the GUI thread.

The store announces every committed change, on whichever thread made it. This object turns
that into a queued Qt signal, waits a moment so a burst of changes (an import) causes one
refresh, then works the overview out again on the store's worker thread. Only learners with
new events are worked out again (see `DashboardCache`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from tutor.store import Change, Store
from tutor.store.dashboard import DashboardCache, Overview
from tutor.ui.operations import Operations

# A burst of changes (an import writes many rows) is followed by one refresh, this long after.
REFRESH_DELAY_MS = 400


class InstructorData(QObject):
    """The overview of the class, kept fresh, and a way to run other reads off the GUI thread."""

    overview_changed = Signal(object)  # Overview
    refresh_started = Signal()
    refresh_progressed = Signal(int, int)  # learners worked out, learners to work out
    failed = Signal(str)
    _store_changed = Signal()

    def __init__(self, store: Store, operations: Operations,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._operations = operations
        self._cache = DashboardCache(store)
        self.overview: Overview | None = None
        self._running = False
        self._again = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._store_changed.connect(self._timer.start, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = store.subscribe(self._on_store_change)

    def _on_store_change(self, change: Change) -> None:
        # Called on the thread that wrote; only a queued signal crosses to the GUI thread.
        if change.kind != "audit":
            self._store_changed.emit()

    def refresh(self) -> None:
        """Work the overview out again; a refresh asked for while one runs follows it."""
        if self._closed:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self.refresh_started.emit()
        # Emitted on the worker thread; Qt queues it to the GUI thread.
        progressed = self.refresh_progressed.emit
        self._operations.run(_guarded(lambda: self._cache.refresh(progressed)), self._refreshed)

    def _refreshed(self, overview: Overview | Exception) -> None:
        self._running = False
        if self._closed:
            return
        if isinstance(overview, Exception):
            self.failed.emit(f"Tutor could not read the progress: {overview}")
            return
        self.overview = overview
        self.overview_changed.emit(overview)
        if self._again:
            self._again = False
            self.refresh()

    def read(self, job: Callable[[Store], Any], on_done: Callable[[Any], None]) -> None:
        """Run `job(store)` on the worker thread; `on_done(result)` runs on the GUI thread.

        If the job fails, `on_done` gets the exception instead, so a page never waits forever.
        """
        store = self.store
        self._operations.run(_guarded(lambda: job(store)), on_done)

    def close(self) -> None:
        """Stop listening to the store (before it closes)."""
        self._closed = True
        self._timer.stop()
        self._unsubscribe()


def _guarded(job: Callable[[], Any]) -> Callable[[], Any]:
    """The job, returning its exception rather than raising it."""
    def run() -> Any:
        try:
            return job()
        except Exception as error:  # noqa: BLE001 - handed back to the page that asked
            return error
    return run
