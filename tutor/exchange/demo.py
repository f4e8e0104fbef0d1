"""Made-up progress for training instructors, screenshots and benchmarks: `tutor demo`.

The learners have names nobody is called ("Demo Brave Otter"), are marked `is_demo`, and the
store gets the setting `demo_data=true`, so the data says what it is wherever it shows. Their
work looks real: real exercises from the library, starter code that fails (often several
times), hints, a pass with the solution's code, gaps between sessions, and some learners
stuck on their last exercise with a question for their instructor.
"""

from __future__ import annotations

import random
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tutor.content.loader import Library
from tutor.content.model import Exercise
from tutor.store import Store
from tutor.store.merge import KnownWorkstation, add_rows
from tutor.store.rows import to_json
from tutor.store.secret_hashing import hash_secret
from tutor.trust.keys import PrivateKey

from .errors import ExchangeError
from .export_file import DEMO_SETTING

DEMO_PIN = "1234"
ADJECTIVES = ("Brave", "Bright", "Calm", "Clever", "Eager", "Gentle", "Happy", "Kind", "Lucky",
              "Quick", "Quiet", "Steady")
ANIMALS = ("Badger", "Falcon", "Fox", "Hare", "Heron", "Lynx", "Otter", "Owl", "Panda",
           "Robin", "Seal", "Wren")
QUESTIONS = (
    "I don't know what to type next.",
    "Why does my page look the same as before?",
    "What does this message mean?",
    "I think my code is right, but the check says no. Can you look?",
    "Where does the closing tag go?",
)


@dataclass(frozen=True)
class DemoSummary:
    """What `fill_demo` added."""

    learners: int
    events: int
    workstations: int
    pin: str | None


def _time_text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _id_at(moment: datetime, rng: random.Random) -> str:
    """A time-ordered id (UUIDv7 layout) for something made at `moment`."""
    millis = int(moment.timestamp() * 1000)
    value = ((millis & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64
             | 0b10 << 62 | rng.getrandbits(62))
    return str(uuid.UUID(int=value))


def _names(count: int, taken: set[str]) -> list[str]:
    names: list[str] = []
    for round_number in range(1, count + 2):
        for adjective in ADJECTIVES:
            for animal in ANIMALS:
                name = f"Demo {adjective} {animal}"
                name = name if round_number == 1 else f"{name} {round_number}"
                if name.casefold() not in taken:
                    names.append(name)
                if len(names) == count:
                    return names
    return names


class _Learner:
    """Makes one made-up learner's events, in time order."""

    def __init__(self, rng: random.Random, learner_id: str, workstation_id: str,
                 start: datetime, now: datetime) -> None:
        self.rng, self.learner_id, self.workstation_id = rng, learner_id, workstation_id
        self.moment, self.now = start, now
        self.rows: list[tuple[Any, ...]] = []

    def _later(self, low: float, high: float) -> datetime:
        self.moment = min(self.moment + timedelta(seconds=self.rng.uniform(low, high)), self.now)
        return self.moment

    def event(self, exercise: Exercise, kind: str, *, passed: bool | None = None,
              results: list[dict[str, Any]] | None = None, files: dict[str, str] | None = None,
              duration_ms: float | None = None, low: float = 30, high: float = 360) -> None:
        """Add one event a little while (low to high seconds) after the last one."""
        moment = self._later(low, high)
        self.rows.append((
            _id_at(moment, self.rng), self.learner_id, exercise.id, exercise.content_version,
            kind, _time_text(moment), None if passed is None else int(passed),
            None if results is None else to_json(results),
            None if files is None else to_json(files), duration_ms, self.workstation_id))

    def check(self, exercise: Exercise, *, passed: bool, names: list[str]) -> None:
        """Add a check run: the starter's code failing one check, or the solution passing."""
        failing = -1 if passed else self.rng.randrange(len(names))
        results = [{"name": name, "passed": index < failing or passed,
                    "status": "passed" if index < failing or passed else
                    ("failed" if index == failing else "skipped"),
                    "message": "" if index != failing else "This check does not pass yet.",
                    "duration_ms": round(self.rng.uniform(0.5, 20), 1)}
                   for index, name in enumerate(names)]
        files = exercise.solution_files if passed else exercise.starter_files
        self.event(exercise, "check", passed=passed, results=results, files=dict(files),
                   duration_ms=round(self.rng.uniform(20, 400), 1))

    def work_on(self, exercise: Exercise, *, stuck: bool) -> None:
        """Fail a few times (with hints now and then), then pass, or get stuck and ask."""
        names = _check_names(exercise)
        fails = self.rng.choice((0, 1, 1, 2, 2, 3, 4, 6)) if not stuck else self.rng.randint(3, 6)
        for attempt in range(fails):
            self.check(exercise, passed=False, names=names)
            if attempt in (1, 3) and self.rng.random() < 0.6:
                self.event(exercise, "hint_shown", low=10, high=60)
        if self.rng.random() < 0.04:
            self.event(exercise, "started_again", low=10, high=60)
        if stuck:
            if self.rng.random() < 0.6:
                self.event(exercise, "question", results=[{"question": self.rng.choice(
                    QUESTIONS)}], files=dict(exercise.starter_files), low=20, high=120)
            return
        self.check(exercise, passed=True, names=names)


def _check_names(exercise: Exercise) -> list[str]:
    """Names for made-up check results: the exercise's own test names where easy to find."""
    names: list[str] = []
    for text in exercise.check_files.values():
        names += re.findall(r"""\b(?:test|it)\(\s*["'`]([^"'`\n]{3,80})["'`]""", text)
    return names[:8] or ["The checks for this exercise"]


def fill_demo(store: Store, library: Library, *, learners: int, workstations: int = 1,
              instructor: bool = False, seed: int | None = None,
              now: datetime | None = None) -> DemoSummary:
    """Add made-up learners and their work to store, marked as demo data everywhere."""
    if learners < 1 or workstations < 1:
        raise ExchangeError("Ask for at least one learner and one workstation.")
    if workstations > 1 and not instructor:
        raise ExchangeError("A workstation's own data comes from one workstation. "
                            "Use --instructor to make data from many.")
    existing = store.list_learners()
    if any(not learner.is_demo for learner in existing):
        raise ExchangeError("This data folder holds real learners. "
                            "Put demo data in an empty data folder instead.")
    rng = random.Random(seed)
    now = now or datetime.now(UTC)
    exercises = list(library.exercises())
    if not exercises:
        raise ExchangeError("There are no exercises to make demo work for.")
    stations = [_made_up_workstation(index, rng, now) for index in range(1, workstations + 1)] \
        if instructor else []
    station_ids = [station.id for station in stations] or [store.workstation_id]
    learner_rows: list[tuple[Any, ...]] = []
    event_rows: list[tuple[Any, ...]] = []
    taken = {learner.display_name.casefold() for learner in existing}
    for index, name in enumerate(_names(learners, taken)):
        start = now - timedelta(days=rng.uniform(14, 42))
        learner_id = _id_at(start, rng)
        home = station_ids[index % len(station_ids)]
        learner_rows.append((learner_id, name, _time_text(start), 1, home))
        maker = _Learner(rng, learner_id, home, start + timedelta(minutes=5), now)
        reach = rng.randint(2, min(40, len(exercises)))
        stuck_at_end = rng.random() < 0.35
        for position, exercise in enumerate(exercises[:reach]):
            if position and rng.random() < 0.2:
                maker._later(3600 * 18, 3600 * 60)  # a new session, a day or two later
            maker.work_on(exercise, stuck=stuck_at_end and position == reach - 1)
            maker._later(60, 900)
        event_rows += maker.rows
    event_rows.sort(key=lambda row: row[0])
    pin = None if instructor else hash_secret(DEMO_PIN)
    add_rows(store, learners=learner_rows, events=event_rows, workstations=stations, pin=pin)
    store.set_setting(DEMO_SETTING, "true")
    store.record_audit("staff", "demo data added", {
        "learners": len(learner_rows), "events": len(event_rows),
        "workstations": len(stations) or 1})
    return DemoSummary(len(learner_rows), len(event_rows), len(stations) or 1,
                       None if instructor else DEMO_PIN)


def _made_up_workstation(index: int, rng: random.Random, now: datetime) -> KnownWorkstation:
    public = PrivateKey.generate().public_key()
    enrolled = now - timedelta(days=45)
    return KnownWorkstation(
        id=_id_at(enrolled, rng), name=f"Demo workstation {index}",
        public_key=public.as_line(), fingerprint=public.fingerprint,
        enrolled_at=_time_text(enrolled), last_sequence=0, last_export_hash="")
