"""The data files inside exports and feedback files: JSON lines, one record per line.

In learners.jsonl, events.jsonl and feedback.jsonl each line is a JSON array of one
record's fields, in the order the manifest lists under `fields`, like a spreadsheet row
with JSON types. An event's check results and code sit apart, in results.jsonl and
code.jsonl, line for line with events.jsonl: each line is the exact JSON text the store
keeps for that event ("prepared JSON"), or `null`. So they are never decoded or
re-encoded in Python on the way in: SQLite's own, faster, JSON code checks them as the
store takes them in (tutor.store.merge).

Reading is strict and shaped for speed: one parse per file, then whole-column checks
(types, id and time patterns, known learners, one workstation) that run in C, so a
million events check in about the time SQLite takes to store them. A bad file is refused
whole, with the line or the field that is wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

from tutor.store.errors import StoreError
from tutor.store.feedback import FEEDBACK_COLUMNS, clean_feedback_text
from tutor.store.merge import EVENT_COLUMNS, LEARNER_COLUMNS
from tutor.store.validation import clean_display_name
from tutor.trust.strict_json import JsonError, loads

from .archive import ExchangeLimits
from .errors import ExchangeError

LEARNER_FIELDS: tuple[str, ...] = LEARNER_COLUMNS
# Every field of an event, whichever file holds it; events.jsonl holds all but the two texts.
EVENT_FIELDS: tuple[str, ...] = EVENT_COLUMNS
TEXT_FIELDS = ("results", "files")
EVENT_LINE_FIELDS = tuple(name for name in EVENT_COLUMNS if name not in TEXT_FIELDS)
_RESULTS, _FILES = EVENT_COLUMNS.index("results"), EVENT_COLUMNS.index("files")
FEEDBACK_FIELDS: tuple[str, ...] = FEEDBACK_COLUMNS
MAX_DURATION_MS = 1e9

_ID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_ID_PATTERN = re.compile(_ID)
_ID_LINES = re.compile(rf"(?:{_ID}\n)*")
_TIME = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z"
_TIME_PATTERN = re.compile(_TIME)
_TIME_LINES = re.compile(rf"(?:{_TIME}\n)*")
_KIND = re.compile(r"[a-z][a-z_]{0,39}")
# A line of code.jsonl is null, or a JSON object whose values are all text: a shape simple
# enough for one regular expression to check exactly (strict RFC 8259 strings, no raw
# control characters), over the whole file at once and without backtracking.
_JSON_TEXT = r'"[^"\\\x00-\x1f]*+(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*+)*+"'
_SPACE = r"[ \t\r]*+"
_FILE_ENTRY = rf"{_JSON_TEXT}{_SPACE}:{_SPACE}{_JSON_TEXT}{_SPACE}"
_CODE_LINES = re.compile(
    rf"(?:(?:null|\{{{_SPACE}(?:{_FILE_ENTRY}(?:,{_SPACE}{_FILE_ENTRY})*+)?\}})\n)*+")
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_NONE = type(None)


def _no_constants(name: str) -> NoReturn:
    raise JsonError(f"The file holds {name}, which is not a number.")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)


def refuse(what: str, problem: str) -> NoReturn:
    """Raise the error for a damaged data file, naming the file and the problem."""
    raise ExchangeError(f"The file is damaged: in {what}, {problem}. Nothing was taken from it.")


def encode_lines(rows: Sequence[Sequence[Any]]) -> bytes:
    """Return rows as JSON lines: one compact array per line, each line ending in a newline."""
    if not rows:
        return b""
    return ("\n".join(map(_ENCODER.encode, rows)) + "\n").encode("utf-8")


def encode_events(rows: Sequence[Sequence[Any]]) -> tuple[bytes, bytes, bytes]:
    """Return events-table rows as events.jsonl, results.jsonl and code.jsonl."""
    if not rows:
        return b"", b"", b""
    passed = EVENT_LINE_FIELDS.index("passed")
    lines = []
    for row in rows:
        values = [value for index, value in enumerate(row) if index not in (_RESULTS, _FILES)]
        flag = values[passed]
        values[passed] = None if flag is None else bool(flag)
        lines.append(values)
    return (encode_lines(lines), _text_lines(row[_RESULTS] for row in rows),
            _text_lines(row[_FILES] for row in rows))


def _text_lines(texts: Iterable[str | None]) -> bytes:
    """One stored JSON text per line (or null); a text with a raw line break is re-encoded."""
    lines = []
    for text in texts:
        if text is None:
            lines.append("null")
        elif "\n" in text or "\r" in text:
            try:
                lines.append(_ENCODER.encode(json.loads(text)))
            except ValueError as error:
                raise ExchangeError("Some saved check results or code on this workstation "
                                    "are damaged, so the export was not made.") from error
        else:
            lines.append(text)
    return ("\n".join(lines) + "\n").encode("utf-8")


def learner_line_values(row: Sequence[Any]) -> list[Any]:
    """A learners-table row as written to a file: `is_demo` as true or false."""
    values = list(row)
    values[3] = bool(values[3])
    return values


def _lines(data: bytes, what: str, limits: ExchangeLimits) -> list[str]:
    """Split a data file into its lines, checking the count cap and the line length cap."""
    if not data:
        return []
    if not data.endswith(b"\n"):
        refuse(what, "the last line is cut short")
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        refuse(what, "some text is not UTF-8")
    lines.pop()
    if len(lines) > limits.max_records:
        refuse(what, "there are too many lines")
    longest = max(map(len, lines))
    if longest > limits.max_line_length:
        number = next(i for i, line in enumerate(lines, 1) if len(line) == longest)
        refuse(what, f"line {number:,} is too long")
    return lines


def _parse_all(lines: list[str], what: str, width: int) -> list[list[Any]]:
    """Parse every line at once (one array of arrays), then check each is `width` values."""
    if not lines:
        return []
    text = "[" + ",".join(lines) + "]"
    try:
        rows = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        # Each newline became one comma, so positions still tell the line.
        refuse(what, f"line {_line_at(lines, error.pos):,} is not valid JSON")
    except (JsonError, ValueError, RecursionError):
        refuse(what, "a line holds a value that is not allowed")
    if type(rows) is not list or len(rows) != len(lines):
        refuse(what, "the lines do not match the records")
    if set(map(type, rows)) != {list} or set(map(len, rows)) != {width}:
        refuse(what, f"each line must hold {width} values")
    return rows


def _line_at(lines: list[str], position: int) -> int:
    offset = 1  # the opening bracket
    for number, line in enumerate(lines, 1):
        offset += len(line) + 1
        if position < offset:
            return number
    return len(lines)


def _is_clean(cleaner: Callable[[str], str], text: str) -> bool:
    """True when text is already in the form the store keeps (so nothing is hidden in it)."""
    try:
        return cleaner(text) == text
    except StoreError:
        return False


def _types(column: Sequence[Any], allowed: set[type], what: str, field: str) -> None:
    if not set(map(type, column)) <= allowed:
        refuse(what, f"some {field} values have the wrong type")


def _tokens(values: set[Any], what: str, field: str, *, limit: int) -> None:
    """Check a few distinct short words (exercise ids, versions): printable, no spaces."""
    for value in values:
        if not value or len(value) > limit or not value.isprintable() or any(
            character.isspace() or character == "/" for character in value
        ):
            refuse(what, f"a {field} is not allowed: {value[:40]!r}")


def parse_learners(data: bytes, *, workstation_id: str, limits: ExchangeLimits) -> list[list[Any]]:
    """Read and check learners.jsonl: ids, names a learner could have typed, times, flags."""
    what = "the list of learners"
    lines = _lines(data, what, limits)
    if len(lines) > limits.max_learners:
        refuse(what, "there are too many learners")
    rows: list[list[Any]] = []
    for number, line in enumerate(lines, 1):
        try:
            row = loads(line.encode("utf-8"), max_bytes=4 * limits.max_line_length, max_depth=2)
        except JsonError as error:
            refuse(what, f"line {number:,} is not allowed ({error})")
        if type(row) is not list or len(row) != len(LEARNER_FIELDS):
            refuse(what, f"line {number:,} must hold {len(LEARNER_FIELDS)} values")
        learner_id, name, created_at, is_demo, home = row
        if not (isinstance(learner_id, str) and _ID_PATTERN.fullmatch(learner_id)):
            refuse(what, f"line {number:,} has a learner id that is not allowed")
        if not (isinstance(name, str) and _is_clean(clean_display_name, name)):
            refuse(what, f"line {number:,} has a name that is not allowed")
        if not (isinstance(created_at, str) and _TIME_PATTERN.fullmatch(created_at)):
            refuse(what, f"line {number:,} has a time that is not allowed")
        if type(is_demo) is not bool:
            refuse(what, f"line {number:,} must say true or false for is_demo")
        if not (home is None or (isinstance(home, str) and _ID_PATTERN.fullmatch(home))):
            refuse(what, f"line {number:,} has a workstation id that is not allowed")
        rows.append(row)
    if len({row[0] for row in rows}) != len(rows):
        refuse(what, "the same learner is listed twice")
    return rows


def parse_events(data: bytes, results: bytes, code: bytes, *, workstation_id: str,
                 learner_ids: set[str], limits: ExchangeLimits) -> list[tuple[Any, ...]]:
    """Read and check events.jsonl with results.jsonl and code.jsonl beside it.

    Every event must be this workstation's, for a listed learner. Returns rows in the
    store's column order.
    """
    what = "the list of records"
    rows = _parse_all(_lines(data, what, limits), what, len(EVENT_LINE_FIELDS))
    result_texts = _texts(results, "the check results", len(rows), limits)
    code_texts = _texts(code, "the code", len(rows), limits)
    if not _CODE_LINES.fullmatch(code.decode("utf-8")):
        refuse("the code", "some of it is not readable")
    if not rows:
        return []
    (ids, learners, exercises, versions, kinds, times, passed, durations,
     workstations) = zip(*rows, strict=True)
    _types(ids, {str}, what, "id")
    if not _ID_LINES.fullmatch("\n".join(ids) + "\n"):
        refuse(what, "some record ids are not allowed")
    if len(set(ids)) != len(ids):
        refuse(what, "the same record is listed twice")
    _types(learners, {str}, what, "learner_id")
    strangers = set(learners) - learner_ids
    if strangers:
        refuse(what, "some records belong to a learner the file does not list")
    _types(exercises, {str}, what, "exercise_id")
    _tokens(set(exercises), what, "exercise id", limit=200)
    _types(versions, {str}, what, "content_version")
    _tokens(set(versions) - {""}, what, "content version", limit=100)
    _types(kinds, {str}, what, "kind")
    for kind in set(kinds):
        if not _KIND.fullmatch(kind):
            refuse(what, f"a kind of record is not allowed: {kind[:40]!r}")
    _types(times, {str}, what, "created_at")
    if not _TIME_LINES.fullmatch("\n".join(times) + "\n"):
        refuse(what, "some times are not allowed")
    _types(passed, {bool, _NONE}, what, "passed")
    _types(durations, {float, int, _NONE}, what, "duration_ms")
    numbers = set(durations) - {None}
    if numbers and (min(numbers) < 0 or max(numbers) > MAX_DURATION_MS):
        refuse(what, "some durations are not allowed")
    if set(workstations) != {workstation_id}:
        refuse(what, "some records say they were made on another workstation")
    return list(zip(ids, learners, exercises, versions, kinds, times, passed, result_texts,
                    code_texts, durations, workstations, strict=True))


def _texts(data: bytes, what: str, count: int, limits: ExchangeLimits) -> list[str | None]:
    """The JSON texts of a results or code file, one per event, `null` read as None.

    Results are not parsed here: the store checks each with SQLite's JSON code as it keeps
    it. Code is checked by parse_events with one regular expression.
    """
    lines = _lines(data, what, limits)
    if len(lines) != count:
        refuse(what, "there is not one line for each record")
    return [None if line == "null" else line for line in lines]


def parse_feedback(data: bytes, *, limits: ExchangeLimits) -> list[list[Any]]:
    """Read and check feedback.jsonl: ids, texts, authors and times."""
    what = "the list of comments"
    rows: list[list[Any]] = []
    for number, line in enumerate(_lines(data, what, limits), 1):
        try:
            row = loads(line.encode("utf-8"), max_bytes=4 * limits.max_line_length, max_depth=2)
        except JsonError as error:
            refuse(what, f"line {number:,} is not allowed ({error})")
        if type(row) is not list or len(row) != len(FEEDBACK_FIELDS):
            refuse(what, f"line {number:,} must hold {len(FEEDBACK_FIELDS)} values")
        feedback_id, learner_id, exercise_id, event_id, question_id, text, author, created_at, \
            target = row
        ids_fine = all(isinstance(value, str) and _ID_PATTERN.fullmatch(value)
                       for value in (feedback_id, learner_id, target))
        optional_fine = all(value is None or (isinstance(value, str) and _ID_PATTERN.fullmatch(
            value)) for value in (event_id, question_id))
        if not (ids_fine and optional_fine):
            refuse(what, f"line {number:,} has an id that is not allowed")
        if not isinstance(exercise_id, str):
            refuse(what, f"line {number:,} has an exercise id that is not allowed")
        _tokens({exercise_id}, what, "exercise id", limit=200)
        if not (isinstance(text, str) and _is_clean(clean_feedback_text, text)):
            refuse(what, f"line {number:,} has a comment that is empty, too long or hides "
                         "characters")
        if not (isinstance(author, str) and len(author) <= 100 and author.isprintable()):
            refuse(what, f"line {number:,} has an author name that is not allowed")
        if not (isinstance(created_at, str) and _TIME_PATTERN.fullmatch(created_at)):
            refuse(what, f"line {number:,} has a time that is not allowed")
        rows.append(row)
    return rows
