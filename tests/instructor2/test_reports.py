"""Class data as CSV and report pages as HTML: counts, certificates, and hostile text."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tutor.content.loader import Library
from tutor.exchange import import_exports
from tutor.exchange.reports import (
    CSV_COLUMNS,
    DEMO_MARK,
    FORMULA_STARTS,
    ClassReport,
    certificates_document,
    class_csv,
    class_document,
    gather_class,
    learners_document,
    safe_cell,
    write_class_csv,
)
from tutor.paths import instructor_database_path
from tutor.store import Store
from tutor.store.dashboard import learner_history
from tutor.store.questions import record_question

from .conftest import FIRST, add_work, copy_store

HOSTILE_NAMES = ('=HYPERLINK("http://x.test","go")', "+SUM(A1:A9)", "-2+3", "@cmd",
                 "=1+1 ", "\uff1d1+1")
MARKUP_NAME = '<img src="file:///etc/hostname">'


def html_ids(library: Library) -> list[str]:
    return [exercise.id for exercise in library.track("html").exercises]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # so spreadsheets read it as UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def store(template_database: Path, tmp_path: Path) -> Store:
    made = copy_store(template_database, instructor_database_path(tmp_path / "instructor"))
    yield made
    made.close()


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "  =1",
                                  "\uff1dcmd", "\uff20cmd", "-", "="])
def test_a_would_be_formula_gets_an_apostrophe(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Ann", "", "12", "2025-03-03T09:00:00.000Z", "a=b", "A-1"])
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert safe_cell(text) == text


def test_the_csv_has_a_row_per_learner_and_track_and_no_cell_a_spreadsheet_would_run(
        store: Store, library: Library) -> None:
    for name in HOSTILE_NAMES:
        add_work(store, name, [FIRST])
    report = gather_class(store, library)
    rows = read_csv(class_csv(report))
    assert rows[0] == list(CSV_COLUMNS)
    assert len(rows) == 1 + len(HOSTILE_NAMES) * len(library.tracks)
    for row in rows:
        assert len(row) == len(CSV_COLUMNS)
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), row
            assert not cell.lstrip().startswith(FORMULA_STARTS), row
    names = {row[2] for row in rows[1:]}
    assert names == {"'" + name.strip() for name in HOSTILE_NAMES}


def test_a_hostile_workstation_name_from_an_export_is_neutralised(
        store: Store, library: Library, make_workstation: object, stick: Path) -> None:
    workstation = make_workstation('=cmd|"/c calc"!A1')  # type: ignore[operator]
    add_work(workstation.store, "Ann", [FIRST])
    import_exports(store, [workstation.export(stick)], enrol=lambda _info: True)
    rows = read_csv(class_csv(gather_class(store, library)))
    assert {row[4] for row in rows[1:]} == {"'=cmd|\"/c calc\"!A1"}


def test_the_csv_counts_progress_and_the_date_a_track_was_finished(
        store: Store, library: Library, tmp_path: Path) -> None:
    finisher = add_work(store, "Finn", html_ids(library))
    add_work(store, "Sam", [FIRST, "css.element-selectors"], passed=False)
    path = tmp_path / "class.csv"
    assert write_class_csv(gather_class(store, library), path) == 2 * len(library.tracks)
    rows = {(row[2], row[5]): dict(zip(CSV_COLUMNS, row, strict=True))
            for row in read_csv(path.read_bytes())[1:]}
    html = rows[("Finn", "html")]
    assert (html["done"], html["not_started"], html["exercises"]) == ("15", "0", "15")
    assert html["completed_at"] == max(event.created_at for event in store.events_for(
        finisher.id) if event.passed)
    assert html["learner_is_demo"] == "no" and html["demo_data"] == ""
    css = rows[("Sam", "css")]
    assert (css["done"], css["started"], css["completed_at"]) == ("0", "1", "")
    assert rows[("Sam", "git")]["not_started"] == "17"


def test_demo_data_is_marked_on_every_csv_row(store: Store, library: Library) -> None:
    add_work(store, "Ann", [FIRST])
    store.set_setting("demo_data", "true")
    rows = read_csv(class_csv(gather_class(store, library)))
    assert {row[0] for row in rows[1:]} == {DEMO_MARK}
    document = class_document(gather_class(store, library))
    assert "DEMO DATA" in document.header


def test_learner_text_is_escaped_in_every_report(store: Store, library: Library) -> None:
    learner = add_work(store, MARKUP_NAME, html_ids(library))
    record_question(store, learner.id, FIRST, "v1", "<script>alert(1)</script> & <b>help</b>",
                    {"index.html": "<h1>"})
    report = gather_class(store, library)
    pages = [class_document(report).html, certificates_document(report).html,
             learners_document(report, [learner.id], [learner_history(store, learner.id)]).html]
    for page in pages:
        assert "<img" not in page and "&lt;img src=&quot;file:///etc/hostname&quot;&gt;" in page
    assert "<script>" not in pages[2] and "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[2]
    assert "&lt;b&gt;help&lt;/b&gt;" in pages[2]


def test_a_certificate_for_each_finished_track_only(store: Store, library: Library) -> None:
    add_work(store, "Finn", html_ids(library))
    add_work(store, "Nearly", html_ids(library)[:-1])
    add_work(store, "Stuck", html_ids(library)[:-1] + [html_ids(library)[-1]], passed=False)
    report = gather_class(store, library)
    certificates = report.certificates()
    assert [(c.learner_name, c.track_title, c.exercises) for c in certificates] == [
        ("Finn", "HTML", 15)]
    document = certificates_document(report)
    assert document.items == 1
    assert "This is to certify that" in document.html
    day = datetime.fromisoformat(certificates[0].completed_at.replace("Z", "+00:00"))
    local = day.astimezone()
    assert (f"completed the HTML track of Tutor on {local.day} {local:%B %Y}: 15 exercises."
            in document.html)


def test_exercises_the_lessons_do_not_know_are_counted_apart(store: Store,
                                                            library: Library) -> None:
    learner = add_work(store, "Ann", ["=weird.exercise"])
    report = gather_class(store, library)
    progress = report.progress(report.learner(learner.id))  # type: ignore[arg-type]
    assert progress[-1].track.title == "Other exercises" and progress[-1].done == 1
    assert report.certificates() == []
    rows = read_csv(class_csv(report))
    assert rows[-1][6] == "Other exercises"


def test_an_empty_class_says_so(store: Store, library: Library) -> None:
    report = gather_class(store, library, now=datetime(2025, 3, 3, tzinfo=UTC))
    assert isinstance(report, ClassReport)
    assert "No learners yet" in class_document(report).html
    assert "No learner has finished a whole track yet" in certificates_document(report).html
    with pytest.raises(KeyError):
        learners_document(report, ["nobody"], [[]])
