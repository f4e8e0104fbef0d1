"""Adds the pages and buttons that move work across the air gap to the instructor's window:
Questions, Import progress, Reports, and the "Export feedback" staff action.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from tutor.content.loader import Library
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.feedback_export import FeedbackExportDialog
from tutor.ui.instructor.import_page import ImportPage
from tutor.ui.instructor.questions_page import QuestionsPage
from tutor.ui.instructor.reports_page import ReportsPage
from tutor.ui.instructor.window import InstructorWindow
from tutor.ui.staff_gate import StaffGate


class ExchangePages(QObject):
    """The Questions, Import and Reports pages of one window, and its feedback export."""

    feedback_dialog_opened = Signal(object)  # the FeedbackExportDialog

    def __init__(self, *, window: InstructorWindow, data: InstructorData,
                 catalog: ExerciseCatalog, library: Library | None, data_dir: Path,
                 staff_gate: StaffGate) -> None:
        super().__init__(window)
        self._window = window
        self._data = data
        self._data_dir = data_dir
        self._gate = staff_gate
        self.questions = QuestionsPage(data, catalog)
        self.importer = ImportPage(data, staff_action=staff_gate.run)
        self.reports = ReportsPage(data, library)
        self.feedback_dialog: FeedbackExportDialog | None = None
        window.add_page("Questions", self.questions)
        window.add_page("Import progress", self.importer)
        window.add_page("Reports", self.reports)
        window.add_tool_button("Import from USB stick…", self.show_import)
        window.add_tool_button("Export feedback…", self.export_feedback)
        self.questions.work_chosen.connect(window.show_work)
        window.closing.connect(self.importer.stop_asking)  # a waiting import must not hang
        for chosen in (window.dashboard.learner_chosen, window.learners.learner_chosen,
                       window.submission.learner_chosen):
            chosen.connect(self.reports.choose_learner)
        self.questions.reload()

    def show_import(self) -> None:
        """Show the Import page and look for USB sticks."""
        self._window.show_page(self.importer)
        self.importer.look()

    def export_feedback(self) -> None:
        """Ask for the staff passphrase, then open the feedback export."""
        self._gate.run("export feedback", self._open_feedback_dialog)

    def _open_feedback_dialog(self) -> None:
        dialog = FeedbackExportDialog(self._data, self._data_dir, parent=self._window)
        self.feedback_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "feedback_dialog", None))
        dialog.open()
        self.feedback_dialog_opened.emit(dialog)
