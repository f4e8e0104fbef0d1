"""Compare a learner's result or table with the solution's, and say the difference in words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from sandbox.sql.database import QueryResult, Row, Value

TableContent = tuple[tuple[str, ...], list[Row], int]


class Difference(NamedTuple):
    """What differs, in words; `about_rows` is False when the shape itself is wrong."""

    text: str
    about_rows: bool = True


def compare_result(learner: QueryResult, expected: QueryResult, *, ordered: bool,
                   column_names: bool) -> Difference | None:
    """None when the learner's last query gave what the solution's did, else what differs."""
    if not learner.returned_rows:
        return Difference("Your SQL does not give back any rows yet. Write a SELECT query.",
                          about_rows=False)
    problem = _column_problem("Your result has", learner.columns, expected.columns,
                              "it should have", check_names=column_names)
    if problem:
        return Difference(problem, about_rows=False)
    if learner.row_count != expected.row_count:
        verb = "was" if expected.row_count == 1 else "were"
        return Difference(f"You returned {_rows(learner.row_count)}; "
                          f"{expected.row_count} {verb} expected.")
    return _row_problem("Your result", list(learner.rows), list(expected.rows),
                        ordered=ordered)


def compare_table(table: str, learner: TableContent | None, expected: TableContent, *,
                  ordered: bool, existed_before: bool, action: str) -> Difference | None:
    """None when the learner's table holds what the solution's does, else what differs."""
    if learner is None:
        if existed_before:
            return Difference(f"The table {table} is gone. Your SQL should not delete it.",
                              about_rows=False)
        return Difference(f"There is no table called {table} yet. Make it with CREATE TABLE.",
                          about_rows=False)
    learner_columns, learner_rows, learner_count = learner
    expected_columns, expected_rows, expected_count = expected
    problem = _column_problem(f"The table {table} has", learner_columns, expected_columns,
                              "it should have", check_names=True)
    if problem:
        return Difference(problem, about_rows=False)
    if learner_count != expected_count:
        return Difference(f"The table {table} should have {_rows(expected_count)} after your "
                          f"{action}; it has {learner_count}.")
    return _row_problem(f"The table {table}", learner_rows, expected_rows, ordered=ordered)


def _column_problem(subject: str, got: Sequence[str], wanted: Sequence[str], should: str,
                    *, check_names: bool) -> str | None:
    if check_names:
        if [_name(c) for c in got] != [_name(c) for c in wanted]:
            return (f"{subject} the columns {', '.join(got) or '(none)'}; "
                    f"{should} {', '.join(wanted)}.")
        return None
    if len(got) != len(wanted):
        return f"{subject} {_columns(len(got))}; {should} {len(wanted)}."
    return None


def _row_problem(subject: str, got: list[Row], wanted: list[Row], *, ordered: bool
                 ) -> Difference | None:
    got_keys = [_row_key(row) for row in got]
    wanted_keys = [_row_key(row) for row in wanted]
    if got_keys == wanted_keys:
        return None
    missing = Counter(wanted_keys) - Counter(got_keys)
    extra = Counter(got_keys) - Counter(wanted_keys)
    if not missing and not extra:
        if not ordered:
            return None
        return Difference(f"{subject} has the right rows, but not in the right order. "
                          "Check your ORDER BY.")
    wrong = _first(got, got_keys, extra) if extra else None
    right = _first(wanted, wanted_keys, missing) if missing else None
    if wrong and right and wrong[:1] == right[:1]:
        # Same first value (usually the id): one row was changed the wrong way.
        return Difference(f"{subject} has the row {_show(wrong)}. "
                          f"It should be {_show(right)}.")
    parts = []
    if wrong:
        parts.append(f"{subject} has the row {_show(wrong)}, which should not be there.")
    if right:
        parts.append(f"It should have the row {_show(right)}.")
    return Difference(" ".join(parts))


def _first(rows: list[Row], keys: list[tuple[object, ...]], wanted: Counter[tuple[object, ...]]
           ) -> Row:
    for row, key in zip(rows, keys, strict=True):
        if key in wanted:
            return row
    return rows[0]


def _row_key(row: Row) -> tuple[object, ...]:
    # Sums and averages of decimals differ in the last digits with the order of adding.
    return tuple(round(value, 6) if isinstance(value, float) else value for value in row)


def _name(column: str) -> str:
    return column.strip().lower()


def _show(row: Row) -> str:
    return "(" + ", ".join(_cell(value) for value in row) + ")"


def _cell(value: Value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        return f"(binary data, {len(value)} bytes)"
    return str(value)


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count} rows"


def _columns(count: int) -> str:
    return "1 column" if count == 1 else f"{count} columns"
