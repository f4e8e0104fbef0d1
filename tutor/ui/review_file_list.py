"""The list of every file in a pack under review, with its size, flags and change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tutor.content.review import Review

PATH_ROLE = Qt.ItemDataRole.UserRole
NOTEWORTHY_ROLE = Qt.ItemDataRole.UserRole + 1


class FileList(QWidget):
    """Every file of the pack; a box to find one, and a switch to see only what needs a look."""

    file_chosen = Signal(str)  # the path of the file a person picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_box = QLineEdit()
        self.find_box.setPlaceholderText("Find a file")
        self.find_box.setAccessibleName("Find a file")
        self.only_noteworthy = QCheckBox("Only files with flags or changes")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["File", "Size", "Flags", "Change"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("Files in the pack")
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        columns = self.tree.header()
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find_box)
        layout.addWidget(self.only_noteworthy)
        layout.addWidget(self.tree)
        self.tree.currentItemChanged.connect(self._chosen)
        self.find_box.textChanged.connect(self._filter)
        self.only_noteworthy.toggled.connect(self._filter)

    def set_review(self, review: Review) -> None:
        """List the files of a new review."""
        self.tree.clear()
        for file in review.files:
            change = "" if file.change in ("same", "new pack") else file.change
            row = QTreeWidgetItem([file.path, f"{file.size:,}",
                                   str(len(file.flags)) if file.flags else "", change])
            row.setData(0, PATH_ROLE, file.path)
            row.setData(0, NOTEWORTHY_ROLE, bool(file.flags or change))
            row.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(row)
        self._filter()

    def rows(self) -> list[QTreeWidgetItem]:
        """Every row, shown or hidden, in order."""
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [row for row in found if row is not None]

    def shown_paths(self) -> list[str]:
        """The paths of the rows not hidden by the find box or the switch."""
        return [row.text(0) for row in self.rows() if not row.isHidden()]

    def current_path(self) -> str:
        """The path of the chosen row, or "" when none is chosen."""
        row = self.tree.currentItem()
        return str(row.data(0, PATH_ROLE)) if row is not None else ""

    def select(self, path: str) -> None:
        """Mark a file as chosen without announcing it (the window shows it already)."""
        for row in self.rows():
            if row.data(0, PATH_ROLE) == path:
                blocked = self.tree.blockSignals(True)
                self.tree.setCurrentItem(row)
                self.tree.blockSignals(blocked)
                self.tree.scrollToItem(row)
                return

    def _chosen(self, row: QTreeWidgetItem | None) -> None:
        if row is not None:
            self.file_chosen.emit(str(row.data(0, PATH_ROLE)))

    def _filter(self) -> None:
        needle = self.find_box.text().strip().lower()
        only = self.only_noteworthy.isChecked()
        for row in self.rows():
            hidden = (bool(needle) and needle not in row.text(0).lower()) or (
                only and not row.data(0, NOTEWORTHY_ROLE))
            row.setHidden(hidden)
