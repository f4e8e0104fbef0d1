"""Signing in: pick a name and type a PIN, or make a new learner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from tutor.ui.learner_dialog import PINS_DIFFER, WRONG_PIN, LearnerDialog


class FakeLearners:
    """A few learners and their PINs, standing in for the store."""

    def __init__(self, learners: dict[str, tuple[str, str]] | None = None) -> None:
        self.learners = dict(learners or {})  # id -> (name, PIN)
        self.pin_checks: list[tuple[str, str]] = []

    def list_learners(self) -> list[tuple[str, str]]:
        return [(learner_id, name) for learner_id, (name, _pin) in self.learners.items()]

    def verify_pin(self, learner_id: str, pin: str) -> bool:
        self.pin_checks.append((learner_id, pin))
        return self.learners[learner_id][1] == pin

    def create_learner(self, name: str, pin: str) -> str:
        if any(existing == name for existing, _pin in self.learners.values()):
            raise ValueError(f"Someone here is already called {name}. Add a letter.")
        learner_id = f"id-{len(self.learners) + 1}"
        self.learners[learner_id] = (name, pin)
        return learner_id


def open_dialog(show: Callable, learners: FakeLearners) -> LearnerDialog:
    dialog = LearnerDialog(learners.list_learners, learners.verify_pin,
                           learners.create_learner)
    show(dialog)
    return dialog


def field(dialog: LearnerDialog, name: str) -> QLineEdit:
    fields = [f for f in dialog.findChildren(QLineEdit) if f.accessibleName() == name]
    assert len(fields) == 1
    return fields[0]


def pick(qtbot: QtBot, dialog: LearnerDialog, row: int) -> None:
    names = dialog.findChild(QListWidget)
    rect = names.visualItemRect(names.item(row))
    qtbot.mouseClick(names.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_learner_picks_their_name_types_their_pin_and_presses_enter(
        qtbot: QtBot, show: Callable) -> None:
    learners = FakeLearners({"a": ("Sam", "1234"), "b": ("Alex", "9876")})
    dialog = open_dialog(show, learners)
    pick(qtbot, dialog, 1)
    pin = field(dialog, "Your PIN")
    assert pin.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(pin, "9876")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_learner_id == "b"


def test_a_wrong_pin_says_so_and_lets_the_learner_try_again(
        qtbot: QtBot, show: Callable) -> None:
    learners = FakeLearners({"a": ("Sam", "1234")})
    dialog = open_dialog(show, learners)
    pick(qtbot, dialog, 0)
    pin = field(dialog, "Your PIN")
    qtbot.keyClicks(pin, "1111")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.chosen_learner_id is None
    assert dialog.message() == WRONG_PIN
    assert pin.text() == "" and QApplication.focusWidget() is pin
    qtbot.keyClicks(pin, "1234")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert dialog.chosen_learner_id == "a"


def test_a_pin_takes_only_digits(qtbot: QtBot, show: Callable) -> None:
    dialog = open_dialog(show, FakeLearners({"a": ("Sam", "1234")}))
    pin = field(dialog, "Your PIN")
    qtbot.keyClicks(pin, "12ab34x")
    assert pin.text() == "1234"


def test_a_new_learner_makes_an_account_and_is_signed_in(
        qtbot: QtBot, show: Callable) -> None:
    learners = FakeLearners()
    dialog = open_dialog(show, learners)  # nobody yet: the new-learner page comes first
    qtbot.keyClicks(field(dialog, "Your name"), "  Jo   Smith ")
    qtbot.keyClicks(field(dialog, "Choose a PIN"), "2468")
    qtbot.keyClicks(field(dialog, "Type the PIN again"), "2468")
    qtbot.keyClick(field(dialog, "Type the PIN again"), Qt.Key.Key_Return)
    assert dialog.chosen_learner_id == "id-1"
    assert learners.learners["id-1"] == ("Jo Smith", "2468")


def test_new_learner_mistakes_are_explained_in_plain_text(
        qtbot: QtBot, show: Callable) -> None:
    learners = FakeLearners({"a": ("<b>Sam</b>", "1234")})
    dialog = open_dialog(show, learners)
    dialog.show_new_page()
    qtbot.keyClicks(field(dialog, "Your name"), "<b>Sam</b>")
    qtbot.keyClicks(field(dialog, "Choose a PIN"), "1357")
    qtbot.keyClicks(field(dialog, "Type the PIN again"), "1358")
    qtbot.keyClick(field(dialog, "Type the PIN again"), Qt.Key.Key_Return)
    assert dialog.message() == PINS_DIFFER
    qtbot.keyClicks(field(dialog, "Type the PIN again"), "1357")
    qtbot.keyClick(field(dialog, "Type the PIN again"), Qt.Key.Key_Return)
    assert dialog.chosen_learner_id is None
    assert dialog.message() == "Someone here is already called <b>Sam</b>. Add a letter."
    labels = [label for label in dialog.findChildren(QLabel) if label.text() == dialog.message()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_names_with_markup_are_listed_literally(qtbot: QtBot, show: Callable) -> None:
    dialog = open_dialog(show, FakeLearners({"a": ("<b>Sam</b> & <i>co</i>", "1234")}))
    names = dialog.findChild(QListWidget)
    assert names.item(0).text() == "<b>Sam</b> & <i>co</i>"
