"""Run SQL on a fresh in-memory copy of an exercise's data, inside the guard's walls."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sandbox.sql.guard import Guard, lock_down
from sandbox.sql.messages import plain_error
from sandbox.sql.statements import line_of, split_statements

Value = int | float | str | bytes | None
Row = tuple[Value, ...]

SHOWN_ROWS = 200           # rows kept for the learner to see
KEPT_ROWS_FOR_CHECKS = 5_000
CHANGING_WORDS = frozenset({"INSERT", "UPDATE", "DELETE", "REPLACE"})
MAX_KEPT_BYTES = 32 * 1024 * 1024
TOO_MUCH_DATA = "Your query gave back too much data. Ask for fewer rows or shorter values."


class FixtureError(Exception):
    """The exercise's own data could not be loaded: a problem for the lesson's author."""


@dataclass(frozen=True)
class QueryResult:
    """What a learner's SQL gave: the rows of the last query, the rows changed, or an error."""

    columns: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    row_count: int = 0
    returned_rows: bool = False
    changed_rows: int = 0
    statements_run: int = 0
    changing_words: tuple[str, ...] = ()
    error: str | None = None
    duration_ms: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every statement ran without an error."""
        return self.error is None

    def summary(self) -> str:
        """One plain line about what happened, for a status bar."""
        if self.error:
            return self.error.partition("\n")[0]
        if self.returned_rows:
            if self.row_count > len(self.rows):
                return f"Showing {len(self.rows)} of {self.row_count} rows."
            return "Your query gave back 1 row." if self.row_count == 1 else (
                f"Your query gave back {self.row_count} rows.")
        if self.statements_run == 0:
            return "There is no SQL to run yet."
        if self.changing_words:
            return "1 row was changed." if self.changed_rows == 1 else (
                f"{self.changed_rows} rows were changed.")
        return "Your SQL ran. It gave back no rows."

    def to_json(self, *, max_rows: int = SHOWN_ROWS) -> dict[str, Any]:
        """The result as plain JSON values: blobs become a short description."""
        return {
            "columns": list(self.columns),
            "rows": [[json_value(value) for value in row] for row in self.rows[:max_rows]],
            "row_count": self.row_count,
        }


@dataclass
class Session:
    """An open, guarded in-memory database holding a fresh copy of the exercise's data."""

    connection: sqlite3.Connection
    guard: Guard
    names: list[str] = field(default_factory=list)

    def run(self, sql: str, *, keep_rows: int = SHOWN_ROWS) -> QueryResult:
        """Run every statement of `sql` in order; stop at the first error."""
        started = time.monotonic()
        self.guard.start()
        columns: tuple[str, ...] = ()
        rows: list[Row] = []
        row_count = 0
        returned = False
        changed = 0
        words: list[str] = []
        statements = split_statements(sql)
        for number, statement in enumerate(statements):
            try:
                changes_before = self.connection.total_changes
                cursor = self.connection.execute(statement.text)
                if cursor.description is not None:
                    columns = tuple(str(item[0]) for item in cursor.description)
                    rows, row_count = self._fetch(cursor, keep_rows)
                    returned = True
                # total_changes also sees a change made by "WITH ... INSERT" or a trigger.
                changes = self.connection.total_changes - changes_before
                changed += changes
                if statement.first_word in CHANGING_WORDS:
                    words.append(statement.first_word)
                elif changes:
                    words.append("SQL")
            except (sqlite3.Error, _Stopped) as error:
                return QueryResult(
                    columns=columns, rows=tuple(rows), row_count=row_count, returned_rows=returned,
                    changed_rows=changed, statements_run=number,
                    changing_words=tuple(words),
                    error=self._explain(error, statement.text, line_of(sql, statement.offset)),
                    duration_ms=(time.monotonic() - started) * 1000)
        return QueryResult(columns=columns, rows=tuple(rows), row_count=row_count,
                           returned_rows=returned, changed_rows=changed,
                           statements_run=len(statements), changing_words=tuple(words),
                           duration_ms=(time.monotonic() - started) * 1000)

    def _fetch(self, cursor: sqlite3.Cursor, keep_rows: int) -> tuple[list[Row], int]:
        kept: list[Row] = []
        kept_bytes = 0
        count = 0
        while True:
            batch = cursor.fetchmany(100)
            if not batch:
                return kept, count
            if len(kept) < keep_rows:
                new_rows = [tuple(row) for row in batch[:keep_rows - len(kept)]]
                kept.extend(new_rows)
                # A few rows of huge values could fill the memory long before the row cap.
                kept_bytes += sum(_size(value) for row in new_rows for value in row)
                if kept_bytes > MAX_KEPT_BYTES:
                    self.guard.stop_reason = TOO_MUCH_DATA
                    raise _Stopped()
            count += len(batch)
            # The progress handler cannot see time spent here, in Python, between steps.
            if self.guard.out_of_time():
                raise _Stopped()

    def _explain(self, error: BaseException, statement: str, line: int) -> str:
        if self.guard.stop_reason:
            return self.guard.stop_reason
        message = str(error)
        if self.guard.refusal and "authoriz" in message:
            return f"{self.guard.refusal}\nSQLite says: {message}"
        if message == "interrupted":
            return "Your query was stopped before it finished."
        return plain_error(message, statement=statement, line=line, names=self.names)

    def tables(self) -> list[str]:
        """The names of the tables in the database, in the order they were made."""
        return [str(row[0]) for row in self._trusted_rows(
            "SELECT name FROM sqlite_schema WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]

    def table_content(self, table: str, *, keep_rows: int = KEPT_ROWS_FOR_CHECKS
                      ) -> tuple[tuple[str, ...], list[Row], int] | None:
        """A table's column names, its rows (up to `keep_rows`) and row count, or None."""
        if table.lower() not in {name.lower() for name in self.tables()}:
            return None
        self.guard.start()
        cursor = self.connection.execute(f"SELECT * FROM {quote_name(table)}")
        columns = tuple(str(item[0]) for item in cursor.description)
        rows, count = self._fetch(cursor, keep_rows)
        return columns, rows, count

    def _trusted_rows(self, sql: str) -> list[Row]:
        self.guard.start()
        return [tuple(row) for row in self.connection.execute(sql).fetchall()]

    def _remember_names(self) -> None:
        names: list[str] = []
        for table in self.tables():
            names.append(table)
            names.extend(str(row[1]) for row in self._trusted_rows(
                f"SELECT * FROM pragma_table_info({quote_text(table)})"))
        self.names = names


class _Stopped(Exception):
    """Raised when time runs out while reading rows in Python."""


@contextmanager
def open_session(fixture_sql: str, *, time_limit_seconds: float) -> Iterator[Session]:
    """A fresh, guarded in-memory database loaded with `fixture_sql`, closed afterwards."""
    # ":memory:" keeps every page in this process: nothing is written to disk.
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=True)
    try:
        guard = Guard(time_limit_seconds=time_limit_seconds)
        lock_down(connection, guard)
        session = Session(connection, guard)
        loaded = session.run(fixture_sql, keep_rows=0)
        if loaded.error:
            raise FixtureError("The exercise's data (checks/fixture.sql) could not be loaded: "
                               + loaded.error.replace("\n", " "))
        session._remember_names()
        yield session
    finally:
        connection.close()


def quote_name(name: str) -> str:
    """A table or column name made safe to put in SQL."""
    return '"' + name.replace('"', '""') + '"'


def quote_text(text: str) -> str:
    """A piece of text made safe to put in SQL as a string."""
    return "'" + text.replace("'", "''") + "'"


def _size(value: Value) -> int:
    return len(value) if isinstance(value, str | bytes) else 8


def json_value(value: Value) -> int | float | str | None:
    """A cell as a JSON value; binary data is described, not dumped."""
    if isinstance(value, bytes):
        return f"(binary data, {len(value)} bytes)"
    return value
