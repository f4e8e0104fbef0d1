"""Builds the app: the store, the lessons, the sandbox and the window, and hands them over.

No globals: everything a window needs is made here and passed to it. The window paints
first; the web engine, which takes a moment to start, is made right after.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from sandbox.web.environment import ChromiumSetup
from tutor import __version__
from tutor.content.loader import Library, load_library
from tutor.paths import database_path
from tutor.qt_start import start_qt
from tutor.ui.about_dialog import AboutDialog, facts_text, installation_facts
from tutor.ui.accessibility import Accessibility
from tutor.ui.main_window import MainWindow

if TYPE_CHECKING:
    # Imported for real in start_services, after the window has painted: loading the store,
    # Markdown and the web runner is most of the start-up time.
    from sandbox.web.check_runner import WebCheckRunner
    from sandbox.web.preview import LivePreview
    from sandbox.web.profile import WebSandbox
    from tutor.content.packs.startup import NoLessonsError, PackLessons
    from tutor.store.store import Store
    from tutor.trust.keys import PublicKey
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
        # Text size, colours, easy reading, read aloud and the tour (tutor/ui/accessibility.py).
        self.accessibility = Accessibility(self.window)
        self.store: Store | None = None
        self.operations: Operations | None = None
        self.sandbox: WebSandbox | None = None
        self.runner: WebCheckRunner | None = None
        self.preview: LivePreview | None = None
        self.controller: ExerciseController | None = None
        self.search_index: Any = None
        self.lessons_summary = ""  # where the lessons came from, for the About box
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
        self.accessibility.attach(store=self.store, operations=self.operations)
        self.controller.exercise_opened.connect(self.accessibility.exercise_opened)
        self.accessibility.start()  # the theme and the voice, after the first paint
        from tutor.ui.staff_gate import StaffGate

        self.staff_gate = StaffGate(self.store, self.operations, self.window)
        self._add_staff_actions()
        # The export signing key is made at first start (off the GUI thread: it is written
        # and synced to disk), so its fingerprint can be read in Settings from day one.
        from tutor.exchange import workstation_key

        data_folder = self.data_dir
        self.operations.run(lambda: workstation_key(data_folder))
        from tutor.ui.learner_dialog import MyPinButton

        self.my_pin_button = MyPinButton(self.store, self.operations, self.window)
        self.window.add_top_bar_widget(self.my_pin_button)
        self.controller.store_changed.connect(self.my_pin_button.on_store_changed)
        self._build_search_index()

    def _add_staff_actions(self) -> None:
        """Fill the Staff menu. Each action asks the staff gate before it does anything."""
        from tutor.ui.export_dialog import ExportDialog
        from tutor.ui.removable_drives import FeedbackImport

        def export_progress() -> None:
            dialog = ExportDialog(store=self.store, data_folder=self.data_dir,
                                  operations=self.operations, parent=self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        def import_feedback() -> None:
            flow = FeedbackImport(store=self.store, data_folder=self.data_dir,
                                  operations=self.operations, parent=self.window)
            flow.finished.connect(flow.deleteLater)
            flow.start()

        gate = self.staff_gate
        self.window.add_staff_action(
            "Export progress...", lambda: gate.run("export progress", export_progress))
        self.window.add_staff_action(
            "Import feedback...", lambda: gate.run("import feedback", import_feedback))
        self.window.add_staff_action(
            "Learners...", lambda: gate.run("manage learners", self.show_learners))
        self.window.add_staff_action(
            "Settings...", lambda: gate.run("change settings", self.show_settings))
        self.window.add_staff_action(
            "Audit log...", lambda: gate.run("read the audit log", self.show_audit_log))

        def review_lesson_pack() -> None:
            from tutor.ui.review_window import choose_and_open_review

            choose_and_open_review(parent=self.window, data_folder=self.data_dir,
                                   store=self.store, operations=self.operations,
                                   staff_gate=gate)

        self.window.add_staff_action(
            "Review a lesson pack...",
            lambda: gate.run("review a lesson pack", review_lesson_pack))

    def show_learners(self) -> None:
        """Open the staff list of learners (only ever called through the staff gate)."""
        from tutor.ui.learner_admin import LearnersDialog

        assert self.store is not None and self.operations is not None
        dialog = LearnersDialog(self.store, self.operations, self.data_dir / "practice",
                                self.window)
        dialog.learner_renamed.connect(self._learner_renamed)
        dialog.learner_removed.connect(self._learner_removed)
        self._open_staff_dialog(dialog)

    def show_settings(self) -> None:
        """Open the workstation settings (only ever called through the staff gate)."""
        from tutor.ui.settings_dialog import SettingsDialog

        assert self.store is not None and self.operations is not None
        self._open_staff_dialog(
            SettingsDialog(self.store, self.operations, self.data_dir, self.window))

    def show_audit_log(self) -> None:
        """Open the audit log (only ever called through the staff gate)."""
        from tutor.ui.audit_view import AuditLogDialog

        assert self.store is not None and self.operations is not None
        self._open_staff_dialog(AuditLogDialog(self.store, self.operations, self.window))

    def _open_staff_dialog(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.staff_dialog = dialog  # the one open now, for tests and tours
        dialog.open()

    def _learner_renamed(self, learner_id: str, name: str) -> None:
        import dataclasses

        controller = self.controller
        if controller is not None and controller.learner is not None \
                and controller.learner.id == learner_id:
            controller.learner = dataclasses.replace(controller.learner, display_name=name)
            self.window.show_learner(name)

    def _learner_removed(self, learner_id: str) -> None:
        controller = self.controller
        if controller is not None and controller.learner is not None \
                and controller.learner.id == learner_id:
            # Their work is gone from the store: nothing more may be saved for them.
            controller.learner = None
            self.ask_for_learner()

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
        """What "About this installation" says (packs and keys are read off the GUI thread)."""
        version, reason, folder = __version__, self.chromium.reason, self.data_dir
        exercises = len(self.library.exercises())
        facts = wait_off_thread(lambda: installation_facts(
            version=version, sandbox_reason=reason, exercises=exercises, data_folder=folder))
        text = facts_text(facts)
        return f"{text}\n\n{self.lessons_summary}" if self.lessons_summary else text

    def show_about(self) -> None:
        """Show "About this installation"."""
        AboutDialog(self.about_text(), self.window).exec()

    def learner_dialog(self) -> LearnerDialog:
        """The dialog where a learner picks their name and types their PIN."""
        from tutor.ui.learner_dialog import ADD_LEARNER_ACTION, LearnerDialog

        store = self.store
        assert store is not None

        def list_learners() -> list[tuple[str, str]]:
            return [(learner.id, learner.display_name) for learner in store.list_learners()]

        def verify(learner_id: str, pin: str) -> bool:
            return wait_off_thread(lambda: store.verify_pin(learner_id, pin))

        def create(name: str, pin: str) -> str:
            from tutor.store.learner_admin import add_learner

            try:
                return wait_off_thread(lambda: add_learner(store, name, pin, via="sign-in")).id
            except Exception as error:
                raise ValueError(str(error)) from error

        # Adding a learner is a staff action; on a new workstation the screen says how.
        first_start = wait_off_thread(
            lambda: not store.has_staff_passphrase() and not store.list_learners())
        return LearnerDialog(
            list_learners, verify, create, self.window, first_start=first_start,
            staff_check=lambda then: self.staff_gate.run(ADD_LEARNER_ACTION, then))

    def ask_for_learner(self) -> None:
        """Show the sign-in screen in the window; open the chosen learner's work."""
        if self.controller is not None:
            self.controller.flush_draft()
        self.my_pin_button.set_learner(None)
        dialog = self.learner_dialog()

        def signed_in() -> None:
            if dialog.chosen_learner_id:
                self.open_learner(dialog.chosen_learner_id)
                self.window.show_workspace()

        def cancelled() -> None:
            if self.controller is not None and self.controller.learner is not None:
                self.my_pin_button.set_learner(self.controller.learner.id)
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
            self.accessibility.learner_signed_in(learner.id)  # queued before the lesson opens
            self.controller.set_learner(learner)
            self.my_pin_button.set_learner(learner.id)

    def shut_down(self) -> None:
        """Save everything, then close things in the order Qt needs."""
        self.accessibility.close()
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
    if smoke:
        return _smoke(app, chromium, lessons_root=lessons_root, trusted_from=data_dir)
    from tutor.content.packs.startup import NoLessonsError

    try:
        lessons = choose_lessons(data_dir, lessons_root)
    except NoLessonsError as error:
        # Started from the desktop, nobody reads the terminal: say it on the screen too.
        _show_no_lessons(error)
        raise  # `tutor` still prints the line and exits 2
    tutor = TutorApp(data_dir=data_dir, library=lessons.library, chromium=chromium)
    tutor.lessons_summary = lessons.summary()
    if lessons.notes:
        tutor.window.statusBar().showMessage(" ".join(lessons.notes))

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


def choose_lessons(data_dir: Path, lessons_root: Path | None, *,
                   extra_trusted: Sequence[PublicKey] = ()) -> PackLessons:
    """The lessons to show: a folder when one is given, else the installed lesson packs.

    Packs bundled with the program that are newer than the installed ones are verified and
    installed first. In a source checkout, `make packs` builds them into build/packs with a
    development key that only a source checkout trusts.
    """
    from tutor.content.packs.startup import PackLessons, app_lessons

    if lessons_root is not None:
        return PackLessons(load_library(lessons_root))
    return app_lessons(data_dir, extra_trusted=extra_trusted)


def _show_no_lessons(error: NoLessonsError) -> None:
    """Say in a window that Tutor has no lessons, why, and what IT can do about it."""
    from PySide6.QtWidgets import QMessageBox

    text = (f"Tutor cannot start, because it has no lessons to show.\n\n{error.problem}\n\n"
            f"{error.advice}")
    box = QMessageBox(QMessageBox.Icon.Warning, "Tutor has no lessons", text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the details quote file names: never markup
    box.setDetailedText("\n".join(error.notes))
    box.exec()


def _smoke(app: QApplication, chromium: ChromiumSetup, *, lessons_root: Path | None,
           trusted_from: Path) -> int:
    """Open the window offscreen, run one exercise's solution through its checks, exit.

    Lesson packs are installed into a scratch data folder, trusting the keys of the real
    one, so a smoke run proves the pack path without writing to the real data folder.
    """
    from tutor.trust.keys import KeyFileError, read_trusted_keys

    with tempfile.TemporaryDirectory(prefix="tutor-smoke-") as folder:
        try:
            trusted = read_trusted_keys(trusted_from)
        except KeyFileError:
            trusted = []
        library = choose_lessons(Path(folder), lessons_root, extra_trusted=trusted).library
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
