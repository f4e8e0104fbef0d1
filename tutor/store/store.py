"""The progress store: learners, the event log and drafts in one SQLite file.

Threading: one sqlite3 connection, opened with check_same_thread=False, guarded by a lock.
Any one thread may call the store at a time (the UI calls it from a worker thread).
Subscribers are told of changes after the commit, with the lock released, on the thread that
made the change; they may call back into the store.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlite_utils import Database

from . import queries
from .connection import open_connection
from .errors import (
    DuplicateNameError,
    StaffPassphraseError,
    StoreClosedError,
    UnknownLearnerError,
    WeakPassphraseError,
)
from .ids import new_id
from .models import AuditEntry, Change, Event, EventKind, ExerciseProgress, Learner
from .rows import (
    files_from_json,
    files_to_json,
    learner_from_row,
    to_json,
    utc_now_text,
)
from .secret_hashing import decode_secret_hash, encode_secret_hash, hash_secret, verify_secret
from .validation import PIN_PATTERN, check_new_pin, clean_display_name, name_key

log = logging.getLogger(__name__)

Subscriber = Callable[[Change], None]

# Checked against when a learner id is unknown, so a wrong id costs as much time as a
# wrong PIN and timing does not tell the two apart.
_DUMMY_SALT, _DUMMY_HASH = b"\0" * 16, b"\0" * 32

MIN_PASSPHRASE_LENGTH = 10
_STAFF_PASSPHRASE_KEY = "staff_passphrase"


class Store:
    """A learner progress store in one SQLite file; open it with Store.open(path)."""

    def __init__(self, database: Database, path: Path) -> None:
        """Wrap an open, migrated database; use Store.open rather than calling this."""
        self._database: Database | None = database
        self._path = path
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []
        self._subscribers_lock = threading.Lock()
        row = database.conn.execute(
            "SELECT value FROM meta WHERE key = 'workstation_id'"
        ).fetchone()
        self._workstation_id = str(row[0])

    # ---- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open the store at path, making the folder, the file and the schema if needed."""
        path = Path(path)
        connection = open_connection(path)
        # execute_plugins=False: no third-party code gets to run against learner data.
        return cls(Database(connection, execute_plugins=False), path)

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def workstation_id(self) -> str:
        """The id this database was given when it was made; stamped on every new row."""
        return self._workstation_id

    def close(self) -> None:
        """Close the database; calling it again does nothing."""
        with self._lock:
            if self._database is not None:
                self._database.close()
                self._database = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ---- announcements ---------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call callback with a Change after each committed write; return an unsubscriber."""
        with self._subscribers_lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._subscribers_lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def _announce(self, change: Change) -> None:
        with self._subscribers_lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            # The write has committed whatever a subscriber does; one failing view must
            # not stop the others hearing about it.
            try:
                callback(change)
            except Exception:
                log.exception("A store subscriber failed on %r", change)

    # ---- connection helpers ----------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Database]:
        with self._lock:
            if self._database is None:
                raise StoreClosedError("The progress store is closed.")
            yield self._database

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        """Hold the lock and one IMMEDIATE transaction; commit on success, else roll back."""
        with self._reading() as database:
            connection = database.conn
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield database
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            try:
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise

    # ---- learners --------------------------------------------------------------------------

    def create_learner(self, display_name: str, pin: str, *, is_demo: bool = False) -> Learner:
        """Add a learner with a PIN; raise a StoreError subclass with a plain message if not."""
        name = clean_display_name(display_name)
        check_new_pin(pin)
        salt, pin_hash = hash_secret(pin)  # slow on purpose, so done before taking the lock
        learner = Learner(
            id=new_id(), display_name=name, created_at=utc_now_text(), is_demo=is_demo
        )
        with self._writing() as database:
            wanted = name_key(name)
            for (existing,) in database.conn.execute("SELECT display_name FROM learners"):
                if name_key(str(existing)) == wanted:
                    raise DuplicateNameError(
                        "Someone here already uses that name. "
                        "Add a letter or a number to make it your own."
                    )
            database.table("learners").insert(
                {
                    "id": learner.id,
                    "display_name": learner.display_name,
                    "pin_salt": salt,
                    "pin_hash": pin_hash,
                    "created_at": learner.created_at,
                    "is_demo": int(is_demo),
                    "workstation_id": self._workstation_id,
                }
            )
        self._announce(Change("learners", learner.id, None))
        return learner

    def list_learners(self) -> list[Learner]:
        """Return every learner, sorted by name without regard to case."""
        with self._reading() as database:
            rows = list(
                database.query("SELECT id, display_name, created_at, is_demo FROM learners")
            )
        learners = [learner_from_row(row) for row in rows]
        return sorted(learners, key=lambda learner: (name_key(learner.display_name), learner.id))

    def get_learner(self, learner_id: str) -> Learner | None:
        """Return the learner with this id, or None when there is none."""
        with self._reading() as database:
            rows = list(
                database.query(
                    "SELECT id, display_name, created_at, is_demo FROM learners WHERE id = ?",
                    [learner_id],
                )
            )
        return learner_from_row(rows[0]) if rows else None

    def verify_pin(self, learner_id: str, pin: str) -> bool:
        """Return True when pin is this learner's PIN; False for a wrong PIN or unknown id."""
        with self._reading() as database:
            row = database.conn.execute(
                "SELECT pin_salt, pin_hash FROM learners WHERE id = ?", [learner_id]
            ).fetchone()
        if not PIN_PATTERN.fullmatch(pin):
            return False
        if row is None or row[0] is None or row[1] is None:
            verify_secret(pin, _DUMMY_SALT, _DUMMY_HASH)
            return False
        return verify_secret(pin, bytes(row[0]), bytes(row[1]))

    # ---- events ----------------------------------------------------------------------------

    def record_check(
        self,
        learner_id: str,
        exercise_id: str,
        content_version: str,
        *,
        passed: bool,
        results: list[dict[str, Any]],
        files: dict[str, str],
        duration_ms: float,
    ) -> Event:
        """Add a check run to the learner's log: its outcome, results and the code checked."""
        return self._record(
            learner_id,
            exercise_id,
            content_version,
            "check",
            passed=passed,
            results=results,
            files=files,
            duration_ms=duration_ms,
        )

    def record_event(
        self,
        learner_id: str,
        exercise_id: str,
        content_version: str,
        kind: Literal["hint_shown", "started_again"],
    ) -> Event:
        """Add a hint-shown or started-again event to the learner's log."""
        if kind not in ("hint_shown", "started_again"):
            raise ValueError(f"record_event takes 'hint_shown' or 'started_again', not {kind!r}")
        return self._record(learner_id, exercise_id, content_version, kind)

    def _record(
        self,
        learner_id: str,
        exercise_id: str,
        content_version: str,
        kind: EventKind,
        *,
        passed: bool | None = None,
        results: list[dict[str, Any]] | None = None,
        files: dict[str, str] | None = None,
        duration_ms: float | None = None,
    ) -> Event:
        event = Event(
            id=new_id(),
            learner_id=learner_id,
            exercise_id=exercise_id,
            content_version=content_version,
            kind=kind,
            created_at=utc_now_text(),
            workstation_id=self._workstation_id,
            passed=passed,
            duration_ms=None if duration_ms is None else float(duration_ms),
            results=list(results or []),
            files=dict(files or {}),
        )
        is_check = kind == "check"
        row = {
            "id": event.id,
            "learner_id": learner_id,
            "exercise_id": exercise_id,
            "content_version": content_version,
            "kind": kind,
            "created_at": event.created_at,
            "passed": None if passed is None else int(passed),
            # Encoded before the transaction, so bad data never leaves half a write.
            "results": to_json(event.results) if is_check else None,
            "files": files_to_json(event.files) if is_check else None,
            "duration_ms": event.duration_ms,
            "workstation_id": self._workstation_id,
        }
        with self._learner_must_exist(), self._writing() as database:
            database.table("events").insert(row)
        self._announce(Change("progress", learner_id, exercise_id))
        return event

    @contextmanager
    def _learner_must_exist(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.IntegrityError as error:
            if "FOREIGN KEY" not in str(error):
                raise
            raise UnknownLearnerError("We could not find that learner.") from error

    def events_for(self, learner_id: str, exercise_id: str | None = None) -> list[Event]:
        """Return the learner's events, oldest first; only for one exercise if it is given."""
        with self._reading() as database:
            return queries.events_for(database, learner_id, exercise_id)

    def hints_shown(self, learner_id: str, exercise_id: str) -> int:
        """Return how many hints the learner has opened since they last started again.

        Starting again gives a fresh go at the exercise, so the hint count starts from
        nothing too. The full history stays in events_for().
        """
        with self._reading() as database:
            return queries.hints_shown(database, learner_id, exercise_id)

    def progress(self, learner_id: str) -> dict[str, ExerciseProgress]:
        """Return, by exercise id, each exercise the learner has started or done."""
        with self._reading() as database:
            return queries.progress(database, learner_id)

    def stats(self) -> dict[str, int]:
        """Return counts for the whole store: learners, events, exercises started and done."""
        with self._reading() as database:
            return queries.stats(database)

    # ---- drafts ----------------------------------------------------------------------------

    def save_draft(self, learner_id: str, exercise_id: str, files: dict[str, str]) -> None:
        """Keep the learner's unfinished work for an exercise, replacing any earlier draft."""
        files_json = files_to_json(files)
        with self._learner_must_exist(), self._writing() as database:
            # Saving the same text again writes nothing and announces nothing.
            cursor = database.conn.execute(
                """INSERT INTO drafts (learner_id, exercise_id, files, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (learner_id, exercise_id) DO UPDATE
                SET files = excluded.files, updated_at = excluded.updated_at
                WHERE drafts.files IS NOT excluded.files""",
                [learner_id, exercise_id, files_json, utc_now_text()],
            )
            changed = cursor.rowcount > 0
        if changed:
            self._announce(Change("draft", learner_id, exercise_id))

    def load_draft(self, learner_id: str, exercise_id: str) -> dict[str, str] | None:
        """Return the learner's saved draft for an exercise, or None when there is none."""
        with self._reading() as database:
            row = database.conn.execute(
                "SELECT files FROM drafts WHERE learner_id = ? AND exercise_id = ?",
                [learner_id, exercise_id],
            ).fetchone()
        return None if row is None else files_from_json(row[0])

    def discard_draft(self, learner_id: str, exercise_id: str) -> None:
        """Delete the learner's draft for an exercise, if there is one."""
        with self._writing() as database:
            cursor = database.conn.execute(
                "DELETE FROM drafts WHERE learner_id = ? AND exercise_id = ?",
                [learner_id, exercise_id],
            )
            changed = cursor.rowcount > 0
        if changed:
            self._announce(Change("draft", learner_id, exercise_id))

    # ---- settings --------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        """Return a workstation setting, or None when it was never set."""
        with self._reading() as database:
            row = database.conn.execute(
                "SELECT value FROM settings WHERE key = ?", [key]
            ).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        """Set a workstation setting (a staff action: the caller checks the passphrase)."""
        with self._writing() as database:
            database.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
        self._announce(Change("settings", None, None))

    def learner_setting(self, learner_id: str, key: str) -> str | None:
        """Return one of a learner's own settings (text size, theme...), or None."""
        with self._reading() as database:
            row = database.conn.execute(
                "SELECT value FROM learner_settings WHERE learner_id = ? AND key = ?",
                [learner_id, key],
            ).fetchone()
        return None if row is None else str(row[0])

    def set_learner_setting(self, learner_id: str, key: str, value: str) -> None:
        """Remember one of a learner's own settings."""
        with self._learner_must_exist(), self._writing() as database:
            database.conn.execute(
                "INSERT INTO learner_settings (learner_id, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
                [learner_id, key, value],
            )
        self._announce(Change("settings", learner_id, None))

    # ---- staff -----------------------------------------------------------------------------

    def has_staff_passphrase(self) -> bool:
        """Return True once a staff passphrase has been set on this workstation."""
        return self.setting(_STAFF_PASSPHRASE_KEY) is not None

    def set_staff_passphrase(self, passphrase: str, *, current: str | None = None) -> None:
        """Set the staff passphrase; changing one that exists needs the current one."""
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            raise WeakPassphraseError(
                f"The staff passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters."
            )
        if self.has_staff_passphrase() and not self.verify_staff_passphrase(current or ""):
            raise StaffPassphraseError("The current staff passphrase is not right.")
        salt, secret_hash = hash_secret(passphrase)
        self.set_setting(_STAFF_PASSPHRASE_KEY, encode_secret_hash(salt, secret_hash))
        self.record_audit("staff", "staff passphrase set")

    def set_staff_passphrase_hash(self, encoded: str) -> None:
        """Set the staff passphrase from a hash made in advance (the installer's config)."""
        decode_secret_hash(encoded)  # raises ValueError with a plain message
        self.set_setting(_STAFF_PASSPHRASE_KEY, encoded.strip())
        self.record_audit("installer", "staff passphrase set from the installer config")

    def verify_staff_passphrase(self, passphrase: str) -> bool:
        """Return True when passphrase is the staff passphrase; False if wrong or none set."""
        encoded = self.setting(_STAFF_PASSPHRASE_KEY)
        if encoded is None:
            verify_secret(passphrase, _DUMMY_SALT, _DUMMY_HASH)
            return False
        salt, secret_hash = decode_secret_hash(encoded)
        return verify_secret(passphrase, salt, secret_hash)

    def record_audit(self, role: str, action: str, detail: dict[str, Any] | None = None) -> None:
        """Add a line to the audit log: what was done, by which role ("staff", "learner"...)."""
        row = {
            "id": new_id(),
            "created_at": utc_now_text(),
            "role": role,
            "action": action,
            "detail": to_json(detail or {}),
            "workstation_id": self._workstation_id,
        }
        with self._writing() as database:
            database.table("audit_log").insert(row)
        self._announce(Change("audit", None, None))

    def audit_entries(self) -> list[AuditEntry]:
        """Return the whole audit log, oldest first."""
        with self._reading() as database:
            rows = list(database.query("SELECT * FROM audit_log ORDER BY id"))
        return [
            AuditEntry(
                id=str(row["id"]),
                created_at=str(row["created_at"]),
                role=str(row["role"]),
                action=str(row["action"]),
                detail=json.loads(row["detail"]),
                workstation_id=row["workstation_id"],
            )
            for row in rows
        ]
