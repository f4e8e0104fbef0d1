"""A child process for the start-up and memory benchmarks: one window, timed, then gone.

Run as `python _startup_child.py MODE [--hold]`. MODE is one of:

- `paint-app`: the Tutor main window, built the way `run_app` builds it (no learner dialog).
- `paint-app-services-wait`: the same, but nothing starts the services before the window
  has painted (what the first paint would cost if they waited for it).
- `paint-bare`: a bare QMainWindow holding a QPlainTextEdit (the floor).
- `preview-app`: the Tutor window with its services started on a zero timer after
  `show()`, as `run_app` does, then the first web exercise's starter files shown in the
  live preview.
- `preview-bare`: a bare QMainWindow holding a QWebEngineView that loads a small page with
  `setHtml` (the floor).

It prints `KEY value` lines that the parent reads: `STARTED` (the clock at its first
statement), `IMPORTED` (its modules loaded), `PAINTED` (the end of the main window's first
paint) or `READY` (the preview's first `loadFinished`), all on the system-wide monotonic
clock the parent also reads. With `--hold` it then prints `HOLDING` and waits for a line on
standard input before it exits, so the parent can read its memory.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import os  # noqa: E402 (the clock above must be read first)
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

SMALL_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Page</title></head>"
              "<body><h1>Hello</h1><p>A small page.</p></body></html>")
WINDOW_SIZE = (1366, 768)  # the size MainWindow gives itself
SETTLE_SECONDS = 2.0


def say(key: str, value: object) -> None:
    """Report one figure to the parent."""
    sys.stdout.write(f"{key} {value!r}\n")
    sys.stdout.flush()


def finish(hold: bool, cleanup: Any = None) -> None:
    """Hold for the parent if asked, then leave at once (exit costs are not measured)."""

    def leave() -> None:
        if cleanup is not None:
            cleanup()
        sys.stdout.flush()
        # Leaving without Qt's teardown: the browser processes see their parent go and end
        # themselves. Teardown time is not part of any figure here.
        os._exit(0)

    if not hold:
        leave()
    from PySide6.QtCore import QTimer

    def settled() -> None:
        say("HOLDING", os.getpid())
        sys.stdin.readline()
        leave()

    QTimer.singleShot(int(SETTLE_SECONDS * 1000), settled)


class PaintClock:
    """Notes when the widgets of one window paint; reports the end of the first pass."""

    def __init__(self, app: Any, window: Any, on_reported: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QWidget

        self.stamps: list[float] = []
        self.services_at: float | None = None
        paint = QEvent.Type.Paint
        clock = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt name)
                if event.type() == paint and isinstance(watched, QWidget) \
                        and watched.window() is window:
                    if not clock.stamps:
                        QTimer.singleShot(0, clock.report)
                    clock.stamps.append(time.monotonic())
                return False

        self._filter = Filter()
        self._app = app
        self._on_reported = on_reported
        app.installEventFilter(self._filter)

    def report(self) -> None:
        """Print the time of the last paint in the first pass (before services started)."""
        self._app.removeEventFilter(self._filter)
        services = self.services_at
        first_pass = [t for t in self.stamps if services is None or t < services] or self.stamps
        say("PAINTED", first_pass[-1])
        say("PAINTS", len(first_pass))
        say("SERVICES_BEFORE_PAINT", int(services is not None and services < self.stamps[0]))
        self._on_reported()


def paint_app(hold: bool, *, services_wait_for_paint: bool = False) -> None:

    from tutor.app import TutorApp, when_first_painted
    from tutor.content.loader import load_library
    from tutor.qt_start import start_qt

    say("IMPORTED", time.monotonic())
    app, chromium = start_qt(headless=False)
    library = load_library(None)
    folder = tempfile.mkdtemp(prefix="tutor-benchmark-")
    tutor = TutorApp(data_dir=Path(folder), library=library, chromium=chromium)
    clock = PaintClock(app, tutor.window,
                       lambda: finish(hold, lambda: shutil.rmtree(folder, True)))

    def after_first_paint() -> None:
        # As run_app does, less the learner dialog.
        clock.services_at = time.monotonic()
        tutor.start_services()

    if not services_wait_for_paint:
        when_first_painted(tutor.window, after_first_paint)
    tutor.window.show()
    # Otherwise the services would start once the paint is reported: not part of the figure.
    app.exec()


def paint_app_services_wait(hold: bool) -> None:
    paint_app(hold, services_wait_for_paint=True)


def paint_bare(hold: bool) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    say("IMPORTED", time.monotonic())
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QPlainTextEdit())
    window.resize(*WINDOW_SIZE)
    clock = PaintClock(app, window, lambda: finish(hold))  # noqa: F841 (kept alive)
    window.show()
    app.exec()


def preview_app(hold: bool) -> None:

    from tutor.app import TutorApp, when_first_painted
    from tutor.checking import served_files
    from tutor.content.loader import load_library
    from tutor.qt_start import start_qt

    say("IMPORTED", time.monotonic())
    app, chromium = start_qt(headless=False)
    library = load_library(None)
    folder = tempfile.mkdtemp(prefix="tutor-benchmark-")
    tutor = TutorApp(data_dir=Path(folder), library=library, chromium=chromium)
    exercise = next(e for e in library.exercises() if e.kind == "web" and e.entry)

    def loaded(ok: bool) -> None:
        if "READY" in reported:
            return
        reported.add("READY")
        say("READY", time.monotonic())
        say("LOADED_OK", int(ok))
        finish(hold, lambda: shutil.rmtree(folder, True))

    reported: set[str] = set()

    def after_first_paint() -> None:
        tutor.start_services()
        assert tutor.preview is not None
        tutor.preview.page.loadFinished.connect(loaded)
        # What ExerciseController._refresh_preview does once the starter files are shown.
        tutor.preview.show_files(served_files(exercise, exercise.starter_files),
                                 exercise.entry)

    when_first_painted(tutor.window, after_first_paint)
    tutor.window.show()
    app.exec()


def preview_bare(hold: bool) -> None:
    import PySide6.QtWebEngineWidgets  # noqa: F401 (must load before the QApplication)
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication, QMainWindow

    say("IMPORTED", time.monotonic())
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    view = QWebEngineView()
    window.setCentralWidget(view)
    window.resize(*WINDOW_SIZE)
    reported: set[str] = set()

    def loaded(ok: bool) -> None:
        if "READY" in reported:
            return
        reported.add("READY")
        say("READY", time.monotonic())
        say("LOADED_OK", int(ok))
        finish(hold)

    view.loadFinished.connect(loaded)
    view.setHtml(SMALL_PAGE)
    window.show()
    app.exec()


MODES = {"paint-app": paint_app, "paint-app-services-wait": paint_app_services_wait,
         "paint-bare": paint_bare,
         "preview-app": preview_app, "preview-bare": preview_bare}

if __name__ == "__main__":
    say("STARTED", STARTED)
    MODES[sys.argv[1]]("--hold" in sys.argv[2:])
