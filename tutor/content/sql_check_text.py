"""The sentences a learner reads from an SQL exercise's `checks/sql.toml`, for the linter.

Each check's `name` is shown as the check's title and its `hint` follows a failing
message, so both are scored for plain English like the messages in JavaScript checks.
"""

from __future__ import annotations

import tomllib

from tutor.content.js_scan import CheckMessage

SQL_CHECKS_FILE = "sql.toml"


def sql_check_messages(text: str) -> list[CheckMessage]:
    """Each check name and hint in a `sql.toml` text, with the line it is on; [] if unreadable.

    A file that cannot be read is not reported here: running the checks reports it.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    checks = data.get("checks")
    if not isinstance(checks, list):
        return []
    found: list[CheckMessage] = []
    lines = text.splitlines()
    for entry in checks:
        if not isinstance(entry, dict):
            continue
        for key, source in (("name", "check name"), ("hint", "check hint")):
            value = entry.get(key)
            if isinstance(value, str) and value.strip():
                found.append(CheckMessage(value, _line_of(lines, value), source))
    return found


def _line_of(lines: list[str], value: str) -> int:
    """The first line that holds `value`, counting from 1, or 0 when it is split or escaped."""
    for number, line in enumerate(lines, start=1):
        if value in line:
            return number
    return 0
