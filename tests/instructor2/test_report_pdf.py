"""Printed reports: real PDF files, A4, a page per certificate or learner, names readable."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from tutor.content.loader import Library
from tutor.exchange.reports import (
    DEMO_HEADER,
    ReportDocument,
    certificates_document,
    class_document,
    gather_class,
    learners_document,
)
from tutor.paths import instructor_database_path
from tutor.report_pdf import pdf_bytes, write_pdf
from tutor.store import Store, new_id
from tutor.store.dashboard import learner_history

from .conftest import FIRST, add_work, copy_store

LONG_NAME = "Bartholomew Fitzwilliam Montgomery-Smythe"[:40]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, with the spaces and line breaks PDF text puts in taken out."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = ["".join(document.getAllText(page).text().split())
             for page in range(document.pageCount())]
    size = document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) in ((595, 842), (842, 595))  # A4
    document.close()
    return pages


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def store(template_database: Path, tmp_path: Path) -> Store:
    made = copy_store(template_database, instructor_database_path(tmp_path / "instructor"))
    yield made
    made.close()


def test_certificates_print_one_page_each_with_the_learners_name(
        qapp: QApplication, store: Store, library: Library, tmp_path: Path) -> None:
    html = [exercise.id for exercise in library.track("html").exercises]
    testing = [exercise.id for exercise in library.track("testing").exercises]
    add_work(store, "Finn Doyle", html + testing)
    add_work(store, LONG_NAME, html)
    add_work(store, "Sam Nearly", html[:3])
    path = tmp_path / "certificates.pdf"
    document = certificates_document(gather_class(store, library))
    assert write_pdf(document, path) == 3
    assert path.read_bytes().startswith(b"%PDF-")
    pages = pdf_pages(path)
    assert len(pages) == 3
    # Learners in name order, each one's tracks in course order; a long name fits its page.
    assert squeeze(f"This is to certify that {LONG_NAME} completed the HTML") in pages[0]
    assert squeeze("This is to certify that Finn Doyle completed the HTML track") in pages[1]
    assert squeeze("Finn Doyle completed the Testing track of Tutor") in pages[2]
    assert not any("SamNearly" in page for page in pages)
    assert not any("DEMODATA" in page for page in pages)


def test_each_learner_starts_a_new_page(qapp: QApplication, store: Store, library: Library,
                                       tmp_path: Path) -> None:
    first = add_work(store, "Ann First", [FIRST])
    second = add_work(store, "Ben Second", [FIRST], passed=False)
    report = gather_class(store, library)
    ids = [first.id, second.id]
    document = learners_document(report, ids, [learner_history(store, i) for i in ids])
    path = tmp_path / "learners.pdf"
    pages = write_pdf(document, path)
    text = pdf_pages(path)
    assert pages == len(text) == 2
    assert "AnnFirst" in text[0] and "BenSecond" not in text[0]
    assert "BenSecond" in text[1]
    assert "Page1of2" in text[0] and "Page2of2" in text[1]


def test_demo_data_is_marked_on_every_page(qapp: QApplication, store: Store, library: Library,
                                          tmp_path: Path) -> None:
    # Enough learners for the class table to run over a page. Written straight into the
    # table, as an import would: making each with a PIN would take seconds.
    with store._writing() as database:
        database.conn.executemany(
            "INSERT INTO learners (id, display_name, created_at, is_demo, workstation_id) "
            "VALUES (?, ?, '2025-03-03T09:00:00.000Z', 1, ?)",
            [(new_id(), f"Learner {number:02d}", store.workstation_id) for number in range(60)])
    store.set_setting("demo_data", "true")
    path = tmp_path / "class.pdf"
    pages = write_pdf(class_document(gather_class(store, library)), path)
    text = pdf_pages(path)
    assert pages == len(text) >= 2
    assert all(squeeze(DEMO_HEADER) in page for page in text)
    assert "Learner00" in text[0] and "Learner59" in text[-1]


def test_hostile_markup_prints_as_plain_letters(qapp: QApplication, store: Store,
                                               library: Library, tmp_path: Path) -> None:
    add_work(store, "<b>Bold</b><table><tr><td>x", [FIRST])
    path = tmp_path / "class.pdf"
    write_pdf(class_document(gather_class(store, library)), path)
    assert "<b>Bold</b><table><tr><td>x" in pdf_pages(path)[0]


def test_a_pdf_can_be_made_away_from_the_gui_thread(qapp: QApplication) -> None:
    report = ReportDocument("Test", "<h1>Made on a thread</h1>", "", "footer", 1)
    box: dict[str, object] = {}

    def work() -> None:
        box["result"] = pdf_bytes(report)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    data, pages = box["result"]  # type: ignore[misc]
    assert pages == 1 and data.startswith(b"%PDF-")
    document = QPdfDocument()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert "Madeonathread" in squeeze(document.getAllText(0).text())
    image = document.render(0, QSize(200, 280))
    assert not image.isNull()
    document.close()
