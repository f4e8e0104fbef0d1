"""How times, durations, ids and statuses read in the instructor's window."""

from __future__ import annotations

import html
from datetime import datetime

from tutor.store.dashboard import CellStatus, parse_time

# Each status has a symbol and words as well as a colour, so it never depends on colour.
STATUS_SYMBOLS: dict[CellStatus, str] = {"done": "✓", "started": "◐", "stuck": "!",
                                         "not started": ""}
# The same in every theme: all are light, and text on them is STATUS_TEXT_COLOUR, which
# keeps at least 7 to 1 on each. Except "not started": white only on the light theme, as
# grids and keys show it in the theme's own background and text colours (so a grid of
# mostly untouched work is not a glaring white block in the dark themes).
STATUS_COLOURS: dict[CellStatus, str] = {"done": "#a8ddb5", "started": "#fee391",
                                         "stuck": "#f28e5c", "not started": "#ffffff"}
STATUS_TEXT_COLOUR = "#111111"
STATUS_WORDS: dict[CellStatus, str] = {"done": "done", "started": "started, no pass yet",
                                       "stuck": "stuck", "not started": "not started"}


def short_id(learner_id: str) -> str:
    """The last six characters of an id: enough to tell learners with one name apart.

    The first characters of a time-ordered id are its time, shared by learners made in the
    same minute; the last ones are random.
    """
    return learner_id.replace("-", "")[-6:]


def learner_label(display_name: str, learner_id: str) -> str:
    """A row name for the dashboard: the display name and the short id."""
    return f"{display_name}  #{short_id(learner_id)}"


def duration_words(seconds: float) -> str:
    """Such as "under a minute", "12 min", "3 h 5 min"."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def ago_words(seconds: float) -> str:
    """Such as "5 minutes", "3 hours", "12 days": roughly how long."""
    minutes = seconds / 60
    if minutes < 60:
        count, unit = max(1, int(minutes)), "minute"
    elif minutes < 48 * 60:
        count, unit = int(minutes // 60), "hour"
    else:
        count, unit = int(minutes // (24 * 60)), "day"
    return f"{count} {unit}{'' if count == 1 else 's'}"


def when_words(stored_time: str | None) -> str:
    """A store time in this computer's time zone, such as "Mon 3 Mar 2025, 14:05"."""
    if not stored_time:
        return "never"
    try:
        moment = parse_time(stored_time).astimezone()
    except ValueError:
        return stored_time
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def local_now() -> datetime:
    """Now, as an aware time."""
    return datetime.now().astimezone()


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` exactly: Qt would read markup in it otherwise."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text).replace("\n", "<br>") + "</p>"
