"""The walls around learner SQL: what it may do, how big it may grow, how long it may run.

Layers, because no single one is enough: an authorizer that refuses anything outside the
one in-memory database (ATTACH, which VACUUM INTO also needs; extension loading; every
PRAGMA but a few read-only ones), SQLite limits on sizes, a page cap on the database, and a
progress handler that ends a query at its deadline or when the process grows too fast.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field

# Read-only PRAGMAs that describe the tables; a learner may look at the schema.
READ_ONLY_PRAGMAS = frozenset({
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list",
})
# Functions that reach outside SQLite or hand out raw pointers.
REFUSED_FUNCTIONS = frozenset({
    "load_extension", "fts3_tokenizer", "readfile", "writefile", "edit", "fsdir",
    "sqlite_log",
})

ALLOWED_ACTIONS = frozenset({
    sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE,
    sqlite3.SQLITE_DELETE, sqlite3.SQLITE_CREATE_TABLE, sqlite3.SQLITE_CREATE_INDEX,
    sqlite3.SQLITE_CREATE_VIEW, sqlite3.SQLITE_CREATE_TRIGGER, sqlite3.SQLITE_DROP_TABLE,
    sqlite3.SQLITE_DROP_INDEX, sqlite3.SQLITE_DROP_VIEW, sqlite3.SQLITE_DROP_TRIGGER,
    sqlite3.SQLITE_ALTER_TABLE, sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT,
    sqlite3.SQLITE_ANALYZE, sqlite3.SQLITE_REINDEX, sqlite3.SQLITE_RECURSIVE,
})

LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: 1_000_000,          # the longest text or blob value
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 200_000,        # the longest single statement
    sqlite3.SQLITE_LIMIT_COLUMN: 100,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 50,
    sqlite3.SQLITE_LIMIT_VDBE_OP: 50_000,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 32,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 1_000,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 100,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 10,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}
MAX_PAGES = 8_192               # with 4 KB pages: a 32 MB database at most
MAX_MEMORY_GROWTH = 512 * 1024 * 1024
PROGRESS_STEPS = 2_000          # SQLite calls the handler after this many VM steps
MEMORY_CHECK_EVERY = 10         # read the process size on one handler call in this many

TIME_MESSAGE = ("Your query ran for too long. Does it make far too many rows, "
                "or repeat without end?")
MEMORY_MESSAGE = "Your query used too much memory. Does it make far too many rows?"


@dataclass
class Guard:
    """Watches one connection: the reason for the last refusal, and the deadline."""

    time_limit_seconds: float
    deadline: float = 0.0
    stop_reason: str | None = None
    refusal: str | None = None
    _calls: int = 0
    _start_size: int = field(default=0)

    def start(self) -> None:
        """Begin a new run: the clock starts now and earlier reasons are forgotten."""
        self.deadline = time.monotonic() + self.time_limit_seconds
        self.stop_reason = None
        self.refusal = None
        self._calls = 0
        self._start_size = _resident_bytes()

    def out_of_time(self) -> bool:
        """True, and remembers why, once the deadline has passed."""
        if time.monotonic() > self.deadline:
            self.stop_reason = TIME_MESSAGE
            return True
        return False

    def progress(self) -> int:
        """SQLite's progress handler: a non-zero answer ends the running statement."""
        if self.out_of_time():
            return 1
        self._calls += 1
        if self._calls % MEMORY_CHECK_EVERY == 0 and self._start_size:
            if _resident_bytes() - self._start_size > MAX_MEMORY_GROWTH:
                self.stop_reason = MEMORY_MESSAGE
                return 1
        return 0

    def authorize(self, action: int, first: str | None, second: str | None,
                  database: str | None, source: str | None) -> int:
        """SQLite's authorizer: allow ordinary work on the main database, refuse the rest."""
        reason = _refusal(action, first, second, database)
        if reason is None:
            return sqlite3.SQLITE_OK
        self.refusal = reason
        return sqlite3.SQLITE_DENY


def _refusal(action: int, first: str | None, second: str | None, database: str | None
             ) -> str | None:
    """Why an action is refused, in plain words, or None when it is allowed."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return ("Your SQL tries to open another database file. "
                "Here you work with this one database only.")
    if action == sqlite3.SQLITE_PRAGMA:
        name = (first or "").lower()
        if name in READ_ONLY_PRAGMAS:
            return None
        return f"PRAGMA {first} is not allowed here. Only PRAGMA table_info and a few like it are."
    if action == sqlite3.SQLITE_FUNCTION:
        name = (second or "").lower()
        if name in REFUSED_FUNCTIONS:
            return f"The function {second} is not allowed here."
        return None
    if database == "temp" or action in (
            sqlite3.SQLITE_CREATE_TEMP_TABLE, sqlite3.SQLITE_CREATE_TEMP_INDEX,
            sqlite3.SQLITE_CREATE_TEMP_VIEW, sqlite3.SQLITE_CREATE_TEMP_TRIGGER,
            sqlite3.SQLITE_DROP_TEMP_TABLE, sqlite3.SQLITE_DROP_TEMP_INDEX,
            sqlite3.SQLITE_DROP_TEMP_VIEW, sqlite3.SQLITE_DROP_TEMP_TRIGGER):
        return "Temporary tables are not used here. Make a normal table instead."
    if action in (sqlite3.SQLITE_CREATE_VTABLE, sqlite3.SQLITE_DROP_VTABLE):
        return "Virtual tables are not used here. Make a normal table instead."
    if action in ALLOWED_ACTIONS:
        return None
    return "That kind of SQL command is not allowed here."


def lock_down(connection: sqlite3.Connection, guard: Guard) -> None:
    """Set every wall on a fresh in-memory connection before any untrusted SQL runs."""
    if hasattr(connection, "enable_load_extension"):
        connection.enable_load_extension(False)
    _set_defensive(connection)
    for limit, value in LIMITS.items():
        connection.setlimit(limit, value)
    # These PRAGMAs run before the authorizer is set: afterwards they would be refused.
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA temp_store = MEMORY")  # sorting never spills to a temp file
    connection.execute(f"PRAGMA max_page_count = {MAX_PAGES}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.set_authorizer(guard.authorize)
    connection.set_progress_handler(guard.progress, PROGRESS_STEPS)


def _set_defensive(connection: sqlite3.Connection) -> None:
    """Where Python offers it (3.12 and later), also ask SQLite itself to be defensive."""
    setconfig = getattr(connection, "setconfig", None)
    if setconfig is None:
        return
    for name, value in (("SQLITE_DBCONFIG_DEFENSIVE", True),
                        ("SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION", False),
                        ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", False)):
        option = getattr(sqlite3, name, None)
        if option is not None:
            setconfig(option, value)


def _resident_bytes() -> int:
    """This process's resident memory in bytes, or 0 where the system does not say."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
