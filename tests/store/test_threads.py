"""The store may be called from a worker thread, and from several threads in turn."""

from __future__ import annotations

import threading

import pytest

from tutor.store import Learner, Store, StoreClosedError


def test_a_store_opened_on_one_thread_works_on_another(store: Store, learner: Learner) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.save_draft(learner.id, "html-1", {"index.html": "from the worker"})
        except BaseException as error:  # handed back to the test thread to fail there
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert store.load_draft(learner.id, "html-1") == {"index.html": "from the worker"}


def test_writes_from_several_threads_are_all_kept(store: Store, learner: Learner) -> None:
    def record_many(exercise_id: str) -> None:
        for _ in range(50):
            store.record_event(learner.id, exercise_id, "1", "hint_shown")
            store.save_draft(learner.id, exercise_id, {"n": str(len(exercise_id))})

    workers = [threading.Thread(target=record_many, args=(f"ex-{n}",)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert store.stats()["events"] == 200
    assert len(store.progress(learner.id)) == 4


def test_a_closed_store_says_so(store: Store, learner: Learner) -> None:
    store.close()
    store.close()  # twice is harmless
    with pytest.raises(StoreClosedError):
        store.list_learners()
