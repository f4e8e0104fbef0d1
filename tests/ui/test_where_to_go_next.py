"""Signing in opens where the learner left off, or the next thing to do."""

from __future__ import annotations

from dataclasses import dataclass

from tutor.content.loader import load_library
from tutor.ui.exercise_controller import where_to_go_next


@dataclass
class Progress:
    status: str
    last_attempt_at: str | None


EXERCISES = load_library().exercises()
IDS = [e.id for e in EXERCISES]


def test_a_new_learner_starts_at_the_beginning() -> None:
    assert where_to_go_next(EXERCISES, {}) == IDS[0]


def test_a_learner_returns_to_the_exercise_they_last_worked_on() -> None:
    progress = {IDS[0]: Progress("done", "2026-01-01T10:00:00.000Z"),
                IDS[40]: Progress("started", "2026-01-02T10:00:00.000Z")}
    assert where_to_go_next(EXERCISES, progress) == IDS[40]


def test_after_finishing_an_exercise_the_next_one_in_the_course_opens() -> None:
    progress = {IDS[1]: Progress("started", "2026-01-01T10:00:00.000Z"),
                IDS[40]: Progress("done", "2026-01-02T10:00:00.000Z"),
                IDS[41]: Progress("done", "2026-01-01T09:00:00.000Z")}
    assert where_to_go_next(EXERCISES, progress) == IDS[42]
    everything_after_done = {i: Progress("done", "2026-01-01T09:00:00.000Z")
                             for i in IDS[40:]}
    everything_after_done[IDS[-1]] = Progress("done", "2026-01-03T09:00:00.000Z")
    assert where_to_go_next(EXERCISES, everything_after_done) == IDS[0]
