"""Where a file for a USB stick goes: the sticks found (listed on a thread) or a folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tutor.exchange.drives import Drive, find_removable_drives
from tutor.ui.removable_drives import DriveFinder

ChooseFolder = Callable[[QWidget, str], str]


@dataclass(frozen=True)
class ChooserWords:
    """What the chooser says while looking, when it found nothing, and when it found sticks."""

    looking: str
    no_drive: str
    pick_drive: str


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class DestinationChooser(QWidget):
    """A status line, the USB sticks found, and a folder field with "Choose a folder..."."""

    def __init__(self, *, words: ChooserWords, choose_folder: ChooseFolder,
                 find_drives: Callable[[], list[Drive]] = find_removable_drives,
                 choose_text: str = "Choose a folder...",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._choose_folder = choose_folder
        self.finder = DriveFinder(find_drives, self)
        self.finder.drives_found.connect(self._show_drives)
        self.drive_status = _plain(words.looking)
        self.drive_list = QListWidget()
        self.drive_list.setAccessibleName("USB sticks")
        self.drive_list.currentItemChanged.connect(self._drive_picked)
        self._gap = QWidget()  # takes the list's room while there is no list to show
        self._gap.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._gap.hide()
        self.folder_field = QLineEdit()
        self.folder_field.setAccessibleName("The folder to save the file in")
        self.choose_button = QPushButton(choose_text)
        self.choose_button.clicked.connect(self._pick_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(_plain("Folder:"))
        folder_row.addWidget(self.folder_field, 1)
        folder_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drive_status)
        layout.addWidget(self.drive_list, 1)
        layout.addWidget(self._gap, 1)
        layout.addLayout(folder_row)

    def look_again(self) -> None:
        """Look for USB sticks again (on a thread)."""
        self.drive_status.setText(self._words.looking)
        self.drive_list.clear()
        self.finder.look()

    def _show_drives(self, drives: list[Drive]) -> None:
        self.drive_list.clear()
        for drive in drives:
            item = QListWidgetItem(drive.describe())
            item.setData(Qt.ItemDataRole.UserRole, str(drive.path))
            self.drive_list.addItem(item)
        self.drive_status.setText(self._words.pick_drive if drives else self._words.no_drive)
        self.drive_list.setVisible(bool(drives))
        self._gap.setVisible(not drives)
        if drives and not self.folder_field.text():
            self.drive_list.setCurrentRow(0)

    def _drive_picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.folder_field.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    def _pick_folder(self) -> None:
        chosen = self._choose_folder(self, self.folder_field.text() or str(Path.home()))
        if chosen:
            self.drive_list.setCurrentRow(-1)
            self.folder_field.setText(chosen)

    def folder(self) -> Path:
        """The folder the file will be written to."""
        return Path(self.folder_field.text().strip()).expanduser()
