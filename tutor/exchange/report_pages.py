"""The HTML of the printed reports: the class, each learner, and certificates.

Written in the small dialect of HTML and CSS that Qt's rich text reads (tables with
attributes, class selectors, `page-break-before`), since `tutor.report_pdf` prints it with
Qt. Every piece of text from a workstation goes through `escape` first: a learner called
`<img src=...>` is printed as those letters, never read as markup.

Qt's rich text reads lengths in pixels only, and only in `style` attributes; the printer lays
pages out at 96 dots per inch, so a pixel here is 1/96 inch, as in a browser. The demo mark
is not in these pages: the printer puts it on top of every page instead.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from tutor.store.dashboard import GAP_CAP_SECONDS, HistoryItem, LearnerSummary, parse_time

if TYPE_CHECKING:
    from .reports import Certificate, ClassReport

RECENT_ACTIVITY = 25  # events in a learner's "Recent activity"
NOT_A_CERTIFICATE = "DEMO DATA: this is not a real certificate."
BREAK = '<div style="page-break-before: always"></div>'
STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt;
       color: #111111; }
h1 { font-size: 18pt; }
h2 { font-size: 13pt; }
th { background-color: #e8e8e8; font-weight: bold; text-align: left; }
td.n, th.n { text-align: right; }
.demo { background-color: #ffd23f; color: #000000; font-weight: bold; font-size: 11pt; }
.note { color: #444444; font-size: 8.5pt; }
.small { font-size: 9pt; }
.done { color: #1b5e20; font-weight: bold; }
.certificate-title { font-size: 30pt; font-weight: bold; }
.certificate-line { font-size: 15pt; }
.certificate-name { font-size: 28pt; font-weight: bold; }
.certificate-small { font-size: 9pt; color: #444444; }
"""
H2 = '<h2 style="margin-top: 18px; margin-bottom: 6px;">'
# A certificate's frame: padded to fill most of an A4 page, with room left for a long name
# to take two lines (Qt ignores a cell's height, so padding sets it).
FRAME = ('<table width="100%" border="4" cellspacing="0" cellpadding="40" '
         'style="border-style: double; border-color: #1b3a5e;">'
         '<tr><td align="center" style="border-style: none; padding-top: {pad}px; '
         'padding-bottom: {pad}px;">{body}</td></tr></table>')
FRAME_PADDING, DEMO_FRAME_PADDING = 140, 120
TABLE = ('<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="4" '
         'style="border-collapse: collapse; border-color: #888888;">')


def escape(text: str) -> str:
    """Text from outside, made safe to put into the HTML of a report."""
    return html.escape(text, quote=True)


def _document(body: str) -> str:
    return (f'<html><head><meta charset="utf-8"><style>{STYLE}</style></head>'
            f"<body>{body}</body></html>")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]],
           numeric: Sequence[int] = (), *, small: bool = False) -> str:
    """A table; header text is escaped here, cells must be escaped HTML already."""
    head = "".join(f'<th{" class=n" if column in numeric else ""}>{escape(text)}</th>'
                   for column, text in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if column in numeric else ""}>{cell}</td>'
                         for column, cell in enumerate(row)) + "</tr>"
        for row in rows)
    table = TABLE.replace('class="grid"', 'class="grid small"') if small else TABLE
    return f"{table}<thead><tr>{head}</tr></thead>{body}</table>"


def day_words(stored_time: str | None, zone: tzinfo | None = None) -> str:
    """A store time as a date, such as "3 March 2025" (in `zone`, default this computer's)."""
    if not stored_time:
        return ""
    try:
        moment = parse_time(stored_time).astimezone(zone)
    except ValueError:
        return stored_time
    return f"{moment.day} {moment:%B %Y}"


def when_words(stored_time: str | None, zone: tzinfo | None = None) -> str:
    """A store time with its hour, such as "Mon 3 Mar 2025, 14:05"."""
    if not stored_time:
        return "never"
    try:
        moment = parse_time(stored_time).astimezone(zone)
    except ValueError:
        return stored_time
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def duration_words(seconds: float) -> str:
    """Such as "under a minute", "12 min", "3 h 5 min"."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def activity_words(item: HistoryItem) -> str:
    """One event in words, such as "Check: 3 of 5 passed" or "Asked: how do I..."."""
    if item.kind == "check":
        if item.passed:
            return "Check passed"
        if item.checks_total:
            return f"Check: {item.checks_passed} of {item.checks_total} passed"
        return "Check did not pass"
    if item.kind == "hint_shown":
        return "Opened a hint"
    if item.kind == "started_again":
        return "Started again from the beginning"
    if item.kind == "question":
        lines = item.question.strip().splitlines()
        return f"Asked: {lines[0] if lines else ''}"
    return f"Something else ({item.kind})"


def _made(report: ClassReport) -> str:
    made = report.made_at.astimezone(report.zone)
    return f"{made.day} {made:%B %Y} at {made:%H:%M}"


def _short_day(stored_time: str | None, zone: tzinfo | None) -> str:
    if not stored_time:
        return "never"
    try:
        moment = parse_time(stored_time).astimezone(zone)
    except ValueError:
        return stored_time
    return f"{moment.day} {moment:%b %Y}"


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number:,} {many}"


def class_page(report: ClassReport) -> str:
    """The class report: a table of tracks, then a table of learners by track."""
    overview = report.overview
    learners = overview.learners
    stations = {station for learner in learners for station in learner.workstation_ids}
    parts = ["<h1>Class report</h1>",
             f"<p>Made on {_made(report)}. "
             f"{_count(len(learners), 'learner', 'learners')} on "
             f"{_count(len(stations), 'workstation', 'workstations')}. "
             f"{_count(overview.events, 'record', 'records')} of their work.</p>"]
    if not learners:
        parts.append("<p>No learners yet. Import progress from a USB stick first.</p>")
        return _document("".join(parts))
    progress = {learner.id: report.progress(learner) for learner in learners}
    track_rows = []
    for track in report.tracks:
        rows = [row for learner in learners for row in progress[learner.id]
                if row.track is track]
        finished = sum(1 for row in rows if row.completed_at is not None)
        working = sum(1 for row in rows if row.touched and row.completed_at is None)
        track_rows.append([escape(track.title), str(track.size), str(finished), str(working),
                           str(len(learners) - finished - working)])
    parts += [f"{H2}Tracks</h2>",
              _table(("Track", "Exercises", "Learners who finished it", "Working on it",
                      "Not started"), track_rows, numeric=(1, 2, 3, 4)),
              f"{H2}Learners</h2>",
              '<p class="note">For each track: the exercises done, out of all of them. A tick '
              "means the whole track is done; a dash means not started. Time spent counts the "
              f"gaps between a learner's actions, up to {GAP_CAP_SECONDS // 60} minutes "
              "each.</p>"]
    learner_rows = []
    for learner in learners:
        cells = [escape(learner.display_name) + (" (demo)" if learner.is_demo else "")]
        by_track = {row.track.id: row for row in progress[learner.id]}
        for track in report.tracks:
            row = by_track.get(track.id)
            if row is None or not row.touched:
                cells.append("–")
                continue
            text = f"{row.done} of {track.size}"
            if row.completed_at is not None:
                text = f'<span class="done">{text} ✓</span>'
            begun = row.started + row.stuck
            if begun:
                text += f'<br><span class="note">+{begun} started</span>'
            cells.append(text)
        cells += [str(learner.stuck), duration_words(learner.seconds_spent),
                  escape(_short_day(learner.last_at, report.zone))]
        learner_rows.append(cells)
    headers = ["Learner", *(track.title for track in report.tracks), "Stuck", "Time spent",
               "Last seen"]
    parts.append(_table(headers, learner_rows, numeric=(len(report.tracks) + 1,), small=True))
    return _document("".join(parts))


def _learner_section(report: ClassReport, learner: LearnerSummary,
                     history: Sequence[HistoryItem]) -> str:
    zone = report.zone
    stations = "; ".join(report.overview.workstation_label(station)
                         for station in learner.workstation_ids) or "not known"
    parts = [
        f"<h1>Learner report: {escape(learner.display_name)}"
        f"{' (demo)' if learner.is_demo else ''}</h1>",
        f"<p>Learner id: {escape(learner.id)}<br>"
        f"Workstation{'' if len(learner.workstation_ids) == 1 else 's'}: {escape(stations)}<br>"
        f"Added: {escape(day_words(learner.created_at, zone))}. "
        f"Last seen: {escape(when_words(learner.last_at, zone))}.<br>"
        f"Report made on {_made(report)}.</p>",
        f"<p><b>Done: {_count(learner.done, 'exercise', 'exercises')}. "
        f"Stuck: {learner.stuck}. Time spent: {duration_words(learner.seconds_spent)}.</b></p>",
    ]
    rows = []
    finished = []
    for row in report.progress(learner):
        finished_on = day_words(row.completed_at, zone)
        if finished_on:
            finished.append(f"{escape(row.track.title)} ({escape(finished_on)})")
        rows.append([escape(row.track.title), f"{row.done} of {row.track.size}",
                     str(row.started), str(row.stuck), str(row.not_started),
                     duration_words(row.seconds_spent) if row.touched else "–",
                     escape(finished_on) or ("not yet" if row.track.known else "")])
    parts += [f"{H2}Progress by track</h2>",
              _table(("Track", "Done", "Started", "Stuck", "Not started", "Time spent",
                      "Finished on"), rows, numeric=(2, 3, 4))]
    if finished:
        parts.append(f"<p>Finished tracks: {', '.join(finished)}.</p>")
    parts.append(f"{H2}Recent activity</h2>")
    recent = list(history)[:RECENT_ACTIVITY]
    if not recent:
        parts.append("<p>Nothing yet.</p>")
        return "".join(parts)
    if len(history) > len(recent):
        parts.append(f'<p class="note">The latest {len(recent)} of {len(history):,} things '
                     "they did, newest first.</p>")
    activity = [[escape(when_words(item.created_at, zone)),
                 escape(report.titles.get(item.exercise_id, item.exercise_id)),
                 escape(activity_words(item))] for item in recent]
    parts.append(_table(("When", "Exercise", "What happened"), activity, small=True))
    return "".join(parts)


def learner_pages(report: ClassReport, learners: Sequence[LearnerSummary],
                  histories: Sequence[Sequence[HistoryItem]]) -> str:
    """A report for each learner, each starting on a new page."""
    sections = [_learner_section(report, learner, history)
                for learner, history in zip(learners, histories, strict=True)]
    return _document(BREAK.join(sections))


def _certificate(report: ClassReport, certificate: Certificate) -> str:
    demo = report.demo or certificate.is_demo
    track = escape(certificate.track_title)
    when = escape(day_words(certificate.completed_at, report.zone))
    count = _count(certificate.exercises, "exercise", "exercises")
    body = "".join([
        '<p class="certificate-title">Certificate of completion</p>',
        '<p class="certificate-line" style="margin-top: 50px;">This is to certify that</p>',
        f'<p class="certificate-name" style="margin-top: 20px; margin-bottom: 20px;">'
        f"{escape(certificate.learner_name)}</p>",
        f'<p class="certificate-line">completed the {track} track of Tutor on {when}: '
        f"{count}.</p>",
        '<p class="certificate-line" style="margin-top: 110px;">'
        "Signed: ________________________</p>",
        '<p class="certificate-line" style="margin-top: 30px;">'
        "Date: ________________________</p>",
        '<p class="certificate-small" style="margin-top: 70px;">Learner id: '
        f"{escape(certificate.learner_id)}</p>",
    ])
    banner = (f'<p class="demo" align="center" style="font-size: 16pt;">'
              f"{escape(NOT_A_CERTIFICATE)}</p>") if demo else ""
    return banner + FRAME.format(pad=DEMO_FRAME_PADDING if demo else FRAME_PADDING, body=body)


def certificate_pages(report: ClassReport, certificates: Sequence[Certificate]) -> str:
    """A page for each certificate; a single page saying so when there are none."""
    if not certificates:
        return _document("<h1>Certificates</h1>"
                         "<p>No learner has finished a whole track yet.</p>")
    return _document(BREAK.join(_certificate(report, item) for item in certificates))


def made_at_words(moment: datetime, zone: tzinfo | None = None) -> str:
    """When a report was made, such as "3 March 2025"."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%B %Y}"
