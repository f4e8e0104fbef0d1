"""The instructor's window: a list of pages on the left, the page on the right, a Back button.

The window only assembles pages and moves between them; each page fills itself from the
overview or from reads it asks `InstructorData` for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.store.dashboard import Overview
from tutor.ui.instructor.catalog import ExerciseCatalog
from tutor.ui.instructor.class_lists import ExercisesPage, LearnersPage
from tutor.ui.instructor.dashboard_page import DashboardPage, plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.exercise_page import ExercisePage
from tutor.ui.instructor.learner_page import LearnerPage
from tutor.ui.instructor.submission_view import SubmissionView

TITLE = "Tutor: Instructor"
DEMO_TITLE = "DEMO DATA"
DEMO_BANNER = ("DEMO DATA: these learners and their work are made up, for trying Tutor out. "
               "They are not real people.")


class InstructorWindow(QMainWindow):
    """Dashboard, Learners and Exercises pages, and pages added later with `add_page`."""

    closing = Signal()

    def __init__(self, data: InstructorData, catalog: ExerciseCatalog,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setWindowTitle(TITLE)
        # Table headings without the box the theme draws round lists and tables: inside a
        # heading that box takes the room of the words and cuts them off.
        self.banner = plain_label(DEMO_BANNER)
        # The same loud yellow in every theme, on purpose: black on it keeps over 13 to 1.
        self.banner.setStyleSheet("background: #ffd23f; color: #000; font-weight: bold; "
                                  "padding: 6px; border-bottom: 2px solid #b38f00;")
        self.banner.hide()
        self.back_button = QPushButton("◀ Back")
        self.back_button.setToolTip("Back to the page you were on (Alt+Left)")
        self.page_title = plain_label()
        self.tools = QHBoxLayout()
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(catalog)
        self.learners = LearnersPage(catalog)
        self.exercises = ExercisesPage(catalog)
        self.learner_page = LearnerPage(data, catalog)
        self.exercise_page = ExercisePage(catalog)
        self.submission = SubmissionView(data, catalog)
        self._listed: list[QWidget] = []  # the pages in the list on the left, in order
        self._history: list[Callable[[], None]] = []
        self._current: Callable[[], None] | None = None
        self._overview: Overview | None = None  # the one last shown
        self._parent_page: dict[QWidget, QWidget] = {
            self.learner_page: self.learners, self.exercise_page: self.exercises,
            self.submission: self.dashboard}
        self._build()
        self._connect()
        self.show_dashboard()

    def _build(self) -> None:
        listed: tuple[tuple[str, QWidget], ...] = (
            ("Dashboard", self.dashboard), ("Learners", self.learners),
            ("Exercises", self.exercises))
        for title, page in listed:
            self.add_page(title, page)
        for detail in (self.learner_page, self.exercise_page, self.submission):
            self.pages.addWidget(detail)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.navigation.setFont(font)
        self.navigation.setMinimumWidth(150)
        self.navigation.setMaximumWidth(220)
        title_font = self.page_title.font()
        title_font.setBold(True)
        self.page_title.setFont(title_font)
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 4)
        top.addWidget(self.back_button)
        top.addWidget(self.page_title, 1)
        top.addLayout(self.tools)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.navigation)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 1196])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.resize(1366, 768)
        self.back_button.setEnabled(False)
        self.statusBar().showMessage("Reading your learners' progress…")

    def _connect(self) -> None:
        self.navigation.currentRowChanged.connect(self._navigation_chosen)
        # A detail page keeps its list page marked; clicking that mark goes back to the list.
        self.navigation.itemClicked.connect(
            lambda item: self._navigation_chosen(self.navigation.row(item)))
        self.back_button.clicked.connect(self.go_back)
        back = QAction("Back", self)
        back.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)])
        back.triggered.connect(self.go_back)
        self.addAction(back)
        dashboard = self.dashboard
        dashboard.learner_chosen.connect(self.show_learner)
        dashboard.exercise_chosen.connect(self.show_exercise)
        dashboard.cell_chosen.connect(lambda learner, exercise: self.show_work(learner, exercise))
        self.learners.learner_chosen.connect(self.show_learner)
        self.exercises.exercise_chosen.connect(self.show_exercise)
        self.learner_page.work_chosen.connect(self.show_work)
        self.exercise_page.work_chosen.connect(self.show_work)
        self.submission.learner_chosen.connect(self.show_learner)
        self.submission.exercise_chosen.connect(self.show_exercise)
        self.data.overview_changed.connect(self.show_overview)
        self.data.refresh_started.connect(self.dashboard.show_loading)
        self.data.refresh_progressed.connect(self.dashboard.show_progress)
        self.data.failed.connect(lambda message: self.statusBar().showMessage(message))

    # ---- pages -------------------------------------------------------------------------

    def add_page(self, title: str, widget: QWidget) -> None:
        """Add a page to the list on the left (after the ones there already)."""
        self.pages.addWidget(widget)
        self._listed.append(widget)
        self.navigation.addItem(title)
        widget.setProperty("page_title", title)

    def add_tool_button(self, text: str, handler: Callable[[], None]) -> QPushButton:
        """Add a button at the top right, such as one that imports progress."""
        button = QPushButton(text)
        button.clicked.connect(handler)
        self.tools.addWidget(button)
        return button

    def show_page(self, page: QWidget) -> None:
        """Show a page from the list on the left (one added with `add_page`)."""
        if page in self._listed and page is not self.pages.currentWidget():
            title = str(page.property("page_title") or "")
            self._visit(lambda: self._show(page, title))

    def current_page(self) -> QWidget | None:
        """The page on show."""
        return self.pages.currentWidget()

    def show_dashboard(self) -> None:
        """Show the dashboard grid."""
        self._visit(lambda: self._show(self.dashboard, "Dashboard"))

    def show_learner(self, learner_id: str) -> None:
        """Show one learner's page."""
        def view() -> None:
            self.learner_page.show_learner(learner_id, self.data.overview)
            self._show(self.learner_page, "Learner")
        self._visit(view)

    def show_exercise(self, exercise_id: str) -> None:
        """Show one exercise's page."""
        def view() -> None:
            self.exercise_page.show_exercise(exercise_id, self.data.overview)
            self._show(self.exercise_page, "Exercise")
        self._visit(view)

    def show_work(self, learner_id: str, exercise_id: str, event_id: str = "") -> None:
        """Show a learner's attempts at an exercise, opening one attempt (or the latest)."""
        def view() -> None:
            self.submission.show_work(learner_id, exercise_id, event_id, self.data.overview)
            self._show(self.submission, "A learner's work on an exercise")
        self._visit(view)

    def go_back(self) -> None:
        """Show the page before this one."""
        if self._history:
            self._current = self._history.pop()
            self._current()
        self.back_button.setEnabled(bool(self._history))

    def _visit(self, view: Callable[[], None]) -> None:
        if self._current is not None:
            self._history.append(self._current)
        self._current = view
        view()
        self.back_button.setEnabled(bool(self._history))

    def _show(self, page: QWidget, title: str) -> None:
        self.pages.setCurrentWidget(page)
        self.page_title.setText(title)
        listed = self._parent_page.get(page, page)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self._listed.index(listed) if listed in self._listed
                                      else -1)
        self.navigation.blockSignals(False)

    def _navigation_chosen(self, row: int) -> None:
        page = self._listed[row] if 0 <= row < len(self._listed) else None
        if page is not None and page is not self.pages.currentWidget():
            title = str(page.property("page_title") or "")
            self._visit(lambda: self._show(page, title))

    # ---- figures -----------------------------------------------------------------------

    def show_overview(self, overview: Overview) -> None:
        """Fill every page from a new overview; the page on show keeps its place.

        A learner's page, or their work, is read again only when that learner changed, so
        an import of other learners' progress does not move what the instructor is reading.
        """
        before, self._overview = self._overview, overview
        self.dashboard.show_overview(overview)
        self.learners.show_overview(overview)
        self.exercises.show_overview(overview)
        page = self.pages.currentWidget()

        def changed(learner_id: str) -> bool:
            return before is None or before.learner(learner_id) != overview.learner(learner_id)

        if page is self.learner_page and changed(self.learner_page.learner_id):
            self.learner_page.show_learner(self.learner_page.learner_id, overview)
        elif page is self.exercise_page and self.exercise_page.exercise_id:
            self.exercise_page.show_exercise(self.exercise_page.exercise_id, overview)
        elif page is self.submission and changed(self.submission.learner_id):
            self.submission.reload()
        self.setWindowTitle(f"{TITLE}: {DEMO_TITLE}" if overview.demo else TITLE)
        self.banner.setVisible(overview.demo)
        self.statusBar().showMessage(
            f"Up to date at {datetime.now():%H:%M}. {len(overview.learners):,} learners, "
            f"{overview.events:,} events.")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.closing.emit()
        super().closeEvent(event)
