"""The Reports page: the class report, class data for a spreadsheet, a learner's report and
certificates, each saved as a file.

Reading the class and printing the PDF both run on the store's worker thread (a big class
takes seconds); the file is written under a temporary name, read back and checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.content.loader import Library
from tutor.exchange import reports
from tutor.report_pdf import write_pdf
from tutor.store import Store
from tutor.store.dashboard import Overview, learner_history
from tutor.ui.instructor.colours import show_in_colour
from tutor.ui.instructor.dashboard_page import plain_label
from tutor.ui.instructor.data import InstructorData
from tutor.ui.instructor.wording import learner_label
from tutor.ui.removable_drives import while_alive

INTRO = ("Reports are made from all the progress imported here. PDF files print on A4 paper. "
         "CSV files open in a spreadsheet. Demo data is marked DEMO DATA in every report.")
NO_CERTIFICATES = "No learner has finished a whole track yet, so there are no certificates."
NO_LEARNERS = "There are no learners yet. Import progress first."
PDF_FILTER = "PDF files (*.pdf)"
CSV_FILTER = "CSV files (*.csv)"
PROBLEM_COLOUR = "#a3001b"

ChooseFile = Callable[[QWidget, str, str, str], Path | None]


def _choose_file(parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(name) if name else None


def file_name_part(text: str) -> str:
    """Text fit for a file name: letters, digits and dashes only."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "learner"


def make_report(store: Store, library: Library | None, kind: str, path: Path,
                learner_id: str = "") -> str:
    """Read the class, write one report to path, and say what was written (off the GUI thread).

    `kind` is "class", "csv", "learner" or "certificates". Nothing is written when there is
    nothing to report.
    """
    report = reports.gather_class(store, library)
    if not report.overview.learners:
        return NO_LEARNERS
    if kind == "csv":
        rows = reports.write_class_csv(report, path)
        return f"Saved {path.name}: {rows:,} rows, one for each learner and track."
    if kind == "class":
        document = reports.class_document(report)
    elif kind == "learner":
        document = reports.learners_document(report, [learner_id],
                                             [learner_history(store, learner_id)])
    else:
        document = reports.certificates_document(report)
        if not document.items:
            return NO_CERTIFICATES
    pages = write_pdf(document, path)
    return f"Saved {path.name}: {pages} page{'' if pages == 1 else 's'}, ready to print."


class ReportsPage(QWidget):
    """Buttons that save the class report, class data, a learner's report and certificates."""

    report_saved = Signal(str)  # what staff were told
    report_failed = Signal(str)

    def __init__(self, data: InstructorData, library: Library | None, *,
                 choose_file: ChooseFile = _choose_file,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._library = library
        self._choose_file = choose_file
        self._folder = Path.home()
        self.busy = False
        self.class_pdf = QPushButton("Class report (PDF)")
        self.class_csv = QPushButton("Class data (CSV)")
        self.certificates = QPushButton("Certificates (PDF)")
        self.learner_box = QComboBox()
        self.learner_box.setAccessibleName("The learner to report on")
        self.learner_pdf = QPushButton("Report for this learner (PDF)")
        self.progress = QProgressBar()
        self.message = plain_label()
        self._build()
        data.overview_changed.connect(self.show_overview)
        if data.overview is not None:
            self.show_overview(data.overview)

    def _build(self) -> None:
        self.class_pdf.clicked.connect(lambda: self.save("class"))
        self.class_csv.clicked.connect(lambda: self.save("csv"))
        self.certificates.clicked.connect(lambda: self.save("certificates"))
        self.learner_pdf.clicked.connect(lambda: self.save("learner"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        grid = QGridLayout()
        grid.addWidget(plain_label("The whole class:"), 0, 0)
        grid.addWidget(self.class_pdf, 0, 1)
        grid.addWidget(self.class_csv, 0, 2)
        grid.addWidget(self.certificates, 0, 3)
        grid.addWidget(plain_label("One learner:"), 1, 0)
        grid.addWidget(self.learner_box, 1, 1, 1, 2)
        grid.addWidget(self.learner_pdf, 1, 3)
        grid.setColumnStretch(4, 1)
        notes = QHBoxLayout()
        notes.addWidget(plain_label(
            "The class report lists every learner's progress on each track. The class data "
            "has one row for each learner and track. Certificates give one page for each "
            "track a learner has finished."), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(plain_label(INTRO))
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addLayout(notes)
        layout.addSpacing(8)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._enable()

    def show_overview(self, overview: Overview) -> None:
        """Fill the list of learners, keeping the one chosen."""
        chosen = self.learner_box.currentData()
        self.learner_box.blockSignals(True)
        self.learner_box.clear()
        for learner in overview.learners:
            self.learner_box.addItem(learner_label(learner.display_name, learner.id), learner.id)
        self.learner_box.blockSignals(False)
        if chosen is not None:
            self.choose_learner(str(chosen))
        self._enable()

    def choose_learner(self, learner_id: str) -> None:
        """Pick this learner for "Report for this learner"."""
        index = self.learner_box.findData(learner_id)
        if index >= 0:
            self.learner_box.setCurrentIndex(index)

    def _enable(self) -> None:
        for button in (self.class_pdf, self.class_csv, self.certificates):
            button.setEnabled(not self.busy)
        self.learner_pdf.setEnabled(not self.busy and self.learner_box.count() > 0)

    def save(self, kind: str) -> None:
        """Ask where to save one kind of report, then make it off the GUI thread."""
        if self.busy:
            return
        today = date.today().isoformat()
        learner_id = str(self.learner_box.currentData() or "")
        names = {
            "class": ("Save the class report", f"class-report-{today}.pdf", PDF_FILTER),
            "csv": ("Save the class data", f"class-data-{today}.csv", CSV_FILTER),
            "certificates": ("Save the certificates", f"certificates-{today}.pdf", PDF_FILTER),
            "learner": ("Save the learner's report", "learner-report-"
                        f"{file_name_part(self.learner_box.currentText())}.pdf", PDF_FILTER),
        }
        title, suggested, file_filter = names[kind]
        path = self._choose_file(self, title, str(self._folder / suggested), file_filter)
        if path is None:
            return
        self._folder = path.parent
        self.busy = True
        self._enable()
        self.progress.show()
        self._say("Making the report…")
        library = self._library
        self._data.read(lambda store: make_report(store, library, kind, path, learner_id),
                        while_alive(self._done))

    def _done(self, result: Any) -> None:
        self.busy = False
        self.progress.hide()
        self._enable()
        if isinstance(result, Exception):
            message = f"The report was not saved: {result}"
            self._say(message, problem=True)
            self.report_failed.emit(message)
            return
        self._say(result, problem=result in (NO_CERTIFICATES, NO_LEARNERS))
        self.report_saved.emit(result)

    def _say(self, text: str, *, problem: bool = False) -> None:
        show_in_colour(self.message, PROBLEM_COLOUR if problem else None)
        self.message.setText(text)
