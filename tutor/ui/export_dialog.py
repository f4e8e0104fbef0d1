"""The staff action "Export progress", in three steps.

1. Where: the USB sticks in this computer (found on a thread, so a slow stick never freezes
   the window), or a folder staff choose.
2. What: in plain words, exactly what will leave this computer, so a vetting officer can
   check it before anything is written.
3. Writing: on the store's worker thread with a progress bar; the file is written under a
   temporary name, read back and checked, and only then is staff told to remove the stick.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.exchange import ExchangeError, plan_export, write_export
from tutor.exchange.drives import Drive, find_removable_drives
from tutor.ui.destination_chooser import ChooserWords, DestinationChooser
from tutor.ui.operations import Operations
from tutor.ui.removable_drives import while_alive
from tutor.ui.themes import set_tone

LOOKING = "Looking for USB sticks..."
NO_DRIVE = "No USB stick found. Put one in, or choose a folder."
PICK_DRIVE = "Choose the USB stick to save the file on, or choose a folder."
NO_FOLDER = "Choose a USB stick or a folder first."
FOLDER_MISSING = "That folder does not exist. Choose another one."
FOLDER_LOCKED = "This computer cannot save files in that folder. Choose another one."
ONLY_THIS = "Only what is listed here goes in the file. Nothing else leaves this computer."
WRITING = "Writing the file, then checking it. Do not remove the USB stick yet."
DONE = "Done. You can remove the USB stick now."
NOT_WRITTEN = ("Nothing was left half-written. Check that the USB stick is in and has "
               "space. Then try again.")
FAILED = "The file was not written."
NOT_READY = "The export could not get ready. Nothing was written. Please tell the IT team."

ChooseFolder = Callable[[QWidget, str], str]
log = logging.getLogger(__name__)


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from outside: never markup
    label.setWordWrap(True)
    return label


def _step_title(text: str) -> QLabel:
    label = _plain(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    return label


def _choose_folder(parent: QWidget, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, "Choose a folder for the export", start)


def folder_problem(folder: str) -> str | None:
    """Why the export cannot go in this folder, in plain words; None when it can."""
    if not folder.strip():
        return NO_FOLDER
    path = Path(folder.strip()).expanduser()
    if not path.is_dir():
        return FOLDER_MISSING
    if not os.access(path, os.W_OK | os.X_OK):
        return FOLDER_LOCKED
    return None


class ExportDialog(QDialog):
    """Exports every learner's progress on this computer to a USB stick, in three steps."""

    plan_shown = Signal(object)  # the ExportPlan, once staff can read it
    export_finished = Signal(object)  # the ExportResult, after it was read back and checked
    export_failed = Signal(str)  # what staff were told

    def __init__(self, *, store: Any, data_folder: Path, operations: Operations,
                 find_drives: Callable[[], list[Drive]] = find_removable_drives,
                 choose_folder: ChooseFolder = _choose_folder,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._data_folder = data_folder
        self._operations = operations
        self._choose_folder = choose_folder
        self.writing = False
        self._counts = [0, 0]
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(100)
        self._progress_timer.timeout.connect(self._show_progress)
        self.setWindowTitle("Export progress")
        self.setMinimumSize(600, 520)
        self.where = DestinationChooser(
            words=ChooserWords(LOOKING, NO_DRIVE, PICK_DRIVE),
            choose_folder=lambda _parent, start: self._choose_folder(self, start),
            find_drives=find_drives)
        # The chooser's parts, by the names staff-facing tests and the tour use.
        self.finder = self.where.finder
        self.drive_status = self.where.drive_status
        self.drive_list = self.where.drive_list
        self.folder_field = self.where.folder_field
        self.choose_button = self.where.choose_button
        self.steps = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        self._build_where()
        self._build_what()
        self._build_writing()
        self.look_again()

    # -- step 1: where ---------------------------------------------------------------------

    def _build_where(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_step_title("Step 1 of 3: Where should the file go?"))
        layout.addWidget(self.where, 1)
        self.where_message = _plain()
        set_tone(self.where_message, "error")  # red in every theme, with its contrast
        layout.addWidget(self.where_message)
        buttons = QHBoxLayout()
        self.look_again_button = QPushButton("Look again")
        self.look_again_button.clicked.connect(self.look_again)
        buttons.addWidget(self.look_again_button)
        buttons.addStretch(1)
        self.next_button = QPushButton("Next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.show_plan)
        buttons.addWidget(self.next_button)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.steps.addWidget(page)

    def look_again(self) -> None:
        """Look for USB sticks again (on a thread)."""
        self.where.look_again()

    def folder(self) -> Path:
        """The folder the file will be written to."""
        return self.where.folder()

    # -- step 2: what ----------------------------------------------------------------------

    def _build_what(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_step_title("Step 2 of 3: Check what will leave this computer."))
        self.plan_text = QPlainTextEdit()
        self.plan_text.setReadOnly(True)
        self.plan_text.setAccessibleName("What the file will hold")
        layout.addWidget(self.plan_text, 1)
        layout.addWidget(_plain(ONLY_THIS))
        self.destination = _plain()
        layout.addWidget(self.destination)
        buttons = QHBoxLayout()
        back = QPushButton("Back")
        back.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.write_button = QPushButton("Write the file")
        self.write_button.clicked.connect(self.write)
        buttons.addWidget(self.write_button)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.steps.addWidget(page)

    def show_plan(self) -> None:
        """Check the folder, then work out (off the GUI thread) what the file will hold."""
        problem = folder_problem(self.folder_field.text())
        if problem:
            self.where_message.setText(problem)
            return
        self.where_message.setText("")
        self.next_button.setEnabled(False)
        self.next_button.setText("Getting ready...")
        store = self._store

        self._operations.run(lambda: _plainly(lambda: plan_export(store), NOT_READY),
                             while_alive(self._plan_ready))

    def _plan_ready(self, plan: Any) -> None:
        self.next_button.setEnabled(True)
        self.next_button.setText("Next")
        if isinstance(plan, Exception):
            self.where_message.setText(str(plan))
            return
        self.plan_text.setPlainText("\n".join(plan.summary_lines()))
        self.destination.setText(f"The file will be saved in: {self.folder()}")
        self.steps.setCurrentIndex(1)
        self.write_button.setFocus()
        self.plan_shown.emit(plan)

    def reject(self) -> None:
        """Close, unless the file is being written (pulling the stick now would spoil it)."""
        if not self.writing:
            super().reject()

    # -- step 3: writing -------------------------------------------------------------------

    def _build_writing(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_step_title("Step 3 of 3: Writing the file."))
        self.progress = QProgressBar()
        self.progress.setAccessibleName("How much of the file is written")
        layout.addWidget(self.progress)
        self.outcome = _plain()
        font = self.outcome.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.outcome.setFont(font)
        layout.addWidget(self.outcome)
        self.outcome_detail = _plain()
        layout.addWidget(self.outcome_detail)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.try_again_button = QPushButton("Try again")
        self.try_again_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        buttons.addWidget(self.try_again_button)
        buttons.addStretch(1)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.steps.addWidget(page)

    def write(self) -> None:
        """Write the export on the store's worker thread, with a progress bar."""
        self.steps.setCurrentIndex(2)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.progress.show()
        self.outcome.setText(WRITING)
        self.outcome_detail.setText("")
        self.try_again_button.hide()
        self.close_button.setEnabled(False)
        self.writing = True
        store, data_folder, folder = self._store, self._data_folder, self.folder()
        # The worker writes counts into a plain list and a timer here shows them: the worker
        # thread never holds a Qt object (see removable_drives).
        counts = self._counts = [0, 0]

        def progress(done: int, total: int) -> None:
            counts[:] = [done, total]

        self._progress_timer.start()
        self._operations.run(lambda: _plainly(lambda: write_export(
            store, data_folder, folder, progress=progress), NOT_WRITTEN),
            while_alive(self._written))

    def _show_progress(self) -> None:
        done, total = self._counts
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done, total) / total))

    def _written(self, result: Any) -> None:
        self._progress_timer.stop()
        self.writing = False
        self.close_button.setEnabled(True)
        if isinstance(result, Exception):
            self.progress.hide()
            self.outcome.setText(FAILED)
            self.outcome_detail.setText(str(result))
            self.try_again_button.show()
            self.export_failed.emit(str(result))
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.outcome.setText(DONE)
        self.outcome_detail.setText(_what_was_written(result))
        self.close_button.setFocus()
        self.export_finished.emit(result)


def _plainly(job: Callable[[], Any], otherwise: str) -> Any:
    """Run job on the worker thread; hand back its result, or an error in plain words."""
    try:
        return job()
    except ExchangeError as error:  # its message is written for staff
        return RuntimeError(str(error) or otherwise)
    except Exception:  # noqa: BLE001 - "[Errno 28] No space left on device" is not for staff
        log.exception("The export did not work")
        return RuntimeError(otherwise)


def _what_was_written(result: Any) -> str:
    path = Path(result.path)
    learners, events = int(result.learners), int(result.events)
    people = "1 learner" if learners == 1 else f"{learners:,} learners"
    records = "1 record" if events == 1 else f"{events:,} records"
    return (f"Saved {path.name} in {path.parent}: the work of {people}, {records}. "
            "It was read back from the USB stick and checked.")
