"""Text size: A- and A+, Ctrl and + or -, one scale for every panel, remembered per learner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome  # not collected as a test class
from tutor.app import TutorApp
from tutor.ui.text_size import DEFAULT_TEXT_SIZE, TEXT_SIZES, nearest_text_size, parse_text_size

from .conftest import sign_in


def pixel_size(widget: QWidget) -> int:
    """How tall the widget's text is on screen, in pixels."""
    return QFontInfo(widget.font()).pixelSize()


def text_widgets(tutor: TutorApp) -> dict[str, QWidget]:
    """One widget of each panel whose text must grow and shrink together."""
    window = tutor.window
    window.hints.reveal_next()
    window.results.show_report(CheckReport(passed=False, tests=(
        Outcome("Has a heading", "failed", "Your page needs an <h1> heading."),)))
    row = window.results.check_rows()[0]
    return {"lesson": window.lesson, "editor": window.editor.currentWidget(),
            "hint": window.hints.shown_labels()[0], "result": row.title_label,
            "outline": window.outline, "console": window.console,
            "check button": window.check_button}


def test_stored_sizes_land_on_a_step() -> None:
    assert nearest_text_size(120) == 115 and nearest_text_size(1000) == TEXT_SIZES[-1]
    assert parse_text_size("130") == 130 and parse_text_size("plenty") is None
    assert parse_text_size(None) is None


def test_every_panel_grows_and_shrinks_together(qtbot: QtBot, workspace: TutorApp) -> None:
    widgets = text_widgets(workspace)
    size = workspace.accessibility.text_size
    before = {name: pixel_size(widget) for name, widget in widgets.items()}

    size.set_percent(200)
    qtbot.waitUntil(lambda: pixel_size(widgets["lesson"]) >= 1.8 * before["lesson"])
    for name, widget in widgets.items():
        grown = pixel_size(widget)
        assert 1.7 * before[name] <= grown <= 2.3 * before[name], (name, before[name], grown)

    size.reset()
    qtbot.waitUntil(lambda: pixel_size(widgets["lesson"]) == before["lesson"])
    assert {name: pixel_size(widget) for name, widget in widgets.items()} == before


def test_a_result_shown_after_the_change_is_big_too(qtbot: QtBot, workspace: TutorApp) -> None:
    usual = pixel_size(workspace.window.check_button)
    workspace.accessibility.text_size.set_percent(175)
    widgets = text_widgets(workspace)  # the hint and result rows are made now
    qtbot.waitUntil(lambda: pixel_size(widgets["hint"]) >= 1.6 * usual)
    assert pixel_size(widgets["result"]) >= 1.6 * usual


def test_the_keyboard_and_the_buttons_move_the_size_one_step(
        qtbot: QtBot, workspace: TutorApp) -> None:
    size = workspace.accessibility.text_size
    controls = workspace.accessibility.controls
    window = workspace.window
    workspace.window.lesson.setFocus()
    qtbot.keyClick(window.lesson, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert size.percent() == 115 and controls.size_label.text() == "115%"
    qtbot.keyClick(window.lesson, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert size.percent() == 130
    qtbot.keyClick(window.lesson, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert size.percent() == 115
    qtbot.keyClick(window.lesson, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert size.percent() == DEFAULT_TEXT_SIZE

    # The keys work from the code editor too, where Ctrl and - is not typing.
    editor = window.editor.currentWidget()
    editor.setFocus()
    text = editor.toPlainText()
    qtbot.keyClick(editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert size.percent() == 115 and editor.toPlainText() == text

    qtbot.mouseClick(controls.smaller_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(controls.smaller_button, Qt.MouseButton.LeftButton)
    assert size.percent() == 90
    assert controls.size_label.accessibleName() == "Text size 90 per cent"
    while size.can_shrink():
        size.smaller()
    assert size.percent() == TEXT_SIZES[0] and not controls.smaller_button.isEnabled()
    while size.can_grow():
        qtbot.mouseClick(controls.bigger_button, Qt.MouseButton.LeftButton)
    assert size.percent() == TEXT_SIZES[-1] and not controls.bigger_button.isEnabled()


def test_the_largest_size_still_fits_a_small_screen(qtbot: QtBot, workspace: TutorApp) -> None:
    workspace.accessibility.text_size.set_percent(TEXT_SIZES[-1])
    window = workspace.window
    qtbot.waitUntil(lambda: pixel_size(window.check_button) > 20)
    QApplication.processEvents()
    needed = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert needed.width() <= 1366 and needed.height() <= 768, needed
    # The lesson keeps room for whole words, and the buttons under the editor all show.
    qtbot.waitUntil(lambda: window.lesson.width() >= 300)
    for button in (window.check_button, window.start_again_button):
        assert button.width() >= button.sizeHint().width()
        assert button.visibleRegion().boundingRect().width() >= button.sizeHint().width()


def test_each_learner_gets_their_own_size_back(
        qtbot: QtBot, make_app: Callable[[], TutorApp]) -> None:
    tutor = make_app()
    assert tutor.store is not None and tutor.operations is not None
    big = tutor.store.create_learner("Ana", "1234")
    usual = tutor.store.create_learner("Ben", "1234")
    for learner in (big, usual):
        tutor.store.set_learner_setting(learner.id, "tour_done", "yes")
    sign_in(qtbot, tutor, big.id)
    size = tutor.accessibility.text_size
    size.bigger()
    size.bigger()
    assert size.percent() == 130
    tutor.operations.run_and_wait(lambda: None)  # the setting is written by now
    assert tutor.store.learner_setting(big.id, "text_size") == "130"

    # Ben never chose a size, so he keeps what is on screen, without saving it as his.
    sign_in(qtbot, tutor, usual.id)
    assert size.percent() == 130
    size.reset()
    tutor.operations.run_and_wait(lambda: None)
    assert tutor.store.learner_setting(usual.id, "text_size") == "100"

    with qtbot.waitSignal(tutor.accessibility.learner_settings_applied, timeout=10_000):
        sign_in(qtbot, tutor, big.id)
    assert size.percent() == 130
    assert tutor.accessibility.controls.size_label.text() == "130%"
