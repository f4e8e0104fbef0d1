"""Numbered schema migrations; the number applied so far lives in `PRAGMA user_version`.

Migration N is MIGRATIONS[N - 1]. Each runs in its own transaction together with the
update of user_version, so a crash leaves the database either before or after it, never
half way. Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from .ids import new_id

Migration = Callable[[sqlite3.Connection], None]


class NewerSchemaError(Exception):
    """The database has more migrations applied than this code knows of."""


def _run_all(connection: sqlite3.Connection, statements: Sequence[str]) -> None:
    # One execute() per statement: executescript() would commit the open transaction.
    for statement in statements:
        connection.execute(statement)


def _create_first_schema(connection: sqlite3.Connection) -> None:
    """Migration 1: learners, the event log, drafts, settings and workstation facts."""
    _run_all(
        connection,
        [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
            # The PIN columns may be empty: an instructor's store holds learners from other
            # workstations without their PINs, and such a learner cannot sign in here.
            """CREATE TABLE learners (
                id TEXT PRIMARY KEY,
                display_name TEXT NOT NULL,
                pin_salt BLOB,
                pin_hash BLOB,
                created_at TEXT NOT NULL,
                is_demo INTEGER NOT NULL DEFAULT 0,
                workstation_id TEXT
            )""",
            # No CHECK on `kind`: an instructor's store must take in events of kinds that a
            # newer Tutor invented, and SQLite cannot change a CHECK without a table rebuild.
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                exercise_id TEXT NOT NULL,
                content_version TEXT,
                kind TEXT NOT NULL,
                created_at TEXT NOT NULL,
                passed INTEGER,
                results TEXT,
                files TEXT,
                duration_ms REAL,
                workstation_id TEXT
            )""",
            "CREATE INDEX events_by_learner_exercise ON events (learner_id, exercise_id)",
            # The log is append-only. Deleting a learner (a staff action) may still remove
            # their events through the cascade above.
            """CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
            BEGIN
                SELECT RAISE(ABORT, 'events are append-only');
            END""",
            """CREATE TABLE drafts (
                learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                exercise_id TEXT NOT NULL,
                files TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (learner_id, exercise_id)
            )""",
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
        ],
    )
    connection.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        [
            ("workstation_id", new_id()),
            (
                "schema_note_1",
                "Progress is an append-only event log keyed by time-ordered ids; "
                "drafts hold unsaved work; times are UTC ISO 8601 with milliseconds.",
            ),
        ],
    )


def _add_staff_and_exchange(connection: sqlite3.Connection) -> None:
    """Migration 2: the audit log, per-learner settings, known workstations and feedback."""
    _run_all(
        connection,
        [
            # Staff actions: what was done, when, by which role. Never changed, never removed.
            """CREATE TABLE audit_log (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                role TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '{}',
                workstation_id TEXT
            )""",
            """CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE ON audit_log
            BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END""",
            """CREATE TRIGGER audit_log_is_kept BEFORE DELETE ON audit_log
            BEGIN
                SELECT RAISE(ABORT, 'the audit log is append-only');
            END""",
            """CREATE TABLE learner_settings (
                learner_id TEXT NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (learner_id, key)
            )""",
            # On an instructor's machine: every workstation whose exports were imported,
            # pinned to the key it first signed with, and the last export seen from it.
            """CREATE TABLE workstations (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL DEFAULT '',
                public_key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                enrolled_at TEXT NOT NULL,
                last_sequence INTEGER NOT NULL DEFAULT 0,
                last_export_hash TEXT NOT NULL DEFAULT ''
            )""",
            # Instructor comments and answers to questions. Written on the instructor's
            # machine, carried to the workstation in a feedback file, merged there by id.
            """CREATE TABLE feedback (
                id TEXT PRIMARY KEY,
                learner_id TEXT NOT NULL,
                exercise_id TEXT NOT NULL,
                event_id TEXT,
                question_id TEXT,
                text TEXT NOT NULL,
                author TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                workstation_id TEXT NOT NULL
            )""",
            "CREATE INDEX feedback_by_learner ON feedback (learner_id, exercise_id)",
            "CREATE INDEX events_by_kind ON events (kind, created_at)",
        ],
    )


def _add_dashboard_index(connection: sqlite3.Connection) -> None:
    """Migration 3: an index that lets the instructor's dashboard read a learner's events in
    time order without touching the rows themselves (which carry code and results).

    It holds every column the dashboard reads, so SQLite answers from the index alone: on
    about a million events this halves the time to work out the whole class, for about a
    tenth more time per inserted event.
    """
    connection.execute(
        "CREATE INDEX events_for_dashboard ON events "
        "(learner_id, created_at, id, exercise_id, kind, passed, workstation_id)"
    )


MIGRATIONS: tuple[Migration, ...] = (
    _create_first_schema,
    _add_staff_and_exchange,
    _add_dashboard_index,
)


def schema_version(connection: sqlite3.Connection) -> int:
    """Return the number of migrations applied to the database."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(connection: sqlite3.Connection) -> int:
    """Apply every migration the database lacks, each in one transaction; return the version.

    The connection must not be inside a transaction. Raises NewerSchemaError when the
    database comes from a newer Tutor, whose schema this code does not know.
    """
    while True:
        # IMMEDIATE takes the write lock before reading the version, so two processes
        # opening a new database at once cannot both apply the same migration.
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(connection)
            if current > len(MIGRATIONS):
                raise NewerSchemaError(f"schema version {current} is newer than {len(MIGRATIONS)}")
            if current == len(MIGRATIONS):
                connection.execute("COMMIT")
                return current
            MIGRATIONS[current](connection)
            # PRAGMA does not take parameters; the value is our own integer.
            connection.execute(f"PRAGMA user_version = {current + 1:d}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
