"""Helpers for installer-config tests: real keys, real passphrase hashes, config files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.store.secret_hashing import encode_secret_hash, hash_secret
from tutor.trust.keys import PrivateKey, PublicKey

PASSPHRASE = "correct horse battery"


def passphrase_hash(passphrase: str = PASSPHRASE) -> str:
    """The line `tutor config hash-passphrase` would print for this passphrase."""
    return encode_secret_hash(*hash_secret(passphrase))


def public_key(comment: str = "vetting team") -> PublicKey:
    """A fresh public key, as the vetting team would hand it over."""
    return PrivateKey.generate().public_key(comment)


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[[str], Path]:
    """Write a tutor-config.toml in a folder of its own and return its path."""

    def write(text: str) -> Path:
        folder = tmp_path / "install"
        folder.mkdir(exist_ok=True)
        path = folder / "tutor-config.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def clean_start(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No config, data folder or passphrase from the environment this test runs in."""
    for name in ("TUTOR_CONFIG", "TUTOR_DATA_DIR", "TUTOR_STAFF_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch
