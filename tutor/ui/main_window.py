"""The main window: it only assembles the panels; the exercise controller drives them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.ui.console_panel import ConsolePanel
from tutor.ui.editor_tabs import EditorTabs
from tutor.ui.feedback_panel import FeedbackPanel
from tutor.ui.focus_order import move_focus
from tutor.ui.hints_panel import HintsPanel
from tutor.ui.lesson_view import LessonView
from tutor.ui.outline import CourseOutline
from tutor.ui.preview_panel import PreviewPanel
from tutor.ui.results_panel import ResultsPanel
from tutor.ui.search_panel import SearchPanel


class MainWindow(QMainWindow):
    """The learner's workspace: course, lesson, editor, preview, results and console."""

    check_requested = Signal()
    start_again_requested = Signal()
    stuck_requested = Signal()
    switch_learner_requested = Signal()
    about_requested = Signal()
    closing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tutor")
        self.outline = CourseOutline()
        self.search = SearchPanel()
        self.left_tabs = QTabWidget()
        self.lesson = LessonView()
        self.hints = HintsPanel()
        self.editor = EditorTabs()
        self.preview = PreviewPanel()
        self.results = ResultsPanel()
        self.console = ConsolePanel()
        self.feedback = FeedbackPanel()
        self.learner_label = QLabel()
        self.learner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.learner_label.setMinimumWidth(1)  # a long name at big text never widens the window
        self.check_button = QPushButton("Check my code")
        self.start_again_button = QPushButton("Start again")
        self.stuck_button = QPushButton("I'm stuck")
        self.switch_button = QPushButton("Change learner")
        self.about_button = QPushButton("About")
        # Staff actions (export, packs, learners, settings); each asks for the passphrase.
        self.staff_button = QPushButton("Staff")
        self.staff_menu = QMenu("Staff", self)
        self.bottom_tabs = QTabWidget()
        self._build()
        self._add_shortcuts()

    def _build(self) -> None:
        self.check_button.setToolTip("Run the checks on your code (Ctrl+Enter)")
        self.check_button.setAccessibleName("Check my code")
        self.check_button.setMinimumHeight(36)
        # Its green, and its focus ring, come from the theme (tutor/ui/themes.py).
        self.check_button.setObjectName("check_button")
        self.start_again_button.setToolTip("Go back to the files you started with")
        self.check_button.clicked.connect(self.check_requested)
        self.start_again_button.clicked.connect(self.start_again_requested)
        self.stuck_button.setToolTip("Ask your instructor a question about this exercise")
        self.stuck_button.clicked.connect(self.stuck_requested)
        self.switch_button.clicked.connect(self.switch_learner_requested)
        self.about_button.clicked.connect(self.about_requested)
        self.about_button.setToolTip("About this installation")
        self.staff_button.setMenu(self.staff_menu)
        self.staff_button.setToolTip("Jobs for staff only. They need the staff passphrase.")
        self.staff_button.setAccessibleName("Staff menu")

        top_bar = QHBoxLayout()
        top_bar.setContentsMargins(6, 4, 6, 4)
        top_bar.addWidget(self.learner_label)
        top_bar.addStretch(1)
        top_bar.addWidget(self.switch_button)
        top_bar.addWidget(self.staff_button)
        top_bar.addWidget(self.about_button)
        self._top_bar = top_bar

        actions = QHBoxLayout()
        actions.setContentsMargins(0, 2, 0, 2)
        actions.addWidget(self.check_button)
        actions.addWidget(self.start_again_button)
        actions.addWidget(self.stuck_button)
        actions.addStretch(1)

        lesson_column = QSplitter(Qt.Orientation.Vertical)
        lesson_column.addWidget(self.lesson)
        lesson_column.addWidget(self.hints)
        lesson_column.setStretchFactor(0, 3)
        lesson_column.setStretchFactor(1, 1)
        lesson_column.setSizes([470, 200])

        editor_column = QWidget()
        editor_layout = QVBoxLayout(editor_column)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.editor, 1)
        editor_layout.addLayout(actions)

        self.bottom_tabs.addTab(self.results, "Checks")
        self.bottom_tabs.addTab(self.console, "Console")
        self.bottom_tabs.addTab(self.feedback, "Feedback")
        self.feedback.summary_changed.connect(
            lambda title: self.bottom_tabs.setTabText(self.bottom_tabs.indexOf(self.feedback),
                                                      title))
        self.bottom_tabs.setAccessibleName("Check results, console and feedback")
        # What the exercise produces: the page preview for web work, a result table for
        # SQL, a console and commit graph for git. Kind-specific widgets are added later.
        self.work_area = QStackedWidget()
        self.work_area.addWidget(self.preview)
        right_column = QSplitter(Qt.Orientation.Vertical)
        right_column.addWidget(self.work_area)
        right_column.addWidget(self.bottom_tabs)
        right_column.setSizes([380, 300])

        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(lesson_column)
        middle.addWidget(editor_column)
        middle.addWidget(right_column)
        middle.setSizes([310, 430, 356])
        self._middle_split = middle

        self.left_tabs.addTab(self.outline, "Course")
        self.left_tabs.addTab(self.search, "Search")
        self.left_tabs.setAccessibleName("Course and search")
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(self.left_tabs)
        main.addWidget(middle)
        main.setSizes([270, 1096])
        self._main_split = main
        main.setStretchFactor(1, 1)

        self.workspace = QWidget()
        layout = QVBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top_bar)
        layout.addWidget(main, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        self._sign_in: QWidget | None = None
        self.resize(1366, 768)
        self.statusBar().showMessage("Welcome.")

    def _add_shortcuts(self) -> None:
        check = QAction("Check my code", self)
        check.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter"),
                            QKeySequence("F5")])
        check.triggered.connect(self._check_if_enabled)
        self.addAction(check)
        search = QAction("Search the lessons", self)
        search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+F")])
        search.triggered.connect(self.open_search)
        self.addAction(search)

    def set_panel_widths(self, outline: int, lesson: int, editor: int, right: int) -> None:
        """Share the width between the course, the lesson, the editor and the right column."""
        self._main_split.setSizes([outline, lesson + editor + right])
        self._middle_split.setSizes([lesson, editor, right])

    def add_top_bar_widget(self, widget: QWidget) -> None:
        """Put a control in the top bar, before Change learner."""
        self._top_bar.insertWidget(self._top_bar.indexOf(self.switch_button), widget)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802,A002 (Qt's names)
        """Tab goes through the workspace panel by panel (see tutor/ui/focus_order.py)."""
        return move_focus(self, next) or super().focusNextPrevChild(next)

    def add_staff_action(self, text: str, handler: Callable[[], None]) -> QAction:
        """Add an item to the Staff menu; `handler` must ask the staff gate before acting."""
        action = self.staff_menu.addAction(text)
        action.triggered.connect(handler)
        return action

    def open_search(self) -> None:
        """Show the search tab and put the cursor in its box."""
        self.left_tabs.setCurrentWidget(self.search)
        self.search.focus_search()

    def _check_if_enabled(self) -> None:
        if self.check_button.isEnabled():
            self.check_requested.emit()

    def show_work_widget(self, widget: QWidget) -> None:
        """Show `widget` where the page preview usually is (adding it the first time)."""
        if self.work_area.indexOf(widget) < 0:
            self.work_area.addWidget(widget)
        self.work_area.setCurrentWidget(widget)

    def show_sign_in(self, widget: QWidget) -> None:
        """Fill the window with the sign-in screen (the first thing a learner sees)."""
        self._drop_sign_in()
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        widget.setWindowFlags(Qt.WindowType.Widget)
        widget.show()
        self._sign_in = holder
        self.pages.addWidget(holder)
        self.pages.setCurrentWidget(holder)
        widget.setFocus()

    def show_workspace(self) -> None:
        """Show the lesson, editor and preview (after a learner has signed in)."""
        self.pages.setCurrentWidget(self.workspace)
        self._drop_sign_in()

    def _drop_sign_in(self) -> None:
        if self._sign_in is not None:
            self.pages.removeWidget(self._sign_in)
            self._sign_in.deleteLater()
            self._sign_in = None

    def show_learner(self, name: str) -> None:
        """Show who is working (a name from outside: plain text only)."""
        self.learner_label.setText(f"Learner: {name}")

    def set_checking(self, running: bool) -> None:
        """Grey out the Check button while checks run."""
        self.check_button.setEnabled(not running)
        self.check_button.setText("Checking..." if running else "Check my code")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.closing.emit()
        super().closeEvent(event)
