"""The guided tour: on a learner's first lesson, step by step by keyboard, and again on request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.readability import grade_level
from tutor.ui.accessibility import TOUR_STEPS_TEXT
from tutor.ui.guided_tour import FINISH, FINISHED, NEXT, SKIPPED

from .conftest import press, sign_in

# Reading age 11 is about school grade 6 on the Flesch-Kincaid scale.
MAX_GRADE = 6.0


def area_of(tutor: TutorApp, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(tutor.window, QPoint(0, 0)), widget.size())


def new_learner_signed_in(qtbot: QtBot, tutor: TutorApp) -> str:
    assert tutor.store is not None
    learner = tutor.store.create_learner("Jo", "2468")
    with qtbot.waitSignal(tutor.accessibility.tour.step_shown, timeout=15_000):
        sign_in(qtbot, tutor, learner.id)
    return learner.id


def test_each_step_is_one_short_plain_sentence() -> None:
    for text in TOUR_STEPS_TEXT:
        assert len(text.split()) <= 15, text
        assert grade_level(text.replace("Ctrl+Enter", "the keys")) <= MAX_GRADE, text


def test_a_new_learner_is_shown_around_by_keyboard(
        qtbot: QtBot, make_app: Callable[[], TutorApp]) -> None:
    tutor = make_app()
    learner_id = new_learner_signed_in(qtbot, tutor)
    tour, window = tutor.accessibility.tour, tutor.window
    assert tour.is_running() and tour.step_index() == 0
    assert tour.step_text() == "Read the lesson here."
    assert tour.target_rect() == area_of(tutor, window.lesson)
    assert tour.next_button.hasFocus() and tour.next_button.text() == NEXT
    assert "Read the lesson here." in tour.next_button.accessibleDescription()
    assert tour.bubble.accessibleName() == "Tour, step 1 of 6"
    # The words sit beside the framed area, not on top of it.
    assert not tour.bubble.geometry().intersects(tour.target_rect())

    press(qtbot, Qt.Key.Key_Return)
    assert tour.step_text() == "Type your code here."
    assert tour.target_rect() == area_of(tutor, window.editor)
    press(qtbot, Qt.Key.Key_Right)
    assert tour.target_rect() == area_of(tutor, window.check_button)
    assert "Ctrl+Enter" in tour.step_text()
    press(qtbot, Qt.Key.Key_Left)
    assert tour.step_index() == 1

    # Tab stays among the tour's own buttons.
    press(qtbot, Qt.Key.Key_Tab)
    assert tour.back_button.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert tour.skip_button.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert tour.next_button.hasFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert tour.skip_button.hasFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Return)  # Back has the focus
    assert tour.step_index() == 0 and not tour.back_button.isEnabled()

    for _ in range(4):
        press(qtbot, Qt.Key.Key_Return)
    assert tour.step_text() == "Make the text bigger or smaller with these buttons, " \
                               "or Ctrl + and Ctrl -."
    assert tour.target_rect() == area_of(tutor, tutor.accessibility.controls.size_group)
    press(qtbot, Qt.Key.Key_Return)
    assert tour.target_rect() == area_of(tutor, tutor.accessibility.controls.tour_button)
    assert tour.next_button.text() == FINISH and tour.skip_button.isHidden()
    with qtbot.waitSignal(tour.tour_ended, timeout=5_000) as ended:
        press(qtbot, Qt.Key.Key_Return)
    assert ended.args == [FINISHED] and not tour.is_running()
    assert window.lesson.hasFocus()  # the learner starts where they read

    assert tutor.operations is not None and tutor.store is not None
    tutor.operations.run_and_wait(lambda: None)
    assert tutor.store.learner_setting(learner_id, "tour_done") == "yes"


def test_esc_skips_the_tour_and_it_is_not_shown_again(
        qtbot: QtBot, make_app: Callable[[], TutorApp]) -> None:
    tutor = make_app()
    learner_id = new_learner_signed_in(qtbot, tutor)
    tour = tutor.accessibility.tour
    press(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(tour.tour_ended, timeout=5_000) as ended:
        press(qtbot, Qt.Key.Key_Escape)
    assert ended.args == [SKIPPED] and not tour.is_running()
    assert QApplication.focusWidget() is tutor.window.lesson

    # Next time this learner signs in, the lesson opens with no tour.
    with qtbot.waitSignal(tutor.accessibility.learner_settings_applied, timeout=10_000):
        sign_in(qtbot, tutor, learner_id)
    assert not tour.is_running()


def test_the_tour_button_runs_it_again_and_gives_focus_back(
        qtbot: QtBot, workspace: TutorApp) -> None:
    tour = workspace.accessibility.tour
    button = workspace.accessibility.controls.tour_button
    button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert tour.is_running() and tour.step_index() == 0 and tour.next_button.hasFocus()
    # While it runs, the tour covers the window, and it follows the window's size.
    assert tour.geometry() == workspace.window.rect()
    workspace.window.resize(1200, 700)
    qtbot.waitUntil(lambda: tour.geometry() == workspace.window.rect())
    assert tour.target_rect() == area_of(workspace, workspace.window.lesson)
    assert workspace.window.rect().contains(tour.bubble.geometry())
    tour.skip()
    assert button.hasFocus()
