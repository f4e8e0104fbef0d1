"""Salted scrypt hashing for PINs and the staff passphrase."""

from __future__ import annotations

from tutor.store import hash_secret, verify_secret


def test_the_right_secret_verifies_and_a_wrong_one_does_not() -> None:
    salt, hashed = hash_secret("correct horse")
    assert verify_secret("correct horse", salt, hashed)
    assert not verify_secret("correct horsf", salt, hashed)
    assert not verify_secret("", salt, hashed)


def test_the_same_secret_twice_gives_different_salts_and_hashes() -> None:
    first_salt, first_hash = hash_secret("2468")
    second_salt, second_hash = hash_secret("2468")
    assert first_salt != second_salt
    assert first_hash != second_hash
    assert len(first_salt) == 16
    assert len(first_hash) == 32
    assert verify_secret("2468", second_salt, second_hash)
