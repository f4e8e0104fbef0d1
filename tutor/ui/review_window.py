"""Review mode: browse every file of a lesson pack before it is installed, then decide.

Flags sit at the top (a click opens the file at that line), the files on the left, the file
or its changes on the right, and the decisions at the bottom: save a report, approve and
sign, install. Approving and installing ask the staff gate first. Reading a pack, building
its review, writing the report, signing and installing all run off the GUI thread.
Every piece of pack text is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tutor.content.review import FLAG_KINDS, Decision, Flag, Review, ReviewedPack
from tutor.ui.background import BackgroundCalls
from tutor.ui.review_actions import ReviewActions
from tutor.ui.review_changes import ChangesView
from tutor.ui.review_file_list import FileList
from tutor.ui.review_file_view import FileView, plain_label

if TYPE_CHECKING:
    from tutor.store import Store
    from tutor.ui.operations import Operations
    from tutor.ui.staff_gate import StaffGate

FLAG_ROLE = Qt.ItemDataRole.UserRole
# A hostile pack could raise a million flags; a list that long would stall the window.
MAX_LISTED_FLAGS = 5_000


def _bigger_bold(font: QFont, scale: float) -> QFont:
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * scale)
    bigger.setBold(True)
    return bigger


class ReviewWindow(QMainWindow):
    """The review window for one lesson pack."""

    review_loaded = Signal(object)  # the Review
    loading_failed = Signal(str)  # a plain message
    file_shown = Signal(str)  # the path now in the viewer

    def __init__(self, *, data_folder: Path, store: Store, operations: Operations,
                 staff_gate: StaffGate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review a lesson pack")
        # Table headings without the box the theme draws round lists and tables: inside a
        # heading that box takes the room of the words and cuts them off.
        self._fit_to_screen()
        self.loaded: ReviewedPack | None = None
        self._calls = BackgroundCalls(self)
        self.title = plain_label("Review a lesson pack")
        self.title.setFont(_bigger_bold(self.font(), 1.3))
        self.header = plain_label("")
        self.flag_summary = plain_label("")
        self.flag_summary.setFont(_bigger_bold(self.font(), 1.0))
        self.cannot_install = plain_label("")
        self.cannot_install.setFont(_bigger_bold(self.font(), 1.1))
        self.cannot_install.setFrameShape(QFrame.Shape.Box)
        self.cannot_install.setLineWidth(2)
        self.cannot_install.setMargin(6)
        self.cannot_install.setAccessibleName("This pack cannot be installed")
        self.cannot_install.hide()
        self.flag_list = QListWidget()
        self.flag_list.setAccessibleName("Flags: click one to open the file at that line")
        self.file_list = FileList()
        self.file_view = FileView()
        self.changes = ChangesView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.file_view, "File")
        self.tabs.addTab(self.changes, "Changes")
        self.status = plain_label("")
        self.save_button = QPushButton("Save report...")
        self.approve_button = QPushButton("Approve and sign...")
        self.install_button = QPushButton("Install")
        close_button = QPushButton("Close")
        self.decisions = ReviewActions(self, data_folder=data_folder, store=store,
                                     operations=operations, staff_gate=staff_gate)
        self._build_layout(close_button)
        self.flag_list.itemClicked.connect(self._flag_chosen)
        self.flag_list.itemActivated.connect(self._flag_chosen)
        self.file_list.file_chosen.connect(self.show_file)
        self.save_button.clicked.connect(self.decisions.choose_and_save_report)
        self.approve_button.clicked.connect(self.decisions.choose_key_and_approve)
        self.install_button.clicked.connect(self.decisions.install)
        close_button.clicked.connect(self.close)
        self.decisions.message_shown.connect(self.status.setText)
        self._set_buttons_enabled(False)

    def _build_layout(self, close_button: QPushButton) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.header)
        top_layout.addWidget(self.cannot_install)
        top_layout.addWidget(self.flag_summary)
        top_layout.addWidget(self.flag_list)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.file_list)
        body.addWidget(self.tabs)
        body.setStretchFactor(1, 3)
        body.setSizes([self.width() * 3 // 10, self.width() * 7 // 10])
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(top)
        whole.addWidget(body)
        whole.setStretchFactor(1, 3)
        whole.setSizes([self.height() * 3 // 10, self.height() * 7 // 10])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.save_button, self.approve_button, self.install_button,
                       close_button):
            buttons.addWidget(button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(whole, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(central)

    def _fit_to_screen(self) -> None:
        """Take most of the screen, however small (workstation screens can be 1366 x 768)."""
        screen = self.screen()
        if screen is None:
            self.resize(1200, 760)
            return
        area = screen.availableGeometry()
        self.resize(min(1400, area.width() * 95 // 100), min(900, area.height() * 92 // 100))

    def set_staff_gate(self, gate: StaffGate) -> None:
        """Give the window the gate that asks for the staff passphrase."""
        self.decisions.staff_gate = gate

    @property
    def review(self) -> Review | None:
        """The review on show, once the pack has been read."""
        return self.loaded.review if self.loaded else None

    @property
    def decision(self) -> Decision:
        """What was decided in this window so far (not approved until signed)."""
        return self.decisions.decision

    def open_pack(self, path: Path) -> None:
        """Read and review a pack file off the GUI thread; show it when ready."""
        from tutor.content.packs import PackError
        from tutor.content.review import review_pack_file

        self._set_buttons_enabled(False)
        self.status.setText(f"Reading {Path(path).name}...")
        folder = self.decisions.data_folder

        def job() -> ReviewedPack | str:
            try:
                return review_pack_file(Path(path), folder)
            except PackError as error:
                return str(error)

        self._calls.run(job, self._loaded)

    def _loaded(self, result: object) -> None:
        if not isinstance(result, ReviewedPack):
            message = str(result) or "The pack could not be read."
            self.status.setText(f"This pack cannot be used. {message}")
            self.header.setText("No pack is open.")
            self.loading_failed.emit(message)
            return
        self.loaded = result
        self.decisions.set_pack(result)
        self._show_review(result.review)
        self._set_buttons_enabled(True)
        if result.review.installable:
            self.status.setText("Look at every flag and file, then decide.")
        else:
            # Signing or installing would only be refused; say so instead of offering them.
            self.approve_button.setEnabled(False)
            self.install_button.setEnabled(False)
            self.status.setText("This pack cannot be installed, so it cannot be approved. "
                                "You can still look at every file and save a report.")
        self.review_loaded.emit(result.review)

    def _show_review(self, review: Review) -> None:
        self.setWindowTitle(f"Review: {review.title} (version {review.version})")
        self.title.setText(f"{review.title}, version {review.version}")
        signers = "; ".join(f"{s.fingerprint}{' ' + s.comment if s.comment else ''}"
                            f"{'' if s.valid else ' (BROKEN: changed after signing)'}"
                            for s in review.signers) or "nobody yet"
        self.header.setText(
            f"Pack id: {review.pack_id}    Files: {len(review.files):,} "
            f"({review.total_size():,} bytes)    Needs Tutor {review.min_app_version} or newer\n"
            f"Signed by: {signers}\nPack hash: {review.manifest_sha256}")
        self.cannot_install.setText("\n".join(
            ["This pack cannot be installed:", *review.install_problems]))
        self.cannot_install.setVisible(not review.installable)
        counts = review.flag_counts()
        self.flag_summary.setText(
            f"Flags ({len(review.flags)}). " + "; ".join(
                f"{label}: {counts[kind]}" for kind, label in FLAG_KINDS.items()
                if kind in counts) + "." if counts else "Flags: nothing was flagged.")
        self.flag_list.clear()
        flags = review.flags
        for flag in flags[:MAX_LISTED_FLAGS]:
            item = QListWidgetItem(f"{flag.where()}  -  {flag.message}  [{flag.text}]")
            item.setData(FLAG_ROLE, flag)
            self.flag_list.addItem(item)
        if len(flags) > MAX_LISTED_FLAGS:
            self.flag_list.addItem(f"...and {len(flags) - MAX_LISTED_FLAGS:,} more. "
                                   "The report lists every one.")
        self.file_list.set_review(review)
        self.changes.set_review(review)
        if review.flags:
            self.flag_list.setCurrentRow(0)
            self.show_flag(review.flags[0])

    def show_flag(self, flag: Flag) -> None:
        """Open the file a flag is in, at its line."""
        self.show_file(flag.path, line=flag.line)

    def show_file(self, path: str, *, line: int = 0) -> None:
        """Show a file of the pack in the viewer, at a line when one is given."""
        if self.loaded is None:
            return
        file = self.loaded.review.file(path)
        if file is None:
            return
        self.file_list.select(path)
        if self.file_view.path != path or self.file_view.editor is None:
            self.file_view.show_file(file, self.loaded.pictures.get(path))
        self.tabs.setCurrentWidget(self.file_view)
        self.file_view.go_to_line(line)
        self.changes.show_change(path)
        self.file_shown.emit(path)

    def _flag_chosen(self, item: QListWidgetItem) -> None:
        flag = item.data(FLAG_ROLE)
        if isinstance(flag, Flag):
            self.show_flag(flag)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for button in (self.save_button, self.approve_button, self.install_button):
            button.setEnabled(enabled)


def choose_and_open_review(*, parent: QWidget, data_folder: Path, store: Store,
                           operations: Operations, staff_gate: StaffGate) -> ReviewWindow | None:
    """Ask for a pack file, then open a review window on it (closed windows free themselves)."""
    from PySide6.QtWidgets import QFileDialog

    from tutor.content.packs import PACK_SUFFIX

    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "Choose a lesson pack to review", "",
        f"Lesson pack (*{PACK_SUFFIX});;All files (*)")
    if not chosen:
        return None
    window = ReviewWindow(data_folder=data_folder, store=store, operations=operations,
                          staff_gate=staff_gate, parent=parent)
    window.setWindowFlag(Qt.WindowType.Window, True)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.open_pack(Path(chosen))
    window.show()
    return window
