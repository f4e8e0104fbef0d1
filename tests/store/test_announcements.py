"""Change notices: sent after the commit, naming what changed, to every subscriber."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from tutor.store import Change, InvalidPinError, Learner, Store


def test_each_kind_of_write_announces_the_right_change(store: Store) -> None:
    heard: list[Change] = []
    store.subscribe(heard.append)
    learner = store.create_learner("Sam", "1234")
    store.record_check(
        learner.id, "html-1", "1", passed=True, results=[], files={}, duration_ms=1.0
    )
    store.record_event(learner.id, "html-2", "1", "hint_shown")
    store.save_draft(learner.id, "css-1", {"style.css": "a"})
    store.discard_draft(learner.id, "css-1")
    assert heard == [
        Change("learners", learner.id, None),
        Change("progress", learner.id, "html-1"),
        Change("progress", learner.id, "html-2"),
        Change("draft", learner.id, "css-1"),
        Change("draft", learner.id, "css-1"),
    ]


def test_subscribers_hear_only_after_the_change_is_committed(
    store: Store, learner: Learner
) -> None:
    seen_by_another_connection: list[int] = []

    def count_events_elsewhere(change: Change) -> None:
        # A separate connection sees only committed data.
        with sqlite3.connect(store.path) as other:
            (count,) = other.execute("SELECT COUNT(*) FROM events").fetchone()
        seen_by_another_connection.append(count)

    store.subscribe(count_events_elsewhere)
    store.record_event(learner.id, "html-1", "1", "hint_shown")
    assert seen_by_another_connection == [1]


def test_a_subscriber_may_read_the_store_it_hears_from(store: Store, learner: Learner) -> None:
    statuses: list[str] = []
    store.subscribe(lambda change: statuses.append(store.progress(learner.id)["x"].status))
    store.record_check(learner.id, "x", "1", passed=True, results=[], files={}, duration_ms=1)
    assert statuses == ["done"]


def test_saving_the_same_draft_again_announces_nothing(store: Store, learner: Learner) -> None:
    store.save_draft(learner.id, "html-1", {"index.html": "same"})
    heard: list[Change] = []
    store.subscribe(heard.append)
    store.save_draft(learner.id, "html-1", {"index.html": "same"})
    store.discard_draft(learner.id, "not-there")
    assert heard == []


def test_a_refused_write_announces_nothing(store: Store) -> None:
    heard: list[Change] = []
    store.subscribe(heard.append)
    with pytest.raises(InvalidPinError):
        store.create_learner("Sam", "12")
    assert heard == []


def test_after_unsubscribing_nothing_more_is_heard(store: Store, learner: Learner) -> None:
    heard: list[Change] = []
    unsubscribe = store.subscribe(heard.append)
    store.record_event(learner.id, "html-1", "1", "hint_shown")
    unsubscribe()
    unsubscribe()  # twice is harmless
    store.record_event(learner.id, "html-1", "1", "hint_shown")
    assert len(heard) == 1


def test_a_failing_subscriber_does_not_stop_the_others_or_the_write(
    store: Store, learner: Learner, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(change: Change) -> None:
        raise RuntimeError("view fell over")

    heard: list[Change] = []
    store.subscribe(broken)
    store.subscribe(heard.append)
    with caplog.at_level(logging.ERROR):
        event = store.record_event(learner.id, "html-1", "1", "hint_shown")
    assert heard == [Change("progress", learner.id, "html-1")]
    assert store.events_for(learner.id) == [event]
    assert "view fell over" in caplog.text
