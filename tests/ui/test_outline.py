"""The course outline: status in a symbol and words, chosen by click or Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tutor.ui.outline import CourseOutline

COURSE = [
    ("html", "HTML", [("html-01", "Your first heading"), ("html-02", "Paragraphs")]),
    ("css", "CSS", [("css-01", "Colours")]),
]


def make_outline(show: Callable) -> CourseOutline:
    outline = CourseOutline()
    outline.set_course(COURSE)
    outline.resize(320, 400)
    show(outline)
    return outline


def test_each_exercise_shows_its_status_in_a_symbol_and_words(
        qtbot: QtBot, show: Callable) -> None:
    outline = make_outline(show)
    outline.set_status({"html-01": "done", "html-02": "started"})
    assert outline.item_text("html-01") == "✓ Your first heading — done"
    assert outline.item_text("html-02") == "◐ Paragraphs — started"
    assert outline.item_text("css-01") == "○ Colours — not started"
    item = outline.topLevelItem(0).child(0)
    assert item.data(0, Qt.ItemDataRole.AccessibleTextRole) == "✓ Your first heading — done"
    outline.set_status({})
    assert outline.item_text("html-01") == "○ Your first heading — not started"


def test_clicking_an_exercise_chooses_it(qtbot: QtBot, show: Callable) -> None:
    outline = make_outline(show)
    item = outline.topLevelItem(1).child(0)
    centre = outline.visualItemRect(item).center()
    with qtbot.waitSignal(outline.exercise_chosen, timeout=1000) as chosen:
        qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert chosen.args == ["css-01"]


def test_enter_chooses_the_exercise_under_the_keyboard_focus(
        qtbot: QtBot, show: Callable) -> None:
    outline = make_outline(show)
    chosen: list[str] = []
    outline.exercise_chosen.connect(chosen.append)
    outline.select_exercise("html-01")
    assert chosen == []  # highlighting is not choosing
    qtbot.keyClick(outline, Qt.Key.Key_Down)
    qtbot.keyClick(outline, Qt.Key.Key_Return)
    assert chosen == ["html-02"]


def test_a_track_row_is_not_an_exercise(qtbot: QtBot, show: Callable) -> None:
    outline = make_outline(show)
    chosen: list[str] = []
    outline.exercise_chosen.connect(chosen.append)
    track_rect = outline.visualItemRect(outline.topLevelItem(0))
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(track_rect.center()))
    assert chosen == []


def test_titles_with_markup_show_literally(qtbot: QtBot) -> None:
    outline = CourseOutline()
    qtbot.addWidget(outline)
    outline.set_course([("t", "<b>Track</b>", [("e", "<i>Tags</i>")])])
    assert outline.item_text("e") == "○ <i>Tags</i> — not started"
    assert outline.topLevelItem(0).text(0) == "<b>Track</b>"
