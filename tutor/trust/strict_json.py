"""JSON from outside, read strictly: a size cap, no duplicate keys, no NaN, bounded nesting.

Python's json module accepts all of these by default; a file that says one thing to the
verifier and another to the reader (duplicate keys) or that crashes a later step (NaN,
a 10,000-digit number, nesting 100,000 deep) must be refused before anything reads it.
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 32
MAX_NUMBER_DIGITS = 20


class JsonError(ValueError):
    """The JSON text is not acceptable; the message says why in plain words."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonError(f"The name {key!r} appears twice in one part of the file.")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise JsonError(f"The file holds {name}, which is not a number.")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise JsonError("The file holds a number that is far too long.")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise JsonError("The file holds a number that is far too long.")
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise JsonError("The file holds a number that is far too big.")
    return value


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                raise JsonError("The file is nested too deeply.")
        elif char in "]}":
            depth -= 1


def loads(data: bytes, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> Any:
    """Parse data as strict UTF-8 JSON, or raise JsonError with a plain message."""
    if len(data) > max_bytes:
        raise JsonError(f"The file is too big (over {max_bytes:,} bytes).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonError("The file is not UTF-8 text.") from error
    _check_depth(text, max_depth)
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constants,
            parse_int=_int,
            parse_float=_float,
        )
    except json.JSONDecodeError as error:
        raise JsonError(f"The file is not valid JSON (line {error.lineno}).") from error
    except RecursionError as error:
        raise JsonError("The file is nested too deeply.") from error


def dumps(value: Any) -> bytes:
    """Return value as canonical JSON bytes: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
