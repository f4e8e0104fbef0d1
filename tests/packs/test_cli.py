"""`tutor keys` and `tutor pack`: JSON out, and exit codes 0 (done), 1 (refused), 2 (bad input)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tutor.cli import main
from tutor.store import Store

from .conftest import write_lessons

PASSPHRASE = "a long staff passphrase"


class Tutor:
    """Runs `tutor` in this process with a data folder and the staff passphrase set."""

    def __init__(self, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.data, self.capsys = data, capsys

    def __call__(self, *args: str) -> tuple[int, Any, str]:
        code = main(["--data-dir", str(self.data), *args, "--json"])
        out, err = self.capsys.readouterr()
        return code, json.loads(out) if out.strip() else None, err


@pytest.fixture
def tutor(tmp_path: Path, capsys: pytest.CaptureFixture[str],
          monkeypatch: pytest.MonkeyPatch) -> Tutor:
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", PASSPHRASE)
    return Tutor(tmp_path / "data", capsys)


def test_keys_generate_writes_a_secret_key_and_refuses_to_overwrite(
        tmp_path: Path, tutor: Tutor) -> None:
    code, result, _ = tutor("keys", "generate", "--out", str(tmp_path / "vetting"),
                            "--comment", "Vetting team")
    assert code == 0
    private, public = Path(result["private_key_file"]), Path(result["public_key_file"])
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.read_text().strip() == result["public_key"]
    assert result["comment"] == "Vetting team" and len(result["fingerprint"]) == 24
    code, result, err = tutor("keys", "generate", "--out", str(tmp_path / "vetting"))
    assert code == 2 and "already exists" in err
    code, result, _ = tutor("keys", "public", str(private))
    assert code == 0 and result["public_key"].split()[:2] == public.read_text().split()[:2]


def test_trusting_a_key_is_a_staff_action_and_is_audited(
        tmp_path: Path, tutor: Tutor, monkeypatch: pytest.MonkeyPatch) -> None:
    tutor("keys", "generate", "--out", str(tmp_path / "vetting"))
    pub = str(tmp_path / "vetting.pub")
    assert tutor("keys", "trust", pub)[0] == 0  # the first staff action sets the passphrase
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", "not it")
    code, _, err = tutor("keys", "trust", pub)
    assert code == 2 and "not the staff passphrase" in err
    monkeypatch.setenv("TUTOR_STAFF_PASSPHRASE", PASSPHRASE)
    code, result, _ = tutor("keys", "trust", pub)
    assert code == 0 and result["added"] is False
    code, keys, _ = tutor("keys", "list")
    assert [key["public_key"] for key in keys] == [Path(pub).read_text().strip()]
    with Store.open(tutor.data / "progress.sqlite3") as store:
        actions = [entry.action for entry in store.audit_entries()]
    assert "trusted a signing key" in actions and "wrong staff passphrase" in actions
    code, _, err = tutor("keys", "trust", str(tmp_path / "missing.pub"))
    assert code == 2 and "no public key file" in err


def test_a_pack_from_build_to_install(tmp_path: Path, tutor: Tutor) -> None:
    source = write_lessons(tmp_path / "lessons", version=1)
    pack = str(tmp_path / "lessons.tutorpack")
    tutor("keys", "generate", "--out", str(tmp_path / "signer"), "--comment", "Signer")

    code, built, _ = tutor("pack", "build", str(source), "-o", pack)
    assert code == 0
    assert (built["pack_id"], built["version"], built["files"]) == ("test.lessons", 1, 6)
    code, _, err = tutor("pack", "verify", pack, "--trusted", str(tmp_path / "signer.pub"))
    assert code == 1 and "not signed" in err

    code, signed, _ = tutor("pack", "sign", pack, "--key", str(tmp_path / "signer.key"))
    assert code == 0 and signed["comment"] == ""
    code, verified, _ = tutor("pack", "verify", pack, "--trusted",
                              str(tmp_path / "signer.pub"))
    assert code == 0 and verified["valid"] is True
    assert verified["signers"][0]["comment"] == "Signer"

    code, refused, err = tutor("pack", "verify", pack)  # the data folder trusts no key yet
    assert code == 1 and refused["valid"] is False and "does not trust" in err
    code, refused, err = tutor("pack", "install", pack)
    assert code == 1 and refused["status"] == "refused" and "does not trust" in err

    tutor("keys", "trust", str(tmp_path / "signer.pub"))
    code, installed, _ = tutor("pack", "install", pack)
    assert code == 0 and installed["status"] == "installed" and installed["version"] == 1
    assert Path(installed["folder"], "html", "track.toml").is_file()
    code, again, _ = tutor("pack", "install", pack)
    assert code == 0 and again["status"] == "already installed"
    code, listed, _ = tutor("pack", "list")
    assert [(p["pack_id"], p["version"]) for p in listed] == [("test.lessons", 1)]
    assert listed[0]["signers"][0]["comment"] == "Signer"

    newer = str(tmp_path / "v2.tutorpack")
    tutor("pack", "build", str(source), "-o", newer, "--version", "2")
    tutor("pack", "sign", newer, "--key", str(tmp_path / "signer.key"))
    assert tutor("pack", "install", newer)[0] == 0
    code, refused, err = tutor("pack", "install", pack)
    assert code == 1 and "older" in err
    with Store.open(tutor.data / "progress.sqlite3") as store:
        actions = [entry.action for entry in store.audit_entries()]
    assert actions.count("installed a lesson pack") == 2
    assert actions.count("refused a lesson pack") == 2


def test_bad_input_exits_with_2(tmp_path: Path, tutor: Tutor) -> None:
    for args in (("pack", "build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x")),
                 ("pack", "verify", str(tmp_path / "missing.tutorpack")),
                 ("pack", "install", str(tmp_path / "missing.tutorpack")),
                 ("pack", "sign", str(tmp_path / "missing.tutorpack"), "--key",
                  str(tmp_path / "missing.key")),
                 ("pack", "frobnicate")):
        code, _, err = tutor(*args)
        assert code == 2, args
    code, listed, _ = tutor("pack", "list")
    assert code == 0 and listed == []


def test_the_installed_command_gives_the_contract_exit_codes(tmp_path: Path) -> None:
    env = dict(os.environ, TUTOR_DATA_DIR=str(tmp_path / "data"),
               TUTOR_STAFF_PASSPHRASE=PASSPHRASE)

    def tutor(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tutor.cli", *args], env=env, text=True,
                              capture_output=True, timeout=60)

    source = write_lessons(tmp_path / "lessons", version=1)
    pack = str(tmp_path / "lessons.tutorpack")
    assert tutor("pack", "build", str(source), "-o", pack).returncode == 0
    unsigned = tutor("pack", "verify", pack, "--json")
    assert unsigned.returncode == 1
    assert unsigned.stderr.startswith("tutor: ") and unsigned.stderr.count("\n") == 1
    assert json.loads(unsigned.stdout)["valid"] is False
    assert tutor("pack", "verify").returncode == 2
