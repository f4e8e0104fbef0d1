"""The staff action "Export feedback": the comments for one workstation's learners, signed,
on a USB stick, for staff to import on that workstation.

The workstations listed are those that sent progress here. The USB sticks are found on a
thread, and the file is written on the store's worker thread: written under a temporary
name, read back and checked, and only then is staff told to remove the stick.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.exchange import ExchangeError, write_feedback
from tutor.exchange.drives import Drive, find_removable_drives
from tutor.store import Store
from tutor.store.feedback import feedback_for_workstation
from tutor.store.merge import KnownWorkstation, known_workstations
from tutor.ui.destination_chooser import ChooserWords, DestinationChooser
from tutor.ui.export_dialog import folder_problem
from tutor.ui.instructor.colours import show_in_colour
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.removable_drives import while_alive

DONE = "Done. You can remove the USB stick now."
WRITING = "Writing the file, then checking it. Do not remove the USB stick yet."
NO_WORKSTATIONS = ("No progress has been imported yet, so there is no workstation to send "
                   "feedback to.")
LOOKING = "Looking for USB sticks…"
NO_DRIVE = "No USB stick found. Put one in and press Look again, or choose a folder."
NOT_WRITTEN = ("The file was not written. Check that the USB stick is in and has space. "
               "Then try again.")
PROBLEM_COLOUR = "#a3001b"

ChooseFolder = Callable[[QWidget, str], str]


def _choose_folder(parent: QWidget, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, "Choose a folder for the feedback file",
                                            start)


def workstations_with_counts(store: Store) -> list[tuple[KnownWorkstation, int]]:
    """Each workstation that sent progress here, with the comments waiting for its learners."""
    return [(workstation, len(feedback_for_workstation(store, workstation.id)))
            for workstation in known_workstations(store)]


def _comments(count: int) -> str:
    return "1 comment" if count == 1 else f"{count:,} comments"


class FeedbackExportDialog(QDialog):
    """Choose a workstation and a USB stick; write that workstation's feedback file there."""

    workstations_loaded = Signal(int)
    written = Signal(object)  # the Path of the file, after it was read back and checked
    failed = Signal(str)  # what staff were told

    def __init__(self, data: InstructorData, data_folder: Path, *,
                 find_drives: Callable[[], list[Drive]] = find_removable_drives,
                 choose_folder: ChooseFolder = _choose_folder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._data_folder = data_folder
        self._choose_folder = choose_folder
        self.writing = False
        self.setWindowTitle("Export feedback")
        self.setMinimumSize(560, 460)
        self.workstation_box = QComboBox()
        self.workstation_box.setAccessibleName("The workstation the feedback is for")
        self.count = plain_label()
        self.where = DestinationChooser(
            words=ChooserWords(LOOKING, NO_DRIVE, "Choose the USB stick to save the file on."),
            choose_folder=lambda _parent, start: self._choose_folder(self, start),
            find_drives=find_drives, choose_text="Choose a folder…")
        # The chooser's parts, by the names the tests use.
        self.finder = self.where.finder
        self.drive_status = self.where.drive_status
        self.drive_list = self.where.drive_list
        self.folder_field = self.where.folder_field
        self.choose_button = self.where.choose_button
        self.look_button = QPushButton("Look again")
        self.progress = QProgressBar()
        self.outcome = plain_label()
        self.write_button = QPushButton("Write the feedback file")
        self.close_button = QPushButton("Close")
        self._counts: dict[str, int] = {}
        self._names: dict[str, str] = {}
        self._build()
        self._load_workstations()
        self.look_again()

    def _build(self) -> None:
        self.workstation_box.currentIndexChanged.connect(lambda _index: self._show_count())
        self.look_button.clicked.connect(self.look_again)
        self.write_button.clicked.connect(self.write)
        self.close_button.clicked.connect(self.reject)
        self.write_button.setDefault(True)
        self.progress.hide()
        bold = self.outcome.font()
        bold.setBold(True)
        self.outcome.setFont(bold)
        buttons = QHBoxLayout()
        buttons.addWidget(self.look_button)
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("Which workstation is the feedback for?"))
        layout.addWidget(self.workstation_box)
        layout.addWidget(self.count)
        layout.addSpacing(8)
        layout.addWidget(plain_label("Where should the file go?"))
        layout.addWidget(self.where, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.write_button.setEnabled(False)

    # ---- which workstation --------------------------------------------------------------

    def _load_workstations(self) -> None:
        self.count.setText("Reading the workstations…")
        self._data.read(workstations_with_counts, while_alive(self._workstations_read))

    def _workstations_read(self, found: Any) -> None:
        if isinstance(found, Exception):
            self.count.setText(f"Could not read the workstations: {found}")
            return
        self.workstation_box.clear()
        self._counts = {}
        for workstation, count in sorted(found, key=lambda pair: pair[0].name.casefold()):
            self._counts[workstation.id] = count
            self._names[workstation.id] = workstation.name
            self.workstation_box.addItem(f"{workstation.name}: {_comments(count)}",
                                         workstation.id)
        self.write_button.setEnabled(bool(found))
        # Start on the first workstation that has comments waiting, if any does.
        waiting = next((index for index in range(self.workstation_box.count())
                        if self._counts.get(str(self.workstation_box.itemData(index)))), 0)
        self.workstation_box.setCurrentIndex(waiting)
        self._show_count()
        self.workstations_loaded.emit(len(found))

    def _show_count(self) -> None:
        workstation_id = self.workstation_box.currentData()
        if workstation_id is None:
            self.count.setText(NO_WORKSTATIONS)
            return
        count = self._counts.get(str(workstation_id), 0)
        self.count.setText(f"The file will hold {_comments(count)} for the learners who use "
                           "this workstation: every comment and answer written so far.")

    def choose_workstation(self, workstation_id: str) -> None:
        """Pick the workstation with this id in the list."""
        index = self.workstation_box.findData(workstation_id)
        if index >= 0:
            self.workstation_box.setCurrentIndex(index)

    # ---- where --------------------------------------------------------------------------

    def look_again(self) -> None:
        """Look for USB sticks again (on a thread)."""
        self.where.look_again()

    # ---- writing ------------------------------------------------------------------------

    def write(self) -> None:
        """Write the chosen workstation's feedback file (on the store's worker thread)."""
        workstation_id = self.workstation_box.currentData()
        if workstation_id is None or self.writing:
            return
        problem = folder_problem(self.folder_field.text())
        if problem:
            self._say(problem, problem=True)
            return
        folder = self.where.folder()
        data_folder, chosen = self._data_folder, str(workstation_id)
        self.writing = True
        for button in (self.write_button, self.close_button, self.choose_button,
                       self.look_button):
            button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._say(WRITING)
        def job(store: Store) -> tuple[Path, int]:
            path = write_feedback(store, data_folder, chosen, folder)
            return path, len(feedback_for_workstation(store, chosen))

        self._data.read(job, while_alive(self._written))

    def _written(self, result: Any) -> None:
        self.writing = False
        self.progress.hide()
        for button in (self.write_button, self.close_button, self.choose_button,
                       self.look_button):
            button.setEnabled(True)
        if isinstance(result, Exception):
            message = str(result) if isinstance(result, ExchangeError) else NOT_WRITTEN
            self._say(message, problem=True)
            self.failed.emit(message)
            return
        path, count = result
        name = self._names.get(str(self.workstation_box.currentData()), "the workstation")
        self._say(f"{DONE}\nSaved {path.name}: {_comments(count)} for {name}. "
                  "Import it on that workstation from its Staff menu.")
        self.close_button.setFocus()
        self.written.emit(path)

    def _say(self, text: str, *, problem: bool = False) -> None:
        show_in_colour(self.outcome, PROBLEM_COLOUR if problem else None)
        self.outcome.setText(text)

    def reject(self) -> None:
        """Close, unless the file is being written (pulling the stick now would spoil it)."""
        if not self.writing:
            super().reject()
