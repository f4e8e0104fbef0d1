"""Time-ordered ids: unique, sorted by time, and in the UUIDv7 layout."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from tutor.store import id_time_ms, new_id


def test_a_hundred_thousand_ids_are_unique_and_sort_in_the_order_made() -> None:
    ids = [new_id() for _ in range(100_000)]
    assert len(set(ids)) == len(ids)
    assert sorted(ids) == ids


def test_ids_follow_the_uuid_version_7_layout() -> None:
    value = uuid.UUID(new_id())
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_an_id_carries_the_time_it_was_made() -> None:
    before = time.time_ns() // 1_000_000
    made = new_id()
    after = time.time_ns() // 1_000_000
    assert before <= id_time_ms(made) <= after + 1


def test_an_id_made_later_sorts_later() -> None:
    first = new_id()
    time.sleep(0.002)  # cross into a later millisecond on purpose
    second = new_id()
    assert id_time_ms(second) > id_time_ms(first)
    assert second > first


def test_ids_made_on_several_threads_never_collide() -> None:
    made: list[list[str]] = [[] for _ in range(4)]

    def make(bucket: list[str]) -> None:
        bucket.extend(new_id() for _ in range(5_000))

    threads = [threading.Thread(target=make, args=(bucket,)) for bucket in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every_id = [one for bucket in made for one in bucket]
    assert len(set(every_id)) == 20_000
    for bucket in made:
        assert sorted(bucket) == bucket


def test_a_random_uuid_is_not_taken_for_a_time_ordered_id() -> None:
    with pytest.raises(ValueError):
        id_time_ms(str(uuid.uuid4()))
