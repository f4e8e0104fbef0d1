"""Sign in: a learner picks their name and types their PIN; staff add new learners.

Making a learner is a staff action: "I am new here" asks for the staff passphrase first
(design invariant 5). On a new workstation the screen says what staff must do to set it up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRegularExpression, Qt, Signal
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

from tutor.store import Change, Store, StoreError
from tutor.store.learner_admin import change_own_pin, learners_may_change_pin
from tutor.ui.learner_admin import while_open
from tutor.ui.operations import Operations
from tutor.ui.themes import set_tone

WRONG_PIN = "That PIN is not right. Try again."
PICK_NAME_FIRST = "Pick your name from the list first."
TYPE_PIN = "Type your PIN. It has 4 to 8 numbers."
TYPE_NAME = "Type your name."
CHOOSE_PIN = "Choose a PIN of 4 to 8 numbers."
PINS_DIFFER = "The two PINs are not the same. Type them again."
PIN_DIGITS = QRegularExpression(r"[0-9]{0,8}")
FIRST_START_TITLE = "Welcome to Tutor"
FIRST_START = ("This computer is not set up yet.\n\n"
               "Staff: press \"Add the first learner\". You will choose a staff passphrase "
               "first. Keep it secret from learners. Then the learner types their name and "
               "chooses a PIN.")
NOBODY_YET = "Nobody can sign in yet. Ask a member of staff to add you."
LET_LEARNER_TYPE = "Staff: let the learner type their own name and PIN."
ADD_FIRST = "Add the first learner"
NEW_HERE = "I am new here"
# Completes the staff gate's sentence "Only staff can ...".
ADD_LEARNER_ACTION = "add a learner"
StaffCheck = Callable[[Callable[[], None]], None]
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
    """Who is using the workstation: pick a name and type a PIN, or (staff) add a learner.

    `staff_check(then)` asks for the staff passphrase and calls `then` when it is right;
    the app always passes one. Without it (tests of this form alone) anyone may add a learner.
    `first_start`: no staff passphrase and no learners yet, so say how to set up.
    """

    def __init__(self, list_learners: Callable[[], list[tuple[str, str]]],
                 verify_pin: Callable[[str, str], bool],
                 create_learner: Callable[[str, str], str],
                 parent: QWidget | None = None, *,
                 staff_check: StaffCheck | None = None,
                 first_start: bool = False) -> None:
        super().__init__(parent)
        self._verify_pin = verify_pin
        self._create_learner = create_learner
        self._staff_check = staff_check
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
        elif staff_check is None:
            self.show_new_page()
            self._back_button.hide()
        else:
            self._show_nobody_yet(first_start)
            self.show_pick_page()

    def _show_nobody_yet(self, first_start: bool) -> None:
        """With no learners there is nothing to pick: say what to do instead."""
        for widget in (self._names_label, self._names, self._pin_box, self._sign_in_button):
            widget.hide()
        self._pick_title.setText(FIRST_START_TITLE if first_start else "Who are you?")
        self._notice.setText(FIRST_START if first_start else NOBODY_YET)
        self._notice.show()
        self._new_button.setText(ADD_FIRST if first_start else NEW_HERE)
        self._new_button.setAccessibleName(self._new_button.text())
        self._new_button.setDefault(True)

    def ask_to_add_learner(self) -> None:
        """Staff unlock the new-learner page with the staff passphrase ("I am new here")."""
        if self._staff_check is None:
            self.show_new_page()
        else:
            self._staff_check(self.show_new_page)

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
        set_tone(self._pick_message, "error")  # red in every theme
        self._sign_in_button = _button("Sign in")
        self._sign_in_button.clicked.connect(self.sign_in)
        self._new_button = _button(NEW_HERE)
        self._new_button.setAutoDefault(False)
        self._new_button.setToolTip("Staff add new learners. This needs the staff passphrase.")
        self._new_button.clicked.connect(self.ask_to_add_learner)

        self._names_label = _plain_label("Pick your name:")
        self._names_label.setBuddy(self._names)
        self._pick_title = _plain_label("Who are you?", bold=True)
        self._notice = _plain_label()
        self._notice.hide()
        self._pin_box = _field_with_label("Type your PIN:", self._pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self._new_button)
        buttons.addStretch(1)
        buttons.addWidget(self._sign_in_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self._pick_title)
        layout.addWidget(self._notice)
        layout.addWidget(self._names_label)
        layout.addWidget(self._names, 1)
        layout.addWidget(self._pin_box)
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
        set_tone(self._new_message, "error")  # red in every theme
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
        if self._staff_check is not None:
            layout.addWidget(_plain_label(LET_LEARNER_TYPE))
        layout.addWidget(_field_with_label("Your name:", self._new_name))
        layout.addWidget(_field_with_label("Choose a PIN (4 to 8 numbers):", self._new_pin))
        layout.addWidget(_field_with_label("Type the PIN again:", self._new_pin_again))
        layout.addWidget(self._new_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page


WRONG_CURRENT_PIN = "Your PIN now is not right. Try again."
PIN_CHANGED = "Your PIN is changed. Use the new PIN next time you sign in."


class MyPinDialog(QDialog):
    """A signed-in learner changes their own PIN: the PIN now, then a new one twice."""

    pin_changed = Signal()

    def __init__(self, store: Store, operations: Operations, learner_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._operations = operations
        self._learner_id = learner_id
        self.setWindowTitle("My PIN")
        self.current = _pin_field("Your PIN now")
        self.new_pin = _pin_field("Your new PIN")
        self.again = _pin_field("Your new PIN again")
        self.message = _plain_label()
        set_tone(self.message, "error")  # red in every theme
        self.change_button = _button("Change my PIN")
        self.change_button.setDefault(True)
        self.change_button.clicked.connect(self.submit)
        cancel = _button("Cancel")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain_label("Change your PIN", bold=True))
        layout.addWidget(_field_with_label("Type your PIN now:", self.current))
        layout.addWidget(_field_with_label("Choose a new PIN (4 to 8 numbers):", self.new_pin))
        layout.addWidget(_field_with_label("Type the new PIN again:", self.again))
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.current.setFocus()

    def submit(self) -> None:
        """Check what was typed, then change the PIN on the store's thread."""
        current, new = self.current.text(), self.new_pin.text()
        if len(current) < 4:
            self._say(TYPE_PIN, self.current)
            return
        if not 4 <= len(new) <= 8:
            self._say(CHOOSE_PIN, self.new_pin)
            return
        if new != self.again.text():
            self.again.clear()
            self._say(PINS_DIFFER, self.again)
            return
        store, learner_id = self._store, self._learner_id

        def job() -> str | None:
            try:
                changed = change_own_pin(store, learner_id, current, new)
            except StoreError as error:
                return str(error)
            return None if changed else WRONG_CURRENT_PIN

        self.change_button.setEnabled(False)
        self.message.setText("Checking...")
        self._operations.run(job, while_open(self, self._finish))

    def _finish(self, problem: str | None) -> None:
        self.change_button.setEnabled(True)
        if problem is None:
            self.pin_changed.emit()
            self.accept()
            return
        if problem == WRONG_CURRENT_PIN:
            self.current.clear()
        self._say(problem, self.current)

    def _say(self, text: str, focus: QWidget) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)


class MyPinButton(QPushButton):
    """The small "My PIN" button: shown to a signed-in learner when staff allow it."""

    dialog_opened = Signal(object)  # the MyPinDialog, for tests and tours

    def __init__(self, store: Store, operations: Operations, parent: QWidget) -> None:
        super().__init__("My PIN", parent)
        self._store = store
        self._operations = operations
        self._window = parent
        self.learner_id: str | None = None
        self.setToolTip("Change your PIN")
        self.setAccessibleName("Change my PIN")
        self.hide()
        self.clicked.connect(self.open_dialog)

    def set_learner(self, learner_id: str | None) -> None:
        """Follow who is signed in (None on the sign-in screen)."""
        self.learner_id = learner_id
        self.refresh()

    def on_store_changed(self, change: Change) -> None:
        """Show or hide the button again when staff change the setting."""
        if change.kind in ("settings", "learners"):
            self.refresh()

    def refresh(self) -> None:
        """Ask the store whether learners may change their PIN, and show the button if so."""
        if self.learner_id is None:
            self.hide()
            return
        store = self._store
        self._operations.run(lambda: learners_may_change_pin(store), while_open(
            self, lambda allowed: self.setVisible(bool(allowed) and self.learner_id is not None)))

    def open_dialog(self) -> None:
        """Open the "My PIN" dialog for the learner signed in now."""
        if self.learner_id is None:
            return
        dialog = MyPinDialog(self._store, self._operations, self.learner_id, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.pin_changed.connect(self._say_changed)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _say_changed(self) -> None:
        bar = getattr(self._window, "statusBar", None)
        if bar is not None:
            bar().showMessage(PIN_CHANGED)
