"""Read-only figures for the instructor's dashboard, worked out from the whole event log.

Statuses. For one learner on one exercise:
- "done": at least one check passed;
- "stuck": no check passed yet, and either STUCK_FAILED_CHECKS or more checks failed, or
  STUCK_MINUTES or more minutes were spent on it (by the time rule below);
- "started": anything else the learner did on it (a check, a hint, a question, a restart);
- "not started": nothing at all in the log.

Time spent. A learner's events are put in time order across all exercises. The gap between
one event and the one before it is counted as time spent on the exercise of the later event
(the learner was working towards that check, hint or question), but never more than
GAP_CAP_SECONDS: a longer gap is a break, a meal or another day. The first event of all gets
the cap too, for the work before it. A learner's total is the sum over their exercises.

Speed. Working this out for a big class (about a million events) takes seconds, so
`DashboardCache` keeps the figures between refreshes and works them out again only for the
learners whose events changed. It leans on SQLite's rowid, which grows with every insert;
when rows go (a learner deleted), it starts again from nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from typing import Any, Literal

from .store import Store

GAP_CAP_SECONDS = 10 * 60
STUCK_FAILED_CHECKS = 5
STUCK_MINUTES = 20
DEMO_SETTING = "demo_data"
PROGRESS_EVERY = 25  # learners worked out between progress reports

CellStatus = Literal["not started", "started", "stuck", "done"]
_UNIX_EPOCH_JULIAN_DAY = 2440587.5


def cell_status(*, passed: bool, failed_checks: int, seconds_spent: float,
                any_events: bool = True) -> CellStatus:
    """Return the status of one learner on one exercise (see the module notes for the rules)."""
    if passed:
        return "done"
    if failed_checks >= STUCK_FAILED_CHECKS or seconds_spent >= STUCK_MINUTES * 60:
        return "stuck"
    return "started" if any_events or failed_checks else "not started"


@dataclass(frozen=True)
class Cell:
    """What one learner did on one exercise: checks, hints, questions, times and status."""

    learner_id: str
    exercise_id: str
    checks: int = 0
    failed_checks: int = 0
    hints: int = 0
    questions: int = 0
    first_at: str = ""
    last_at: str = ""
    passed_at: str | None = None
    checks_to_pass: int | None = None
    seconds_spent: float = 0.0

    @property
    def status(self) -> CellStatus:
        """Done, stuck or started (a Cell exists only where something happened)."""
        return cell_status(passed=self.passed_at is not None, failed_checks=self.failed_checks,
                           seconds_spent=self.seconds_spent)


@dataclass(frozen=True)
class LearnerSummary:
    """One learner with every exercise they touched, and totals for the dashboard."""

    id: str
    display_name: str
    is_demo: bool
    created_at: str
    workstation_ids: tuple[str, ...]
    cells: Mapping[str, Cell] = field(default_factory=dict)

    @property
    def done(self) -> int:
        """How many exercises they have passed."""
        return sum(1 for cell in self.cells.values() if cell.status == "done")

    @property
    def stuck(self) -> int:
        """How many exercises they are stuck on."""
        return sum(1 for cell in self.cells.values() if cell.status == "stuck")

    @property
    def started(self) -> int:
        """How many exercises they have started and are neither done nor stuck on."""
        return sum(1 for cell in self.cells.values() if cell.status == "started")

    @property
    def seconds_spent(self) -> float:
        """Their time spent on all exercises, by the rule in the module notes."""
        return sum(cell.seconds_spent for cell in self.cells.values())

    @property
    def last_at(self) -> str | None:
        """When they last did anything, or None."""
        return max((cell.last_at for cell in self.cells.values()), default=None)

    @property
    def current_exercise_id(self) -> str | None:
        """Where they are now: the exercise of their latest event, or None."""
        if not self.cells:
            return None
        return max(self.cells.values(), key=lambda cell: (cell.last_at, cell.exercise_id)
                   ).exercise_id

    def status(self, exercise_id: str) -> CellStatus:
        """Their status on one exercise."""
        cell = self.cells.get(exercise_id)
        return "not started" if cell is None else cell.status


@dataclass(frozen=True)
class StuckLearner:
    """A learner stuck on an exercise, with what makes them stuck."""

    learner_id: str
    display_name: str
    failed_checks: int
    seconds_spent: float
    first_at: str
    last_at: str

    def seconds_since_first_try(self, now: datetime) -> float:
        """How long ago they first tried the exercise."""
        return max(0.0, (now - parse_time(self.first_at)).total_seconds())

    def seconds_since_last_try(self, now: datetime) -> float:
        """How long ago they last did anything on the exercise."""
        return max(0.0, (now - parse_time(self.last_at)).total_seconds())


@dataclass(frozen=True)
class ExerciseSummary:
    """One exercise across the class: counts, who is stuck, and checks needed to pass."""

    exercise_id: str
    done: int
    started: int
    stuck: int
    not_started: int
    stuck_learners: tuple[StuckLearner, ...]
    checks_to_pass: Mapping[int, int]  # checks needed for the first pass -> learners


@dataclass(frozen=True)
class Overview:
    """The whole class at one moment: every learner and where they stand on each exercise."""

    learners: tuple[LearnerSummary, ...]
    workstation_names: Mapping[str, str]
    demo: bool
    events: int

    _by_id: dict[str, LearnerSummary] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {learner.id: learner for learner in self.learners})

    def learner(self, learner_id: str) -> LearnerSummary | None:
        """The learner with this id, or None."""
        return self._by_id.get(learner_id)

    def exercise_ids(self) -> list[str]:
        """Every exercise id that appears in the log, sorted."""
        return sorted({exercise_id for learner in self.learners for exercise_id in learner.cells})

    def exercise_summary(self, exercise_id: str) -> ExerciseSummary:
        """Counts for one exercise, who is stuck on it (most failed checks first), and
        how many checks learners needed to pass it."""
        counts = {"done": 0, "started": 0, "stuck": 0, "not started": 0}
        stuck: list[StuckLearner] = []
        needed: dict[int, int] = {}
        for learner in self.learners:
            cell = learner.cells.get(exercise_id)
            status = "not started" if cell is None else cell.status
            counts[status] += 1
            if cell is None:
                continue
            if status == "stuck":
                stuck.append(StuckLearner(learner.id, learner.display_name, cell.failed_checks,
                                          cell.seconds_spent, cell.first_at, cell.last_at))
            if cell.checks_to_pass is not None:
                needed[cell.checks_to_pass] = needed.get(cell.checks_to_pass, 0) + 1
        stuck.sort(key=lambda item: (-item.failed_checks, -item.seconds_spent, item.display_name))
        return ExerciseSummary(exercise_id, counts["done"], counts["started"],
                               counts["stuck"], counts["not started"], tuple(stuck),
                               dict(sorted(needed.items())))

    def workstation_label(self, workstation_id: str) -> str:
        """A workstation's name when it is known, else the start of its id."""
        return self.workstation_names.get(workstation_id) or f"workstation {workstation_id[:8]}"


def parse_time(text: str) -> datetime:
    """Read a store time ('2025-03-03T09:30:00.125Z') as an aware UTC datetime."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class DashboardCache:
    """Keeps the overview between refreshes and recomputes only learners with new events.

    Use one cache from one thread at a time. It reads the store a learner at a time, so other
    store work can go on between learners.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cells: dict[str, dict[str, Cell]] = {}
        self._workstations: dict[str, tuple[str, ...]] = {}
        self._last_rowid = 0

    def refresh(self, on_progress: Callable[[int, int], None] | None = None) -> Overview:
        """Bring the figures up to date with the store and return them.

        `on_progress(done, total)` hears now and then how many learners are worked out.
        """
        with self._store._reading() as database:
            connection = database.conn
            learners = connection.execute(
                "SELECT id, display_name, is_demo, created_at, workstation_id FROM learners"
            ).fetchall()
            last_rowid = int(connection.execute(
                "SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0])
            known = {str(row[0]) for row in learners}
            if last_rowid < self._last_rowid or not set(self._cells) <= known:
                # Rows were removed (a learner deleted, or the table rebuilt). New rows may
                # then reuse old rowids, so start again from nothing.
                self._cells.clear()
                self._workstations.clear()
                self._last_rowid = 0
            changed = {str(row[0]) for row in connection.execute(
                "SELECT DISTINCT learner_id FROM events WHERE rowid > ? AND rowid <= ?",
                [self._last_rowid, last_rowid])}
            events = int(connection.execute("SELECT COUNT(*) FROM events").fetchone()[0])
            names = {str(row[0]): str(row[1]) for row in connection.execute(
                "SELECT id, name FROM workstations")}
            demo_setting = connection.execute(
                "SELECT value FROM settings WHERE key = ?", [DEMO_SETTING]).fetchone()
        to_do = sorted(changed & known)
        for number, learner_id in enumerate(to_do, start=1):
            self._cells[learner_id], self._workstations[learner_id] = self._learner_cells(
                learner_id)
            if on_progress is not None and (number % PROGRESS_EVERY == 0 or number == len(to_do)):
                on_progress(number, len(to_do))
        self._last_rowid = last_rowid
        summaries = []
        for learner_id, name, is_demo, created_at, home in learners:
            seen = set(self._workstations.get(str(learner_id), ()))
            if home:
                seen.add(str(home))
            summaries.append(LearnerSummary(
                id=str(learner_id), display_name=str(name), is_demo=bool(is_demo),
                created_at=str(created_at), workstation_ids=tuple(sorted(seen)),
                cells=dict(self._cells.get(str(learner_id), {}))))
        summaries.sort(key=lambda learner: (learner.display_name.casefold(), learner.id))
        demo = any(learner.is_demo for learner in summaries) or (
            demo_setting is not None and str(demo_setting[0]).strip().lower() == "true")
        return Overview(tuple(summaries), names, demo, events)

    def _learner_cells(self, learner_id: str) -> tuple[dict[str, Cell], tuple[str, ...]]:
        with self._store._reading() as database:
            rows = database.conn.execute(LEARNER_EVENTS_SQL, [learner_id]).fetchall()
        return cells_from_events(learner_id, rows)


# One learner's events in time order. Every column is in the index of migration 3, so
# SQLite never reads the rows (with their code and results). Times become whole
# milliseconds, so gaps add up exactly and a rule's edge is sharp.
LEARNER_EVENTS_SQL = (
    "SELECT exercise_id, created_at, "
    f"CAST(ROUND((julianday(created_at) - {_UNIX_EPOCH_JULIAN_DAY}) * 86400000) AS INTEGER), "
    "kind, passed, workstation_id FROM events WHERE learner_id = ? ORDER BY created_at, id"
)


@dataclass(slots=True)
class _Tally:
    """Running totals for one exercise while a learner's events are folded."""

    first_at: str
    last_at: str
    checks: int = 0
    failed_checks: int = 0
    hints: int = 0
    questions: int = 0
    passed_at: str | None = None
    checks_to_pass: int | None = None
    seconds_spent: float = 0.0


EventRow = tuple[str, str, "int | None", str, "int | None", "str | None"]


def cells_from_events(learner_id: str, rows: Iterable[EventRow],
                      ) -> tuple[dict[str, Cell], tuple[str, ...]]:
    """Fold one learner's events, oldest first, into a Cell per exercise, and list their
    workstations. Each row: exercise id, time text, Unix time in milliseconds, kind, passed,
    workstation."""
    tallies: dict[str, _Tally] = {}
    workstations: set[str] = set()
    previous: int | None = None
    for exercise_id, created_at, millis, kind, passed, workstation in rows:
        gap = float(GAP_CAP_SECONDS)  # the first event, or one whose time cannot be read
        if millis is not None:
            if previous is not None:
                gap = min(max(millis - previous, 0), GAP_CAP_SECONDS * 1000) / 1000
            previous = millis
        if workstation:
            workstations.add(workstation)
        tally = tallies.get(exercise_id)
        if tally is None:
            tally = tallies[exercise_id] = _Tally(created_at, created_at)
        tally.last_at = created_at
        tally.seconds_spent += gap
        if kind == "check":
            tally.checks += 1
            if not passed:
                tally.failed_checks += 1
            elif tally.passed_at is None:
                tally.passed_at, tally.checks_to_pass = created_at, tally.checks
        elif kind == "hint_shown":
            tally.hints += 1
        elif kind == "question":
            tally.questions += 1
    cells = {
        exercise_id: Cell(learner_id, exercise_id, t.checks, t.failed_checks, t.hints,
                          t.questions, t.first_at, t.last_at, t.passed_at, t.checks_to_pass,
                          t.seconds_spent)
        for exercise_id, t in tallies.items()
    }
    return cells, tuple(sorted(workstations))


@dataclass(frozen=True)
class HistoryItem:
    """One thing a learner did, for their page: no code, just what happened and when."""

    event_id: str
    exercise_id: str
    kind: str
    created_at: str
    passed: bool | None
    checks_passed: int
    checks_total: int
    duration_ms: float | None
    workstation_id: str
    question: str = ""


def result_counts(results: Any) -> tuple[int, int]:
    """How many of a check run's results passed, and how many there were."""
    if not isinstance(results, list):
        return 0, 0
    rows = [row for row in results if isinstance(row, dict)]
    passed = sum(1 for row in rows
                 if row.get("status") == "passed" or (row.get("status") is None
                                                      and row.get("passed") is True))
    return passed, len(rows)


def learner_history(store: Store, learner_id: str) -> list[HistoryItem]:
    """Everything a learner did, newest first, without the code they submitted."""
    with store._reading() as database:
        rows = database.conn.execute(
            "SELECT id, exercise_id, kind, created_at, passed, results, duration_ms, "
            "workstation_id FROM events WHERE learner_id = ? ORDER BY created_at DESC, id DESC",
            [learner_id]).fetchall()
    items = []
    for event_id, exercise_id, kind, created_at, passed, results_text, duration, station in rows:
        try:
            results = json.loads(results_text) if results_text else []
        except ValueError:
            results = []  # an unreadable row still shows as an event, with no counts
        question = ""
        if kind == "question" and isinstance(results, list):
            texts = [row.get("question") for row in results if isinstance(row, dict)]
            question = next((text for text in texts if isinstance(text, str)), "")
        checks_passed, checks_total = result_counts(results) if kind == "check" else (0, 0)
        items.append(HistoryItem(
            str(event_id), str(exercise_id), str(kind), str(created_at),
            None if passed is None else bool(passed), checks_passed, checks_total,
            None if duration is None else float(duration), str(station or ""), question))
    return items


@dataclass(frozen=True)
class DayActivity:
    """How much a learner did on one day: checks run, checks passed, and other events."""

    day: date
    checks: int
    passes: int
    other: int


def activity_by_day(history: Iterable[HistoryItem], zone: tzinfo | None = None,
                    ) -> list[DayActivity]:
    """Count a learner's events per day (in `zone`, default this computer's), oldest first."""
    days: dict[date, list[int]] = {}
    for item in history:
        try:
            day = parse_time(item.created_at).astimezone(zone).date()
        except ValueError:
            continue
        counts = days.setdefault(day, [0, 0, 0])
        if item.kind == "check":
            counts[0] += 1
            counts[1] += 1 if item.passed else 0
        else:
            counts[2] += 1
    return [DayActivity(day, *counts) for day, counts in sorted(days.items())]
