"""The Import page: progress files from USB sticks into the instructor's store.

Staff choose a USB stick (found on a thread: a slow stick never freezes the window), some
files, or a folder. The import runs on the store's worker thread with a progress bar. The
first file from a new workstation stops it there while staff are asked, on the GUI thread,
whether to trust that workstation's fingerprint; the worker waits for the answer. Then each
file is listed: imported, already here, or refused with the reason (refusals in red).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.exchange import ImportReport, WorkstationInfo, import_exports
from tutor.exchange.drives import Drive, find_removable_drives
from tutor.exchange.export_file import EXPORT_SUFFIX
from tutor.exchange.finding import find_files
from tutor.ui.background import BackgroundCalls
from tutor.ui.instructor.colours import show_in_colour
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.text_table import TextRow, TextTable
from tutor.ui.instructor.trust_dialog import ask_to_trust_workstation
from tutor.ui.removable_drives import while_alive

POLL_MS = 50
HEADERS = ("File", "Result", "New records", "What happened")
STATUS_WORDS = {"imported": "Imported", "duplicate": "Already here", "refused": "REFUSED"}
REFUSED_COLOUR = "#a3001b"
WARNING_COLOUR = "#8a4b00"
INTRO = ("Put in a USB stick with progress files from your workstations. Tutor checks "
         "every file before it adds anything: a damaged or forged file adds nothing.")
LOOKING = "Looking for USB sticks…"
NO_DRIVE = "No USB stick found. Put one in and press Look again, or choose files or a folder."
PICK_DRIVE = "Choose a USB stick, then press Import from this USB stick."
FILE_FILTER = f"Tutor progress files (*{EXPORT_SUFFIX})"

StaffAction = Callable[[str, Callable[[], None]], None]
ChooseFiles = Callable[[QWidget], list[Path]]
ChooseFolder = Callable[[QWidget], Path | None]
ConfirmWorkstation = Callable[[QWidget, WorkstationInfo], bool]
FindDrives = Callable[[], list[Drive]]


def _choose_files(parent: QWidget) -> list[Path]:
    names, _filter = QFileDialog.getOpenFileNames(parent, "Choose progress files",
                                                  str(Path.home()), FILE_FILTER)
    return [Path(name) for name in names]


def _choose_folder(parent: QWidget) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, "Choose a folder of progress files",
                                            str(Path.home()))
    return Path(name) if name else None


def drives_with_files(find_drives: FindDrives) -> list[tuple[Drive, list[Path]]]:
    """Each removable drive with the progress files on it (slow: call off the GUI thread)."""
    return [(drive, find_files(drive.path, EXPORT_SUFFIX)) for drive in find_drives()]


def file_row(report: Any) -> TextRow:
    """One file's line in the result table; a refusal is red, a warning brown (in any theme,
    as the table makes each colour readable on its rows)."""
    message = report.message
    colour = REFUSED_COLOUR if report.status == "refused" else (
        WARNING_COLOUR if report.warning else None)
    return TextRow([report.path.name, STATUS_WORDS.get(report.status, report.status),
                    f"{report.new_events:,}", message], value=report,
                   sort_keys=[None, None, report.new_events, None], tooltip=message,
                   foregrounds={1: colour, 3: colour} if colour else {})


class _Questions:
    """Questions from the worker thread, answered on the GUI thread by a polling timer.

    The worker never touches a Qt object: it puts a plain question in a queue and waits on
    an Event, which the GUI thread sets once staff have answered.
    """

    def __init__(self) -> None:
        self.waiting: queue.Queue[tuple[WorkstationInfo, dict[str, Any]]] = queue.Queue()
        self.closed = False

    def ask(self, info: WorkstationInfo) -> bool:
        """On the worker thread: wait for staff to answer about this workstation."""
        answer: dict[str, Any] = {"done": threading.Event(), "trusted": False}
        self.waiting.put((info, answer))
        while not answer["done"].wait(0.2):
            if self.closed:
                return False  # the window went away: trust nobody
        return bool(answer["trusted"])


class ImportPage(QWidget):
    """Import progress files from a USB stick, files or a folder; show what each one did."""

    import_started = Signal()
    import_finished = Signal(object)  # the ImportReport
    drives_listed = Signal(int)  # how many USB sticks were found

    def __init__(self, data: InstructorData, *, staff_action: StaffAction,
                 find_drives: FindDrives = find_removable_drives,
                 choose_files: ChooseFiles = _choose_files,
                 choose_folder: ChooseFolder = _choose_folder,
                 confirm_workstation: ConfirmWorkstation = ask_to_trust_workstation,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._staff_action = staff_action
        self._find_drives = find_drives
        self._choose_files = choose_files
        self._choose_folder = choose_folder
        self._confirm = confirm_workstation
        self._background = BackgroundCalls(self)
        self._questions = _Questions()
        self._progress = [0, 0]
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.running = False
        self._looked = False
        self.report: ImportReport | None = None
        self.drive_status = plain_label(LOOKING)
        self.drive_list = QListWidget()
        self.drive_list.setAccessibleName("USB sticks")
        self.look_button = QPushButton("Look again")
        self.import_drive_button = QPushButton("Import from this USB stick")
        self.files_button = QPushButton("Choose files…")
        self.folder_button = QPushButton("Choose a folder…")
        self.progress = QProgressBar()
        self.summary = plain_label()
        self.results = TextTable(HEADERS, name="What happened to each file")
        self._build()
        questions = self._questions
        # A worker waiting on a question when the page goes stops waiting, trusting no one.
        self.destroyed.connect(lambda *_: setattr(questions, "closed", True))

    def _build(self) -> None:
        self.look_button.clicked.connect(self.look)
        self.import_drive_button.clicked.connect(self.import_chosen_drive)
        self.files_button.clicked.connect(self._pick_files)
        self.folder_button.clicked.connect(self._pick_folder)
        self.drive_list.currentRowChanged.connect(lambda _row: self._enable())
        self.drive_list.itemDoubleClicked.connect(lambda _item: self.import_chosen_drive())
        self.drive_list.setMaximumHeight(110)
        self.progress.hide()
        self.results.setWordWrap(True)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda *_: self.results.resizeRowsToContents())
        buttons = QHBoxLayout()
        for button in (self.import_drive_button, self.look_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(plain_label(INTRO))
        layout.addWidget(self.drive_status)
        layout.addWidget(self.drive_list)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self._enable()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """The first time the page shows, look for USB sticks."""
        super().showEvent(event)
        if not self._looked:
            self.look()

    def stop_asking(self) -> None:
        """Answer "no" to any question still to come (the window is closing)."""
        self._questions.closed = True

    # ---- where the files are ------------------------------------------------------------

    def look(self) -> None:
        """List the USB sticks and the progress files on each (on a thread)."""
        self._looked = True
        self.drive_status.setText(LOOKING)
        self.drive_list.clear()
        self._enable()
        find = self._find_drives
        self._background.run(lambda: drives_with_files(find), while_alive(self._listed))

    def _listed(self, found: Any) -> None:
        if isinstance(found, Exception):
            found = []
        self.drive_list.clear()
        for drive, files in found:
            count = "no progress files" if not files else (
                "1 progress file" if len(files) == 1 else f"{len(files):,} progress files")
            item = QListWidgetItem(f"{drive.describe()}: {count}")
            item.setData(Qt.ItemDataRole.UserRole, (drive.path, files))
            self.drive_list.addItem(item)
        self.drive_status.setText(PICK_DRIVE if found else NO_DRIVE)
        if found:
            self.drive_list.setCurrentRow(0)
        self._enable()
        self.drives_listed.emit(len(found))

    def _enable(self) -> None:
        item = self.drive_list.currentItem()
        self.import_drive_button.setEnabled(not self.running and item is not None)
        for button in (self.look_button, self.files_button, self.folder_button):
            button.setEnabled(not self.running)

    def import_chosen_drive(self) -> None:
        """Import every progress file found on the chosen USB stick."""
        item = self.drive_list.currentItem()
        if item is None or self.running:
            return
        folder, files = item.data(Qt.ItemDataRole.UserRole)
        self.start_import(files or [folder])

    def _pick_files(self) -> None:
        paths = self._choose_files(self)
        if paths:
            self.start_import(paths)

    def _pick_folder(self) -> None:
        folder = self._choose_folder(self)
        if folder is not None:
            self.start_import([folder])

    # ---- importing ----------------------------------------------------------------------

    def start_import(self, paths: Sequence[Path]) -> None:
        """Ask for the staff passphrase, then import these files (or folders of them)."""
        if self.running:
            return
        chosen = [Path(path) for path in paths]
        self._staff_action("import progress", lambda: self._run(chosen))

    def _run(self, paths: list[Path]) -> None:
        self.running = True
        self._enable()
        self._progress = [0, max(1, len(paths))]
        self.progress.setRange(0, 0)  # busy until the first file is done
        self.progress.show()
        show_in_colour(self.summary, None)
        self.summary.setText("Checking and adding the files. Keep the USB stick in.")
        self.results.set_rows([])
        self.import_started.emit()
        questions, box = self._questions, self._progress

        def progressed(done: int, total: int) -> None:
            box[0], box[1] = done, total  # plain numbers; the GUI thread reads them

        def job(store: Any) -> ImportReport:
            return import_exports(store, paths, enrol=questions.ask, progress=progressed)

        self._timer.start()
        self._data.read(job, while_alive(self._done))

    def _poll(self) -> None:
        done, total = self._progress
        if done:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        while True:
            try:
                info, answer = self._questions.waiting.get_nowait()
            except queue.Empty:
                return
            try:
                answer["trusted"] = self._confirm(self, info)
            finally:
                answer["done"].set()

    def _done(self, report: Any) -> None:
        self._timer.stop()
        self._poll()  # a question asked just before the end still gets an answer
        self.running = False
        self.progress.hide()
        self._enable()
        if isinstance(report, Exception):
            show_in_colour(self.summary, REFUSED_COLOUR)
            self.summary.setText(f"The import stopped: {report} Nothing more was added.")
            return
        self.report = report
        refused = report.count("refused")
        show_in_colour(self.summary, REFUSED_COLOUR if refused else None, bold=True)
        self.summary.setText(report.summary())
        self.results.set_rows([file_row(item) for item in report.files])
        self._fit_columns()
        self.import_finished.emit(report)

    def _fit_columns(self) -> None:
        """Names and numbers at their width; the message takes the rest, wrapped."""
        header = self.results.horizontalHeader()
        for column in range(3):
            self.results.resizeColumnToContents(column)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.results.resizeRowsToContents()

    def shown_rows(self) -> list[list[str]]:
        """The result table as text, row by row, as staff see it."""
        return [[self.results.shown_text(row, column) for column in range(len(HEADERS))]
                for row in range(self.results.model().rowCount())]
