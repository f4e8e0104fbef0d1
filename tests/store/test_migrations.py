"""Opening a store: schema migrations, safe settings, and files it must refuse."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tutor.store import Store, StoreError, UnsupportedDatabaseError, migrations


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(name) for (name,) in rows}


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])


def test_opening_a_new_path_makes_the_folder_file_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "there" / "tutor.db"
    with Store.open(path) as store:
        assert store.path == path
        assert store.workstation_id
    assert path.is_file()
    assert {"meta", "learners", "events", "drafts", "settings"} <= _tables(path)
    assert _user_version(path) == len(migrations.MIGRATIONS)


def test_an_empty_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "tutor.db"
    path.touch()
    Store.open(path).close()
    assert _user_version(path) == len(migrations.MIGRATIONS)
    assert "events" in _tables(path)


def test_reopening_keeps_data_and_the_workstation_id(database_path: Path) -> None:
    with Store.open(database_path) as store:
        learner = store.create_learner("Robin", "4321")
        workstation_id = store.workstation_id
    with Store.open(database_path) as store:
        assert store.workstation_id == workstation_id
        assert store.list_learners() == [learner]
        assert store.verify_pin(learner.id, "4321")
    assert _user_version(database_path) == len(migrations.MIGRATIONS)


def test_the_database_uses_wal_full_sync_and_foreign_keys(store: Store) -> None:
    # The store's own connection, because synchronous and foreign_keys are per connection.
    with store._reading() as database:
        connection = database.conn
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert connection.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_wal_mode_stays_on_in_the_file(store: Store, database_path: Path) -> None:
    with sqlite3.connect(database_path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failing_migration_leaves_the_database_as_it_was(
    database_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def add_a_table_then_fail(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, add_a_table_then_fail))
    with pytest.raises(RuntimeError, match="power cut"):
        Store.open(database_path)
    assert "half_done" not in _tables(database_path)
    assert _user_version(database_path) == len(migrations.MIGRATIONS) - 1


def test_a_file_from_a_newer_tutor_is_refused_with_a_plain_message(database_path: Path) -> None:
    with sqlite3.connect(database_path) as connection:
        connection.execute(f"PRAGMA user_version = {len(migrations.MIGRATIONS) + 1}")
    with pytest.raises(UnsupportedDatabaseError, match="newer Tutor"):
        Store.open(database_path)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "tutor.db"
    content = b"These are my notes, not a database. " * 200
    path.write_bytes(content)
    with pytest.raises(UnsupportedDatabaseError, match="not a Tutor progress file"):
        Store.open(path)
    assert path.read_bytes() == content


def test_a_folder_in_the_way_gives_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "tutor.db").mkdir()
    with pytest.raises(StoreError):
        Store.open(tmp_path / "tutor.db")


def test_events_cannot_be_changed_once_written(store: Store) -> None:
    learner = store.create_learner("Kim", "1111")
    event = store.record_event(learner.id, "html-1", "1", "hint_shown")
    with sqlite3.connect(store.path) as other, pytest.raises(sqlite3.IntegrityError):
        other.execute("UPDATE events SET kind = 'check' WHERE id = ?", [event.id])
    assert store.events_for(learner.id) == [event]
