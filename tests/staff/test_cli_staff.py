"""`tutor staff audit` and `tutor staff passphrase`: staff only, JSON and CSV for scripts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.store import Store
from tutor.store.learner_admin import add_learner

from .conftest import STAFF_PASSPHRASE


@pytest.fixture
def staff(monkeypatch: pytest.MonkeyPatch, data_folder: Path) -> Path:
    """A data folder with a staff passphrase, given to the command through the environment."""
    with Store.open(data_folder / "progress.sqlite3") as store:
        store.set_staff_passphrase(STAFF_PASSPHRASE)
        add_learner(store, "=cmd|' /C calc'!A0", "1234")
    monkeypatch.setenv("TUTOR_DATA_DIR", str(data_folder))
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", STAFF_PASSPHRASE)
    monkeypatch.delenv("TUTOR_NEW_STAFF_PASSPHRASE", raising=False)
    return data_folder


def test_audit_prints_json_newest_first(
        staff: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["staff", "audit", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [entry["action"] for entry in entries] == ["learner added", "staff passphrase set"]
    assert entries[0]["role"] == "staff" and "learner_id" in entries[0]["detail"]


def test_audit_saves_a_formula_safe_csv(
        staff: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "audit.csv"
    assert main(["staff", "audit", "--csv", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(path), "entries": 2}
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1][2] == "learner added" and "name: =cmd" in rows[1][3]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_audit_needs_the_staff_passphrase(
        staff: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", "a wrong guess")
    assert main(["staff", "audit", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "not the staff passphrase" in captured.err
    with Store.open(staff / "progress.sqlite3") as store:
        assert store.audit_entries()[-1].action == "wrong staff passphrase"


def test_audit_of_a_folder_with_no_data_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TUTOR_DATA_DIR", str(tmp_path / "empty"))
    assert main(["staff", "audit"]) == 2
    assert "There is no Tutor data" in capsys.readouterr().err
    assert not (tmp_path / "empty").exists()


def test_passphrase_is_set_then_changed_only_with_the_one_in_use(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "fresh"
    monkeypatch.setenv("TUTOR_DATA_DIR", str(folder))
    monkeypatch.delenv("TUTOR_STAFF_PASSPHRASE", raising=False)
    monkeypatch.setenv("TUTOR_NEW_STAFF_PASSPHRASE", "short")
    assert main(["staff", "passphrase"]) == 2
    monkeypatch.setenv("TUTOR_NEW_STAFF_PASSPHRASE", STAFF_PASSPHRASE)
    assert main(["staff", "passphrase", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"changed": True, "first_time": True}

    monkeypatch.setenv("TUTOR_NEW_STAFF_PASSPHRASE", "another one 99")
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", "a wrong guess")
    assert main(["staff", "passphrase"]) == 2
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", STAFF_PASSPHRASE)
    assert main(["staff", "passphrase"]) == 0
    assert "changed" in capsys.readouterr().out
    with Store.open(folder / "progress.sqlite3") as store:
        assert store.verify_staff_passphrase("another one 99")
        actions = [entry.action for entry in store.audit_entries()]
    assert actions == ["staff passphrase set", "wrong staff passphrase", "staff passphrase set"]
