"""The event log and the progress worked out from it."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tutor.store import Learner, Store, UnknownLearnerError


def _check(store: Store, learner: Learner, exercise_id: str, *, passed: bool) -> None:
    store.record_check(
        learner.id, exercise_id, "1", passed=passed, results=[], files={}, duration_ms=1.0
    )


def test_a_check_is_logged_with_its_results_and_code(store: Store, learner: Learner) -> None:
    results = [{"name": "Has a heading", "passed": False, "message": "Add an <h1> heading."}]
    event = store.record_check(
        learner.id,
        "html-1",
        "2024.1",
        passed=False,
        results=results,
        files={"index.html": "<p>hi</p>"},
        duration_ms=31.5,
    )
    assert store.events_for(learner.id, "html-1") == [event]
    assert event.kind == "check"
    assert event.passed is False
    assert event.results == results
    assert event.files == {"index.html": "<p>hi</p>"}
    assert event.duration_ms == 31.5
    assert event.content_version == "2024.1"
    assert event.workstation_id == store.workstation_id
    with sqlite3.connect(store.path) as other:
        passed, stored = other.execute("SELECT passed, results FROM events").fetchone()
    assert passed == 0
    assert json.loads(stored) == results


def test_events_come_back_oldest_first(store: Store, learner: Learner) -> None:
    made = [store.record_event(learner.id, "html-1", "1", "hint_shown") for _ in range(5)]
    made.append(store.record_event(learner.id, "css-1", "1", "started_again"))
    assert store.events_for(learner.id) == made
    assert store.events_for(learner.id, "html-1") == made[:5]


def test_an_exercise_with_no_events_or_draft_is_not_in_progress(
    store: Store, learner: Learner
) -> None:
    assert store.progress(learner.id) == {}


def test_a_draft_alone_marks_an_exercise_started(store: Store, learner: Learner) -> None:
    store.save_draft(learner.id, "html-1", {"index.html": "x"})
    progress = store.progress(learner.id)["html-1"]
    assert progress.status == "started"
    assert progress.attempts == 0
    assert progress.last_attempt_at is None
    store.discard_draft(learner.id, "html-1")
    assert store.progress(learner.id) == {}


def test_failed_checks_are_started_and_one_pass_is_done(store: Store, learner: Learner) -> None:
    _check(store, learner, "html-1", passed=False)
    _check(store, learner, "html-1", passed=False)
    assert store.progress(learner.id)["html-1"].status == "started"
    _check(store, learner, "html-1", passed=True)
    _check(store, learner, "html-1", passed=False)  # a later slip does not undo it
    last = store.events_for(learner.id)[-1]
    progress = store.progress(learner.id)["html-1"]
    assert progress.status == "done"
    assert progress.attempts == 4
    assert progress.last_attempt_at == last.created_at


def test_hints_count_from_the_last_fresh_start(store: Store, learner: Learner) -> None:
    for _ in range(2):
        store.record_event(learner.id, "html-1", "1", "hint_shown")
    assert store.hints_shown(learner.id, "html-1") == 2
    store.record_event(learner.id, "html-1", "1", "started_again")
    assert store.hints_shown(learner.id, "html-1") == 0
    store.record_event(learner.id, "html-1", "1", "hint_shown")
    assert store.hints_shown(learner.id, "html-1") == 1
    progress = store.progress(learner.id)["html-1"]
    assert (progress.status, progress.attempts) == ("started", 0)


def test_record_event_does_not_take_checks(store: Store, learner: Learner) -> None:
    with pytest.raises(ValueError):
        store.record_event(learner.id, "html-1", "1", "check")  # type: ignore[arg-type]
    assert store.events_for(learner.id) == []


def test_an_event_for_an_unknown_learner_is_refused(store: Store) -> None:
    with pytest.raises(UnknownLearnerError, match="could not find that learner"):
        store.record_event("no-such-learner", "html-1", "1", "hint_shown")
    assert store.stats()["events"] == 0


def test_stats_count_the_whole_store(store: Store, learner: Learner) -> None:
    other = store.create_learner("Dee", "7777")
    _check(store, learner, "html-1", passed=True)
    _check(store, learner, "html-2", passed=False)
    _check(store, other, "html-1", passed=False)
    store.save_draft(other.id, "css-1", {"style.css": ""})
    assert store.stats() == {
        "learners": 2,
        "events": 3,
        "exercises_started": 4,
        "exercises_done": 1,
    }
