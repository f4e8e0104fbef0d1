"""Declarative SQL checks (`checks/sql.toml`), and the three calls the app makes.

An exercise's `checks/` folder holds `fixture.sql` (the tables and rows every run starts
from) and `sql.toml` (what to compare). The learner's `query.sql` and the solution's each run
on their own fresh copy of the fixture, and the results are compared.
"""

from __future__ import annotations

import time
import tomllib
from dataclasses import dataclass
from typing import Any, NamedTuple

from sandbox.results import CheckReport, TestOutcome
from sandbox.sql.compare import Difference, TableContent, compare_result, compare_table
from sandbox.sql.database import (
    KEPT_ROWS_FOR_CHECKS,
    SHOWN_ROWS,
    FixtureError,
    QueryResult,
    Row,
    open_session,
)

FIXTURE_FILE = "fixture.sql"
CHECKS_FILE = "sql.toml"
LEARNER_FILE = "query.sql"
FORMAT_VERSION = 1
DEFAULT_TIME_LIMIT_SECONDS = 2.0
CHECK_KEYS = {"name", "compare", "table", "ordered", "column_names", "hint"}
FIX_FIRST = "Fix the mistake in your SQL first. Then run the checks again."


class SqlCheckFormatError(ValueError):
    """`checks/sql.toml` is not written the way the runner expects: for the lesson author."""


@dataclass(frozen=True)
class SqlCheck:
    """One declarative check: compare the last result, or the content of one table."""

    name: str
    compare: str                   # "result" or "table"
    table: str = ""
    ordered: bool = False
    column_names: bool = True
    hint: str = ""


class TableData(NamedTuple):
    """One table of an exercise's data, as the learner first finds it."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def load_sql_checks(check_files: dict[str, str]) -> list[SqlCheck]:
    """The checks in `checks/sql.toml`; raises SqlCheckFormatError saying what is wrong."""
    text = check_files.get(CHECKS_FILE)
    if text is None:
        raise SqlCheckFormatError(f"An SQL exercise needs checks/{CHECKS_FILE}.")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SqlCheckFormatError(f"checks/{CHECKS_FILE} is not valid TOML: {error}") from None
    if data.get("format_version") != FORMAT_VERSION:
        raise SqlCheckFormatError(f"checks/{CHECKS_FILE}: format_version must be "
                                  f"{FORMAT_VERSION}.")
    unknown = sorted(set(data) - {"format_version", "checks"})
    if unknown:
        raise SqlCheckFormatError(f"checks/{CHECKS_FILE}: unknown setting {unknown[0]!r}.")
    entries = data.get("checks")
    if not isinstance(entries, list) or not entries:
        raise SqlCheckFormatError(f"checks/{CHECKS_FILE} needs at least one [[checks]] entry.")
    return [_parse_check(entry, number) for number, entry in enumerate(entries, start=1)]


def _parse_check(entry: Any, number: int) -> SqlCheck:
    where = f"checks/{CHECKS_FILE}, check {number}"
    if not isinstance(entry, dict):
        raise SqlCheckFormatError(f"{where}: each check must be a [[checks]] table.")
    unknown = sorted(set(entry) - CHECK_KEYS)
    if unknown:
        raise SqlCheckFormatError(f"{where}: unknown setting {unknown[0]!r}; the settings "
                                  f"are {', '.join(sorted(CHECK_KEYS))}.")
    name, compare, table, hint = (entry.get(key, "") for key in
                                  ("name", "compare", "table", "hint"))
    if not isinstance(name, str) or not name.strip():
        raise SqlCheckFormatError(f"{where}: name must be set to some text.")
    if compare not in ("result", "table"):
        raise SqlCheckFormatError(f"{where}: compare must be \"result\" or \"table\".")
    if compare == "table" and (not isinstance(table, str) or not table.strip()):
        raise SqlCheckFormatError(f"{where}: a table check needs table = \"its name\".")
    if compare == "result" and table:
        raise SqlCheckFormatError(f"{where}: table is only for checks with compare = \"table\".")
    if not isinstance(hint, str):
        raise SqlCheckFormatError(f"{where}: hint must be text.")
    flags = {key: entry.get(key, default) for key, default in
             (("ordered", False), ("column_names", True))}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise SqlCheckFormatError(f"{where}: {key} must be true or false.")
    return SqlCheck(name=name, compare=compare, table=str(table), ordered=flags["ordered"],
                    column_names=flags["column_names"], hint=hint)


def run_sql_check(check_files: dict[str, str], learner_files: dict[str, str],
                  solution_files: dict[str, str], *, time_limit_seconds: float
                  ) -> CheckReport:
    """Run the learner's SQL and the solution's on fresh data, and compare them check by check.

    Blocks for up to about twice `time_limit_seconds`: call it off the GUI thread.
    """
    started = time.monotonic()
    try:
        checks = load_sql_checks(check_files)
    except SqlCheckFormatError as error:
        return CheckReport.failed_with(str(error))
    solution_sql = solution_files.get(LEARNER_FILE)
    if solution_sql is None:
        return CheckReport.failed_with(f"The exercise has no solution/{LEARNER_FILE}.")
    fixture = check_files.get(FIXTURE_FILE, "")
    tables = sorted({check.table for check in checks if check.compare == "table"})
    try:
        expected, expected_tables, before = _run(fixture, solution_sql, tables,
                                                 time_limit_seconds)
        if expected.error:
            return CheckReport.failed_with("The exercise's solution does not run: "
                                           + expected.error.replace("\n", " "))
        learner, learner_tables, _ = _run(fixture, learner_files.get(LEARNER_FILE, ""), tables,
                                          time_limit_seconds)
    except FixtureError as error:
        return CheckReport.failed_with(str(error))
    action = next(iter(expected.changing_words), "SQL")
    outcomes = []
    for check in checks:
        problem: Difference | None
        if learner.error:
            problem = Difference(FIX_FIRST, about_rows=False)
        elif check.compare == "result":
            problem = compare_result(learner, expected, ordered=check.ordered,
                                     column_names=check.column_names)
        else:
            wanted = expected_tables[check.table]
            if wanted is None:
                return CheckReport.failed_with(f"checks/{CHECKS_FILE}: the solution leaves no "
                                               f"table called {check.table}.")
            problem = compare_table(check.table, learner_tables[check.table], wanted,
                                    ordered=check.ordered, existed_before=check.table in before,
                                    action=action)
        if problem is None:
            outcomes.append(TestOutcome(check.name, "passed"))
        else:
            # The author's hint speaks of which rows to pick, so it follows only row problems.
            hint = f" {check.hint}" if check.hint and problem.about_rows else ""
            outcomes.append(TestOutcome(check.name, "failed", problem.text + hint))
    return CheckReport(
        passed=learner.error is None and all(outcome.passed for outcome in outcomes),
        tests=tuple(outcomes),
        duration_ms=(time.monotonic() - started) * 1000,
        error=learner.error,
        extra={"result": learner.to_json(max_rows=SHOWN_ROWS)},
    )


def _run(fixture: str, sql: str, tables: list[str], time_limit_seconds: float
         ) -> tuple[QueryResult, dict[str, TableContent | None], set[str]]:
    """Run `sql` on fresh data; also read the named tables afterwards."""
    with open_session(fixture, time_limit_seconds=time_limit_seconds) as session:
        before = set(session.tables())
        result = session.run(sql, keep_rows=KEPT_ROWS_FOR_CHECKS)
        contents = {table: session.table_content(table) for table in tables}
    return result, contents, before


def run_sql_query(check_files: dict[str, str], sql: str, *,
                  time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS) -> QueryResult:
    """Run the learner's SQL on fresh data and give back what it shows, without checking."""
    try:
        with open_session(check_files.get(FIXTURE_FILE, ""),
                          time_limit_seconds=time_limit_seconds) as session:
            return session.run(sql)
    except FixtureError as error:
        return QueryResult(error=str(error))


def fixture_tables(check_files: dict[str, str], *, max_rows: int = SHOWN_ROWS
                   ) -> list[TableData]:
    """Each table of the exercise's data with its columns and rows, to show the learner."""
    found: list[TableData] = []
    try:
        with open_session(check_files.get(FIXTURE_FILE, ""),
                          time_limit_seconds=DEFAULT_TIME_LIMIT_SECONDS) as session:
            for table in session.tables():
                content = session.table_content(table, keep_rows=max_rows)
                if content is not None:
                    columns, rows, _ = content
                    found.append(TableData(table, columns, tuple(rows)))
    except FixtureError:
        return []
    return found
