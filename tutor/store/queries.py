"""Read-only queries behind the Store: a learner's events, progress, hints, and totals.

Every query about learner work takes the learner id, so one learner never sees another's
rows. The caller holds the store's lock.
"""

from __future__ import annotations

from sqlite_utils import Database

from .models import Event, ExerciseProgress
from .rows import event_from_row

_EVENT_COLUMNS = (
    "id, learner_id, exercise_id, content_version, kind, created_at, passed, results, files, "
    "duration_ms, workstation_id"
)
# Times first, then ids: ids break ties within a millisecond, and times order events that
# were made on different workstations.
_OLDEST_FIRST = "ORDER BY created_at, id"


def events_for(database: Database, learner_id: str, exercise_id: str | None) -> list[Event]:
    """Return the learner's events, oldest first, for one exercise or for all."""
    if exercise_id is None:
        sql = f"SELECT {_EVENT_COLUMNS} FROM events WHERE learner_id = ? {_OLDEST_FIRST}"
        parameters = [learner_id]
    else:
        sql = (
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE learner_id = ? AND exercise_id = ? "
            f"{_OLDEST_FIRST}"
        )
        parameters = [learner_id, exercise_id]
    return [event_from_row(row) for row in database.query(sql, parameters)]


def hints_shown(database: Database, learner_id: str, exercise_id: str) -> int:
    """Return the number of hint_shown events after the last started_again (or all of them)."""
    connection = database.conn
    restart = connection.execute(
        "SELECT created_at, id FROM events "
        "WHERE learner_id = ? AND exercise_id = ? AND kind = 'started_again' "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        [learner_id, exercise_id],
    ).fetchone()
    sql = (
        "SELECT COUNT(*) FROM events "
        "WHERE learner_id = ? AND exercise_id = ? AND kind = 'hint_shown'"
    )
    parameters: list[str] = [learner_id, exercise_id]
    if restart is not None:
        sql += " AND (created_at, id) > (?, ?)"
        parameters += [str(restart[0]), str(restart[1])]
    return int(connection.execute(sql, parameters).fetchone()[0])


def progress(database: Database, learner_id: str) -> dict[str, ExerciseProgress]:
    """Return progress by exercise: done after any passing check, else started."""
    connection = database.conn
    found: dict[str, ExerciseProgress] = {}
    rows = connection.execute(
        """SELECT exercise_id,
            MAX(kind = 'check' AND passed = 1),
            SUM(kind = 'check'),
            MAX(CASE WHEN kind = 'check' THEN created_at END)
        FROM events WHERE learner_id = ? GROUP BY exercise_id""",
        [learner_id],
    )
    for exercise_id, done, attempts, last_attempt_at in rows:
        found[str(exercise_id)] = ExerciseProgress(
            exercise_id=str(exercise_id),
            status="done" if done else "started",
            attempts=int(attempts or 0),
            last_attempt_at=None if last_attempt_at is None else str(last_attempt_at),
        )
    for (exercise_id,) in connection.execute(
        "SELECT exercise_id FROM drafts WHERE learner_id = ?", [learner_id]
    ):
        found.setdefault(
            str(exercise_id),
            ExerciseProgress(str(exercise_id), status="started", attempts=0, last_attempt_at=None),
        )
    return found


def stats(database: Database) -> dict[str, int]:
    """Return store-wide counts; 'exercises' count each learner's exercises separately."""
    row = database.conn.execute(
        """SELECT
            (SELECT COUNT(*) FROM learners),
            (SELECT COUNT(*) FROM events),
            (SELECT COUNT(*) FROM (
                SELECT learner_id, exercise_id FROM events
                UNION SELECT learner_id, exercise_id FROM drafts)),
            (SELECT COUNT(*) FROM (
                SELECT DISTINCT learner_id, exercise_id FROM events
                WHERE kind = 'check' AND passed = 1))"""
    ).fetchone()
    learners, events, started, done = (int(value) for value in row)
    return {
        "learners": learners,
        "events": events,
        "exercises_started": started,
        "exercises_done": done,
    }
