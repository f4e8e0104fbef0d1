"""The audit log (staff only): what was done on this computer, when, and by which role.

Newest first, as plain text. "Save as CSV..." writes a file for a spreadsheet; cells that a
spreadsheet would run as a formula are made text first. Reading and writing run on the
store's worker thread, and the file is read back before the dialog says it is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tutor.store import Store
from tutor.store.learner_admin import audit_table, save_audit_csv
from tutor.ui.learner_admin import local_time, while_open
from tutor.ui.operations import Operations

COLUMNS = ("When", "Role", "What", "Details")


class AuditLogDialog(QDialog):
    """A table of the audit log, newest first, with a button to save it as CSV."""

    entries_shown = Signal()
    saved = Signal(str)  # what the dialog said: saved, or why not

    def __init__(self, store: Store, operations: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._operations = operations
        self.setWindowTitle("Audit log")
        # Table headings without the box the theme draws round lists and tables: inside a
        # heading that box takes the room of the words and cuts them off.
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Audit log, newest first")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel("Loading...")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save_button = QPushButton("Save as CSV...")
        self.save_button.setToolTip("Save the whole log as a file for a spreadsheet")
        self.save_button.clicked.connect(self.ask_where_to_save)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        intro = QLabel("Staff actions on this computer, newest first: learners added or "
                       "removed, settings, packs, exports and imports, and every wrong "
                       "staff passphrase.")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 520)
        self.refresh()

    def refresh(self, message: str | None = None) -> None:
        """Read the log again (off the GUI thread) and show it, with `message` below."""
        store = self._store
        self._operations.run(lambda: audit_table(store.audit_entries()),
                             while_open(self, lambda rows: self._show(rows, message)))

    def _show(self, rows: list[tuple[str, str, str, str, str]], message: str | None) -> None:
        self.table.setRowCount(len(rows))
        for row, (when, role, action, details, _workstation) in enumerate(rows):
            cells = (local_time(when), role, action, details)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)  # table items never read text as markup
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.message.setText(message or f"{len(rows)} entries.")
        self.entries_shown.emit()

    def cell(self, row: int, column: int) -> str:
        """The text shown in one cell (row 0 is the newest entry)."""
        item = self.table.item(row, column)
        return "" if item is None else item.text()

    def ask_where_to_save(self) -> None:
        """Ask where to save the CSV file, then save it."""
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save the audit log", "audit-log.csv", "CSV files (*.csv)")
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        """Save the log as CSV at `path`; say when it is written and checked."""
        store = self._store

        def job() -> str:
            try:
                count = save_audit_csv(store, path)
            except OSError as error:
                reason = error.strerror or "the file could not be written"
                return f"The log was not saved: {reason}. Try another place."
            return f"Saved {count} entries to {path.name}."

        def done(said: str) -> None:
            self.save_button.setEnabled(True)
            self.message.setText(said)
            self.refresh(said)  # the save itself is now in the log
            self.saved.emit(said)

        self.save_button.setEnabled(False)
        self.message.setText("Saving...")
        self._operations.run(job, while_open(self, done))
