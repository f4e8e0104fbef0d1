"""The console: levels in words, where each line came from, and a cap on its length."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from sandbox.results import ConsoleEntry
from tutor.ui.console_panel import MAX_LINES, TRIMMED_NOTICE, ConsolePanel


def make_panel(qtbot: QtBot) -> ConsolePanel:
    panel = ConsolePanel()
    qtbot.addWidget(panel)
    return panel


def test_levels_are_marked_in_words_and_the_place_is_short(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.add_entry(ConsoleEntry("log", "Hello"))
    panel.add_entry(ConsoleEntry("error", "x is not defined", "tutor://host/script.js", 3))
    panel.add_entry(ConsoleEntry("warn", "Careful", "tutor://page/app.js", 0))
    assert panel.text().split("\n") == [
        "Hello",
        "Error: x is not defined  (script.js line 3)",
        "Warning: Careful  (app.js)",
    ]


def test_errors_are_also_shown_in_colour(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.add_entry(ConsoleEntry("error", "Oops"))
    view = panel.findChild(QPlainTextEdit)
    block = view.document().firstBlock()
    color = block.begin().fragment().charFormat().foreground().color()
    assert color == QColor("#b00020")


def test_text_is_never_read_as_markup(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.add_entry(ConsoleEntry("log", "<b>not bold</b> &amp;"))
    assert panel.text() == "<b>not bold</b> &amp;"


def test_only_the_newest_500_lines_are_kept_and_it_says_so_once(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    assert panel.notice() == ""
    for number in range(600):
        panel.add_entry(ConsoleEntry("log", f"line {number}"))
    lines = panel.text().split("\n")
    assert len(lines) == MAX_LINES
    assert lines[0] == "line 100" and lines[-1] == "line 599"
    assert panel.notice() == TRIMMED_NOTICE
    assert TRIMMED_NOTICE not in panel.text()
    panel.add_entries([ConsoleEntry("log", f"more {n}") for n in range(700)])
    assert panel.text().split("\n")[0] == "more 200"
    panel.clear()
    assert panel.text() == "" and panel.notice() == ""
