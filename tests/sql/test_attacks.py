"""Learner SQL cannot reach outside its in-memory database, and cannot run for ever."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sandbox.sql import guard, run_sql_query

LIMIT = 0.5


def run(checks: dict[str, str], sql: str) -> str:
    result = run_sql_query(checks, sql, time_limit_seconds=LIMIT)
    assert result.error is not None, f"{sql!r} should have been refused"
    return result.error


@pytest.mark.parametrize("sql", [
    "ATTACH DATABASE 'stolen.db' AS other;",
    "ATTACH 'file:stolen.db?mode=rwc' AS other;",
    "DETACH DATABASE main;",
])
def test_attaching_another_database_is_refused(
        pets: dict[str, str], empty_folder: Path, sql: str) -> None:
    assert run(pets, sql).startswith("Your SQL tries to open another database file.")


def test_vacuum_into_a_file_writes_nothing(pets: dict[str, str], empty_folder: Path) -> None:
    message = run(pets, "VACUUM INTO 'copy.db';")
    assert message.startswith("Your SQL tries to open another database file.")


@pytest.mark.parametrize("sql", [
    "SELECT load_extension('evil');",
    "SELECT load_extension('evil', 'entry');",
    "SELECT name FROM pets WHERE load_extension(name) IS NULL;",
])
def test_loading_an_extension_is_refused(
        pets: dict[str, str], empty_folder: Path, sql: str) -> None:
    assert run(pets, sql).startswith("The function load_extension is not allowed here.")


@pytest.mark.parametrize("sql", [
    "PRAGMA journal_mode = WAL;",
    "PRAGMA temp_store_directory = '.';",
    "PRAGMA writable_schema = ON;",
    "PRAGMA trusted_schema = ON;",
    "PRAGMA max_page_count = 100000000;",
    "SELECT * FROM pragma_database_list;",
])
def test_pragmas_that_change_settings_or_files_are_refused(
        pets: dict[str, str], empty_folder: Path, sql: str) -> None:
    assert "is not allowed here" in run(pets, sql)


def test_a_read_only_pragma_shows_the_columns(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "PRAGMA table_info(pets);", time_limit_seconds=LIMIT)
    assert result.error is None
    assert [row[1] for row in result.rows] == ["id", "name", "age", "city"]


@pytest.mark.parametrize("sql", [
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n;",
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n;",
    "SELECT count(*) FROM pets a, pets b, pets c, pets d, pets e, pets f, pets g, pets h, "
    "pets i, pets j, pets k, pets l, pets m, pets n, pets o, pets p;",
])
def test_a_query_that_never_ends_is_stopped_in_time(
        pets: dict[str, str], empty_folder: Path, sql: str) -> None:
    started = time.monotonic()
    message = run(pets, sql)
    assert time.monotonic() - started < LIMIT + 1.0
    assert message.startswith("Your query ran for too long.")


def test_a_database_that_grows_without_end_is_stopped(
        pets: dict[str, str], empty_folder: Path) -> None:
    sql = ("CREATE TABLE big (data BLOB);"
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 100000) "
           "INSERT INTO big SELECT randomblob(100000) FROM n;")
    message = run_sql_query(pets, sql, time_limit_seconds=5).error
    assert message is not None and message.startswith("Your SQL made the database too big.")


def test_a_huge_value_is_refused(pets: dict[str, str]) -> None:
    assert run(pets, "SELECT zeroblob(1000000000);").startswith(
        "Your SQL made a piece of text or data that is too big.")


def test_temporary_tables_are_refused(pets: dict[str, str], empty_folder: Path) -> None:
    assert run(pets, "CREATE TEMP TABLE notes (text TEXT);").startswith(
        "Temporary tables are not used here.")


def test_a_view_in_the_data_cannot_run_a_refused_function(empty_folder: Path) -> None:
    # trusted_schema is off and the authorizer still watches what a view runs.
    checks = {"fixture.sql": "CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x');"}
    sql = "CREATE VIEW v AS SELECT load_extension(a) FROM t; SELECT * FROM v;"
    assert "not allowed" in run(checks, sql)


def test_the_next_run_works_after_a_refusal(pets: dict[str, str]) -> None:
    run(pets, "ATTACH 'x.db' AS x;")
    result = run_sql_query(pets, "SELECT count(*) FROM pets;", time_limit_seconds=LIMIT)
    assert result.error is None and result.rows == ((5,),)


def test_a_result_of_huge_values_is_stopped(pets: dict[str, str]) -> None:
    sql = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 2000) "
           "SELECT randomblob(900000) FROM n;")
    assert run(pets, sql).startswith("Your query gave back too much data.")


def test_a_query_that_makes_the_process_grow_too_much_is_stopped(
        pets: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Stand in for the system's memory figure: each reading is 100 MB more than the last.
    readings = iter(range(0, 10**12, 100 * 1024 * 1024))
    monkeypatch.setattr(guard, "_resident_bytes", lambda: next(readings) + 1)
    sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n;"
    assert run(pets, sql) == guard.MEMORY_MESSAGE
