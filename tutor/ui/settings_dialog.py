"""Settings (staff only): this computer's name, whether learners may change their own PIN,
the staff passphrase, and facts about the workstation that staff may be asked for.

Opened only after the staff gate. Reading and saving run on the store's worker thread; each
change writes an audit entry. The workstation key's fingerprint is shown when the exchange
code offers it (`tutor.exchange.workstation_fingerprint`); before that the line is left out.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.store import StaffPassphraseError, Store, StoreError
from tutor.store.learner_admin import (
    FALSE,
    LEARNERS_MAY_CHANGE_PIN,
    TRUE,
    WORKSTATION_NAME,
    change_setting,
    clean_workstation_name,
    learners_may_change_pin,
)
from tutor.ui.learner_admin import while_open
from tutor.ui.operations import Operations
from tutor.ui.staff_gate import MIN_LENGTH

PASSPHRASES_DIFFER = "The two new passphrases are not the same. Type them again."
PASSPHRASE_CHANGED = "The staff passphrase is changed. Use the new one from now on."


@dataclass(frozen=True)
class CurrentSettings:
    """What the dialog shows when it opens."""

    workstation_name: str
    learners_may_change_pin: bool
    workstation_id: str
    key_fingerprint: str | None


def workstation_key_fingerprint(data_folder: Path) -> str | None:
    """The fingerprint of this workstation's export key, or None when there is none yet."""
    try:
        from tutor.exchange import workstation_fingerprint
    except ImportError:
        return None  # the exchange code is not part of this installation yet
    try:
        found = workstation_fingerprint(data_folder)
    except Exception:  # noqa: BLE001 - a missing or damaged key leaves the line out
        return None
    return str(found) if found else None


def read_settings(store: Store, data_folder: Path) -> CurrentSettings:
    """Read the settings the dialog shows (call off the GUI thread)."""
    return CurrentSettings(
        workstation_name=store.setting(WORKSTATION_NAME) or "",
        learners_may_change_pin=learners_may_change_pin(store),
        workstation_id=store.workstation_id,
        key_fingerprint=workstation_key_fingerprint(data_folder))


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _field_name(text: str) -> QLabel:
    """The name beside a field. It never wraps: a form gives each row one line's height, so a
    name wrapped onto two lines would be cut in half, most of all in larger text."""
    label = _plain(text)
    label.setWordWrap(False)
    return label


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class SettingsDialog(QDialog):
    """Staff settings for this workstation."""

    settings_loaded = Signal()
    settings_saved = Signal(str)  # what the dialog said about it
    passphrase_changed = Signal()

    def __init__(self, store: Store, operations: Operations, data_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._operations = operations
        self._loaded: CurrentSettings | None = None
        self.setWindowTitle("Settings")
        self.workstation_name = QLineEdit()
        self.workstation_name.setMaxLength(40)
        self.workstation_name.setPlaceholderText("For example: Library, desk 3")
        self.workstation_name.setAccessibleName("Name of this computer")
        self.may_change_pin = QCheckBox("Learners may change their own PIN")
        self.may_change_pin.setToolTip(
            "When this is on, a learner sees a \"My PIN\" button after they sign in.")
        self.save_button = QPushButton("Save settings")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        self.settings_message = _plain()

        self.current = _secret("Staff passphrase now")
        self.new = _secret("New staff passphrase")
        self.again = _secret("New staff passphrase again")
        self.change_button = QPushButton("Change the passphrase")
        self.change_button.clicked.connect(self.change_passphrase)
        self.passphrase_message = _plain()

        self.workstation_id = _plain("...")
        self.fingerprint = _plain()
        self.fingerprint_label = _field_name("Export key fingerprint:")
        self.fingerprint_label.setToolTip(
            "Instructors check this the first time they import progress from this computer.")
        for label in (self.workstation_id, self.fingerprint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(False)  # one long word each: in a form, wrapping cuts it off
        self._build()
        self.resize(560, self.sizeHint().height())
        folder = data_folder
        operations.run(lambda: read_settings(store, folder), while_open(self, self._show))

    def _build(self) -> None:
        computer = QGroupBox("This computer")
        form = QFormLayout(computer)
        form.addRow(_field_name("Name of this computer:"), self.workstation_name)
        form.addRow(self.may_change_pin)
        form.addRow(self.save_button)
        form.addRow(self.settings_message)
        form.addRow(_field_name("Workstation id:"), self.workstation_id)
        form.addRow(self.fingerprint_label, self.fingerprint)
        self.fingerprint_label.hide()
        self.fingerprint.hide()

        passphrase = QGroupBox("Staff passphrase")
        # Words that may wrap go above and below the form, not in it: a form does not give
        # a wrapped line the height it needs, and cuts it off.
        box = QVBoxLayout(passphrase)
        box.addWidget(_plain("Staff need the passphrase to export, install lesson packs, "
                             f"and manage learners and settings. Use at least {MIN_LENGTH} "
                             "characters."))
        secret = QFormLayout()
        box.addLayout(secret)
        secret.addRow(_field_name("Passphrase now:"), self.current)
        secret.addRow(_field_name("New passphrase:"), self.new)
        secret.addRow(_field_name("New passphrase again:"), self.again)
        box.addWidget(self.change_button)
        box.addWidget(self.passphrase_message)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(computer)
        layout.addWidget(passphrase)
        layout.addWidget(close)

    def _show(self, settings: CurrentSettings) -> None:
        self._loaded = settings
        self.workstation_name.setText(settings.workstation_name)
        self.may_change_pin.setChecked(settings.learners_may_change_pin)
        self.workstation_id.setText(settings.workstation_id)
        if settings.key_fingerprint:
            self.fingerprint.setText(settings.key_fingerprint)
            self.fingerprint_label.show()
            self.fingerprint.show()
        self.save_button.setEnabled(True)
        self.settings_loaded.emit()

    def save(self) -> None:
        """Save the computer's name and the PIN setting; log each one that changed."""
        try:
            name = clean_workstation_name(self.workstation_name.text())
        except StoreError as error:
            self.settings_message.setText(str(error))
            return
        allowed = self.may_change_pin.isChecked()
        # Only what staff changed here is written (and logged), not defaults left alone.
        changes = []
        if self._loaded is None or name != self._loaded.workstation_name:
            changes.append((WORKSTATION_NAME, name))
        if self._loaded is None or allowed != self._loaded.learners_may_change_pin:
            changes.append((LEARNERS_MAY_CHANGE_PIN, TRUE if allowed else FALSE))
        store = self._store

        def job() -> int:
            return sum(change_setting(store, key, value) for key, value in changes)

        def done(changed: int) -> None:
            if self._loaded is not None:
                self._loaded = dataclasses.replace(
                    self._loaded, workstation_name=name, learners_may_change_pin=allowed)
            self.save_button.setEnabled(True)
            self.workstation_name.setText(name)
            said = "Saved." if changed else "Nothing was changed."
            self.settings_message.setText(said)
            self.settings_saved.emit(said)

        self.save_button.setEnabled(False)
        self._operations.run(job, while_open(self, done))

    def change_passphrase(self) -> None:
        """Change the staff passphrase: the one now, then the new one twice."""
        current, new = self.current.text(), self.new.text()
        if len(new) < MIN_LENGTH:
            self._passphrase_problem(f"Choose a new passphrase of at least {MIN_LENGTH} "
                                     "characters.", self.new)
            return
        if new != self.again.text():
            self.again.clear()
            self._passphrase_problem(PASSPHRASES_DIFFER, self.again)
            return
        store = self._store

        def job() -> str | None:
            try:
                store.set_staff_passphrase(new, current=current)
            except StaffPassphraseError as error:
                store.record_audit("unknown", "wrong staff passphrase",
                                   {"action": "change the staff passphrase"})
                return str(error)
            except StoreError as error:
                return str(error)
            return None

        def done(problem: str | None) -> None:
            self.change_button.setEnabled(True)
            if problem is not None:
                self.current.clear()
                self._passphrase_problem(problem, self.current)
                return
            for field in (self.current, self.new, self.again):
                field.clear()
            self.passphrase_message.setText(PASSPHRASE_CHANGED)
            self.passphrase_changed.emit()

        self.change_button.setEnabled(False)
        self.passphrase_message.setText("Checking...")
        self._operations.run(job, while_open(self, done))

    def _passphrase_problem(self, text: str, focus: QWidget) -> None:
        self.passphrase_message.setText(text)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
