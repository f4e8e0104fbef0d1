"""Packs that installing refuses can still be reviewed: staff see them, flagged, with the
reason they cannot be installed, and installing and approving still refuse them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tutor.cli import main
from tutor.content.packs import PackError, install_pack, installed_packs
from tutor.store import Store
from tutor.trust.keys import PrivateKey, write_key_pair
from tutor.ui.operations import Operations
from tutor.ui.review_window import ReviewWindow

from .conftest import write_pack_file

PASSPHRASE = "river stones 42"
PYTHON_REASON = "'tools/setup.py' is a kind of file that packs may not hold (.py)."
BIG_TEXT = "".join(f"Note {number}: " + "plain words about the lesson, " * 3 + "the end.\n"
                   for number in range(21_000)).encode()  # just over 2 MB


def _big_reason() -> str:
    return (f"'notes/big.txt' is {len(BIG_TEXT):,} bytes; a file in a pack may be at most "
            "1,024 KB.")


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("TUTOR_DATA_DIR", str(folder))
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", PASSPHRASE)
    return folder


def _python_pack(tmp_path: Path, key: PrivateKey) -> Path:
    return write_pack_file(tmp_path / "python.tutorpack", {
        "notes/a.md": "# Plain words\n", "tools/setup.py": "import os\nos.system('x')\n"},
        signed_by=key)


def _big_pack(tmp_path: Path, key: PrivateKey) -> Path:
    assert 2 << 20 < len(BIG_TEXT) < 3 << 20
    return write_pack_file(tmp_path / "big.tutorpack", {
        "notes/a.md": "# Plain words\n", "notes/big.txt": BIG_TEXT}, signed_by=key)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("maker", "path", "kind", "reason"), [
    (_python_pack, "tools/setup.py", "file-type", PYTHON_REASON),
    (_big_pack, "notes/big.txt", "oversized", None),
], ids=["python-file", "two-megabyte-file"])
def test_json_and_the_report_flag_the_file_and_say_the_pack_cannot_be_installed(
        maker: object, path: str, kind: str, reason: str | None, tmp_path: Path,
        data_folder: Path, reviewer_key: PrivateKey,
        capsys: pytest.CaptureFixture[str]) -> None:
    reason = reason or _big_reason()
    pack = maker(tmp_path, reviewer_key)  # type: ignore[operator]
    report = tmp_path / "report.html"
    code, out, _err = _run(capsys, "review", str(pack), "--json", "--report", str(report))
    assert code == 0
    result = json.loads(out)
    assert result["can_install"] is False and result["install_problems"] == [reason]
    assert result["flag_counts"] == {kind: 1}
    assert [(flag["kind"], flag["path"]) for flag in result["flags"]] == [(kind, path)]
    assert path in [file["path"] for file in result["files"]]
    page = report.read_text(encoding="utf-8")
    assert ('<div class="decision cannot-install"><strong>This pack cannot be installed:'
            "</strong> a workstation refuses it") in page
    assert f"<li>{escape(reason)}</li>" in page
    flagged = "A kind of file that is not allowed (1)" if kind == "file-type" else \
        "A file that is too big (1)"
    assert f"<h3>{flagged}</h3>" in page
    # The reviewer sees the content of the refused file in the report, too.
    content = "os.system(&#x27;x&#x27;)" if kind == "file-type" else "Note 20999: plain words"
    assert f'<td class="c">{content}' in page
    # And installing it still refuses, though a trusted key signed it.
    with pytest.raises(PackError, match="not allowed|too big"):
        install_pack(pack, data_folder, [reviewer_key.public_key()])
    assert installed_packs(data_folder) == []


def test_the_plain_output_says_the_pack_cannot_be_installed_first(
        tmp_path: Path, data_folder: Path, reviewer_key: PrivateKey,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "review", str(_python_pack(tmp_path, reviewer_key)),
                           "--report", str(tmp_path / "report.html"))
    lines = out.splitlines()
    assert code == 0
    assert lines[1:3] == ["This pack cannot be installed:", f"  {PYTHON_REASON}"]
    assert "tools/setup.py: Packs may not hold this kind of file. [.py]" in out


def test_a_pack_that_installs_says_nothing_of_the_kind(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = write_pack_file(tmp_path / "plain.tutorpack", {"notes/a.md": "# Plain\n"})
    report = tmp_path / "report.html"
    code, out, _err = _run(capsys, "review", str(plain), "--json", "--report", str(report))
    result = json.loads(out)
    assert code == 0 and result["can_install"] is True and result["install_problems"] == []
    assert "cannot be installed" not in report.read_text(encoding="utf-8")


def test_approving_a_pack_that_cannot_be_installed_signs_nothing(
        tmp_path: Path, data_folder: Path, reviewer_key: PrivateKey,
        capsys: pytest.CaptureFixture[str]) -> None:
    pack = _python_pack(tmp_path, reviewer_key)
    before = pack.read_bytes()
    key_path, _public, _key = write_key_pair(tmp_path / "vetting")
    code, _out, err = _run(capsys, "review", str(pack), "--approve", "--key", str(key_path))
    assert code == 1 and "not allowed" in err
    assert pack.read_bytes() == before


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ReviewWindow]:
    store = Store.open(tmp_path / "data" / "progress.sqlite3")
    operations = Operations()
    review_window = ReviewWindow(data_folder=tmp_path / "data", store=store,
                                 operations=operations)
    qtbot.addWidget(review_window)
    review_window.show()
    yield review_window
    operations.stop()
    store.close()


def test_the_window_shows_the_refused_file_and_offers_no_approve_or_install(
        qtbot: QtBot, window: ReviewWindow, tmp_path: Path, reviewer_key: PrivateKey) -> None:
    with qtbot.waitSignal(window.review_loaded, timeout=10_000):
        window.open_pack(_python_pack(tmp_path, reviewer_key))
    assert window.cannot_install.isVisible()
    assert window.cannot_install.text() == f"This pack cannot be installed:\n{PYTHON_REASON}"
    assert "tools/setup.py" in window.file_list.shown_paths()
    assert window.flag_list.item(0).text().startswith("tools/setup.py")
    editor = window.file_view.editor
    assert editor is not None and "os.system('x')" in editor.toPlainText()
    assert window.save_button.isEnabled()
    assert not window.approve_button.isEnabled() and not window.install_button.isEnabled()
    assert "cannot be approved" in window.status.text()
    plain = write_pack_file(tmp_path / "plain.tutorpack", {"notes/a.md": "# Plain\n"})
    with qtbot.waitSignal(window.review_loaded, timeout=10_000):
        window.open_pack(plain)
    assert not window.cannot_install.isVisible()
    assert window.approve_button.isEnabled() and window.install_button.isEnabled()
