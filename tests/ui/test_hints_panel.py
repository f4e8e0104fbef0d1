"""Hints open one at a time, when the learner asks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tutor.ui.hints_panel import NO_MORE_HINTS, SHOW_HINT, HintsPanel

HINTS = ["Look at the <h1> tag.", "Headings go inside <body>.", "Type <h1>Hi</h1>."]


def test_hints_open_one_at_a_time_until_there_are_no_more(qtbot: QtBot) -> None:
    panel = HintsPanel()
    qtbot.addWidget(panel)
    panel.set_hints(HINTS, 0)
    assert panel.shown_labels() == [] and panel.button_text() == SHOW_HINT
    button = panel.findChild(QPushButton)
    for count in (1, 2, 3):
        with qtbot.waitSignal(panel.hint_revealed, timeout=1000) as revealed:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert revealed.args == [count]
    texts = [label.text() for label in panel.shown_labels()]
    assert texts == [f"Hint {n} of 3\n{hint}" for n, hint in enumerate(HINTS, 1)]
    assert panel.button_text() == NO_MORE_HINTS and not button.isEnabled()


def test_hints_already_seen_are_open_again_and_shown_as_plain_text(
        qtbot: QtBot, show: Callable) -> None:
    panel = HintsPanel()
    show(panel)
    panel.set_hints(HINTS, 2)
    labels = panel.shown_labels()
    assert len(labels) == 2
    qtbot.waitUntil(lambda: all(label.isVisible() for label in labels))
    visible = [label.text() for label in panel.findChildren(QLabel) if label.isVisible()]
    assert visible == [label.text() for label in labels]  # nothing left from before
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert "<h1>" in labels[0].text()
    panel.set_hints(["Only one."], 0)
    assert panel.shown_labels() == [] and panel.button_text() == SHOW_HINT


def test_an_exercise_with_no_hints_says_so(qtbot: QtBot) -> None:
    panel = HintsPanel()
    qtbot.addWidget(panel)
    panel.set_hints([], 0)
    assert panel.button_text() == NO_MORE_HINTS
    assert [label.text() for label in panel.shown_labels()] == [
        "There are no hints for this exercise."]
