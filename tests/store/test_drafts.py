"""Drafts: unfinished work is kept, replaced, restored after a restart and discarded."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tutor.store import Learner, Store, UnknownLearnerError


def test_a_draft_comes_back_exactly_as_saved(store: Store, learner: Learner) -> None:
    files = {"index.html": "<p>Héllo, wörld — ✓</p>\n", "style.css": "", "js/app.js": "\t1;\r\n"}
    store.save_draft(learner.id, "html-1", files)
    assert store.load_draft(learner.id, "html-1") == files


def test_there_is_no_draft_before_one_is_saved(store: Store, learner: Learner) -> None:
    assert store.load_draft(learner.id, "html-1") is None


def test_saving_again_replaces_the_draft(store: Store, learner: Learner) -> None:
    store.save_draft(learner.id, "html-1", {"index.html": "first"})
    store.save_draft(learner.id, "html-1", {"index.html": "second"})
    assert store.load_draft(learner.id, "html-1") == {"index.html": "second"}


def test_a_draft_is_restored_after_the_app_reopens(database_path: Path) -> None:
    with Store.open(database_path) as store:
        learner = store.create_learner("Sam", "1234")
        store.save_draft(learner.id, "html-1", {"index.html": "<h1>Keep me</h1>"})
    with Store.open(database_path) as store:
        assert store.load_draft(learner.id, "html-1") == {"index.html": "<h1>Keep me</h1>"}


def test_a_discarded_draft_is_gone(store: Store, learner: Learner) -> None:
    store.save_draft(learner.id, "html-1", {"index.html": "x"})
    store.discard_draft(learner.id, "html-1")
    assert store.load_draft(learner.id, "html-1") is None
    store.discard_draft(learner.id, "html-1")  # nothing to discard is fine


def test_a_draft_is_stored_as_sorted_readable_json(store: Store, learner: Learner) -> None:
    store.save_draft(learner.id, "html-1", {"b.css": "é", "a.html": "x"})
    with sqlite3.connect(store.path) as other:
        (stored,) = other.execute("SELECT files FROM drafts").fetchone()
    assert stored == '{"a.html": "x", "b.css": "é"}'
    assert json.loads(stored) == {"a.html": "x", "b.css": "é"}


def test_a_draft_for_an_unknown_learner_is_refused(store: Store) -> None:
    with pytest.raises(UnknownLearnerError):
        store.save_draft("no-such-learner", "html-1", {"index.html": "x"})


def test_a_draft_must_be_text(store: Store, learner: Learner) -> None:
    with pytest.raises(TypeError):
        store.save_draft(learner.id, "html-1", {"index.html": b"bytes"})  # type: ignore[dict-item]
    assert store.load_draft(learner.id, "html-1") is None
