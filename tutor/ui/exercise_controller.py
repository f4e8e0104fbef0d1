"""The learner's loop: open an exercise, type, preview, check, keep the work.

This object owns no widgets. It listens to the panels' signals, runs store work through
`Operations` (never on the GUI thread) and tells panels what to show through their public
methods. The store's change announcements refresh the course outline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from sandbox.results import CHECKS_COULD_NOT_RUN, CheckReport, ConsoleEntry
from sandbox.web.check_runner import WebCheckRunner
from sandbox.web.preview import LivePreview
from tutor.checking import run_sql_exercise, served_files
from tutor.content.loader import Library
from tutor.content.markdown import render_markdown
from tutor.content.model import Exercise
from tutor.store.models import Change, Learner
from tutor.store.store import Store
from tutor.ui.background import BackgroundCalls
from tutor.ui.git_session import GitSession, GitWorkArea
from tutor.ui.main_window import MainWindow
from tutor.ui.operations import Operations
from tutor.ui.sql_result_view import SqlResultView

PREVIEW_DELAY_MS = 400
DRAFT_DELAY_MS = 1000  # with the write itself, well inside the 2-second promise


def without_title(markdown: str) -> str:
    """Lesson text without its leading `# Title` line (the lesson view shows the title)."""
    lines = markdown.lstrip().splitlines()
    if lines and lines[0].startswith("# "):
        return "\n".join(lines[1:])
    return markdown


def where_to_go_next(exercises: tuple[Exercise, ...], progress: dict[str, Any]) -> str:
    """The exercise a learner should see on signing in: the one they last worked on, or,
    when that one is done, the next one after it that is not done yet."""
    attempted = [(p.last_attempt_at, exercise_id) for exercise_id, p in progress.items()
                 if getattr(p, "last_attempt_at", None)]
    ids = [e.id for e in exercises]
    start = 0
    if attempted:
        _time, last = max(attempted)
        if last in ids:
            if getattr(progress.get(last), "status", None) != "done":
                return last
            start = ids.index(last) + 1
    for exercise_id in ids[start:] + ids[:start]:
        if getattr(progress.get(exercise_id), "status", None) != "done":
            return exercise_id
    return ids[0]


class ExerciseController(QObject):
    """Drives the main window for one learner at a time."""

    store_changed = Signal(object)  # Change, delivered on the GUI thread
    exercise_opened = Signal(str)
    check_recorded = Signal(object)  # CheckReport, after its event is saved
    draft_saved = Signal(str)

    def __init__(self, *, store: Store, operations: Operations, library: Library,
                 runner: WebCheckRunner, preview: LivePreview, window: MainWindow,
                 practice_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ops = operations
        self._library = library
        self._runner = runner
        self._preview = preview
        self._window = window
        self.learner: Learner | None = None
        self.exercise: Exercise | None = None
        self._dirty = False
        self._checked_exercise: Exercise | None = None
        self._checked_files: dict[str, str] = {}
        self._background = BackgroundCalls(self)
        self._sql_view: SqlResultView | None = None
        self._practice_root = practice_root
        self._git_area: GitWorkArea | None = None
        self._git: GitSession | None = None
        self._preview_timer = self._single_shot(PREVIEW_DELAY_MS, self._refresh_preview)
        self._draft_timer = self._single_shot(DRAFT_DELAY_MS, self._save_draft)
        self._unsubscribe = store.subscribe(self.store_changed.emit)
        self.store_changed.connect(self._on_store_changed)
        window.outline.set_course([
            (t.id, t.title, [(e.id, e.title) for e in t.exercises]) for t in library.tracks])
        window.outline.exercise_chosen.connect(self.open_exercise)
        window.editor.files_edited.connect(self._on_edited)
        window.check_requested.connect(self.check)
        window.start_again_requested.connect(self.confirm_start_again)
        window.stuck_requested.connect(self.ask_instructor)
        window.hints.hint_revealed.connect(self._on_hint_revealed)
        runner.check_finished.connect(self._on_check_finished)
        preview.console_message.connect(self._on_preview_console)
        preview.stopped.connect(window.preview.show_notice)
        preview.reloaded.connect(self._on_preview_reloaded)

    def _single_shot(self, delay: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(delay)
        timer.timeout.connect(slot)
        return timer

    # -- learner and exercise ----------------------------------------------------------------

    def set_learner(self, learner: Learner) -> None:
        """Switch to a learner: show their progress and open where they should go next."""
        self.flush_draft()
        self.learner = learner
        self.exercise = None
        self._window.feedback.clear()  # one learner never sees another's feedback
        self._window.show_learner(learner.display_name)
        learner_id = learner.id
        self._ops.run(lambda: self._store.progress(learner_id), self._show_progress_and_open)

    def _show_progress_and_open(self, progress: dict[str, Any]) -> None:
        self._window.outline.set_status({k: v.status for k, v in progress.items()})
        if self.exercise is None:
            self.open_exercise(where_to_go_next(self._library.exercises(), progress))

    def open_exercise(self, exercise_id: str) -> None:
        """Show an exercise with the learner's draft, or its starter files."""
        if self.learner is None:
            return
        if self.exercise is not None and self.exercise.id == exercise_id:
            return
        self.flush_draft()
        exercise = self._library.get(exercise_id)
        self.exercise = exercise
        window = self._window
        window.outline.select_exercise(exercise.id)
        window.lesson.show_lesson(exercise.title,
                                  render_markdown(without_title(exercise.lesson_markdown)))
        window.results.clear()
        window.console.clear()
        window.preview.clear_notice()
        window.editor.set_read_only(True)
        self._show_work_area(exercise)
        learner_id = self.learner.id

        def load() -> tuple[dict[str, str] | None, int]:
            return (self._store.load_draft(learner_id, exercise.id),
                    self._store.hints_shown(learner_id, exercise.id))

        def show(result: tuple[dict[str, str] | None, int]) -> None:
            if self.exercise is not exercise:
                return
            draft, hints_shown = result
            files = dict(exercise.starter_files)
            if exercise.kind == "git":
                draft = None  # the practice area's working tree is the learner's work
                if self._git is not None and self._git.files_shown:
                    files = dict(self._git.files_shown)
            if draft:
                files.update({k: v for k, v in draft.items() if k in files})
            window.editor.set_files(files)
            window.editor.set_read_only(False)
            window.hints.set_hints(list(exercise.hints), hints_shown)
            window.statusBar().showMessage(
                "Your saved work is back." if draft else "Read the lesson, then change the code.")
            self._refresh_preview()
            self._show_feedback()
            self.exercise_opened.emit(exercise.id)

        self._ops.run(load, show)

    def _show_work_area(self, exercise: Exercise) -> None:
        """Show what this kind of exercise produces: a page, a table, or a git console."""
        if self._git is not None:
            self._git.close()
            self._git = None
        if exercise.kind == "git" and self.learner is not None:
            if self._git_area is None:
                self._git_area = GitWorkArea()
            self._window.show_work_widget(self._git_area)
            folder = self._practice_root / self.learner.id / exercise.id
            session = GitSession(exercise=exercise, folder=folder, area=self._git_area,
                                 background=self._background, parent=self)
            session.files_changed.connect(self._window.editor.set_files)
            session.check_finished.connect(self._on_check_finished)
            self._git = session
            session.start()
        elif exercise.kind == "sql":
            if self._sql_view is None:
                self._sql_view = SqlResultView()
            view = self._sql_view
            view.clear()
            self._window.show_work_widget(view)
            from sandbox.sql import fixture_tables

            check_files = exercise.check_files
            self._background.run(lambda: fixture_tables(check_files),
                                 lambda tables: self._show_tables(exercise, tables))
        else:
            self._window.show_work_widget(self._window.preview)

    def _show_tables(self, exercise: Exercise, tables: Any) -> None:
        if self.exercise is exercise and self._sql_view is not None \
                and not isinstance(tables, Exception):
            self._sql_view.show_tables(tables)

    # -- typing, preview and drafts ------------------------------------------------------

    def _on_edited(self, _files: dict[str, str]) -> None:
        self._dirty = True
        self._preview_timer.start()
        self._draft_timer.start()

    def _refresh_preview(self) -> None:
        if self.exercise is None:
            return
        if self.exercise.kind == "sql":
            self._run_query(self.exercise)
            return
        if self.exercise.kind == "git":
            if self._git is not None:
                self._git.write_files(self._window.editor.files())
            return
        self._window.preview.clear_notice()
        self._preview.show_files(served_files(self.exercise, self._window.editor.files()),
                                 self.exercise.entry)

    def _run_query(self, exercise: Exercise) -> None:
        """Run the learner's SQL as they type, and show its result (never a check)."""
        from sandbox.sql import run_sql_query

        sql = self._window.editor.files().get(exercise.file_names[0], "")
        check_files, limit = exercise.check_files, exercise.time_limit_seconds
        self._background.run(lambda: run_sql_query(check_files, sql, time_limit_seconds=limit),
                             lambda result: self._show_query_result(exercise, result))

    def _show_query_result(self, exercise: Exercise, result: Any) -> None:
        view = self._sql_view
        if self.exercise is not exercise or view is None:
            return
        if isinstance(result, Exception):
            view.show_error("Your query could not run. Please tell your instructor.")
        elif result.error:
            view.show_error(result.error)
        elif result.returned_rows:
            view.show_result(result.columns, result.rows, result.row_count)
        else:
            view.show_message(result.summary())

    def _on_preview_reloaded(self) -> None:
        if not self._runner.busy:
            self._window.console.clear()

    def _on_preview_console(self, entry: ConsoleEntry) -> None:
        self._window.console.add_entry(entry)

    def _save_draft(self) -> None:
        if not self._dirty or self.learner is None or self.exercise is None:
            return
        if self.exercise.kind == "git":
            self._dirty = False
            return
        self._dirty = False
        learner_id, exercise_id = self.learner.id, self.exercise.id
        files = self._window.editor.files()
        self._ops.run(lambda: self._store.save_draft(learner_id, exercise_id, files),
                      lambda _r: self.draft_saved.emit(exercise_id))

    def flush_draft(self) -> None:
        """Save unsaved typing now (when switching exercise or learner, or closing)."""
        self._draft_timer.stop()
        self._save_draft()

    # -- checking --------------------------------------------------------------------------

    def check(self) -> None:
        """Run the checks on what is in the editor now."""
        if self.exercise is None or self._runner.busy:
            return
        self.flush_draft()
        self._window.set_checking(True)
        self._window.results.show_running()
        self._window.bottom_tabs.setCurrentWidget(self._window.results)
        self._checked_files = self._window.editor.files()
        exercise = self._checked_exercise = self.exercise
        files = dict(self._checked_files)
        if exercise.kind == "git" and self._git is not None:
            self._git.write_files(files)
            self._git.check()
        elif exercise.kind == "sql":
            self._background.run(lambda: run_sql_exercise(exercise, files),
                                 self._on_background_check_finished)
        elif exercise.kind == "tests":
            # Several page runs in a row; each waits in a local event loop, so the window
            # keeps painting while they run.
            QTimer.singleShot(0, lambda: self._run_tests_exercise(exercise, files))
        else:
            self._runner.start(served_files(exercise, files), exercise.check_files,
                               entry=exercise.entry,
                               time_limit_seconds=exercise.time_limit_seconds)

    def _run_tests_exercise(self, exercise: Exercise, files: dict[str, str]) -> None:
        from sandbox.web.tdd import run_tests_check

        self._on_check_finished(run_tests_check(
            exercise.check_files, files, time_limit_seconds=exercise.time_limit_seconds))

    def _on_background_check_finished(self, report: Any) -> None:
        if isinstance(report, Exception):
            report = CheckReport.failed_with(CHECKS_COULD_NOT_RUN)
        self._on_check_finished(report)

    def _on_check_finished(self, report: CheckReport) -> None:
        exercise, self._checked_exercise = self._checked_exercise, None
        if exercise is None:
            return  # a run this controller did not start
        self._window.set_checking(False)
        if exercise is self.exercise:
            self._window.results.show_report(report)
        self._window.console.add_entries(list(report.console))
        if self.learner is None:
            return
        learner_id, files = self.learner.id, self._checked_files
        results = [t.to_json() for t in report.tests]
        self._ops.run(lambda: self._store.record_check(
            learner_id, exercise.id, exercise.content_version, passed=report.passed,
            results=results, files=files, duration_ms=report.duration_ms),
            lambda _event: self.check_recorded.emit(report))
        message = ("Well done! Every check passes." if report.passed
                   else "Not yet. Read the first check that did not pass.")
        self._window.statusBar().showMessage(message)

    # -- hints and starting again ---------------------------------------------------------

    def _on_hint_revealed(self, _count: int) -> None:
        if self.learner is None or self.exercise is None:
            return
        learner_id, exercise = self.learner.id, self.exercise
        self._ops.run(lambda: self._store.record_event(
            learner_id, exercise.id, exercise.content_version, "hint_shown"))

    def confirm_start_again(self) -> None:
        """Ask first, then put the starter files back."""
        if self.exercise is None:
            return
        answer = QMessageBox.question(
            self._window, "Start again?",
            "This puts back the code you started with. Your changes to this exercise will "
            "be gone. Do you want to start again?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.start_again()

    def start_again(self) -> None:
        """Put the starter files back and forget the draft."""
        if self.exercise is None or self.learner is None:
            return
        exercise, learner_id = self.exercise, self.learner.id
        self._draft_timer.stop()
        self._dirty = False
        if exercise.kind == "git" and self._git is not None:
            self._git.start_again()
        self._window.editor.set_files(dict(exercise.starter_files))
        self._window.results.clear()
        self._refresh_preview()

        def reset() -> None:
            self._store.discard_draft(learner_id, exercise.id)
            self._store.record_event(learner_id, exercise.id, exercise.content_version,
                                     "started_again")

        self._ops.run(reset)
        self._window.statusBar().showMessage("You are back at the start of this exercise.")

    # -- asking the instructor, and their feedback ----------------------------------------

    def ask_instructor(self) -> None:
        """Open "I'm stuck": the question is kept with the code in the editor now."""
        if self.learner is None or self.exercise is None:
            return
        from tutor.store.questions import record_question
        from tutor.ui.stuck_dialog import StuckDialog

        self.flush_draft()
        store, learner_id, exercise = self._store, self.learner.id, self.exercise
        files = self._window.editor.files()
        dialog = StuckDialog(lambda text: record_question(
            store, learner_id, exercise.id, exercise.content_version, text, files),
            self._ops, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _show_feedback(self) -> None:
        if self.learner is None or self.exercise is None:
            return
        from tutor.ui.feedback_panel import load_feedback

        learner, exercise = self.learner, self.exercise

        def show(notes: Any) -> None:
            if self.learner is learner and self.exercise is exercise:
                self._window.feedback.show_notes(notes)

        self._ops.run(lambda: load_feedback(self._store, learner.id, exercise.id), show)

    # -- store announcements -------------------------------------------------------------

    def _on_store_changed(self, change: Change) -> None:
        if self.learner is None or change.learner_id not in (None, self.learner.id):
            return
        if change.kind == "feedback" and self.exercise is not None \
                and change.exercise_id in (None, self.exercise.id):
            self._show_feedback()
        if change.kind in ("progress", "draft"):
            learner_id = self.learner.id
            self._ops.run(lambda: self._store.progress(learner_id),
                          lambda progress: self._window.outline.set_status(
                              {k: v.status for k, v in progress.items()}))

    def close(self) -> None:
        """Save what is unsaved and stop listening to the store."""
        self.flush_draft()
        if self._git is not None:
            self._git.close()
            self._git = None
        self._unsubscribe()
