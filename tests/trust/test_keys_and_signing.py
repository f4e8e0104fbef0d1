"""Keys, fingerprints, trusted-key files and domain-separated signatures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tutor.trust import keys, signing
from tutor.trust.keys import KeyFileError, PrivateKey


def test_a_key_pair_round_trips_through_its_files(tmp_path: Path) -> None:
    private_path, public_path, key = keys.write_key_pair(tmp_path / "vetting", comment="Vetting")
    assert keys.read_private_key(private_path) == key
    public = keys.read_public_key(public_path)
    assert public.raw == key.public_key().raw and public.comment == "Vetting"
    if os.name == "posix":
        assert private_path.stat().st_mode & 0o077 == 0, "the private key is owner-only"


def test_key_files_are_never_overwritten(tmp_path: Path) -> None:
    keys.write_key_pair(tmp_path / "k")
    first = (tmp_path / "k.key").read_bytes()
    with pytest.raises(KeyFileError, match="already exists"):
        keys.write_key_pair(tmp_path / "k")
    assert (tmp_path / "k.key").read_bytes() == first


def test_fingerprints_are_short_stable_and_differ_between_keys() -> None:
    one, two = PrivateKey.generate().public_key(), PrivateKey.generate().public_key()
    assert len(one.fingerprint) == 24 and one.fingerprint.count("-") == 4
    assert one.fingerprint == keys.fingerprint(one.raw) != two.fingerprint


@pytest.mark.parametrize("line, problem", [
    ("ssh-ed25519 AAAA", "not a Tutor public key"),
    ("tutor-ed25519-public not*base64", "damaged"),
    ("tutor-ed25519-public QUJD", "wrong length"),
    ("", "not a Tutor public key"),
])
def test_bad_public_key_lines_are_refused_plainly(line: str, problem: str) -> None:
    with pytest.raises(KeyFileError, match=problem):
        keys.parse_public_key(line)


def test_a_private_key_is_not_accepted_as_a_public_one(tmp_path: Path) -> None:
    private_path, _, _ = keys.write_key_pair(tmp_path / "k")
    with pytest.raises(KeyFileError):
        keys.read_public_key(private_path)


def test_trusted_keys_are_added_once_and_read_back(tmp_path: Path) -> None:
    key = PrivateKey.generate().public_key("IT department")
    assert keys.read_trusted_keys(tmp_path) == []
    assert keys.add_trusted_key(tmp_path, key) is True
    assert keys.add_trusted_key(tmp_path, key) is False
    assert keys.read_trusted_keys(tmp_path) == [key]


def test_a_damaged_trusted_keys_file_names_the_line(tmp_path: Path) -> None:
    good = PrivateKey.generate().public_key()
    (tmp_path / keys.TRUSTED_KEYS_FILE).write_text(
        f"# comment\n{good.as_line()}\ntutor-ed25519-public broken!\n", encoding="utf-8")
    with pytest.raises(KeyFileError, match="line 3"):
        keys.read_trusted_keys(tmp_path)


def test_a_signature_checks_out_only_for_its_domain_data_and_key() -> None:
    key, other = PrivateKey.generate(), PrivateKey.generate()
    data = b'{"pack_id": "tutor.curriculum"}'
    signature = signing.sign(signing.PACK_MANIFEST, data, key)
    trusted = [other.public_key(), key.public_key()]
    assert signing.verify(signing.PACK_MANIFEST, data, signature, trusted) == key.public_key()
    assert signing.verify(signing.PROGRESS_EXPORT, data, signature, trusted) is None
    assert signing.verify(signing.PACK_MANIFEST, data + b" ", signature, trusted) is None
    assert signing.verify(signing.PACK_MANIFEST, data, signature, [other.public_key()]) is None
    assert signing.verify(signing.PACK_MANIFEST, data, signature[:-1], trusted) is None
    flipped = bytes([signature[0] ^ 1]) + signature[1:]
    assert signing.verify(signing.PACK_MANIFEST, data, flipped, trusted) is None
