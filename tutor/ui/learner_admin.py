"""Learners (staff only): list the learners, add one, rename one, set a new PIN, remove one.

The window opens only after the staff gate. Every change runs on the store's worker thread
and writes its own audit entry in the same transaction. Names are shown as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from tutor.store import Store, StoreError
from tutor.store.learner_admin import (
    LearnerSummary,
    add_learner,
    learner_summaries,
    remove_learner,
    remove_practice_folder,
    rename_learner,
    reset_pin,
)
from tutor.ui.operations import Operations
from tutor.ui.themes import set_tone

NAME_MAX_LENGTH = 40
PICK_FIRST = "Pick a learner in the list first."
COLUMNS = ("Name", "Added", "Check runs", "Last active")


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names from learners are never markup
    label.setWordWrap(True)
    return label


def while_open(widget: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """Wrap a store job's callback so it does nothing once `widget` has been closed and deleted.

    Store jobs finish on their own time; staff may close the window first.
    """

    def deliver(result: Any) -> None:
        if isValid(widget):
            callback(result)

    return deliver


def local_time(text: str | None) -> str:
    """A stored UTC time as local date and time, such as "3 Mar 2025, 14:05"."""
    if not text:
        return "never"
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return text
    return f"{moment.day} {moment:%b %Y, %H:%M}"


class LearnerForm(QDialog):
    """A small form for one learner: a name, a new PIN typed twice, or both."""

    submitted = Signal(str, str)  # the name and the PIN ("" for what was not asked)

    def __init__(self, *, title: str, intro: str, ask_name: bool, ask_pin: bool,
                 name: str = "", button: str = "Save", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(intro))
        self.name = QLineEdit(name)
        self.name.setMaxLength(NAME_MAX_LENGTH)
        self.name.setAccessibleName("Learner's name")
        self.pin = self._pin_field("New PIN")
        self.again = self._pin_field("New PIN again")
        if ask_name:
            layout.addWidget(_plain("Name:"))
            layout.addWidget(self.name)
        if ask_pin:
            layout.addWidget(_plain("New PIN (4 to 8 numbers):"))
            layout.addWidget(self.pin)
            layout.addWidget(_plain("Type the PIN again:"))
            layout.addWidget(self.again)
        self._ask_name, self._ask_pin = ask_name, ask_pin
        self.message = _plain()
        set_tone(self.message, "error")  # red in every theme
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(button)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.name if ask_name else self.pin).setFocus()

    @staticmethod
    def _pin_field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,8}"), field))
        field.setAccessibleName(name)
        return field

    def submit(self) -> None:
        """Check the form, then hand the name and PIN on (the store checks them again)."""
        name = " ".join(self.name.text().split())
        pin = self.pin.text()
        if self._ask_name and not name:
            self.show_problem("Type the learner's name.")
        elif self._ask_pin and not 4 <= len(pin) <= 8:
            self.show_problem("Choose a PIN of 4 to 8 numbers.")
        elif self._ask_pin and pin != self.again.text():
            self.again.clear()
            self.show_problem("The two PINs are not the same. Type them again.")
        else:
            self.buttons.setEnabled(False)
            self.message.setText("Saving...")
            self.submitted.emit(name, pin if self._ask_pin else "")

    def show_problem(self, text: str) -> None:
        """Say what is wrong and let staff fix it."""
        self.buttons.setEnabled(True)
        self.message.setText(text)


class LearnersDialog(QDialog):
    """The staff list of learners on this workstation, with add, rename, new PIN and remove."""

    learners_shown = Signal()
    learner_renamed = Signal(str, str)  # learner id, new name
    learner_removed = Signal(str)  # learner id
    form_opened = Signal(object)  # the LearnerForm or QMessageBox on show, for tests and tours

    def __init__(self, store: Store, operations: Operations, practice_root: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._operations = operations
        self._practice_root = practice_root
        self._learners: list[LearnerSummary] = []
        self.setWindowTitle("Learners")
        # Table headings without the box the theme draws round lists and tables: inside a
        # heading that box takes the room of the words and cuts them off.
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Learners on this computer")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.message = _plain("Loading...")
        self.add_button = self._button("Add a learner...", self.ask_add)
        self.rename_button = self._button("Rename...", self.ask_rename)
        self.pin_button = self._button("Set a new PIN...", self.ask_new_pin)
        self.remove_button = self._button("Remove...", self.ask_remove)
        close = self._button("Close", self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.pin_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain("Everyone who can sign in on this computer. Pick a learner, "
                                "then choose what to do."))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(720, 460)
        self.refresh()

    def _button(self, text: str, handler: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(handler)
        return button

    # ---- the list ---------------------------------------------------------------------------

    def refresh(self, message: str | None = None) -> None:
        """Read the learners again (off the GUI thread) and show them."""
        store = self._store
        self._operations.run(lambda: learner_summaries(store),
                             while_open(self, lambda learners: self._show(learners, message)))

    def _show(self, learners: list[LearnerSummary], message: str | None) -> None:
        chosen = self.chosen()
        self._learners = learners
        self.table.setRowCount(len(learners))
        for row, learner in enumerate(learners):
            cells = (learner.display_name, local_time(learner.created_at), str(learner.checks),
                     local_time(learner.last_active_at))
            for column, text in enumerate(cells):
                # Table items show their text as it is: never as markup.
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and learner.id == chosen.id:
                self.table.selectRow(row)
        if message is not None:
            self.message.setText(message)
        elif not learners:
            self.message.setText("There are no learners yet. Press \"Add a learner\".")
        else:
            self.message.setText(f"{len(learners)} learners.")
        self._update_buttons()
        self.learners_shown.emit()

    def names(self) -> list[str]:
        """The names in the list, top to bottom, as shown."""
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return [item.text() for item in items if item is not None]

    def choose(self, name: str) -> None:
        """Select the learner with this name in the list."""
        self.table.selectRow(self.names().index(name))

    def chosen(self) -> LearnerSummary | None:
        """The learner picked in the list, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self._learners):
            return None
        return self._learners[rows[0].row()]

    def _update_buttons(self) -> None:
        picked = self.chosen() is not None
        for button in (self.rename_button, self.pin_button, self.remove_button):
            button.setEnabled(picked)

    # ---- changes ----------------------------------------------------------------------------

    def ask_add(self) -> None:
        """Ask for a new learner's name and PIN, then add them."""
        form = self._open_form(title="Add a learner", button="Add", ask_name=True, ask_pin=True,
                               intro="Type the learner's name and a PIN for them. Tell the "
                                     "learner their PIN.")
        store = self._store
        self._connect(form, lambda name, pin: add_learner(store, name, pin).display_name,
                      lambda name: f"{name} was added.")

    def ask_rename(self) -> None:
        """Ask for a new name for the chosen learner."""
        learner = self._chosen_or_say()
        if learner is None:
            return
        form = self._open_form(title="Rename a learner", button="Rename", ask_name=True,
                               ask_pin=False, name=learner.display_name,
                               intro=f"Type a new name for {learner.display_name}.")
        store, learner_id = self._store, learner.id

        def done(name: str) -> str:
            self.learner_renamed.emit(learner_id, name)
            return f"{learner.display_name} is now called {name}."

        self._connect(form, lambda name, _pin: rename_learner(store, learner_id, name), done)

    def ask_new_pin(self) -> None:
        """Ask for a new PIN for the chosen learner (when they forgot theirs)."""
        learner = self._chosen_or_say()
        if learner is None:
            return
        form = self._open_form(title="Set a new PIN", button="Set the PIN", ask_name=False,
                               ask_pin=True,
                               intro=f"Type a new PIN for {learner.display_name}. Their old "
                                     "PIN stops working. Tell them the new one.")
        store, learner_id = self._store, learner.id
        self._connect(form, lambda _name, pin: reset_pin(store, learner_id, pin),
                      lambda _result: f"{learner.display_name} has a new PIN.")

    def ask_remove(self) -> None:
        """Ask staff to confirm, naming the learner and what is lost; then remove them."""
        learner = self._chosen_or_say()
        if learner is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Remove a learner",
                          f"Remove {learner.display_name} from this computer?",
                          QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText(removal_warning(learner))
        # After the informative text, so Qt applies plain text to both labels: never markup.
        box.setTextFormat(Qt.TextFormat.PlainText)
        remove = box.addButton(f"Remove {learner.display_name}",
                               QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda clicked: self._remove(learner) if clicked is remove else None)
        box.open()
        self.form_opened.emit(box)

    def _remove(self, learner: LearnerSummary) -> None:
        store, root, learner_id = self._store, self._practice_root, learner.id

        def job() -> str | None:
            try:
                remove_learner(store, learner_id)
            except StoreError as error:
                return str(error)
            try:
                remove_practice_folder(root, learner_id)
            except OSError:
                return (f"{learner.display_name} was removed, but their git practice folder "
                        "could not be deleted.")
            return None

        def done(problem: str | None) -> None:
            if problem is None or problem.startswith(learner.display_name):
                self.learner_removed.emit(learner_id)
            self.refresh(problem or f"{learner.display_name} was removed.")

        self._operations.run(job, while_open(self, done))

    # ---- helpers ----------------------------------------------------------------------------

    def _chosen_or_say(self) -> LearnerSummary | None:
        learner = self.chosen()
        if learner is None:
            self.message.setText(PICK_FIRST)
        return learner

    def _open_form(self, **options: Any) -> LearnerForm:
        form = LearnerForm(parent=self, **options)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()
        self.form_opened.emit(form)
        return form

    def _connect(self, form: LearnerForm, change: Callable[[str, str], Any],
                 said: Callable[[Any], str]) -> None:
        """Run `change(name, pin)` on the worker; close the form, or show why it failed."""

        def job(name: str, pin: str) -> tuple[bool, Any]:
            try:
                return True, change(name, pin)
            except StoreError as error:
                return False, str(error)

        def done(outcome: tuple[bool, Any]) -> None:
            worked, value = outcome
            if not worked:
                form.show_problem(value)
                return
            form.accept()
            self.refresh(said(value))

        form.submitted.connect(
            lambda name, pin: self._operations.run(lambda: job(name, pin), while_open(form, done)))


def removal_warning(learner: LearnerSummary) -> str:
    """What removing a learner deletes, in plain words."""
    checks = f"{learner.checks} check run" + ("" if learner.checks == 1 else "s")
    drafts = f"{learner.drafts} piece" + ("" if learner.drafts == 1 else "s") + " of saved work"
    return (f"This deletes everything {learner.display_name} did on this computer: "
            f"{checks}, {drafts}, and their git practice folders. "
            "This cannot be undone.\n\n"
            "Progress that was already exported to an instructor is not changed.")
