"""One learner never sees another learner's drafts, events or progress."""

from __future__ import annotations

from tutor.store import Learner, Store


def test_each_learner_sees_only_their_own_work(store: Store, learner: Learner) -> None:
    other = store.create_learner("Charlie", "8642")
    store.save_draft(learner.id, "html-1", {"index.html": "<h1>Sam's page</h1>"})
    store.save_draft(other.id, "html-1", {"index.html": "<h1>Charlie's page</h1>"})
    store.save_draft(other.id, "css-1", {"style.css": "body { color: red; }"})
    mine = store.record_check(
        learner.id,
        "html-1",
        "1",
        passed=True,
        results=[],
        files={"index.html": "a"},
        duration_ms=5,
    )
    store.record_check(
        other.id,
        "css-1",
        "1",
        passed=True,
        results=[],
        files={"style.css": "b"},
        duration_ms=5,
    )
    store.record_event(other.id, "html-1", "1", "hint_shown")

    assert store.load_draft(learner.id, "html-1") == {"index.html": "<h1>Sam's page</h1>"}
    assert store.load_draft(learner.id, "css-1") is None
    assert store.events_for(learner.id) == [mine]
    assert store.events_for(learner.id, "css-1") == []
    assert store.hints_shown(learner.id, "html-1") == 0
    assert set(store.progress(learner.id)) == {"html-1"}
    assert set(store.progress(other.id)) == {"html-1", "css-1"}


def test_discarding_a_draft_leaves_another_learners_draft(store: Store, learner: Learner) -> None:
    other = store.create_learner("Charlie", "8642")
    store.save_draft(learner.id, "html-1", {"index.html": "mine"})
    store.save_draft(other.id, "html-1", {"index.html": "theirs"})
    store.discard_draft(learner.id, "html-1")
    assert store.load_draft(learner.id, "html-1") is None
    assert store.load_draft(other.id, "html-1") == {"index.html": "theirs"}
