"""Reports for instructors: class data as CSV, and class, learner and certificate pages.

No Qt here. The pages are HTML in the small dialect Qt's rich text reads; `tutor.report_pdf`
turns a `ReportDocument` into printable PDF pages. Every piece of text that came from a
workstation (names, questions, exercise ids) is escaped before it goes into the HTML, and
made safe before it goes into a CSV cell.

Class data (CSV) has one row per learner and track, so a spreadsheet can sort and total by
either. Each learner gets a row for every track of the lessons, started or not, and a row
for "Other exercises" only when they worked on exercises these lessons do not have. Columns:

    demo_data       "DEMO DATA" on every row when the data is made up, else empty
    learner_id      the learner's id (the same on every workstation)
    learner_name    their display name
    learner_is_demo "yes" for a made-up learner, else "no"
    workstations    the workstations they worked on, by name, separated by "; "
    track_id, track the track's id and title
    exercises       how many exercises the track has
    done            exercises passed
    started         exercises started, not passed, not stuck
    stuck           exercises they are stuck on (the dashboard's rule)
    not_started     exercises with nothing in the log
    minutes_spent   time spent on the track, in whole minutes (the dashboard's rule)
    first_activity, last_activity   UTC times (ISO 8601) of their first and last event there
    completed_at    UTC time they passed the last exercise of the track, once all are passed
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from tutor.content.loader import Library
from tutor.store import Store
from tutor.store.dashboard import DashboardCache, HistoryItem, LearnerSummary, Overview
from tutor.trust.atomic import write_atomically

from .report_pages import certificate_pages, class_page, learner_pages, made_at_words

CSV_COLUMNS = (
    "demo_data", "learner_id", "learner_name", "learner_is_demo", "workstations", "track_id",
    "track", "exercises", "done", "started", "stuck", "not_started", "minutes_spent",
    "first_activity", "last_activity", "completed_at",
)
DEMO_MARK = "DEMO DATA"
DEMO_HEADER = "DEMO DATA: made up for training. These are not real people."
OTHER_TRACK_ID = "other"
OTHER_TRACK_TITLE = "Other exercises"
# Spreadsheets run a cell that starts with one of these as a formula. Full-width forms are
# included because some spreadsheet programs fold them into the plain ones.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(text: str) -> str:
    """Text made safe for a spreadsheet cell: a would-be formula gets a leading apostrophe."""
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


@dataclass(frozen=True)
class TrackPlan:
    """A track as reports count it: its exercises in course order."""

    id: str
    title: str
    exercise_ids: tuple[str, ...]
    known: bool = True  # False for "Other exercises": never a certificate

    @property
    def size(self) -> int:
        """How many exercises the track has."""
        return len(self.exercise_ids)


@dataclass(frozen=True)
class TrackProgress:
    """One learner on one track: counts, time spent, and when they finished it."""

    track: TrackPlan
    done: int
    started: int
    stuck: int
    seconds_spent: float
    first_at: str | None
    last_at: str | None
    completed_at: str | None

    @property
    def not_started(self) -> int:
        """Exercises of the track they have not touched."""
        return self.track.size - self.done - self.started - self.stuck

    @property
    def touched(self) -> bool:
        """True when they did anything at all on the track."""
        return self.first_at is not None


@dataclass(frozen=True)
class Certificate:
    """A completed track: who, which track, how many exercises, and when."""

    learner_id: str
    learner_name: str
    track_title: str
    exercises: int
    completed_at: str
    is_demo: bool


@dataclass(frozen=True)
class ReportDocument:
    """A report ready to print: a title, HTML pages, and lines for the top and foot of pages."""

    title: str
    html: str
    header: str  # on top of every page: the demo mark, or empty
    footer: str  # at the foot of every page, before the page number
    items: int  # learners or certificates in it
    landscape: bool = False  # wide tables print across the page


def track_plans(library: Library | None, seen_exercise_ids: Iterable[str]) -> list[TrackPlan]:
    """The lessons' tracks in course order, then one for exercises the lessons do not have."""
    plans: list[TrackPlan] = []
    known: set[str] = set()
    if library is not None:
        for track in library.tracks:
            ids = tuple(exercise.id for exercise in track.exercises)
            plans.append(TrackPlan(track.id, track.title, ids))
            known.update(ids)
    others = tuple(sorted(set(seen_exercise_ids) - known))
    if others:
        plans.append(TrackPlan(OTHER_TRACK_ID, OTHER_TRACK_TITLE, others, known=False))
    return plans


def track_progress(learner: LearnerSummary, track: TrackPlan) -> TrackProgress:
    """Work out how far one learner is on one track."""
    counts = {"done": 0, "started": 0, "stuck": 0}
    cells = [learner.cells[exercise_id] for exercise_id in track.exercise_ids
             if exercise_id in learner.cells]
    for cell in cells:
        counts[cell.status] += 1
    finished = track.known and track.size > 0 and counts["done"] == track.size
    return TrackProgress(
        track, counts["done"], counts["started"], counts["stuck"],
        sum(cell.seconds_spent for cell in cells),
        min((cell.first_at for cell in cells), default=None),
        max((cell.last_at for cell in cells), default=None),
        max(cell.passed_at or "" for cell in cells) if finished else None)


@dataclass(frozen=True)
class ClassReport:
    """Everything the reports need, read once from the store."""

    overview: Overview
    tracks: tuple[TrackPlan, ...]
    titles: dict[str, str]  # exercise id -> its title in the lessons
    made_at: datetime
    zone: tzinfo | None = None  # for dates on the pages; None: this computer's

    @property
    def demo(self) -> bool:
        """True when any of the data is made up."""
        return self.overview.demo

    def learner(self, learner_id: str) -> LearnerSummary | None:
        """The learner with this id, or None."""
        return self.overview.learner(learner_id)

    def progress(self, learner: LearnerSummary) -> list[TrackProgress]:
        """Their progress on every track, leaving out an "Other exercises" they never did."""
        rows = [track_progress(learner, track) for track in self.tracks]
        return [row for row in rows if row.track.known or row.touched]

    def certificates(self, learner_ids: Sequence[str] | None = None) -> list[Certificate]:
        """Every completed track (for these learners only, if given), learner by learner."""
        wanted = None if learner_ids is None else set(learner_ids)
        found: list[Certificate] = []
        for learner in self.overview.learners:
            if wanted is not None and learner.id not in wanted:
                continue
            for row in self.progress(learner):
                if row.completed_at is not None:
                    found.append(Certificate(learner.id, learner.display_name, row.track.title,
                                             row.track.size, row.completed_at, learner.is_demo))
        return found


def gather_class(store: Store, library: Library | None, *, now: datetime | None = None,
                 zone: tzinfo | None = None) -> ClassReport:
    """Read the whole class from the store (seconds on a big class: not on the GUI thread)."""
    overview = DashboardCache(store).refresh()
    titles: dict[str, str] = {}
    if library is not None:
        titles = {exercise.id: exercise.title for exercise in library.exercises()}
    return ClassReport(overview, tuple(track_plans(library, overview.exercise_ids())), titles,
                       now or datetime.now(UTC), zone)


def class_csv_rows(report: ClassReport) -> list[list[str]]:
    """The class data as rows of text, header first, every cell safe for a spreadsheet."""
    rows = [list(CSV_COLUMNS)]
    demo = DEMO_MARK if report.demo else ""
    for learner in report.overview.learners:
        stations = "; ".join(report.overview.workstation_label(station)
                             for station in learner.workstation_ids)
        for row in report.progress(learner):
            cells = [
                demo, learner.id, learner.display_name, "yes" if learner.is_demo else "no",
                stations, row.track.id, row.track.title, str(row.track.size), str(row.done),
                str(row.started), str(row.stuck), str(row.not_started),
                str(round(row.seconds_spent / 60)), row.first_at or "", row.last_at or "",
                row.completed_at or "",
            ]
            rows.append([safe_cell(cell) for cell in cells])
    return rows


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    # UTF-8 with a byte-order mark: without it, spreadsheet programs guess the wrong encoding.
    return buffer.getvalue().encode("utf-8-sig")


def class_csv(report: ClassReport) -> bytes:
    """The class data as the bytes of a CSV file (see the module notes for the columns)."""
    return _csv_bytes(class_csv_rows(report))


def write_class_csv(report: ClassReport, path: Path) -> int:
    """Write the class data to path (safely, read back); return the number of data rows."""
    rows = class_csv_rows(report)
    write_atomically(Path(path), _csv_bytes(rows), verify=True)
    return len(rows) - 1


def _footer(report: ClassReport, what: str) -> str:
    return f"Tutor: {what}, made {made_at_words(report.made_at, report.zone)}"


def class_document(report: ClassReport) -> ReportDocument:
    """The class report: every track, then every learner's progress on each track."""
    return ReportDocument("Class report", class_page(report),
                          DEMO_HEADER if report.demo else "", _footer(report, "class report"),
                          len(report.overview.learners), landscape=True)


def learners_document(report: ClassReport, learner_ids: Sequence[str],
                      histories: Sequence[Sequence[HistoryItem]]) -> ReportDocument:
    """A report for each of these learners, each on new pages: progress per track and their
    recent activity. `histories` holds each one's `learner_history`, newest first.

    Raises KeyError for an id that is not in the class.
    """
    learners = []
    for learner_id in learner_ids:
        learner = report.learner(learner_id)
        if learner is None:
            raise KeyError(learner_id)
        learners.append(learner)
    demo = report.demo or any(learner.is_demo for learner in learners)
    title = (f"Learner report: {learners[0].display_name}" if len(learners) == 1
             else "Learner reports")
    return ReportDocument(title, learner_pages(report, learners, histories),
                          DEMO_HEADER if demo else "", _footer(report, "learner report"),
                          len(learners))


def certificates_document(report: ClassReport,
                          learner_ids: Sequence[str] | None = None) -> ReportDocument:
    """A certificate page for every completed track (of these learners only, if given)."""
    certificates = report.certificates(learner_ids)
    demo = report.demo or any(certificate.is_demo for certificate in certificates)
    return ReportDocument("Certificates", certificate_pages(report, certificates),
                          DEMO_HEADER if demo else "", _footer(report, "certificates"),
                          len(certificates))
