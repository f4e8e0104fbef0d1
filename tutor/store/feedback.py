"""Instructor feedback: comments on a learner's work and answers to their questions.

Feedback is written in the instructor's store, carried to the workstation in a signed
feedback file, and merged there by id. Like events, a feedback row is never changed once
written, so merging is a set union: a file imported twice adds each comment once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import StoreError, UnknownLearnerError
from .ids import new_id
from .models import Change
from .rows import utc_now_text
from .store import Store

FEEDBACK_COLUMNS = (
    "id", "learner_id", "exercise_id", "event_id", "question_id", "text", "author",
    "created_at", "workstation_id",
)
MAX_FEEDBACK_LENGTH = 5000
MAX_AUTHOR_LENGTH = 60
# Line breaks and tabs lay a comment out; other control and format characters only hide or
# disguise text (a right-to-left override makes words read backwards).
_KEPT_CONTROLS = {"\n", "\t"}


class FeedbackError(StoreError):
    """A comment was empty or too long; the message says what to change."""


@dataclass(frozen=True)
class Feedback:
    """One comment from an instructor on a learner's exercise, a check or a question."""

    id: str
    learner_id: str
    exercise_id: str
    text: str
    author: str
    created_at: str
    workstation_id: str
    event_id: str | None = None
    question_id: str | None = None


@dataclass(frozen=True)
class FeedbackMergeCounts:
    """What merging a feedback file did: new comments, ones already here, ones for nobody here."""

    new: int
    already_here: int
    unknown_learner: int


def clean_feedback_text(text: str, *, limit: int = MAX_FEEDBACK_LENGTH) -> str:
    """Return a comment tidied for keeping, or raise FeedbackError with a plain message."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(
        character
        for character in text
        if character in _KEPT_CONTROLS or unicodedata.category(character) not in ("Cc", "Cf")
    ).strip()
    if not text:
        raise FeedbackError("Please type a comment first.")
    if len(text) > limit:
        raise FeedbackError(f"The comment is too long. Please keep it under {limit:,} letters.")
    return text


def _from_row(row: Sequence[Any]) -> Feedback:
    return Feedback(
        id=str(row[0]), learner_id=str(row[1]), exercise_id=str(row[2]),
        event_id=None if row[3] is None else str(row[3]),
        question_id=None if row[4] is None else str(row[4]),
        text=str(row[5]), author=str(row[6]), created_at=str(row[7]),
        workstation_id=str(row[8]),
    )


def add_feedback(
    store: Store,
    *,
    learner_id: str,
    exercise_id: str,
    text: str,
    event_id: str | None = None,
    question_id: str | None = None,
    author: str = "",
) -> Feedback:
    """Keep a comment for a learner; it travels to their workstation in the next feedback file.

    The comment belongs to the workstation the commented event (or question) was made on;
    failing that, to the learner's own workstation.
    """
    cleaned = clean_feedback_text(text)
    author = " ".join(author.split())[:MAX_AUTHOR_LENGTH]
    with store._writing() as database:
        connection = database.conn
        learner = connection.execute(
            "SELECT workstation_id FROM learners WHERE id = ?", [learner_id]
        ).fetchone()
        if learner is None:
            raise UnknownLearnerError("We could not find that learner.")
        workstation_id = learner[0] or store.workstation_id
        about = event_id or question_id
        if about is not None:
            event = connection.execute(
                "SELECT workstation_id FROM events WHERE id = ? AND learner_id = ?",
                [about, learner_id],
            ).fetchone()
            if event is not None and event[0]:
                workstation_id = event[0]
        feedback = Feedback(
            id=new_id(), learner_id=learner_id, exercise_id=exercise_id, text=cleaned,
            author=author, created_at=utc_now_text(), workstation_id=str(workstation_id),
            event_id=event_id, question_id=question_id,
        )
        connection.execute(
            f"INSERT INTO feedback ({', '.join(FEEDBACK_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            feedback_row(feedback),
        )
    store._announce(Change("feedback", learner_id, exercise_id))
    return feedback


def feedback_row(feedback: Feedback) -> tuple[Any, ...]:
    """The comment as a row in FEEDBACK_COLUMNS order."""
    return (feedback.id, feedback.learner_id, feedback.exercise_id, feedback.event_id,
            feedback.question_id, feedback.text, feedback.author, feedback.created_at,
            feedback.workstation_id)


def feedback_for(store: Store, learner_id: str, exercise_id: str | None = None) -> list[Feedback]:
    """Return the comments for one learner, oldest first; only on one exercise if it is given."""
    sql = f"SELECT {', '.join(FEEDBACK_COLUMNS)} FROM feedback WHERE learner_id = ?"
    parameters = [learner_id]
    if exercise_id is not None:
        sql += " AND exercise_id = ?"
        parameters.append(exercise_id)
    with store._reading() as database:
        rows = database.conn.execute(sql + " ORDER BY created_at, id", parameters).fetchall()
    return [_from_row(row) for row in rows]


def feedback_for_workstation(store: Store, workstation_id: str) -> list[Feedback]:
    """Return every comment for the learners of one workstation, oldest first.

    A learner belongs to a workstation when they were added there or made events there, so a
    learner who used two workstations gets their comments on both.
    """
    with store._reading() as database:
        rows = database.conn.execute(
            f"""SELECT {', '.join('f.' + column for column in FEEDBACK_COLUMNS)}
            FROM feedback f WHERE f.learner_id IN (
                SELECT id FROM learners WHERE workstation_id = ?1
                UNION SELECT DISTINCT learner_id FROM events WHERE workstation_id = ?1)
            ORDER BY f.created_at, f.id""",
            [workstation_id],
        ).fetchall()
    return [_from_row(row) for row in rows]


def merge_feedback(store: Store, rows: Sequence[Sequence[Any]]) -> FeedbackMergeCounts:
    """Add feedback rows (FEEDBACK_COLUMNS order) by id in one transaction.

    Rows for learners this store does not hold are left out and counted.
    """
    with store._writing() as database:
        connection = database.conn
        here = {str(row[0]) for row in connection.execute("SELECT id FROM learners")}
        wanted = [row for row in rows if row[1] in here]
        before = connection.total_changes
        connection.executemany(
            f"INSERT INTO feedback ({', '.join(FEEDBACK_COLUMNS)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            wanted,
        )
        new = connection.total_changes - before
    touched = {(str(row[1]), str(row[2])) for row in wanted}
    if new:
        for learner_id, exercise_id in sorted(touched):
            store._announce(Change("feedback", learner_id, exercise_id))
    return FeedbackMergeCounts(new, len(wanted) - new, len(rows) - len(wanted))
