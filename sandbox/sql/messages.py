"""Turn SQLite's error messages into plain English, keeping SQLite's own words below."""

from __future__ import annotations

import difflib
import re
import sqlite3
from collections.abc import Iterable

# Words a beginner writes most; a near miss of one of these gets a "Did you mean" line.
KEYWORDS = (
    "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "BY", "HAVING", "LIMIT", "OFFSET",
    "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CREATE", "TABLE", "DROP",
    "ALTER", "ADD", "COLUMN", "AND", "OR", "NOT", "NULL", "IS", "IN", "LIKE", "BETWEEN",
    "DISTINCT", "AS", "JOIN", "INNER", "LEFT", "ON", "ASC", "DESC", "COUNT", "SUM", "AVG",
    "MIN", "MAX", "PRIMARY", "KEY", "INTEGER", "TEXT", "REAL", "DEFAULT", "UNIQUE",
    "CASE", "WHEN", "THEN", "ELSE", "END", "UNION", "WITH", "EXISTS", "INDEX", "VIEW",
)

_NEAR = re.compile(r'^near "(?P<token>.*)": syntax error$', re.DOTALL)
_NO_COLUMN = re.compile(r"^no such column: (?P<name>.+)$")
_NO_TABLE = re.compile(r"^no such table: (?:main\.)?(?P<name>.+)$")
_NO_FUNCTION = re.compile(r"^no such function: (?P<name>.+)$")
_CONSTRAINT = re.compile(r"^(?P<kind>UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed"
                         r"(?::\s*(?P<what>.+))?$")
_TABLE_EXISTS = re.compile(r"^table (?P<name>\S+) already exists$")
_COLUMN_COUNT = re.compile(r"^table (?P<name>\S+) has (?P<has>\d+) columns but "
                           r"(?P<given>\d+) values were supplied$")

_SIMPLE = {
    "incomplete input": "Your SQL stops too soon. Is a bracket or a quote not closed?",
    "database or disk is full": "Your SQL made the database too big.",
    "string or blob too big": "Your SQL made a piece of text or data that is too big.",
    "datatype mismatch": "A value is the wrong type for its column.",
    "too many columns in result set": "Your query asks for too many columns.",
    "Expression tree is too large (maximum depth 100)":
        "Your SQL is nested too deeply. Make it simpler.",
}


def plain_error(message: str, *, statement: str = "", line: int = 1,
                names: Iterable[str] = ()) -> str:
    """A plain first line a learner can act on, then what SQLite said, on its own line.

    `statement` is the SQL that failed and `line` the file line it starts on, so a word that
    SQLite points at can be placed; `names` are the tables and columns that exist, for
    "Did you mean" suggestions.
    """
    plain = _plain_line(message, statement=statement, line=line, names=list(names))
    return f"{plain}\nSQLite says: {message}"


def _plain_line(message: str, *, statement: str, line: int, names: list[str]) -> str:
    if statement.lstrip().startswith("."):
        return ("Commands that start with a dot, like .tables, work only in the sqlite3 "
                "program. Press \"Show the tables\" to see the tables here.")
    near = _NEAR.match(message)
    if near:
        return _near_line(near.group("token"), statement, line)
    if message.startswith("unrecognized token:"):
        return "Your SQL has a word or symbol SQLite does not know. Is a quote not closed?"
    column = _NO_COLUMN.match(message)
    if column:
        name = column.group("name")
        return _with_guess(f"There is no column called '{name}'.", name.split(".")[-1], names)
    table = _NO_TABLE.match(message)
    if table:
        name = table.group("name")
        return _with_guess(f"There is no table called '{name}'.", name, names)
    function = _NO_FUNCTION.match(message)
    if function:
        return f"SQLite has no function called '{function.group('name')}'. Check the spelling."
    constraint = _CONSTRAINT.match(message)
    if constraint:
        return _constraint_line(constraint.group("kind"), constraint.group("what") or "")
    exists = _TABLE_EXISTS.match(message)
    if exists:
        return f"There is already a table called '{exists.group('name')}'."
    count = _COLUMN_COUNT.match(message)
    if count:
        return (f"The table {count.group('name')} has {count.group('has')} columns, but you "
                f"gave {count.group('given')} values. Give one value for each column.")
    if "ambiguous column name" in message:
        return ("Two of your tables have a column with this name. "
                "Put the table name and a dot in front of it.")
    if message.startswith("unsafe use of"):
        return "A view or trigger uses a function that is not allowed there."
    if message.startswith("misuse of aggregate"):
        return ("You used a function like COUNT or SUM in a place it cannot go. "
                "Use HAVING instead of WHERE to filter on it.")
    return _SIMPLE.get(message, "SQLite could not run your SQL.")


def _syntax_error_at(prefix: str, token: str) -> bool:
    """True when SQLite's parser stops on `token` at the very end of `prefix`.

    Python's sqlite3 does not say where a syntax error is, and the token it names may appear
    more than once. Parsing the text up to each place tells which one it is. Nothing runs:
    the throwaway database refuses every action, and parsing comes before that refusal.
    """
    probe = sqlite3.connect(":memory:")
    try:
        probe.set_authorizer(lambda *_args: sqlite3.SQLITE_DENY)
        probe.execute(prefix)
    except sqlite3.Error as error:
        return f'near "{token}": syntax error' in str(error)
    finally:
        probe.close()
    return False


def _near_line(token: str, statement: str, line: int) -> str:
    """Where a syntax error is, and the keyword the learner may have mistyped."""
    places = _token_places(statement, token, line)
    ends = [match.end() for match in _token_matches(statement, token)]
    for index, end in enumerate(ends):
        if index < len(places) and _syntax_error_at(statement[:end], token):
            places.insert(0, places.pop(index))
            break
    where = places[0][0] if places else line
    guess = _close_match(token, KEYWORDS, upper=True)
    if guess:
        return f"There is a mistake near '{token}' on line {where}. Did you mean {guess}?"
    # SQLite reads a mistyped keyword such as FORM as a name, and stumbles on the next word.
    for place, previous in places:
        guess = _close_match(previous, KEYWORDS, upper=True)
        if guess:
            return (f"There is a mistake near '{previous} {token}' on line {place}. "
                    f"Did you mean {guess} instead of {previous}?")
    return f"There is a mistake near '{token}' on line {where}."


def _constraint_line(kind: str, what: str) -> str:
    where = f" {what}" if what else ""
    if kind == "UNIQUE":
        return f"Two rows would have the same value in{where}. Each value there must be different."
    if kind == "NOT NULL":
        return f"Give a value for{where}. It cannot be empty (NULL)."
    if kind == "FOREIGN KEY":
        return "A value points to a row that does not exist in the other table."
    return "A value breaks a rule (a CHECK) set on its table."


def _with_guess(text: str, name: str, names: list[str]) -> str:
    guess = _close_match(name, names, upper=False)
    return f"{text} Did you mean {guess}?" if guess else text


def _close_match(word: str, choices: Iterable[str], *, upper: bool) -> str | None:
    """The choice that is a near miss of `word` (not `word` itself), if there is one."""
    if len(word) < 3 or not word.replace("_", "").isalnum():
        return None
    key = word.upper() if upper else word.lower()
    options = {(choice.upper() if upper else choice.lower()): choice for choice in choices}
    if key in options:
        return None
    found = difflib.get_close_matches(key, list(options), n=1, cutoff=0.74)
    return options[found[0]] if found else None


def _token_matches(statement: str, token: str) -> list[re.Match[str]]:
    """Each place the token appears as a whole word."""
    if not token:
        return []
    return list(re.finditer(rf"(?<![A-Za-z0-9_]){re.escape(token)}(?![A-Za-z0-9_])",
                            statement))


def _token_places(statement: str, token: str, first_line: int) -> list[tuple[int, str]]:
    """Each place `token` appears in the statement: its file line and the word before it."""
    places: list[tuple[int, str]] = []
    if not token:
        return places
    for match in _token_matches(statement, token):
        before = re.search(r"([A-Za-z_]+)\s*$", statement[:match.start()])
        places.append((first_line + statement.count("\n", 0, match.start()),
                       before.group(1) if before else ""))
    return places
