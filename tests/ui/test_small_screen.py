"""Every panel fits, side by side, in a 1366x768 window at the default font size."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome  # not collected as a test class
from tutor.ui.console_panel import ConsolePanel
from tutor.ui.editor_tabs import EditorTabs
from tutor.ui.hints_panel import HintsPanel
from tutor.ui.learner_dialog import LearnerDialog
from tutor.ui.lesson_view import LessonView
from tutor.ui.outline import CourseOutline
from tutor.ui.results_panel import ResultsPanel


def test_all_panels_fit_a_small_screen_together(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    tabs = EditorTabs()
    tabs.set_files({"index.html": "<h1>Hi</h1>", "style.css": "", "app.js": ""})
    tabs.editor("index.html").show_find_bar()
    results = ResultsPanel()
    results.show_report(CheckReport(passed=False, tests=(
        Outcome("Has a heading", "failed", "Your page needs an <h1> heading.\nExpected: 1"),)))
    hints = HintsPanel()
    hints.set_hints(["One", "Two"], 1)
    side = QVBoxLayout()
    for panel in (results, ConsolePanel(), hints):
        side.addWidget(panel)
    row = QHBoxLayout(window)
    row.addWidget(CourseOutline())
    row.addWidget(LessonView())
    row.addWidget(tabs, 2)
    row.addLayout(side)
    minimum = row.totalMinimumSize()
    assert minimum.width() <= 1366 and minimum.height() <= 768
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= 1366 and window.height() <= 768


def test_the_sign_in_dialog_fits_a_small_screen(qtbot: QtBot) -> None:
    dialog = LearnerDialog(lambda: [("a", "Sam")], lambda _id, _pin: False,
                           lambda _name, _pin: "b")
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
