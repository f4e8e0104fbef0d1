"""Turning store values into database rows and back: JSON columns, times and dataclasses."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, cast

from .models import Event, EventKind, Learner


def utc_now_text() -> str:
    """Return the current UTC time as ISO 8601 text with milliseconds, such as '...T09:30:00.125Z'.

    Every time in the store has this one shape, so times sort correctly as plain text.
    """
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def to_json(value: object) -> str:
    """Return value as JSON text in the store's one canonical form."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def files_to_json(files: dict[str, str]) -> str:
    """Return a path-to-text mapping as JSON, refusing anything that is not text."""
    for path, text in files.items():
        if not isinstance(path, str) or not isinstance(text, str):
            raise TypeError("files must map path text to file text")
    return to_json(files)


def files_from_json(text: str | None) -> dict[str, str]:
    """Return the path-to-text mapping stored as JSON, or {} when nothing was stored."""
    if text is None:
        return {}
    return cast(dict[str, str], json.loads(text))


def learner_from_row(row: dict[str, Any]) -> Learner:
    """Return the Learner for a row of the learners table."""
    return Learner(
        id=str(row["id"]),
        display_name=str(row["display_name"]),
        created_at=str(row["created_at"]),
        is_demo=bool(row["is_demo"]),
    )


def event_from_row(row: dict[str, Any]) -> Event:
    """Return the Event for a row of the events table."""
    passed = row["passed"]
    duration = row["duration_ms"]
    results = row["results"]
    return Event(
        id=str(row["id"]),
        learner_id=str(row["learner_id"]),
        exercise_id=str(row["exercise_id"]),
        content_version=str(row["content_version"] or ""),
        kind=cast(EventKind, row["kind"]),
        created_at=str(row["created_at"]),
        workstation_id=str(row["workstation_id"] or ""),
        passed=None if passed is None else bool(passed),
        duration_ms=None if duration is None else float(duration),
        results=[] if results is None else cast(list[dict[str, Any]], json.loads(results)),
        files=files_from_json(row["files"]),
    )
