"""Builds the app: the store, the lessons, the sandbox and the window, and hands them over.

No globals: everything a window needs is made here and passed to it. The window paints
first; the web engine, which takes a moment to start, is made right after.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from sandbox.web.environment import ChromiumSetup
from tutor import __version__
from tutor.content.loader import Library, load_library
from tutor.paths import database_path
from tutor.qt_start import start_qt
from tutor.ui.about_dialog import AboutDialog, about_text
from tutor.ui.main_window import MainWindow

if TYPE_CHECKING:
    # Imported for real in start_services, after the window has painted: loading the store,
    # Markdown and the web runner is most of the start-up time.
    from sandbox.web.check_runner import WebCheckRunner
    from sandbox.web.preview import LivePreview
    from sandbox.web.profile import WebSandbox
    from tutor.store.store import Store
    from tutor.ui.exercise_controller import ExerciseController
    from tutor.ui.learner_dialog import LearnerDialog
    from tutor.ui.operations import Operations

T = TypeVar("T")


class _Finished(QObject):
    happened = Signal()


def wait_off_thread(job: Callable[[], T]) -> T:
    """Run a slow call (such as hashing a PIN) on a thread; keep the window painting meanwhile."""
    loop = QEventLoop()
    box: dict[str, Any] = {}
    finished = _Finished()
    finished.happened.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            box["value"] = job()
        except BaseException as error:  # noqa: BLE001 - handed back to the caller below
            box["error"] = error
        finished.happened.emit()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    # Wait on the result, not on the thread: the thread may still be alive for a moment
    # after it has sent its signal, and a second exec() would then wait forever.
    while "value" not in box and "error" not in box:
        loop.exec()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


class TutorApp:
    """Everything one running app holds; made by `run_app`, or by tests."""

    def __init__(self, *, data_dir: Path, library: Library, chromium: ChromiumSetup) -> None:
        self.data_dir = data_dir
        self.library = library
        self.chromium = chromium
        self.window = MainWindow()
        self.store: Store | None = None
        self.operations: Operations | None = None
        self.sandbox: WebSandbox | None = None
        self.runner: WebCheckRunner | None = None
        self.preview: LivePreview | None = None
        self.controller: ExerciseController | None = None
        self.search_index: Any = None
        from tutor.content.glossary import load_glossary
        from tutor.ui.glossary_view import GlossaryDialog

        self.glossary = load_glossary(library.root)
        self.glossary_dialog = GlossaryDialog(self.glossary, self.window)
        self.window.lesson.glossary_link_clicked.connect(self.glossary_dialog.show_term)
        self.window.search.term_chosen.connect(self.glossary_dialog.show_term)
        self.window.closing.connect(self.shut_down)
        self.window.switch_learner_requested.connect(self.ask_for_learner)
        self.window.about_requested.connect(self.show_about)
        if not chromium.sandbox_on:
            self.window.statusBar().showMessage(chromium.reason)

    def start_services(self) -> None:
        """Open the store and start the web engine (call after the window has painted)."""
        from sandbox.web.check_runner import WebCheckRunner
        from sandbox.web.preview import LivePreview
        from sandbox.web.profile import WebSandbox
        from tutor.store.store import Store
        from tutor.ui.exercise_controller import ExerciseController
        from tutor.ui.operations import Operations

        self.store = Store.open(database_path(self.data_dir))
        self.operations = Operations()
        self.sandbox = WebSandbox()
        self.runner = WebCheckRunner(self.sandbox)
        self.preview = LivePreview(self.sandbox)
        self.window.preview.attach_page(self.preview.page)
        self.controller = ExerciseController(
            store=self.store, operations=self.operations, library=self.library,
            runner=self.runner, preview=self.preview, window=self.window,
            practice_root=self.data_dir / "practice")
        self.window.search.exercise_chosen.connect(self.controller.open_exercise)
        from tutor.ui.staff_gate import StaffGate

        self.staff_gate = StaffGate(self.store, self.operations, self.window)
        self._add_staff_actions()
        self._build_search_index()

    def _add_staff_actions(self) -> None:
        """Fill the Staff menu. Each action asks the staff gate before it does anything."""

    def _build_search_index(self) -> None:
        """Build the lesson search index on a thread; search says "getting ready" until then."""
        from tutor.content.search import SearchIndex
        from tutor.ui.background import BackgroundCalls

        library, glossary = self.library, self.glossary

        def ready(index: Any) -> None:
            if isinstance(index, Exception):
                return
            self.search_index = index
            self.window.search.set_index(index)

        self._calls = BackgroundCalls(self.window)
        self._calls.run(lambda: SearchIndex.build(library, glossary), ready)

    def about_text(self) -> str:
        """What "About this installation" says."""
        return about_text(version=__version__, sandbox_reason=self.chromium.reason,
                          exercises=len(self.library.exercises()))

    def show_about(self) -> None:
        """Show "About this installation"."""
        AboutDialog(self.about_text(), self.window).exec()

    def learner_dialog(self) -> LearnerDialog:
        """The dialog where a learner picks their name and types their PIN."""
        from tutor.ui.learner_dialog import LearnerDialog

        store = self.store
        assert store is not None

        def list_learners() -> list[tuple[str, str]]:
            return [(learner.id, learner.display_name) for learner in store.list_learners()]

        def verify(learner_id: str, pin: str) -> bool:
            return wait_off_thread(lambda: store.verify_pin(learner_id, pin))

        def create(name: str, pin: str) -> str:
            try:
                return wait_off_thread(lambda: store.create_learner(name, pin)).id
            except Exception as error:
                raise ValueError(str(error)) from error

        return LearnerDialog(list_learners, verify, create, self.window)

    def ask_for_learner(self) -> None:
        """Show the sign-in screen in the window; open the chosen learner's work."""
        if self.controller is not None:
            self.controller.flush_draft()
        dialog = self.learner_dialog()

        def signed_in() -> None:
            if dialog.chosen_learner_id:
                self.open_learner(dialog.chosen_learner_id)
                self.window.show_workspace()

        def cancelled() -> None:
            if self.controller is not None and self.controller.learner is not None:
                self.window.show_workspace()
            else:
                self.window.close()

        dialog.accepted.connect(signed_in)
        dialog.rejected.connect(cancelled)
        self.window.show_sign_in(dialog)

    def open_learner(self, learner_id: str) -> None:
        """Show a learner's work."""
        assert self.store is not None and self.controller is not None
        learner = self.store.get_learner(learner_id)
        if learner is not None:
            self.controller.set_learner(learner)

    def shut_down(self) -> None:
        """Save everything, then close things in the order Qt needs."""
        if self.controller is not None:
            self.controller.close()
        if self.operations is not None:
            self.operations.stop()
        if self.runner is not None:
            self.runner.close()
        self.window.preview.detach_page()
        if self.sandbox is not None:
            self.sandbox.shutdown()
        if self.store is not None:
            self.store.close()
        if self.search_index is not None:
            self.search_index.close()
            self.search_index = None
        self.controller = None
        self.operations = None


def run_app(data_dir: Path, *, lessons_root: Path | None = None, smoke: bool = False) -> int:
    """Open the app and run until the window closes; return the exit code."""
    app, chromium = start_qt(headless=smoke)
    library = load_library(lessons_root)
    if smoke:
        return _smoke(app, library, chromium)
    tutor = TutorApp(data_dir=data_dir, library=library, chromium=chromium)

    def after_first_paint() -> None:
        from tutor.ui.highlighter import prepare_lexers

        tutor.start_services()
        tutor.ask_for_learner()
        prepare_lexers()

    when_first_painted(tutor.window, after_first_paint)
    tutor.window.show()
    return app.exec()


class _FirstPaint(QObject):
    """Calls back once, on the turn of the event loop after a widget first paints."""

    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(1000, self._fire)  # in case no paint event comes (no screen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            parent = self.parent()
            if parent is not None:
                parent.removeEventFilter(self)
            callback()


def when_first_painted(widget: QObject, callback: Callable[[], None]) -> None:
    """Run `callback` right after `widget` first paints (so slow start-up work waits)."""
    _FirstPaint(widget, callback)


def _smoke(app: QApplication, library: Library, chromium: ChromiumSetup) -> int:
    """Open the window offscreen, run one exercise's solution through its checks, exit."""
    with tempfile.TemporaryDirectory(prefix="tutor-smoke-") as folder:
        tutor = TutorApp(data_dir=Path(folder), library=library, chromium=chromium)
        tutor.window.show()
        tutor.start_services()
        assert tutor.runner is not None
        exercise = library.exercises()[0]
        from tutor.checking import served_files

        loop = QEventLoop()
        results: list[bool] = []
        tutor.runner.check_finished.connect(lambda r: (results.append(r.passed), loop.quit()))
        tutor.runner.start(served_files(exercise, exercise.solution_files),
                           exercise.check_files, entry=exercise.entry)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        tutor.window.close()
        passed = bool(results and results[0])
        print("smoke: the main window opened and a check "
              + ("passed." if passed else "did not pass."))
        return 0 if passed else 1
