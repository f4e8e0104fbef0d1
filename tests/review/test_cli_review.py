"""`tutor review FILE`: JSON, the report, approving with a key, and the exit codes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.content.packs import install_pack, read_pack, sign_pack, verify_pack
from tutor.store import Store
from tutor.trust.keys import PrivateKey, write_key_pair
from tutor.trust.safe_zip import write_zip
from tutor.trust.strict_json import dumps

from .conftest import LessonPackMaker, manifest_for, write_pack_file

PASSPHRASE = "river stones 42"


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("TUTOR_DATA_DIR", str(folder))
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", PASSPHRASE)
    return folder


def _flagged(tmp_path: Path) -> Path:
    return write_pack_file(tmp_path / "flagged.tutorpack", {
        "a.js": "// net\nfetch('/x');\n", "b.md": "# Plain words\n"})


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_files_flags_and_no_decision(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "review", str(_flagged(tmp_path)), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["flag_counts"] == {"risky-code": 1}
    assert result["flags"][0] | {"message": ""} == {
        "kind": "risky-code", "path": "a.js", "line": 2, "text": "fetch", "message": ""}
    assert [f["path"] for f in result["files"]] == ["a.js", "b.md"]
    assert result["decision"]["approved"] is False and result["report"] is None


def test_flags_exit_1_only_when_asked(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "review", str(_flagged(tmp_path)), "--json", "--fail-on-flags")[0] == 1
    plain = write_pack_file(tmp_path / "plain.tutorpack", {"b.md": "# Plain\n"})
    assert _run(capsys, "review", str(plain), "--json", "--fail-on-flags")[0] == 0


def test_a_report_is_written_and_says_not_approved(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "out" / "report.html"
    report.parent.mkdir()
    code, out, _err = _run(capsys, "review", str(_flagged(tmp_path)), "--report", str(report))
    assert code == 0 and f"Report written to {report}" in out
    text = report.read_text(encoding="utf-8")
    assert "Not approved." in text and "fetch(&#x27;/x&#x27;);" in text


def test_a_changed_pack_exits_1_with_one_plain_line(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    promised = {"a.md": b"# Safe\n"}
    members = {"files/a.md": b"# Swapped after the manifest was made\n",
               "manifest.json": dumps(manifest_for(promised).to_json())}
    path = tmp_path / "tampered.tutorpack"
    write_zip(path, members)
    code, out, err = _run(capsys, "review", str(path), "--json")
    assert code == 1 and out == ""
    assert err.startswith("tutor: ") and err.count("\n") == 1 and "changed" in err


@pytest.mark.parametrize("argv", [["review", "missing.tutorpack", "--json"],
                                  ["review", "PACK", "--key", "x.key", "--json"],
                                  ["review", "PACK", "--approve", "--json"],
                                  ["review", "PACK", "--approve", "--key", "missing.key"]])
def test_bad_input_exits_2(argv: list[str], tmp_path: Path, data_folder: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    pack = str(_flagged(tmp_path))
    code, _out, err = _run(capsys, *[pack if arg == "PACK" else arg for arg in argv])
    assert code == 2 and err.startswith("tutor: ")


def test_approve_signs_logs_and_reports_the_decision(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = _flagged(tmp_path)
    key_path, _public, key = write_key_pair(tmp_path / "vetting", comment="Vetting team")
    report = tmp_path / "approved.html"
    code, out, _err = _run(capsys, "review", str(pack), "--approve", "--key", str(key_path),
                           "--report", str(report), "--json")
    assert code == 0
    fingerprint = key.public_key().fingerprint
    assert json.loads(out)["decision"]["fingerprint"] == fingerprint
    verify_pack(pack, [key.public_key()])
    assert "Approved." in report.read_text(encoding="utf-8")
    manifest_sha256 = hashlib.sha256(read_pack(pack).manifest_bytes).hexdigest()
    with Store.open(data_folder / "progress.sqlite3") as store:
        entry = store.audit_entries()[-1]
    assert entry.action == "pack approved" and entry.role == "staff"
    assert entry.detail == {"pack_id": "test.review", "version": 1, "fingerprint": fingerprint,
                            "manifest_sha256": manifest_sha256}


def test_a_wrong_passphrase_signs_nothing(
        tmp_path: Path, data_folder: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(data_folder / "progress.sqlite3") as store:
        store.set_staff_passphrase(PASSPHRASE)
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", "a wrong guess 123")
    pack = _flagged(tmp_path)
    key_path, _public, _key = write_key_pair(tmp_path / "vetting")
    code, _out, err = _run(capsys, "review", str(pack), "--approve", "--key", str(key_path))
    assert code == 2 and "not the staff passphrase" in err
    assert read_pack(pack).signatures == []


def test_the_json_diff_compares_with_the_installed_version(
        data_folder: Path, lesson_pack: LessonPackMaker, reviewer_key: PrivateKey,
        capsys: pytest.CaptureFixture[str]) -> None:
    first = lesson_pack(1)
    sign_pack(first, reviewer_key)
    install_pack(first, data_folder, [reviewer_key.public_key()])
    code, out, _err = _run(capsys, "review", str(lesson_pack(2, heading="New")), "--json")
    assert code == 0
    changes = json.loads(out)["changes"]
    assert [(c["path"], c["status"]) for c in changes] == [
        ("html/01-first-heading/solution/index.html", "changed")]
    assert "+<h1>New</h1>" in changes[0]["diff"]
