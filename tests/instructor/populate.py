"""Fills an instructor's store with made-up learners and a believable event log.

The rows go in the way an import puts them: learners without PINs, events with the times they
were made on their workstations. Times matter for the dashboard (time spent, timelines), so
the bulk filler writes rows with plain SQL through SQLite itself; `add_learner_by_api` shows
the same shapes going through the public Store API.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tutor.content.loader import Library, load_library
from tutor.content.model import Exercise
from tutor.store import Store

FIRST_NAMES = (
    "Alex", "Ben", "Carl", "Dan", "Eddie", "Femi", "Gary", "Harry", "Imran", "Jake", "Kyle",
    "Liam", "Mo", "Nathan", "Owen", "Paul", "Raj", "Sam", "Tom", "Usman", "Vic", "Wes",
    "Yusuf", "Zak", "Aaron", "Bilal", "Craig", "Dean", "Ellis", "Frankie", "Grant", "Jay",
)
SURNAMES = "ABCDEFGHJKLMNPRSTVWY"
START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
WORKSTATIONS = (("Wing A, PC 1", 0), ("Wing A, PC 2", 1), ("Wing B, PC 1", 2),
                ("Education block, PC 4", 3))


def time_text(moment: datetime) -> str:
    """A time in the store's one shape: UTC ISO 8601 with milliseconds."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def id_at(moment: datetime, randomness: random.Random) -> str:
    """A time-ordered id (UUIDv7 layout) for an event made at `moment`."""
    millis = int(moment.timestamp() * 1000)
    value = (millis << 80) | (0x7 << 76) | (randomness.getrandbits(12) << 64) \
        | (0b10 << 62) | randomness.getrandbits(62)
    return str(uuid.UUID(int=value))


@dataclass(frozen=True)
class Filled:
    """What the filler wrote: learner ids in name order, and the number of events."""

    learner_ids: tuple[str, ...]
    events: int


def _names(count: int) -> Iterator[str]:
    made = 0
    for round_number in range(1, 1000):
        for surname in SURNAMES:
            for first in FIRST_NAMES:
                yield f"{first} {surname}." if round_number == 1 else \
                    f"{first} {surname}. {round_number}"
                made += 1
                if made >= count:
                    return


def _results(exercise: Exercise, passed: bool, randomness: random.Random) -> str:
    total = 2 + len(exercise.hints) % 3
    failing = 0 if passed else randomness.randint(1, total)
    rows = []
    for number in range(1, total + 1):
        ok = number <= total - failing
        message = "" if ok else exercise.hints[(number - 1) % len(exercise.hints)]
        rows.append({"name": f"Check {number}", "passed": ok,
                     "status": "passed" if ok else "failed", "message": message})
    return json.dumps(rows, sort_keys=True)


def _attempt_files(exercise: Exercise, passed: bool) -> str:
    return json.dumps(exercise.solution_files if passed else exercise.starter_files,
                      sort_keys=True)


def fill_instructor_store(path: Path, *, learners: int = 300, seed: int = 7,
                          library: Library | None = None, exercises: Sequence[Exercise] = (),
                          attempts_scale: float = 1.0, demo: bool = False,
                          with_code: bool = True, full_course: bool = False,
                          start: datetime = START) -> Filled:
    """Fill the store at `path` with `learners` learners working through the course.

    Each learner has a pace and a skill; they work in sessions on most days, go through the
    exercises in course order, and some are stuck on the one they are on now.
    """
    Store.open(path).close()  # makes and migrates the file
    randomness = random.Random(seed)
    chosen = list(exercises or (library or load_library()).exercises())
    connection = sqlite3.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("BEGIN")
    workstation_ids = [id_at(start - timedelta(days=30 - n), randomness) for _, n in WORKSTATIONS]
    for (name, _), workstation_id in zip(WORKSTATIONS, workstation_ids, strict=True):
        connection.execute(
            "INSERT INTO workstations (id, name, public_key, fingerprint, enrolled_at) "
            "VALUES (?, ?, '', '', ?)", [workstation_id, name, time_text(start)])
    ids: list[tuple[str, str]] = []
    events = 0
    for name in _names(learners):
        joined = start + timedelta(days=randomness.randint(0, 20), minutes=randomness.randint(0, 600))
        learner_id = id_at(joined, randomness)
        workstation = randomness.choice(workstation_ids)
        connection.execute(
            "INSERT INTO learners (id, display_name, created_at, is_demo, workstation_id) "
            "VALUES (?, ?, ?, ?, ?)", [learner_id, name, time_text(joined), int(demo), workstation])
        ids.append((name, learner_id))
        rows = list(_learner_events(learner_id, joined, workstation, chosen, randomness,
                                    attempts_scale=attempts_scale, with_code=with_code,
                                    full_course=full_course))
        connection.executemany(
            "INSERT INTO events (id, learner_id, exercise_id, content_version, kind, created_at, "
            "passed, results, files, duration_ms, workstation_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        events += len(rows)
    if demo:
        connection.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('demo_data', 'true')")
    connection.execute("COMMIT")
    connection.close()
    return Filled(tuple(learner_id for _, learner_id in sorted(ids)), events)


def _learner_events(learner_id: str, joined: datetime, workstation: str,
                    exercises: Sequence[Exercise], randomness: random.Random, *,
                    attempts_scale: float, with_code: bool, full_course: bool,
                    ) -> Iterator[tuple[object, ...]]:
    skill = randomness.uniform(0.25, 0.9)
    reach = len(exercises) if full_course else \
        max(1, int(len(exercises) * randomness.betavariate(2.0, 2.5)))
    moment = joined
    session_end = moment + timedelta(minutes=randomness.randint(40, 120))
    for index, exercise in enumerate(exercises[:reach]):
        last = index == reach - 1
        stuck_here = last and randomness.random() < 0.35
        tries = max(1, round(randomness.expovariate(skill) * 2.2 * attempts_scale))
        if stuck_here:
            tries = randomness.randint(5, 14)
        for attempt in range(tries):
            moment += timedelta(seconds=randomness.randint(40, 420))
            if moment > session_end:
                # Back on another day for another session.
                moment += timedelta(days=randomness.choice((1, 1, 1, 2, 3)))
                moment = moment.replace(hour=randomness.randint(9, 14))
                session_end = moment + timedelta(minutes=randomness.randint(40, 120))
            passed = attempt == tries - 1 and not stuck_here and not (last and
                                                                      randomness.random() < 0.5)
            if attempt == 2 and randomness.random() < 0.5:
                yield (id_at(moment, randomness), learner_id, exercise.id,
                       exercise.content_version, "hint_shown", time_text(moment), None, None,
                       None, None, workstation)
                moment += timedelta(seconds=randomness.randint(20, 90))
            yield (id_at(moment, randomness), learner_id, exercise.id, exercise.content_version,
                   "check", time_text(moment), int(passed),
                   _results(exercise, passed, randomness),
                   _attempt_files(exercise, passed) if with_code else "{}",
                   float(randomness.randint(20, 400)), workstation)


def add_learner_by_api(store: Store, name: str, exercise: Exercise, *, passes: bool) -> str:
    """Add a learner and two checks through the public Store API; return the learner id."""
    learner = store.create_learner(name, "1234")
    store.record_event(learner.id, exercise.id, exercise.content_version, "hint_shown")
    for passed in (False, passes):
        store.record_check(learner.id, exercise.id, exercise.content_version, passed=passed,
                           results=[{"name": "Check 1", "passed": passed, "message": ""}],
                           files=exercise.solution_files if passed else exercise.starter_files,
                           duration_ms=25.0)
    return learner.id
