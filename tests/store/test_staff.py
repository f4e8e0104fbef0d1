"""Staff passphrase, settings and the audit log in the store."""

from __future__ import annotations

import sqlite3

import pytest

from tutor.store import Learner, StaffPassphraseError, Store, WeakPassphraseError
from tutor.store.secret_hashing import decode_secret_hash, encode_secret_hash, hash_secret


def test_no_passphrase_at_first_and_nothing_verifies(store: Store) -> None:
    assert not store.has_staff_passphrase()
    assert not store.verify_staff_passphrase("")
    assert not store.verify_staff_passphrase("anything at all")


def test_the_passphrase_is_stored_as_a_salted_hash_only(store: Store) -> None:
    store.set_staff_passphrase("green kettle 7")
    assert store.verify_staff_passphrase("green kettle 7")
    assert not store.verify_staff_passphrase("green kettle 8")
    raw = sqlite3.connect(store.path).execute("SELECT value FROM settings").fetchall()
    assert all("green kettle" not in str(value) for (value,) in raw)
    assert any(str(value).startswith("scrypt:") for (value,) in raw)


def test_a_short_passphrase_is_refused(store: Store) -> None:
    with pytest.raises(WeakPassphraseError, match="at least 10"):
        store.set_staff_passphrase("short")
    assert not store.has_staff_passphrase()


def test_changing_the_passphrase_needs_the_current_one(store: Store) -> None:
    store.set_staff_passphrase("green kettle 7")
    with pytest.raises(StaffPassphraseError):
        store.set_staff_passphrase("blue teapot 99")
    with pytest.raises(StaffPassphraseError):
        store.set_staff_passphrase("blue teapot 99", current="wrong guess!")
    store.set_staff_passphrase("blue teapot 99", current="green kettle 7")
    assert store.verify_staff_passphrase("blue teapot 99")


def test_a_hash_made_in_advance_works_and_a_damaged_one_is_refused(store: Store) -> None:
    encoded = encode_secret_hash(*hash_secret("set by the installer"))
    assert decode_secret_hash(encoded)[0]
    for broken in ["", "scrypt:1:2:3:00:00", encoded[:-2], encoded.replace("scrypt", "md5")]:
        with pytest.raises(ValueError):
            store.set_staff_passphrase_hash(broken)
    assert not store.has_staff_passphrase()
    store.set_staff_passphrase_hash(encoded)
    assert store.verify_staff_passphrase("set by the installer")


def test_settings_and_learner_settings_are_kept_apart(store: Store, learner: Learner) -> None:
    assert store.setting("workstation_name") is None
    store.set_setting("workstation_name", "Wing B, desk 4")
    store.set_setting("workstation_name", "Wing B, desk 5")
    assert store.setting("workstation_name") == "Wing B, desk 5"
    store.set_learner_setting(learner.id, "text_size", "150")
    assert store.learner_setting(learner.id, "text_size") == "150"
    assert store.setting("text_size") is None


def test_the_audit_log_is_in_order_and_cannot_be_changed(store: Store) -> None:
    store.record_audit("staff", "pack installed", {"pack": "tutor.curriculum", "version": 2})
    store.record_audit("staff", "progress exported", {"events": 10})
    entries = store.audit_entries()
    assert [entry.action for entry in entries] == ["pack installed", "progress exported"]
    assert entries[0].detail == {"pack": "tutor.curriculum", "version": 2}
    connection = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("UPDATE audit_log SET action = 'nothing happened'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        connection.execute("DELETE FROM audit_log")
