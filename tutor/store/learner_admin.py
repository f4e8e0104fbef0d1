"""Staff work on the store: add, rename and remove learners, set PINs, settings, the audit log.

Each change and its audit entry are written in one transaction, so the log never misses a
change that happened and never records one that did not. PINs never reach the log.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor.trust.atomic import write_atomically

from .errors import DuplicateNameError, InvalidNameError, StoreError, UnknownLearnerError
from .ids import new_id
from .models import AuditEntry, Change, Learner
from .rows import to_json, utc_now_text
from .secret_hashing import hash_secret
from .store import Store
from .validation import check_new_pin, clean_display_name, name_key

WORKSTATION_NAME = "workstation_name"
LEARNERS_MAY_CHANGE_PIN = "learners_may_reset_pin"
TRUE, FALSE = "true", "false"
SAME_NAME = ("Someone here already uses that name. "
             "Add a letter or a number to make it their own.")
NO_SUCH_LEARNER = "We could not find that learner. They may have been removed."
NOT_ALLOWED = "Only staff can change PINs on this computer. Ask a member of staff."

# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class LearnerSummary:
    """A learner as staff see them in the list: name, when added, and how much work they hold."""

    id: str
    display_name: str
    created_at: str
    checks: int
    drafts: int
    last_active_at: str | None


def _audit(connection: sqlite3.Connection, store: Store, role: str, action: str,
           detail: dict[str, Any]) -> None:
    """Add an audit row inside the caller's transaction."""
    connection.execute(
        "INSERT INTO audit_log (id, created_at, role, action, detail, workstation_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [new_id(), utc_now_text(), role, action, to_json(detail), store.workstation_id],
    )


def _name_is_free(connection: sqlite3.Connection, name: str, *, except_id: str = "") -> None:
    wanted = name_key(name)
    for learner_id, existing in connection.execute("SELECT id, display_name FROM learners"):
        if learner_id != except_id and name_key(str(existing)) == wanted:
            raise DuplicateNameError(SAME_NAME)


def _learner_name(connection: sqlite3.Connection, learner_id: str) -> str:
    row = connection.execute(
        "SELECT display_name FROM learners WHERE id = ?", [learner_id]).fetchone()
    if row is None:
        raise UnknownLearnerError(NO_SUCH_LEARNER)
    return str(row[0])


def _announce(store: Store, learner_id: str) -> None:
    store._announce(Change("learners", learner_id, None))
    store._announce(Change("audit", None, None))


_SUMMARY_QUERY = """SELECT l.id, l.display_name, l.created_at,
    (SELECT COUNT(*) FROM events e WHERE e.learner_id = l.id AND e.kind = 'check'),
    (SELECT COUNT(*) FROM drafts d WHERE d.learner_id = l.id),
    (SELECT MAX(e.created_at) FROM events e WHERE e.learner_id = l.id)
FROM learners l"""


def _summary_from_row(row: tuple[Any, ...]) -> LearnerSummary:
    return LearnerSummary(str(row[0]), str(row[1]), str(row[2]), int(row[3]), int(row[4]),
                          None if row[5] is None else str(row[5]))


def learner_summaries(store: Store) -> list[LearnerSummary]:
    """Return every learner with counts of their check runs and drafts, sorted by name."""
    with store._reading() as database:
        rows = database.conn.execute(_SUMMARY_QUERY).fetchall()
    summaries = [_summary_from_row(row) for row in rows]
    return sorted(summaries, key=lambda s: (name_key(s.display_name), s.id))


def add_learner(store: Store, display_name: str, pin: str, *, via: str = "learners") -> Learner:
    """Add a learner with a PIN (a staff action) and log it; raise a StoreError if not.

    `via` says where staff added them ("learners" list or "sign-in" screen), for the log.
    """
    name = clean_display_name(display_name)
    check_new_pin(pin)
    salt, pin_hash = hash_secret(pin)  # slow on purpose, so done before taking the lock
    learner = Learner(id=new_id(), display_name=name, created_at=utc_now_text(), is_demo=False)
    with store._writing() as database:
        connection = database.conn
        _name_is_free(connection, name)
        connection.execute(
            "INSERT INTO learners (id, display_name, pin_salt, pin_hash, created_at, is_demo, "
            "workstation_id) VALUES (?, ?, ?, ?, ?, 0, ?)",
            [learner.id, name, salt, pin_hash, learner.created_at, store.workstation_id])
        _audit(connection, store, "staff", "learner added",
               {"learner_id": learner.id, "name": name, "via": via})
    _announce(store, learner.id)
    return learner


def rename_learner(store: Store, learner_id: str, new_name: str) -> str:
    """Give a learner a new name and log the change; return the name as stored."""
    name = clean_display_name(new_name)
    with store._writing() as database:
        connection = database.conn
        old = _learner_name(connection, learner_id)
        _name_is_free(connection, name, except_id=learner_id)
        connection.execute("UPDATE learners SET display_name = ? WHERE id = ?",
                           [name, learner_id])
        _audit(connection, store, "staff", "learner renamed",
               {"learner_id": learner_id, "old_name": old, "name": name})
    _announce(store, learner_id)
    return name


def reset_pin(store: Store, learner_id: str, new_pin: str) -> None:
    """Give a learner a new PIN chosen by staff, and log that it changed (never the PIN)."""
    check_new_pin(new_pin)
    _store_pin(store, learner_id, new_pin, role="staff", action="learner PIN reset")


def change_own_pin(store: Store, learner_id: str, current_pin: str, new_pin: str) -> bool:
    """Let a learner change their own PIN; return False when the current PIN is wrong.

    Refused (StoreError) unless staff allow it with the `learners_may_reset_pin` setting.
    """
    if not learners_may_change_pin(store):
        raise StoreError(NOT_ALLOWED)
    check_new_pin(new_pin)
    if not store.verify_pin(learner_id, current_pin):
        return False
    _store_pin(store, learner_id, new_pin, role="learner", action="learner changed own PIN")
    return True


def _store_pin(store: Store, learner_id: str, pin: str, *, role: str, action: str) -> None:
    salt, pin_hash = hash_secret(pin)  # slow on purpose, so done before taking the lock
    with store._writing() as database:
        connection = database.conn
        name = _learner_name(connection, learner_id)
        connection.execute("UPDATE learners SET pin_salt = ?, pin_hash = ? WHERE id = ?",
                           [salt, pin_hash, learner_id])
        _audit(connection, store, role, action, {"learner_id": learner_id, "name": name})
    _announce(store, learner_id)


def remove_learner(store: Store, learner_id: str) -> LearnerSummary:
    """Delete a learner with their events, drafts, settings and feedback; log it.

    Returns what was removed, so the caller can say so. The foreign keys' cascade removes
    events, drafts and settings; feedback has no foreign key (it may arrive before its
    learner), so it goes by hand.
    """
    with store._writing() as database:
        connection = database.conn
        summary = _summary(connection, learner_id)
        connection.execute("DELETE FROM feedback WHERE learner_id = ?", [learner_id])
        connection.execute("DELETE FROM learners WHERE id = ?", [learner_id])
        _audit(connection, store, "staff", "learner removed",
               {"learner_id": learner_id, "name": summary.display_name,
                "checks_deleted": summary.checks, "drafts_deleted": summary.drafts})
    _announce(store, learner_id)
    store._announce(Change("progress", learner_id, None))
    return summary


def learner_summary(store: Store, learner_id: str) -> LearnerSummary:
    """Return one learner's summary; raise UnknownLearnerError when there is no such learner."""
    with store._reading() as database:
        return _summary(database.conn, learner_id)


def _summary(connection: sqlite3.Connection, learner_id: str) -> LearnerSummary:
    row = connection.execute(
        f"{_SUMMARY_QUERY} WHERE l.id = ?", [learner_id]).fetchone()
    if row is None:
        raise UnknownLearnerError(NO_SUCH_LEARNER)
    return _summary_from_row(row)


def remove_practice_folder(practice_root: Path, learner_id: str) -> None:
    """Delete a removed learner's git practice folders, if they have any."""
    folder = practice_root / learner_id
    # The id comes from the store, but a folder outside the practice root is never deleted.
    if folder.parent.resolve() != practice_root.resolve() or learner_id in ("", ".", ".."):
        raise ValueError("That is not a learner's practice folder.")
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)


# ---- settings -------------------------------------------------------------------------------

def change_setting(store: Store, key: str, value: str, *, role: str = "staff") -> bool:
    """Set a workstation setting and log the change; return False when it was already so."""
    with store._writing() as database:
        connection = database.conn
        row = connection.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is not None and str(row[0]) == value:
            return False
        connection.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])
        _audit(connection, store, role, "setting changed", {"setting": key, "value": value})
    store._announce(Change("settings", None, None))
    store._announce(Change("audit", None, None))
    return True


def clean_workstation_name(raw: str) -> str:
    """Return a workstation name trimmed ("" is allowed), or raise InvalidNameError."""
    if not raw.strip():
        return ""
    try:
        return clean_display_name(raw)
    except InvalidNameError as error:
        raise InvalidNameError(
            "The computer's name must be up to 40 letters, with no hidden characters.") from error


def learners_may_change_pin(store: Store) -> bool:
    """Return True when learners may change their own PIN on this workstation (default no)."""
    return (store.setting(LEARNERS_MAY_CHANGE_PIN) or FALSE).strip().lower() == TRUE


# ---- the audit log as a table ---------------------------------------------------------------

AUDIT_COLUMNS = ("When", "Role", "What", "Details", "Workstation")


def describe_detail(detail: dict[str, Any]) -> str:
    """Return an audit entry's details as one line of plain text: "learner id: ...; name: ..."."""
    parts = []
    # Ids last: staff read the names and values; the ids are there to match records.
    for key in sorted(detail, key=lambda key: (key.endswith("_id"), key)):
        value = detail[key]
        shown = value if isinstance(value, str) else to_json(value)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return "; ".join(parts)


def audit_table(entries: Iterable[AuditEntry]) -> list[tuple[str, str, str, str, str]]:
    """Return the audit log as rows of text, newest first."""
    rows = [(e.created_at, e.role, e.action, describe_detail(e.detail), e.workstation_id or "")
            for e in entries]
    rows.reverse()
    return rows


def safe_cell(text: str) -> str:
    """Return text that a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def audit_csv(entries: Iterable[AuditEntry]) -> bytes:
    """Return the audit log as CSV for a spreadsheet (UTF-8 with a byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(AUDIT_COLUMNS)
    for row in audit_table(entries):
        writer.writerow([safe_cell(cell) for cell in row])
    # The mark tells spreadsheet programs the file is UTF-8, so names keep their letters.
    return buffer.getvalue().encode("utf-8-sig")


def save_audit_csv(store: Store, path: Path) -> int:
    """Write the audit log to `path` as CSV, read it back, and log the export; return the rows.

    The file goes to a temporary name first and is checked after the rename, so a pulled USB
    stick never leaves half a file that looks whole.
    """
    entries = store.audit_entries()
    write_atomically(path, audit_csv(entries), verify=True)
    store.record_audit("staff", "audit log saved", {"entries": len(entries), "file": path.name})
    return len(entries)
