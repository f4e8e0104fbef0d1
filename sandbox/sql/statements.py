"""Split a learner's SQL file into statements, keeping where each one starts."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

_LEADING_NOISE = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?(?:\*/|$))*", re.DOTALL)
_FIRST_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Statement:
    """One SQL statement and the place in the file where it starts."""

    text: str
    offset: int

    @property
    def first_word(self) -> str:
        """The statement's first keyword in capitals (such as SELECT), or "" if it has none."""
        body = self.text[_LEADING_NOISE.match(self.text).end():]  # type: ignore[union-attr]
        word = _FIRST_WORD.match(body)
        return word.group(0).upper() if word else ""

    @property
    def is_empty(self) -> bool:
        """True when the statement holds nothing but spaces, comments and semicolons."""
        body = self.text[_LEADING_NOISE.match(self.text).end():]  # type: ignore[union-attr]
        return not body.strip().strip(";").strip()


def split_statements(sql: str) -> list[Statement]:
    """The statements in `sql`, in order; semicolons inside quotes and comments do not split.

    SQLite itself says when a piece of text is a whole statement (`complete_statement`),
    so quoting rules are never guessed here.
    """
    statements: list[Statement] = []
    start = 0
    position = 0
    while True:
        semicolon = sql.find(";", position)
        if semicolon < 0:
            break
        piece = sql[start:semicolon + 1]
        position = semicolon + 1
        if sqlite3.complete_statement(piece):
            statements.append(Statement(piece, start))
            start = position
    if sql[start:].strip():
        statements.append(Statement(sql[start:], start))
    return [statement for statement in statements if not statement.is_empty]


def line_of(sql: str, offset: int) -> int:
    """The line number (from 1) of a character offset in `sql`."""
    return sql.count("\n", 0, offset) + 1
