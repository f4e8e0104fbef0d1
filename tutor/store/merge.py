"""Rows that cross the air gap: read out for a progress export, merged in on import.

An export holds every learner and every event of a workstation. Merging is a set union on
ids, so importing a file twice, or one learner from two workstations, adds each row once.
Each file is merged as one unit (a savepoint) together with the pinned record of the
workstation that signed it and its audit line, so a file goes in whole, with its
bookkeeping, or not at all; an ImportBatch commits many such files at a time.

The instructor's store pins each workstation to the key it first signed with
(`workstations`); the workstation's own store remembers the number and hash of its last
export in two settings, written only after the file was written and read back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import StoreError
from .ids import new_id
from .models import Change
from .rows import to_json, utc_now_text
from .store import Store

LEARNER_COLUMNS = ("id", "display_name", "created_at", "is_demo", "workstation_id")
EVENT_COLUMNS = (
    "id", "learner_id", "exercise_id", "content_version", "kind", "created_at", "passed",
    "results", "files", "duration_ms", "workstation_id",
)
EXPORT_SEQUENCE_SETTING = "export_sequence"
EXPORT_HASH_SETTING = "export_last_hash"

# The exchange code has checked each value's type and form; ids already here are left alone.
_EVENT_INSERT = (
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
)
# The results texts are kept as they came ("prepared JSON") and read back later with
# Python's json module, so the rows just added (rowid above the old largest) are checked
# here, in the same transaction, by SQLite's JSON code: an order of magnitude faster than
# parsing them in Python. json_valid() is strict RFC 8259 JSON (no JSON5). Every view reads
# result rows defensively, so an array is shape enough. (The exchange code checks the code
# texts, whose shape is simpler, before they get here.) The same pass checks each new row's
# learner, because a batch runs with foreign key checks off (see ImportBatch).
_BAD_ROWS = (
    "SELECT EXISTS (SELECT 1 FROM events AS e WHERE e.rowid > ?1 AND ("
    "(e.results IS NOT NULL AND NOT (substr(e.results, 1, 1) = '[' AND json_valid(e.results)))"
    " OR NOT EXISTS (SELECT 1 FROM learners AS l WHERE l.id = e.learner_id)))"
)
# A learner seen before keeps their row; only their home workstation may rename them.
_LEARNER_UPSERT = (
    "INSERT INTO learners (id, display_name, pin_salt, pin_hash, created_at, is_demo, "
    "workstation_id) VALUES (?1, ?2, NULL, NULL, ?3, ?4, ?5) "
    "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name "
    "WHERE learners.workstation_id IS excluded.workstation_id "
    "AND learners.display_name IS NOT excluded.display_name AND learners.pin_hash IS NULL"
)


class MergeError(StoreError):
    """A file could not be merged; nothing of it was kept. The message says why."""


class ExportRaceError(StoreError):
    """Another export was recorded while this one was being written."""


@dataclass(frozen=True)
class LearnerSummary:
    """One learner as an export plan shows them: name, and how much of their work leaves."""

    id: str
    display_name: str
    is_demo: bool
    events: int
    attempts: int


@dataclass(frozen=True)
class ExportSnapshot:
    """Every learner and event of a store, read at one moment, in export column order."""

    learners: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]


@dataclass(frozen=True)
class ExportState:
    """The number and hash of the last export this workstation wrote (0 and "" before any)."""

    sequence: int
    last_hash: str


@dataclass(frozen=True)
class KnownWorkstation:
    """A workstation an instructor's store has enrolled, pinned to its key."""

    id: str
    name: str
    public_key: str
    fingerprint: str
    enrolled_at: str
    last_sequence: int
    last_export_hash: str


@dataclass(frozen=True)
class IncomingExport:
    """The signed facts of one export that is about to be merged.

    `enrol`: add the workstation (it must not be known yet). `advance`: the export is newer
    than the last one seen, so its number and hash become the workstation's latest.
    """

    workstation_id: str
    workstation_name: str
    public_key: str
    fingerprint: str
    sequence: int
    export_hash: str
    enrol: bool
    advance: bool


@dataclass(frozen=True)
class MergeCounts:
    """What one merge added: new learners, new events, and events that were already here."""

    new_learners: int
    new_events: int
    duplicate_events: int


def export_summary(store: Store) -> tuple[list[LearnerSummary], dict[str, int]]:
    """Return every learner with their event and attempt counts, and event counts by kind."""
    with store._reading() as database:
        connection = database.conn
        rows = connection.execute(
            """SELECT l.id, l.display_name, l.is_demo,
                COUNT(e.id), COALESCE(SUM(e.kind = 'check'), 0)
            FROM learners l LEFT JOIN events e ON e.learner_id = l.id
            GROUP BY l.id ORDER BY l.display_name COLLATE NOCASE, l.id"""
        ).fetchall()
        kinds = dict(connection.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind"))
    learners = [
        LearnerSummary(str(row[0]), str(row[1]), bool(row[2]), int(row[3]), int(row[4]))
        for row in rows
    ]
    return learners, {str(kind): int(count) for kind, count in kinds.items()}


def export_snapshot(store: Store) -> ExportSnapshot:
    """Read every learner and event in one read transaction, so the two always agree."""
    with store._reading() as database:
        connection = database.conn
        connection.execute("BEGIN")
        try:
            learners = connection.execute(
                f"SELECT {', '.join(LEARNER_COLUMNS)} FROM learners ORDER BY id"
            ).fetchall()
            events = connection.execute(
                f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY id"
            ).fetchall()
        finally:
            connection.execute("COMMIT")
    return ExportSnapshot(learners, events)


def export_state(store: Store) -> ExportState:
    """Return the number and hash of the last export written and verified here."""
    sequence = store.setting(EXPORT_SEQUENCE_SETTING)
    return ExportState(int(sequence or 0), store.setting(EXPORT_HASH_SETTING) or "")


def record_export_written(store: Store, *, sequence: int, export_hash: str) -> None:
    """Remember a verified export as the latest; refuse if another was recorded meanwhile."""
    with store._writing() as database:
        connection = database.conn
        row = connection.execute(
            "SELECT value FROM settings WHERE key = ?", [EXPORT_SEQUENCE_SETTING]
        ).fetchone()
        if int(row[0] if row else 0) != sequence - 1:
            raise ExportRaceError("Another export was saved at the same time. Please export again.")
        connection.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [(EXPORT_SEQUENCE_SETTING, str(sequence)), (EXPORT_HASH_SETTING, export_hash)],
        )
    store._announce(Change("settings", None, None))


def known_workstations(store: Store) -> list[KnownWorkstation]:
    """Return every enrolled workstation, by name."""
    with store._reading() as database:
        return _known(database.conn)


def _known(connection: sqlite3.Connection) -> list[KnownWorkstation]:
    rows = connection.execute(
        "SELECT id, name, public_key, fingerprint, enrolled_at, last_sequence, "
        "last_export_hash FROM workstations ORDER BY name, id"
    ).fetchall()
    return [
        KnownWorkstation(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), int(r[5]), str(r[6]))
        for r in rows
    ]


class ImportBatch:
    """Merges many export files with few commits; each file is whole or not there at all.

    Each file goes in inside its own savepoint (a transaction within the transaction), so a
    file that fails its checks is rolled back alone. The batch commits after about
    `commit_after` new events, when asked (before waiting on a person), and at the end:
    committing less often makes a big import about a fifth faster. A crash loses only what
    was not yet committed, which is all still on the USB stick. Use it as a context
    manager; it holds the store for the whole batch, so call nothing else on the store
    meanwhile: ask the batch instead.
    """

    def __init__(self, store: Store, *, commit_after: int = 100_000) -> None:
        """Prepare a batch on store; nothing happens until it is entered."""
        self._store = store
        self._commit_after = commit_after
        self._holding: Any = None
        self._connection: sqlite3.Connection | None = None
        self._uncommitted = 0
        self._changes: set[Change] = set()

    def __enter__(self) -> ImportBatch:
        self._take_store()
        return self

    def _take_store(self) -> None:
        holding = self._store._reading()
        connection = holding.__enter__().conn
        try:
            # With an ON CONFLICT clause, SQLite's foreign key checks made inserts about a
            # third slower in a measurement. Every event's learner is checked before the
            # merge (it must be in the same file) and again after it (_BAD_ROWS), so the
            # batch turns them off, and _let_go always turns them back on.
            connection.execute("PRAGMA foreign_keys = OFF")
            connection.execute("BEGIN IMMEDIATE")
        except BaseException:
            connection.execute("PRAGMA foreign_keys = ON")
            holding.__exit__(None, None, None)
            raise
        self._holding, self._connection, self._uncommitted = holding, connection, 0

    def _let_go(self) -> None:
        connection = self._live()
        try:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            connection.execute("PRAGMA foreign_keys = ON")
        finally:
            self._connection = None
            self._holding.__exit__(None, None, None)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: Any) -> None:
        connection = self._connection
        if connection is None:
            return  # the store was already let go (taking it back after a pause failed)
        try:
            if connection.in_transaction:
                connection.execute("ROLLBACK" if exc_type is not None else "COMMIT")
        finally:
            self._let_go()  # rolls back whatever did not commit
        # Told after the lock is free: listeners may read the store straight away.
        for change in sorted(self._changes, key=repr):
            self._store._announce(change)

    def _live(self) -> sqlite3.Connection:
        if self._connection is None:
            raise StoreError("The import batch is not open.")
        return self._connection

    def commit(self) -> None:
        """Make everything merged so far permanent, and carry on in a new transaction."""
        connection = self._live()
        connection.execute("COMMIT")
        connection.execute("BEGIN IMMEDIATE")
        self._uncommitted = 0

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Commit and let go of the store while a person is asked something; then carry on."""
        self._live().execute("COMMIT")
        self._let_go()
        try:
            yield
        finally:
            self._take_store()

    def known_workstations(self) -> list[KnownWorkstation]:
        """Every enrolled workstation, as the batch sees it (its own merges included)."""
        return _known(self._live())

    def events_held(self) -> int:
        """How many events the store holds, counting this batch's."""
        return int(self._live().execute("SELECT COUNT(*) FROM events").fetchone()[0])

    def audit(self, action: str, detail: dict[str, Any]) -> None:
        """Add a staff line to the audit log, in the batch."""
        _audit(self._live(), self._store.workstation_id, action, detail)
        self._changes.add(Change("audit", None, None))

    def merge(self, incoming: IncomingExport, learners: Sequence[Sequence[Any]],
              events: Sequence[Sequence[Any]], *,
              audit_detail: dict[str, Any] | None = None) -> MergeCounts:
        """Merge one checked file (LEARNER_COLUMNS / EVENT_COLUMNS rows), whole or not at all.

        The audit log gets a "progress imported" line with it, so the log always says
        exactly what was merged.
        """
        connection = self._live()
        connection.execute("SAVEPOINT merging_file")
        try:
            counts = _merge_file(connection, incoming, learners, events)
            _audit(connection, self._store.workstation_id, "progress imported", {
                **(audit_detail or {}), "workstation": incoming.workstation_id,
                "sequence": incoming.sequence, "new_events": counts.new_events,
                "new_learners": counts.new_learners})
        except BaseException:
            connection.execute("ROLLBACK TO merging_file")
            connection.execute("RELEASE merging_file")
            raise
        connection.execute("RELEASE merging_file")
        self._changes.add(Change("audit", None, None))
        if counts.new_learners:
            self._changes.add(Change("learners", None, None))
        if counts.new_events:
            self._changes.add(Change("progress", None, None))
        self._uncommitted += counts.new_events
        if self._uncommitted >= self._commit_after:
            self.commit()
        return counts


def merge_export(
    store: Store,
    incoming: IncomingExport,
    learners: Sequence[Sequence[Any]],
    events: Sequence[Sequence[Any]],
    *,
    audit_detail: dict[str, Any] | None = None,
) -> MergeCounts:
    """Merge one checked export in one transaction (see ImportBatch for many)."""
    with ImportBatch(store) as batch:
        return batch.merge(incoming, learners, events, audit_detail=audit_detail)


def _merge_file(connection: sqlite3.Connection, incoming: IncomingExport,
                learners: Sequence[Sequence[Any]],
                events: Sequence[Sequence[Any]]) -> MergeCounts:
    _pin_workstation(connection, incoming)
    learners_before = connection.execute("SELECT COUNT(*) FROM learners").fetchone()[0]
    connection.executemany(_LEARNER_UPSERT, learners)
    learners_after = connection.execute("SELECT COUNT(*) FROM learners").fetchone()[0]
    last_rowid = connection.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
    changes_before = connection.total_changes
    try:
        connection.executemany(_EVENT_INSERT, events)
    except sqlite3.IntegrityError as error:
        raise MergeError(_integrity_message(error)) from error
    new_events = connection.total_changes - changes_before
    if new_events and connection.execute(_BAD_ROWS, [last_rowid]).fetchone()[0]:
        raise MergeError("Some records in the file are damaged: their results are not "
                         "readable, or they belong to no learner.")
    return MergeCounts(int(learners_after - learners_before), new_events,
                       len(events) - new_events)


def _audit(connection: sqlite3.Connection, workstation_id: str, action: str,
           detail: dict[str, Any]) -> None:
    """The same row Store.record_audit writes, inside the caller's transaction."""
    connection.execute(
        "INSERT INTO audit_log (id, created_at, role, action, detail, workstation_id) "
        "VALUES (?, ?, 'staff', ?, ?, ?)",
        [new_id(), utc_now_text(), action, to_json(detail), workstation_id])


def _pin_workstation(connection: sqlite3.Connection, incoming: IncomingExport) -> None:
    if incoming.enrol:
        try:
            connection.execute(
                "INSERT INTO workstations (id, name, public_key, fingerprint, enrolled_at, "
                "last_sequence, last_export_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [incoming.workstation_id, incoming.workstation_name, incoming.public_key,
                 incoming.fingerprint, utc_now_text(), incoming.sequence, incoming.export_hash],
            )
        except sqlite3.IntegrityError as error:
            raise MergeError("This workstation was added by another import just now. "
                             "Import the file again.") from error
        return
    row = connection.execute(
        "SELECT public_key FROM workstations WHERE id = ?", [incoming.workstation_id]
    ).fetchone()
    # Checked again inside the transaction: the key must still be the one that was pinned.
    if row is None or str(row[0]) != incoming.public_key:
        raise MergeError("The workstation's key changed during the import. Nothing was added.")
    if incoming.advance:
        connection.execute(
            "UPDATE workstations SET name = ?, last_sequence = ?, last_export_hash = ? "
            "WHERE id = ?",
            [incoming.workstation_name, incoming.sequence, incoming.export_hash,
             incoming.workstation_id],
        )


def _integrity_message(error: sqlite3.IntegrityError) -> str:
    text = str(error)
    if "NOT NULL" in text:
        return "Some records in the file are damaged: a value that must be there is missing."
    if "FOREIGN KEY" in text:
        return "Some records in the file belong to a learner the file does not list."
    return "Some records in the file could not be added."


def add_rows(
    store: Store,
    *,
    learners: Sequence[Sequence[Any]],
    events: Sequence[Sequence[Any]],
    workstations: Sequence[KnownWorkstation] = (),
    pin: tuple[bytes, bytes] | None = None,
) -> None:
    """Add made-up rows in one transaction (demo data); learners get `pin` (salt, hash) if given.

    Learners must be new; events that are already here are left as they are.
    """
    salt, pin_hash = pin if pin is not None else (None, None)
    with store._writing() as database:
        connection = database.conn
        connection.executemany(
            "INSERT INTO workstations (id, name, public_key, fingerprint, enrolled_at, "
            "last_sequence, last_export_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(w.id, w.name, w.public_key, w.fingerprint, w.enrolled_at, w.last_sequence,
              w.last_export_hash) for w in workstations],
        )
        connection.executemany(
            "INSERT INTO learners (id, display_name, created_at, is_demo, workstation_id, "
            "pin_salt, pin_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*row, salt, pin_hash) for row in learners],
        )
        try:
            connection.executemany(_EVENT_INSERT, events)
        except sqlite3.IntegrityError as error:
            raise MergeError(_integrity_message(error)) from error
    store._announce(Change("learners", None, None))
    store._announce(Change("progress", None, None))
