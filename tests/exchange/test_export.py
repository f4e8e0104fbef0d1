"""Writing exports: what staff are shown first, what the file holds, and a kill mid-write."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.exchange import ExchangeError, import_exports, plan_export, write_export
from tutor.exchange.identity import WORKSTATION_KEY_FILE, workstation_key
from tutor.store import Store
from tutor.store.merge import export_state

from .conftest import EXERCISE, Workstation, trust_all


def test_the_plan_names_who_and_what_leaves_in_plain_sentences(
        workstation: Workstation) -> None:
    plan = plan_export(workstation.store)
    assert [learner.display_name for learner in plan.learners] == ["Ann", "Ben"]
    assert (plan.total_attempts, plan.total_events, plan.sequence) == (5, 7, 1)
    text = "\n".join(plan.summary_lines())
    assert "2 learners" in text and "Ann: 2 attempts, 3 records in all." in text
    assert "Ben: 3 attempts, 4 records in all." in text and "2 hints shown" in text
    assert "the learner's code at that moment" in text
    assert "no PINs, no unsaved work, no settings" in text
    assert "This is demo data" not in text
    for line in plan.summary_lines():
        # Short sentences a person reads once: no line is a wall of words.
        assert len(line.split()) <= 25, line


def test_the_export_holds_exactly_what_the_plan_said(
        workstation: Workstation, stick: Path) -> None:
    ann = workstation.store.list_learners()[0]
    workstation.store.save_draft(ann.id, EXERCISE, {"index.html": "my secret draft"})
    workstation.store.set_setting("some_setting", "private value")
    plan = plan_export(workstation.store)
    result = write_export(workstation.store, workstation.folder, stick)
    assert (result.learners, result.events, result.sequence) == (2, plan.total_events, 1)
    assert re.fullmatch(r"tutor-progress-[0-9a-f]{12}-000001\.tutorexport", result.path.name)
    with zipfile.ZipFile(result.path) as archive:
        assert sorted(archive.namelist()) == [
            "code.jsonl", "events.jsonl", "learners.jsonl", "manifest.json", "manifest.sig",
            "results.jsonl"]
        everything = b"".join(archive.read(name) for name in archive.namelist())
        fields = json.loads(archive.read("manifest.json"))["fields"]
    assert fields["learners.jsonl"] == list(plan.fields["learners"])
    # Every field of a record is in one of the three files that go line for line.
    assert sorted(fields["events.jsonl"] + fields["results.jsonl"] + fields["code.jsonl"]) \
        == sorted(plan.fields["events"])
    assert b"my secret draft" not in everything and b"private value" not in everything
    assert b"<h1>Try 1</h1>" in everything  # the code as checked does leave


def test_each_export_is_numbered_and_names_the_one_before(
        workstation: Workstation, stick: Path) -> None:
    first = write_export(workstation.store, workstation.folder, stick)
    second = write_export(workstation.store, workstation.folder, stick)
    assert (first.sequence, second.sequence) == (1, 2)
    with zipfile.ZipFile(first.path) as archive:
        first_hash = hashlib.sha256(archive.read("manifest.json")).hexdigest()
    with zipfile.ZipFile(second.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["previous_export_hash"] == first_hash == first.export_hash
    assert export_state(workstation.store).sequence == 2
    actions = [entry.action for entry in workstation.store.audit_entries()]
    assert actions.count("progress exported") == 2


def test_progress_goes_up_to_the_end(workstation: Workstation, stick: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_export(workstation.store, workstation.folder, stick,
                 progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 100) and seen[-1] == (100, 100)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_file_already_there_is_never_overwritten(workstation: Workstation, stick: Path) -> None:
    first = write_export(workstation.store, workstation.folder, stick)
    workstation.store.set_setting("export_sequence", "0")  # as if the database was restored
    with pytest.raises(ExchangeError, match="already holds"):
        write_export(workstation.store, workstation.folder, stick)
    assert first.path.exists()


def test_a_missing_folder_writes_nothing(workstation: Workstation, tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="no folder"):
        write_export(workstation.store, workstation.folder, tmp_path / "unplugged")
    assert export_state(workstation.store).sequence == 0


def test_the_workstation_key_is_made_once_and_kept_private(workstation: Workstation) -> None:
    first = workstation_key(workstation.folder)
    assert workstation_key(workstation.folder) == first
    path = workstation.folder / WORKSTATION_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in workstation.folder.iterdir() if "partial" in p.name] == []


CHILD = """
import sys, time
from collections.abc import Callable
from pathlib import Path
from tutor.store import Store
from tutor.exchange import write_export

store = Store.open(Path(sys.argv[1]) / "progress.sqlite3")

def stall(done, total):
    if done > 40:  # the bytes are going to the stick now: stop here until killed
        print("WRITING", flush=True)
        time.sleep(60)

write_export(store, Path(sys.argv[1]), Path(sys.argv[2]), progress=stall)
print("FINISHED", flush=True)
"""


def test_an_export_killed_mid_write_leaves_nothing_that_looks_finished(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(workstation.folder), str(stick)],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "WRITING"
        half_written = [path for path in stick.iterdir()]
        assert half_written and all(path.name.startswith(".") for path in half_written)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert not list(stick.glob("*.tutorexport"))
    assert export_state(workstation.store).sequence == 0
    report = import_exports(instructor, [stick], enrol=trust_all)
    assert [item.status for item in report.files] == ["refused"] and report.events_held == 0
    # The next export is number 1 again, and it is whole.
    again = write_export(workstation.store, workstation.folder, stick)
    assert again.sequence == 1
    assert import_exports(instructor, [again.path], enrol=trust_all).new_events == 7


def test_a_damaged_key_is_never_replaced_and_nothing_is_written(
        workstation: Workstation, stick: Path) -> None:
    key_file = workstation.folder / WORKSTATION_KEY_FILE
    key_file.write_text("tutor-ed25519-private not-base64\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match="damaged"):
        write_export(workstation.store, workstation.folder, stick)
    assert key_file.read_text(encoding="utf-8") == "tutor-ed25519-private not-base64\n"
    assert list(stick.iterdir()) == []


def test_an_empty_workstation_exports_and_imports(
        make_workstation: Callable[[str], Workstation], instructor: Store, stick: Path) -> None:
    empty = make_workstation("empty")
    assert "no learners on this workstation yet" in plan_export(empty.store).summary_lines()[0]
    report = import_exports(instructor, [empty.export(stick)], enrol=trust_all)
    assert report.files[0].status == "imported" and report.events_held == 0
