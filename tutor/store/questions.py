"""Questions a learner asks their instructor ("I'm stuck"), kept in the event log.

A question is an event of kind "question": its text sits in `results` as
`[{"question": text}]` and the learner's code at that moment sits in `files`. Being an
ordinary event, it travels in exports unchanged and merges by id like any other. Progress
counts only checks as attempts, so a question never marks an exercise done or moves the
place a learner returns to.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from .errors import StoreError
from .ids import new_id
from .models import Change, Event
from .rows import event_from_row, files_to_json, to_json, utc_now_text
from .store import Store

MAX_QUESTION_LENGTH = 1000
QUESTION_KIND = "question"

# Line breaks and tabs are how people lay out a question; other control characters and
# direction overrides only hide or disguise text, so they are taken out.
_KEPT_CONTROLS = {"\n", "\t"}


class QuestionError(StoreError):
    """A question was empty or too long; the message says what to change."""


@dataclass(frozen=True)
class Question:
    """One question a learner asked about an exercise, with the code they had then."""

    id: str
    learner_id: str
    exercise_id: str
    content_version: str
    text: str
    created_at: str
    files: dict[str, str] = field(default_factory=dict)


def clean_question(text: str) -> str:
    """Return the question tidied for keeping, or raise QuestionError with a plain message."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(
        character
        for character in text
        if character in _KEPT_CONTROLS or unicodedata.category(character) not in ("Cc", "Cf")
    ).strip()
    if not text:
        raise QuestionError("Please type your question first.")
    if len(text) > MAX_QUESTION_LENGTH:
        raise QuestionError(
            f"Your question is too long. Please keep it under {MAX_QUESTION_LENGTH:,} letters."
        )
    return text


def record_question(
    store: Store,
    learner_id: str,
    exercise_id: str,
    content_version: str,
    text: str,
    files: dict[str, str],
) -> Question:
    """Keep a learner's question and their current code; it goes out with the next export."""
    question = Question(
        id=new_id(),
        learner_id=learner_id,
        exercise_id=exercise_id,
        content_version=content_version,
        text=clean_question(text),
        created_at=utc_now_text(),
        files=dict(files),
    )
    row = {
        "id": question.id,
        "learner_id": learner_id,
        "exercise_id": exercise_id,
        "content_version": content_version,
        "kind": QUESTION_KIND,
        "created_at": question.created_at,
        "passed": None,
        # Encoded before the transaction, so bad data never leaves half a write.
        "results": to_json([{"question": question.text}]),
        "files": files_to_json(question.files),
        "duration_ms": None,
        "workstation_id": store.workstation_id,
    }
    with store._learner_must_exist(), store._writing() as database:
        database.table("events").insert(row)
    # "feedback": the learner's Feedback tab lists their questions, so it refreshes.
    store._announce(Change("feedback", learner_id, exercise_id))
    return question


def question_from_event(event: Event) -> Question | None:
    """Return the Question an event holds, or None when it is not a readable question."""
    if event.kind != QUESTION_KIND:
        return None
    texts = [item.get("question") for item in event.results if isinstance(item, dict)]
    text = next((t for t in texts if isinstance(t, str)), None)
    if text is None:
        return None
    return Question(
        id=event.id,
        learner_id=event.learner_id,
        exercise_id=event.exercise_id,
        content_version=event.content_version,
        text=text,
        created_at=event.created_at,
        files=dict(event.files),
    )


def questions_for(store: Store, learner_id: str, exercise_id: str | None = None) -> list[Question]:
    """Return the learner's questions, oldest first; only for one exercise if it is given."""
    sql = (
        "SELECT id, learner_id, exercise_id, content_version, kind, created_at, passed, "
        "results, files, duration_ms, workstation_id FROM events "
        "WHERE learner_id = ? AND kind = ?"
    )
    parameters = [learner_id, QUESTION_KIND]
    if exercise_id is not None:
        sql += " AND exercise_id = ?"
        parameters.append(exercise_id)
    with store._reading() as database:
        rows = list(database.query(sql + " ORDER BY created_at, id", parameters))
    found = (question_from_event(event_from_row(row)) for row in rows)
    return [question for question in found if question is not None]
