"""The store's side of an import: whole files or nothing, and its own checks on what comes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.exchange import import_exports
from tutor.store import Store
from tutor.store.ids import new_id
from tutor.store.merge import ImportBatch, IncomingExport, MergeError, merge_export

from .conftest import Workstation, snapshot, trust_all

TIME = "2025-03-03T09:00:00.000Z"


def incoming(workstation_id: str) -> IncomingExport:
    return IncomingExport(workstation_id=workstation_id, workstation_name="PC 1",
                          public_key="tutor-ed25519-public AAAA", fingerprint="0000",
                          sequence=1, export_hash="0" * 64, enrol=True, advance=True)


def event(learner_id: str, workstation_id: str, *, results: str | None = "[]") -> tuple[
        object, ...]:
    return (new_id(), learner_id, "html.first-heading", "v1", "check", TIME, 1, results,
            '{"index.html": "<h1>Hi</h1>"}', 5.0, workstation_id)


def foreign_keys(store: Store) -> int:
    with store._reading() as database:
        return int(database.conn.execute("PRAGMA foreign_keys").fetchone()[0])


def test_an_event_for_no_learner_is_refused_by_the_store_itself(instructor: Store) -> None:
    station = new_id()
    before = snapshot(instructor)
    with pytest.raises(MergeError, match="belong to no learner"):
        merge_export(instructor, incoming(station), [], [event(new_id(), station)])
    assert snapshot(instructor) == before
    assert foreign_keys(instructor) == 1


def test_results_that_are_not_json_are_refused_by_the_store_itself(instructor: Store) -> None:
    station, learner = new_id(), new_id()
    learners = [(learner, "Sam", TIME, False, station)]
    with pytest.raises(MergeError, match="not readable"):
        merge_export(instructor, incoming(station), learners,
                     [event(learner, station), event(learner, station, results="[1,")])
    assert instructor.list_learners() == [] and foreign_keys(instructor) == 1


def test_a_batch_keeps_good_files_when_one_fails(instructor: Store) -> None:
    first, second = new_id(), new_id()
    sam, kim = new_id(), new_id()
    with ImportBatch(instructor, commit_after=1) as batch:
        batch.merge(incoming(first), [(sam, "Sam", TIME, False, first)], [event(sam, first)])
        with pytest.raises(MergeError):
            batch.merge(incoming(second), [(kim, "Kim", TIME, False, second)],
                        [event(kim, second, results="nope")])
        assert batch.events_held() == 1
    assert [learner.display_name for learner in instructor.list_learners()] == ["Sam"]
    assert foreign_keys(instructor) == 1


def test_foreign_keys_are_back_on_after_a_real_import(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    assert foreign_keys(instructor) == 1
    with pytest.raises(Exception, match="FOREIGN KEY"), instructor._writing() as database:
        database.conn.execute(
            "INSERT INTO events (id, learner_id, exercise_id, kind, created_at) "
            "VALUES (?, ?, 'x', 'check', ?)", [new_id(), new_id(), TIME])


def test_a_paused_batch_lets_the_store_be_used_and_keeps_what_it_merged(
        instructor: Store) -> None:
    first, second = new_id(), new_id()
    sam, kim = new_id(), new_id()
    with ImportBatch(instructor) as batch:
        batch.merge(incoming(first), [(sam, "Sam", TIME, False, first)], [event(sam, first)])
        with batch.paused():
            # Another part of the app may read and write meanwhile, and sees the first file.
            assert [learner.id for learner in instructor.list_learners()] == [sam]
            assert foreign_keys(instructor) == 1
            instructor.set_setting("note", "written while paused")
        batch.merge(incoming(second), [(kim, "Kim", TIME, False, second)], [event(kim, second)])
    assert {learner.id for learner in instructor.list_learners()} == {sam, kim}
    assert instructor.setting("note") == "written while paused"
