"""Sign in: a learner picks their name and types their PIN, or makes a new learner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

WRONG_PIN = "That PIN is not right. Try again."
PICK_NAME_FIRST = "Pick your name from the list first."
TYPE_PIN = "Type your PIN. It has 4 to 8 numbers."
TYPE_NAME = "Type your name."
CHOOSE_PIN = "Choose a PIN of 4 to 8 numbers."
PINS_DIFFER = "The two PINs are not the same. Type them again."
PIN_DIGITS = QRegularExpression(r"[0-9]{0,8}")
NAME_MAX_LENGTH = 40
TARGET_HEIGHT = 44  # big enough to hit easily with a mouse


def _plain_label(text: str = "", *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and messages are never markup
    label.setWordWrap(True)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        label.setFont(font)
    return label


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(PIN_DIGITS, field))
    field.setMaxLength(8)
    field.setAccessibleName(name)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    field.setMinimumHeight(TARGET_HEIGHT)
    return field


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(TARGET_HEIGHT)
    button.setAccessibleName(text)
    return button


def _field_with_label(text: str, field: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = _plain_label(text)
    label.setBuddy(field)
    layout.addWidget(label)
    layout.addWidget(field)
    return box


class LearnerDialog(QDialog):
    """Who is using the workstation: pick a name and type a PIN, or make a new learner."""

    def __init__(self, list_learners: Callable[[], list[tuple[str, str]]],
                 verify_pin: Callable[[str, str], bool],
                 create_learner: Callable[[str, str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._verify_pin = verify_pin
        self._create_learner = create_learner
        self.chosen_learner_id: str | None = None
        self.setWindowTitle("Who are you?")
        self.setAccessibleName("Sign in")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)

        self._pages = QStackedWidget()
        self._pick_page = self._build_pick_page()
        self._new_page = self._build_new_page()
        self._pages.addWidget(self._pick_page)
        self._pages.addWidget(self._new_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self._pages)
        self.resize(460, 480)

        for learner_id, name in list_learners():
            item = QListWidgetItem(name)  # list items show their text as it is, never as markup
            item.setData(Qt.ItemDataRole.UserRole, learner_id)
            self._names.addItem(item)
        if self._names.count():
            self.show_pick_page()
        else:
            self.show_new_page()
            self._back_button.hide()

    def show_pick_page(self) -> None:
        """Show the list of names and the PIN field."""
        self._pages.setCurrentWidget(self._pick_page)
        self._sign_in_button.setDefault(True)
        self._create_button.setDefault(False)
        self._pick_message.setText("")
        self._names.setFocus()

    def show_new_page(self) -> None:
        """Show the fields for making a new learner."""
        self._pages.setCurrentWidget(self._new_page)
        self._create_button.setDefault(True)
        self._sign_in_button.setDefault(False)
        self._new_message.setText("")
        self._new_name.setFocus()

    def message(self) -> str:
        """The message on show on the current page, or "" when there is none."""
        if self._pages.currentWidget() is self._pick_page:
            return self._pick_message.text()
        return self._new_message.text()

    def sign_in(self) -> None:
        """Check the PIN for the chosen name, and close the dialog when it is right."""
        item = self._names.currentItem()
        pin = self._pin.text()
        if item is None or not item.isSelected():
            self._say(self._pick_message, PICK_NAME_FIRST, self._names)
            return
        if len(pin) < 4:
            self._say(self._pick_message, TYPE_PIN, self._pin)
            return
        learner_id = str(item.data(Qt.ItemDataRole.UserRole))
        with self._busy():
            right = self._verify_pin(learner_id, pin)
        if not right:
            self._pin.clear()
            self._say(self._pick_message, WRONG_PIN, self._pin)
            return
        self.chosen_learner_id = learner_id
        self.accept()

    def create_account(self) -> None:
        """Make the new learner, and close the dialog when that worked."""
        name = " ".join(self._new_name.text().split())
        pin, again = self._new_pin.text(), self._new_pin_again.text()
        if not name:
            self._say(self._new_message, TYPE_NAME, self._new_name)
            return
        if not 4 <= len(pin) <= 8:
            self._say(self._new_message, CHOOSE_PIN, self._new_pin)
            return
        if pin != again:
            self._new_pin_again.clear()
            self._say(self._new_message, PINS_DIFFER, self._new_pin_again)
            return
        try:
            with self._busy():
                learner_id = self._create_learner(name, pin)
        except ValueError as problem:
            self._say(self._new_message, str(problem), self._new_name)
            return
        self.chosen_learner_id = learner_id
        self.accept()

    @contextmanager
    def _busy(self) -> Iterator[None]:
        # Checking a PIN is slow on purpose; if the caller waits in an event loop, a second
        # Enter must not start a second check.
        self._pages.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            self._pages.setEnabled(True)

    def _say(self, label: QLabel, text: str, focus: QWidget) -> None:
        label.setText(text)
        label.setAccessibleName(text)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_pick_page(self) -> QWidget:
        page = QWidget()
        self._names = QListWidget()
        self._names.setAccessibleName("Learners")
        self._names.setStyleSheet("QListWidget::item { padding: 8px; }")
        self._pin = _pin_field("Your PIN")
        self._pick_message = _plain_label()
        self._pick_message.setStyleSheet("color: #b00020;")
        self._sign_in_button = _button("Sign in")
        self._sign_in_button.clicked.connect(self.sign_in)
        new_button = _button("I am new here")
        new_button.setAutoDefault(False)
        new_button.clicked.connect(self.show_new_page)

        names_label = _plain_label("Pick your name:")
        names_label.setBuddy(self._names)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addStretch(1)
        buttons.addWidget(self._sign_in_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_plain_label("Who are you?", bold=True))
        layout.addWidget(names_label)
        layout.addWidget(self._names, 1)
        layout.addWidget(_field_with_label("Type your PIN:", self._pin))
        layout.addWidget(self._pick_message)
        layout.addLayout(buttons)
        return page

    def _build_new_page(self) -> QWidget:
        page = QWidget()
        self._new_name = QLineEdit()
        self._new_name.setAccessibleName("Your name")
        self._new_name.setMaxLength(NAME_MAX_LENGTH)
        self._new_name.setMinimumHeight(TARGET_HEIGHT)
        self._new_pin = _pin_field("Choose a PIN")
        self._new_pin_again = _pin_field("Type the PIN again")
        self._new_message = _plain_label()
        self._new_message.setStyleSheet("color: #b00020;")
        self._create_button = _button("Make my account")
        self._create_button.clicked.connect(self.create_account)
        self._back_button = _button("Back")
        self._back_button.setAutoDefault(False)
        self._back_button.clicked.connect(self.show_pick_page)

        buttons = QHBoxLayout()
        buttons.addWidget(self._back_button)
        buttons.addStretch(1)
        buttons.addWidget(self._create_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_plain_label("Make a new learner", bold=True))
        layout.addWidget(_field_with_label("Your name:", self._new_name))
        layout.addWidget(_field_with_label("Choose a PIN (4 to 8 numbers):", self._new_pin))
        layout.addWidget(_field_with_label("Type the PIN again:", self._new_pin_again))
        layout.addWidget(self._new_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page
