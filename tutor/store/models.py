"""The plain values the store hands out: learners, events, progress and change notices."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# "question": a learner asked their instructor for help ("I'm stuck"); it travels in exports.
EventKind = Literal["check", "hint_shown", "started_again", "question"]
ChangeKind = Literal["learners", "progress", "draft", "settings", "audit", "feedback"]
ProgressStatus = Literal["started", "done"]


@dataclass(frozen=True)
class Learner:
    """A person who uses this workstation; never carries their PIN or its hash."""

    id: str
    display_name: str
    created_at: str
    is_demo: bool


@dataclass(frozen=True)
class Event:
    """One entry of the append-only progress log: a check run, a hint shown or a restart.

    `passed`, `duration_ms`, `results` and `files` are only filled in for checks; other
    kinds have None, None, [] and {}.
    """

    id: str
    learner_id: str
    exercise_id: str
    content_version: str
    kind: EventKind
    created_at: str
    workstation_id: str
    passed: bool | None = None
    duration_ms: float | None = None
    results: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExerciseProgress:
    """Where one learner stands on one exercise, worked out from their events and draft."""

    exercise_id: str
    status: ProgressStatus
    attempts: int
    last_attempt_at: str | None


@dataclass(frozen=True)
class Change:
    """A notice that a committed write changed something, so views can refresh.

    "learners": the list of learners changed. "progress": an event was recorded for
    learner_id and exercise_id. "draft": a draft was saved or discarded; this can also move
    an exercise between "not started" and "started", so progress views listen for it too.
    """

    kind: ChangeKind
    learner_id: str | None = None
    exercise_id: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One staff action: what was done, when, by which role, with details."""

    id: str
    created_at: str
    role: str
    action: str
    detail: dict[str, Any]
    workstation_id: str | None
