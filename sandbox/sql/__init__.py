"""SQL exercises: learner SQL runs on a fresh, walled-in copy of the exercise's data.

No Qt and nothing from the app: the app calls `run_sql_check`, `run_sql_query` and
`fixture_tables`, off the GUI thread.
"""

from __future__ import annotations

from sandbox.sql.checks import (
    SqlCheck,
    SqlCheckFormatError,
    TableData,
    fixture_tables,
    load_sql_checks,
    run_sql_check,
    run_sql_query,
)
from sandbox.sql.database import QueryResult

__all__ = [
    "QueryResult", "SqlCheck", "SqlCheckFormatError", "TableData", "fixture_tables",
    "load_sql_checks", "run_sql_check", "run_sql_query",
]
