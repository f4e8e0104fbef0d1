"""Importing exports: set union on ids, one learner across workstations, numbers and forks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.exchange import WorkstationInfo, import_exports, workstation_fingerprint
from tutor.store import Store
from tutor.store.merge import known_workstations

from .conftest import EXERCISE, Workstation, add_work, snapshot, trust_all

MakeWorkstation = Callable[[str], Workstation]


def test_importing_the_same_file_twice_adds_nothing(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    path = workstation.export(stick)
    first = import_exports(instructor, [path], enrol=trust_all)
    assert first.files[0].status == "imported"
    assert first.new_events == 7 and first.events_held == 7
    assert first.files[0].new_learners == 2
    before = snapshot(instructor)
    again = import_exports(instructor, [path], enrol=trust_all)
    assert again.files[0].status == "duplicate" and again.new_events == 0
    assert "imported before" in again.files[0].message
    assert snapshot(instructor) == before
    assert sorted(learner.display_name for learner in instructor.list_learners()) == ["Ann", "Ben"]
    # Imported learners have no PIN: nobody can sign in as them on the instructor's machine.
    assert not instructor.verify_pin(instructor.list_learners()[0].id, "1234")


def test_the_work_arrives_as_it_was_recorded(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    for learner in workstation.store.list_learners():
        assert instructor.events_for(learner.id) == workstation.store.events_for(learner.id)
        assert instructor.progress(learner.id) == workstation.store.progress(learner.id)


def test_one_learner_seen_on_two_workstations_is_one_learner(
        make_workstation: MakeWorkstation, instructor: Store, stick: Path) -> None:
    first, second = make_workstation("first"), make_workstation("second")
    sam = add_work(first.store, "Sam")
    # The same learner, known by the same id, added on the second workstation too.
    with second.store._writing() as database:
        database.conn.execute(
            "INSERT INTO learners (id, display_name, created_at, is_demo, workstation_id) "
            "VALUES (?, ?, ?, 0, ?)", [sam.id, sam.display_name, sam.created_at,
                                       first.store.workstation_id])
    second.store.record_check(sam.id, EXERCISE, "v1", passed=True, results=[],
                              files={"index.html": "<h1>Done</h1>"}, duration_ms=4)
    report = import_exports(instructor, [first.export(stick), second.export(stick)],
                            enrol=trust_all)
    assert [item.status for item in report.files] == ["imported", "imported"]
    assert [learner.id for learner in instructor.list_learners()] == [sam.id]
    events = instructor.events_for(sam.id)
    assert len(events) == 4
    assert {event.workstation_id for event in events} == {
        first.store.workstation_id, second.store.workstation_id}
    assert instructor.progress(sam.id)[EXERCISE].status == "done"


def test_an_older_export_adds_nothing_and_says_so(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    older = workstation.export(stick)
    add_work(workstation.store, "Cat")
    newer = workstation.export(stick)
    import_exports(instructor, [newer], enrol=trust_all)
    before = snapshot(instructor)
    report = import_exports(instructor, [older], enrol=trust_all)
    assert report.files[0].status == "duplicate"
    assert "older file" in report.files[0].message and "Number 2" in report.files[0].message
    assert snapshot(instructor) == before


def test_exports_in_any_order_end_the_same(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    first = workstation.export(stick)
    add_work(workstation.store, "Cat")
    second = workstation.export(stick)
    report = import_exports(instructor, [second, first], enrol=trust_all)
    assert [item.status for item in report.files] == ["imported", "duplicate"]
    assert report.events_held == 10 and len(instructor.list_learners()) == 3


def test_an_export_that_skips_ahead_is_imported_with_a_note(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    workstation.export(stick)  # lost on the way: never imported
    add_work(workstation.store, "Cat")
    report = import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    assert report.files[0].status == "imported" and report.new_events == 3
    assert "1 earlier file" in report.files[0].message and not report.files[0].warning
    assert known_workstations(instructor)[0].last_sequence == 3


def test_a_copied_workstation_is_noticed_loudly(
        workstation: Workstation, instructor: Store, stick: Path, tmp_path: Path) -> None:
    import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    workstation.store.close()
    twin_folder = tmp_path / "twin"
    shutil.copytree(workstation.folder, twin_folder)
    workstation.store = Store.open(workstation.folder / "progress.sqlite3")
    twin = Workstation(twin_folder, Store.open(twin_folder / "progress.sqlite3"))
    try:
        add_work(workstation.store, "Cat")
        add_work(twin.store, "Dee")
        (stick / "a").mkdir()
        (stick / "b").mkdir()
        report = import_exports(instructor, [workstation.export(stick / "a"),
                                             twin.export(stick / "b")], enrol=trust_all)
    finally:
        twin.store.close()
        workstation.store.close()
    # Both are signed by the pinned key, so their records are kept; the second is a fork.
    assert [item.status for item in report.files] == ["imported", "imported"]
    assert not report.files[0].warning
    assert "copied" in report.files[1].warning and report.files[1].warning in \
        report.files[1].message
    assert {learner.display_name for learner in instructor.list_learners()} == {
        "Ann", "Ben", "Cat", "Dee"}
    assert any(entry.detail.get("warning") for entry in instructor.audit_entries())


def test_a_new_workstation_is_enrolled_only_when_staff_say_yes(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    first, second = workstation.export(stick), workstation.export(stick)
    asked: list[WorkstationInfo] = []

    def decline(info: WorkstationInfo) -> bool:
        asked.append(info)
        return False

    before = snapshot(instructor)
    report = import_exports(instructor, [first, second], enrol=decline)
    assert [item.status for item in report.files] == ["refused", "refused"]
    assert "not trusted here yet" in report.files[0].message
    assert snapshot(instructor) == before
    # Asked once for the two files, and shown what staff need to check.
    assert len(asked) == 1
    assert asked[0].fingerprint == workstation_fingerprint(workstation.folder)
    assert asked[0].id == workstation.store.workstation_id and asked[0].sequence == 1
    report = import_exports(instructor, [first], enrol=trust_all)
    assert report.files[0].status == "imported"
    assert asked[0].fingerprint in report.files[0].message
    assert known_workstations(instructor)[0].fingerprint == asked[0].fingerprint


def test_a_whole_drive_is_searched_a_little_way_down_without_following_links(
        workstation: Workstation, instructor: Store, stick: Path, tmp_path: Path) -> None:
    nested = stick / "wing-a" / "monday"
    nested.mkdir(parents=True)
    found = workstation.export(nested)
    too_deep = stick / "a" / "b" / "c"
    too_deep.mkdir(parents=True)
    workstation.export(too_deep)
    outside = tmp_path / "outside"
    outside.mkdir()
    elsewhere = workstation.export(outside)
    os.symlink(elsewhere, stick / "link.tutorexport")
    os.symlink(outside, stick / "linked-folder")
    (stick / ".tutor-progress-x-000009.tutorexport.partial-123").write_bytes(b"half")
    seen: list[tuple[int, int]] = []
    report = import_exports(instructor, [stick], enrol=trust_all,
                            progress=lambda done, total: seen.append((done, total)))
    assert [item.path for item in report.files] == [found]
    assert seen == [(1, 1)]


def test_a_folder_with_no_exports_is_reported(instructor: Store, stick: Path) -> None:
    report = import_exports(instructor, [stick], enrol=trust_all)
    assert report.files[0].status == "refused"
    assert "no Tutor progress files" in report.files[0].message


def test_a_link_given_by_name_is_refused(
        workstation: Workstation, instructor: Store, stick: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.tutorexport"
    os.symlink(workstation.export(stick), link)
    report = import_exports(instructor, [link], enrol=trust_all)
    assert report.files[0].status == "refused" and "link" in report.files[0].message


@pytest.mark.parametrize("name", ["Wing A, PC 1", "Education block"])
def test_the_workstation_name_staff_chose_travels(
        name: str, workstation: Workstation, instructor: Store, stick: Path) -> None:
    workstation.store.set_setting("workstation_name", name)
    report = import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    assert report.files[0].workstation_name == name and name in report.files[0].message
    assert known_workstations(instructor)[0].name == name



def test_an_import_run_ends_with_one_line_in_the_audit_log(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    import_exports(instructor, [workstation.export(stick), stick / "missing.tutorexport"],
                   enrol=trust_all)
    entries = instructor.audit_entries()
    assert [entry.action for entry in entries[-3:]] == [
        "progress imported", "progress import: refused", "progress import finished"]
    assert entries[-1].detail == {"files": 2, "imported": 1, "duplicate": 0, "refused": 1,
                                  "new_events": 7}
