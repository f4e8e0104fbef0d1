"""Signing in when staff add learners, and a learner changing their own PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tutor.store import Store
from tutor.store.learner_admin import LEARNERS_MAY_CHANGE_PIN, add_learner, change_setting
from tutor.ui.learner_dialog import (
    NOBODY_YET,
    PINS_DIFFER,
    WRONG_CURRENT_PIN,
    LearnerDialog,
    MyPinButton,
    MyPinDialog,
)
from tutor.ui.operations import Operations

from .conftest import rich_labels


def sign_in_dialog(qtbot: QtBot, learners: list[tuple[str, str]],
                   staff_check: Callable[[Callable[[], None]], None]) -> LearnerDialog:
    dialog = LearnerDialog(lambda: learners, lambda _id, _pin: False,
                           lambda _name, _pin: "new-id", staff_check=staff_check)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_i_am_new_here_waits_for_staff(qtbot: QtBot) -> None:
    asked: list[Callable[[], None]] = []
    dialog = sign_in_dialog(qtbot, [("a", "<b>Sam</b>")], asked.append)
    dialog._new_button.click()
    assert len(asked) == 1 and not dialog._new_page.isVisible()  # no passphrase given yet
    asked[0]()  # the staff gate says the passphrase was right
    assert dialog._new_page.isVisible()
    assert rich_labels(dialog) == []


def test_with_nobody_yet_learners_are_told_to_ask_staff(qtbot: QtBot) -> None:
    dialog = sign_in_dialog(qtbot, [], lambda then: None)
    assert dialog._notice.text() == NOBODY_YET and not dialog._names.isVisible()
    assert not dialog._new_page.isVisible()


def my_pin_dialog(qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
                  learner_id: str) -> MyPinDialog:
    dialog = MyPinDialog(store, operations, learner_id, parent)
    dialog.show()
    return dialog


def test_a_learner_changes_their_pin_with_the_one_they_have_now(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget) -> None:
    sam = add_learner(store, "Sam", "1234")
    change_setting(store, LEARNERS_MAY_CHANGE_PIN, "true")
    dialog = my_pin_dialog(qtbot, store, operations, parent, sam.id)
    dialog.current.setText("1234")
    dialog.new_pin.setText("5678")
    dialog.again.setText("5679")
    dialog.change_button.click()
    assert dialog.message.text() == PINS_DIFFER

    dialog.current.setText("9999")
    dialog.again.setText("5678")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == WRONG_CURRENT_PIN, timeout=5000)
    assert dialog.current.text() == "" and store.verify_pin(sam.id, "1234")

    dialog.current.setText("1234")
    dialog.again.setText("5678")
    with qtbot.waitSignal(dialog.pin_changed, timeout=5000):
        dialog.change_button.click()
    assert store.verify_pin(sam.id, "5678")
    entry = store.audit_entries()[-1]
    assert (entry.role, entry.action) == ("learner", "learner changed own PIN")


def test_when_staff_turn_it_off_the_change_is_refused(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget) -> None:
    sam = add_learner(store, "Sam", "1234")
    dialog = my_pin_dialog(qtbot, store, operations, parent, sam.id)
    dialog.current.setText("1234")
    dialog.new_pin.setText("5678")
    dialog.again.setText("5678")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "Only staff" in dialog.message.text(), timeout=5000)
    assert store.verify_pin(sam.id, "1234")


def test_the_button_shows_only_for_a_signed_in_learner_when_allowed(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget) -> None:
    sam = add_learner(store, "Sam", "1234")
    button = MyPinButton(store, operations, parent)
    parent.show()
    with qtbot.waitSignal(operations.job_finished, timeout=5000):
        button.set_learner(sam.id)
    assert button.isHidden()
    change_setting(store, LEARNERS_MAY_CHANGE_PIN, "true")
    with qtbot.waitSignal(operations.job_finished, timeout=5000):
        button.refresh()
    assert not button.isHidden()
    button.set_learner(None)  # back at the sign-in screen
    assert button.isHidden()
