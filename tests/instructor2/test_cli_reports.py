"""`tutor report`: what it writes, what it prints with --json, and its exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from tutor.cli import main
from tutor.content.loader import Library
from tutor.paths import instructor_database_path
from tutor.store import Store

from .conftest import FIRST, add_work


@pytest.fixture
def class_dir(instructor_dir: Path, library: Library) -> tuple[Path, str]:
    """An instructor's folder with two learners; one finished the HTML track."""
    with Store.open(instructor_database_path(instructor_dir)) as store:
        finn = add_work(store, "Finn Doyle", [e.id for e in library.track("html").exercises])
        add_work(store, "=Sam Tricky", [FIRST], passed=False)
    return instructor_dir, finn.id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_each_report_is_written_and_described_in_json(
        qapp: QApplication, class_dir: tuple[Path, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, finn = class_dir
    out = tmp_path / "out"
    out.mkdir()
    code, text, _ = run(capsys, "--data-dir", str(folder), "report", "--class", "--csv",
                        str(out / "class.csv"), "--json")
    assert code == 0
    assert json.loads(text) == {"file": str(out / "class.csv"), "format": "csv",
                                "report": "class", "rows": 12, "demo_data": False}
    assert "'=Sam Tricky" in (out / "class.csv").read_text(encoding="utf-8-sig")

    code, text, _ = run(capsys, "--data-dir", str(folder), "report", "--certificates", "--pdf",
                        str(out / "certificates.pdf"), "--json")
    assert code == 0 and json.loads(text)["certificates"] == json.loads(text)["pages"] == 1

    code, text, _ = run(capsys, "--data-dir", str(folder), "report", "--learner", finn[-8:],
                        "--learner", "=sam tricky", "--pdf", str(out / "two.pdf"), "--json")
    assert code == 0
    assert json.loads(text)["learners"] == 2 and json.loads(text)["pages"] >= 2

    code, text, _ = run(capsys, "--data-dir", str(folder), "report", "--class", "--pdf",
                        str(out / "class.pdf"))
    assert code == 0 and "class.pdf" in text and "read back and checked" in text
    document = QPdfDocument()
    document.load(str(out / "class.pdf"))
    assert "FinnDoyle" in "".join(document.getAllText(0).text().split())
    document.close()


def test_bad_input_exits_2_and_nothing_to_report_exits_1(
        qapp: QApplication, class_dir: tuple[Path, str], instructor_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder, _finn = class_dir
    bad = [
        ("report", "--learner", "Nobody", "--pdf", str(tmp_path / "x.pdf")),
        ("report", "--certificates", "--csv", str(tmp_path / "x.csv")),
        ("report", "--class", "--pdf", str(tmp_path / "missing" / "x.pdf")),
        ("report", "--class", "--certificates", "--pdf", str(tmp_path / "x.pdf")),
        ("report", "--class"),
    ]
    for argv in bad:
        code, _out, err = run(capsys, "--data-dir", str(folder), *argv)
        assert code == 2, argv
    assert not list(tmp_path.glob("x.*"))
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "nowhere"), "report", "--class",
                          "--pdf", str(tmp_path / "x.pdf"))
    assert code == 2 and "no instructor data" in err

    with Store.open(instructor_database_path(tmp_path / "nobody-done")) as store:
        add_work(store, "Ann", [FIRST])
    code, _out, err = run(capsys, "--data-dir", str(tmp_path / "nobody-done"), "report",
                          "--certificates", "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1 and "No learner has finished a whole track yet" in err
    assert not (tmp_path / "x.pdf").exists()
