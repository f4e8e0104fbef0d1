"""Builds the instructor's app: their own store, the lessons, and the instructor's window.

Like `tutor.app` for learners, this makes everything and hands it over; nothing is global.
The instructor's database sits beside a workstation's in the same data folder, under its
own name, so one machine can be both without mixing the two.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from tutor.content.errors import ContentError
from tutor.content.loader import Library, load_library
from tutor.paths import instructor_database_path
from tutor.qt_start import start_qt
from tutor.store import Store
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.exchange_pages import ExchangePages
from tutor.ui.instructor.window import InstructorWindow
from tutor.ui.operations import Operations
from tutor.ui.staff_gate import StaffGate

SMOKE_TIMEOUT_MS = 60_000


class InstructorApp:
    """Everything the instructor's window needs; made by `run_instructor`, or by tests."""

    def __init__(self, *, data_dir: Path, library: Library | None) -> None:
        self.data_dir = data_dir
        self.library = library
        self.store = Store.open(instructor_database_path(data_dir))
        self.operations = Operations()
        self.data = InstructorData(self.store, self.operations)
        self.catalog = ExerciseCatalog(library)
        self.window = InstructorWindow(self.data, self.catalog)
        # For staff-only actions added to this window later (imports, feedback files...).
        self.staff_gate = StaffGate(self.store, self.operations, self.window)
        self.exchange = ExchangePages(window=self.window, data=self.data, catalog=self.catalog,
                                      library=library, data_dir=data_dir,
                                      staff_gate=self.staff_gate)
        self.window.closing.connect(self.shut_down)
        self._closed = False
        self.data.refresh()

    def shut_down(self) -> None:
        """Finish queued reads, then close the store; calling it again does nothing."""
        if self._closed:
            return
        self._closed = True
        self.data.close()
        self.operations.stop()
        self.store.close()


def _library(lessons_root: Path | None) -> Library | None:
    try:
        return load_library(lessons_root)
    except ContentError:
        # Without lessons the window still works: exercises are then known by their ids.
        return None


def run_instructor(data_dir: Path, *, lessons_root: Path | None = None,
                   smoke: bool = False) -> int:
    """Open the instructor's window and run until it closes; return the exit code."""
    app, _chromium = start_qt(headless=smoke)
    instructor = InstructorApp(data_dir=data_dir, library=_library(lessons_root))
    if smoke:
        return _smoke(instructor)
    instructor.window.show()
    return app.exec()


def _smoke(instructor: InstructorApp) -> int:
    """Open the window offscreen, wait for the first overview, report it and close."""
    loop = QEventLoop()
    instructor.data.overview_changed.connect(lambda _overview: loop.quit())
    instructor.window.show()
    QTimer.singleShot(SMOKE_TIMEOUT_MS, loop.quit)
    if instructor.data.overview is None:
        loop.exec()
    overview = instructor.data.overview
    instructor.window.close()
    if overview is None:
        print("smoke: the instructor window opened but could not read the progress.")
        return 1
    print(f"smoke: the instructor window opened with {len(overview.learners)} learners "
          f"and {overview.events} events.")
    return 0
