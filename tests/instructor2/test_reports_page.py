"""The Reports page: each button saves its file off the GUI thread and says what it saved."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tutor.content.loader import Library
from tutor.paths import instructor_database_path
from tutor.store import Store
from tutor.ui.instructor.reports_page import NO_CERTIFICATES, ReportsPage

from .conftest import FIRST, Opener, add_work

TIMEOUT = 20_000


class SaveAs:
    """Stands in for the save dialog: answers with a file in one folder, and remembers."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.suggested: list[str] = []

    def __call__(self, _parent: QWidget, _title: str, suggested: str,
                 _filter: str) -> Path | None:
        self.suggested.append(Path(suggested).name)
        return self.folder / Path(suggested).name


def test_every_report_button_saves_its_file(qtbot: QtBot, open_app: Opener,
                                            instructor_dir: Path, library: Library,
                                            tmp_path: Path) -> None:
    with Store.open(instructor_database_path(instructor_dir)) as store:
        finn = add_work(store, "Finn Doyle", [e.id for e in library.track("html").exercises])
        add_work(store, "@Sam", [FIRST], passed=False)
    app = open_app(instructor_dir)
    save_as = SaveAs(tmp_path)
    page = ReportsPage(app.data, library, choose_file=save_as)
    app.window.add_page("Test reports", page)
    assert page.learner_box.count() == 2
    page.choose_learner(finn.id)
    assert page.learner_box.currentText().startswith("Finn Doyle")

    for button in (page.class_pdf, page.class_csv, page.certificates, page.learner_pdf):
        with qtbot.waitSignal(page.report_saved, timeout=TIMEOUT) as saved:
            button.click()
            assert not page.class_pdf.isEnabled()  # one report at a time
        assert saved.args[0].startswith("Saved ")
        assert page.class_pdf.isEnabled()
    assert [name.split("-2")[0] for name in save_as.suggested[:3]] == [
        "class-report", "class-data", "certificates"]
    assert save_as.suggested[3] == f"learner-report-finn-doyle-{finn.id[-6:]}.pdf"
    files = {path.suffix: path for path in tmp_path.iterdir() if path.is_file()}
    with (tmp_path / save_as.suggested[1]).open(encoding="utf-8-sig") as handle:
        names = {row["learner_name"] for row in csv.DictReader(handle)}
    assert names == {"Finn Doyle", "'@Sam"}
    for name in (save_as.suggested[0], save_as.suggested[2], save_as.suggested[3]):
        document = QPdfDocument()
        document.load(str(tmp_path / name))
        assert document.pageCount() >= 1
        assert "FinnDoyle" in "".join(document.getAllText(0).text().split())
        document.close()
    assert ".pdf" in files and ".csv" in files


def test_no_certificates_means_no_file_and_a_plain_message(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, library: Library,
        tmp_path: Path) -> None:
    with Store.open(instructor_database_path(instructor_dir)) as store:
        add_work(store, "Ann", [FIRST])
    app = open_app(instructor_dir)
    page = ReportsPage(app.data, library, choose_file=SaveAs(tmp_path))
    app.window.add_page("Test reports", page)
    with qtbot.waitSignal(page.report_saved, timeout=TIMEOUT) as saved:
        page.certificates.click()
    assert saved.args[0] == NO_CERTIFICATES == page.message.text()
    assert not list(tmp_path.glob("*.pdf"))
