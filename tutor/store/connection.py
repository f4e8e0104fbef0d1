"""Opening the SQLite connection the store uses, with the settings that keep work safe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import migrations
from .errors import StoreError, UnsupportedDatabaseError

BUSY_TIMEOUT_MS = 5000


def open_connection(path: Path) -> sqlite3.Connection:
    """Return a configured, fully migrated connection to the database file at path.

    Makes the folder and file when they are missing. Raises StoreError (or
    UnsupportedDatabaseError) with a plain message when the file cannot be used.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError("Tutor could not make the folder for its progress file.") from error
    try:
        # isolation_level=None: no hidden BEGINs; every transaction in the store is explicit.
        # check_same_thread=False: the store's lock, not the thread, keeps calls apart.
        connection = sqlite3.connect(
            str(path),
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise StoreError("Tutor could not open its progress file.") from error
    try:
        _configure(connection)
        migrations.migrate(connection)
    except migrations.NewerSchemaError as error:
        connection.close()
        raise UnsupportedDatabaseError(
            "This progress file was made by a newer Tutor. Please update Tutor."
        ) from error
    except sqlite3.DatabaseError as error:
        connection.close()
        if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise UnsupportedDatabaseError("This file is not a Tutor progress file.") from error
        raise StoreError("Tutor could not open its progress file.") from error
    except BaseException:
        connection.close()
        raise
    return connection


def _configure(connection: sqlite3.Connection) -> None:
    """Set the pragmas every connection needs: WAL, full sync, foreign keys, busy wait."""
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # WAL is what keeps work safe through a crash (design invariant 6); refuse to run
        # without it rather than quietly lose that promise.
        raise StoreError("Tutor could not make its progress file safe to write to.")
    # FULL syncs the log on every commit: a power cut loses nothing already committed.
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
