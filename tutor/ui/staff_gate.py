"""The staff passphrase: asked before export, pack install, learner management and settings.

The first staff action on a workstation with no passphrase asks staff to choose one. The
check (scrypt, tens of milliseconds) runs on the store's worker thread, so the window never
waits on it. Every unlock and every wrong try goes into the audit log.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tutor.store import Store, StoreError
from tutor.ui.operations import Operations
from tutor.ui.themes import set_tone

MIN_LENGTH = 10
WRONG = "That is not the staff passphrase. Try again."
TOO_SHORT = f"Choose a passphrase of at least {MIN_LENGTH} characters."
DIFFERENT = "The two passphrases are not the same. Type them again."


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumHeight(36)
    return field


class StaffPassphraseDialog(QDialog):
    """Asks for the staff passphrase, or on first use asks staff to choose one."""

    passphrase_given = Signal(str)

    def __init__(self, *, action: str, first_time: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_time = first_time
        self.setWindowTitle("Staff only")
        layout = QVBoxLayout(self)
        if first_time:
            intro = (f"Only staff can {action}. No staff passphrase is set on this computer "
                     "yet. Choose one now. Keep it secret from learners.")
        else:
            intro = f"Only staff can {action}. Type the staff passphrase."
        self.intro = _plain(intro)
        layout.addWidget(self.intro)
        self.passphrase = _secret_field("Staff passphrase")
        layout.addWidget(self.passphrase)
        self.again = _secret_field("Staff passphrase again")
        if first_time:
            layout.addWidget(_plain("Type it again:"))
            layout.addWidget(self.again)
        self.message = _plain("")
        set_tone(self.message, "error")  # red in every theme, with its contrast
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def _submit(self) -> None:
        text = self.passphrase.text()
        if self.first_time and len(text) < MIN_LENGTH:
            self.show_problem(TOO_SHORT)
            return
        if self.first_time and self.again.text() != text:
            self.show_problem(DIFFERENT)
            return
        self.buttons.setEnabled(False)
        self.message.setText("Checking...")
        self.passphrase_given.emit(text)

    def show_problem(self, text: str) -> None:
        """Say what is wrong and let staff try again."""
        self.buttons.setEnabled(True)
        self.message.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class StaffGate(QObject):
    """Runs a staff action only after the staff passphrase is given (or first chosen)."""

    unlocked = Signal(str)  # the action, after the passphrase was right
    dialog_opened = Signal(object)  # the StaffPassphraseDialog, for tests and tours

    def __init__(self, store: Store, operations: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._store = store
        self._operations = operations
        self._parent = parent
        self.dialog: StaffPassphraseDialog | None = None

    def run(self, action: str, then: Callable[[], None]) -> None:
        """Ask for the passphrase, then call `then` on the GUI thread if it was right.

        `action` completes the sentence "Only staff can ...", e.g. "export progress".
        """
        store = self._store
        self._operations.run(store.has_staff_passphrase,
                             lambda is_set: self._ask(action, not is_set, then))

    def _ask(self, action: str, first_time: bool, then: Callable[[], None]) -> None:
        dialog = StaffPassphraseDialog(action=action, first_time=first_time, parent=self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        store = self._store

        def check(text: str) -> tuple[bool, str]:
            try:
                if first_time:
                    store.set_staff_passphrase(text)
                    return True, ""
                if store.verify_staff_passphrase(text):
                    store.record_audit("staff", "staff unlocked", {"action": action})
                    return True, ""
                store.record_audit("unknown", "wrong staff passphrase", {"action": action})
                return False, WRONG
            except StoreError as error:
                return False, str(error)

        def checked(result: tuple[bool, str]) -> None:
            passed, problem = result
            if not passed:
                dialog.show_problem(problem)
                return
            dialog.accept()
            self.unlocked.emit(action)
            then()

        dialog.passphrase_given.connect(
            lambda text: self._operations.run(lambda: check(text), checked))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
        self.dialog_opened.emit(dialog)
