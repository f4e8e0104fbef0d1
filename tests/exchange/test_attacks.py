"""Files from a USB stick that must be refused: each says why, and the database is unchanged.

Most forgeries here are signed again with the workstation's own key, as a thief of that key
could, so that each test reaches the defence it is about instead of stopping at the
signature.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tutor.exchange import ExchangeLimits, import_exports
from tutor.store import Store
from tutor.store.ids import new_id
from tutor.store.merge import known_workstations
from tutor.trust.keys import PrivateKey
from tutor.trust.safe_zip import Limits
from tutor.trust.signing import PACK_MANIFEST

from .conftest import (
    Workstation,
    add_work,
    forge,
    key_of,
    parts,
    raw_zip,
    snapshot,
    trust_all,
)


@pytest.fixture
def enrolled(workstation: Workstation, instructor: Store, stick: Path) -> Path:
    """The workstation's first export, already imported; returns a second, newer export.

    Cat's work is new in the second export, so its last record is one a merge would add.
    """
    first = workstation.export(stick)
    assert import_exports(instructor, [first], enrol=trust_all).count("imported") == 1
    add_work(workstation.store, "Cat")
    return workstation.export(stick)


def refused(instructor: Store, path: Path, *, limits: ExchangeLimits | None = None) -> str:
    """Import one file that must be refused; check nothing changed; return the message."""
    before = snapshot(instructor)
    report = import_exports(instructor, [path], enrol=trust_all, limits=limits)
    assert [item.status for item in report.files] == ["refused"], report.files
    assert report.new_events == 0
    assert snapshot(instructor) == before
    message = report.files[0].message
    assert message and "Traceback" not in message
    return message


def rewrite(path: Path, workstation: Workstation, target: Path, **changes: Any) -> Path:
    """A copy of an export with manifest fields or members changed, signed again."""
    manifest, members = parts(path)
    members.update(changes.pop("members", {}))
    manifest.update(changes)
    return forge(target, key=key_of(workstation), manifest=manifest, members=members)


def test_a_changed_record_is_refused(enrolled: Path, instructor: Store, tmp_path: Path) -> None:
    # The list of contents is the real, signed one; only the code in one record was edited.
    with zipfile.ZipFile(enrolled) as archive:
        pairs = [(name, archive.read(name)) for name in archive.namelist()]
    changed = [(name, data.replace(b"Try 0", b"Try 9", 1)) for name, data in pairs]
    assert changed != pairs
    path = raw_zip(tmp_path / "changed.tutorexport", changed)
    assert "changed since it was made" in refused(instructor, path)


def test_a_changed_list_of_contents_is_refused(enrolled: Path, instructor: Store,
                                               tmp_path: Path) -> None:
    with zipfile.ZipFile(enrolled) as archive:
        pairs = [(name, archive.read(name)) for name in archive.namelist()]
    pairs = [(name, data.replace(b'"sequence":2', b'"sequence":9') if name == "manifest.json"
              else data) for name, data in pairs]
    path = raw_zip(tmp_path / "renumbered.tutorexport", pairs)
    assert "changed since it was made" in refused(instructor, path)


def test_a_truncated_file_is_refused(enrolled: Path, instructor: Store, tmp_path: Path) -> None:
    data = enrolled.read_bytes()
    path = tmp_path / "cut.tutorexport"
    path.write_bytes(data[: len(data) // 2])
    message = refused(instructor, path)
    assert "not an archive" in message or "damaged" in message


def test_not_an_archive_is_refused(instructor: Store, tmp_path: Path) -> None:
    path = tmp_path / "notes.tutorexport"
    path.write_text("These are my notes, not an export.\n", encoding="utf-8")
    assert "not an archive" in refused(instructor, path)


def test_a_known_workstation_signed_with_another_key_is_refused_loudly(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    thief = PrivateKey.generate()
    public = thief.public_key()
    manifest.update(public_key=public.as_line(), fingerprint=public.fingerprint)
    path = forge(tmp_path / "forged.tutorexport", key=thief, manifest=manifest, members=members)
    message = refused(instructor, path)
    assert message.startswith("REFUSED") and "different key" in message
    assert public.fingerprint in message and "security team" in message
    assert any("refused" in entry.action for entry in instructor.audit_entries())


def test_a_workstations_key_cannot_speak_for_another_workstation(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    stranger = new_id()
    manifest["workstation"] = {"id": stranger, "name": "Another PC"}
    old = workstation.store.workstation_id
    members = {name: data.replace(old.encode(), stranger.encode())
               for name, data in members.items()}
    path = forge(tmp_path / "other.tutorexport", key=key_of(workstation), manifest=manifest,
                 members=members)
    message = refused(instructor, path)
    assert message.startswith("REFUSED") and "signed with the key of" in message


def test_a_signature_made_for_a_lesson_pack_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    path = forge(tmp_path / "pack-signed.tutorexport", key=key_of(workstation),
                 manifest=manifest, members=members, domain=PACK_MANIFEST)
    assert "changed since it was made" in refused(instructor, path)


def test_an_export_from_a_newer_tutor_is_refused_plainly(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    path = rewrite(enrolled, workstation, tmp_path / "newer.tutorexport", format_version=2)
    assert "newer version of Tutor" in refused(instructor, path)


def test_duplicate_names_in_the_list_of_contents_are_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    text = json.dumps({**manifest, "members": {}})
    doubled = text.replace('"sequence":', '"sequence": 1, "sequence":', 1).encode()
    path = forge(tmp_path / "twice.tutorexport", key=key_of(workstation), manifest=manifest,
                 members=members, manifest_bytes=doubled)
    assert "appears twice" in refused(instructor, path)


def test_a_member_the_list_does_not_name_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    path = forge(tmp_path / "extra.tutorexport", key=key_of(workstation), manifest=manifest,
                 members=members, extra=[("notes.txt", b"hello")])
    assert "notes.txt" in refused(instructor, path)


def test_a_member_the_list_names_but_the_file_lacks_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    listed = dict(members)
    members.pop("events.jsonl")
    path = forge(tmp_path / "missing.tutorexport", key=key_of(workstation), manifest=manifest,
                 members=members, listed=listed)
    message = refused(instructor, path)
    assert "incomplete" in message and "events.jsonl" in message


def test_a_path_that_climbs_out_is_refused_and_nothing_is_written(
        enrolled: Path, instructor: Store, tmp_path: Path) -> None:
    with zipfile.ZipFile(enrolled) as archive:
        pairs = [(name, archive.read(name)) for name in archive.namelist()]
    path = raw_zip(tmp_path / "evil.tutorexport", [*pairs, ("../escaped.txt", b"gotcha")])
    assert "points outside" in refused(instructor, path)
    assert not (tmp_path.parent / "escaped.txt").exists()
    assert not list(tmp_path.rglob("escaped.txt"))


def test_two_members_with_one_name_are_refused(enrolled: Path, instructor: Store,
                                               tmp_path: Path) -> None:
    with zipfile.ZipFile(enrolled) as archive:
        pairs = [(name, archive.read(name)) for name in archive.namelist()]
    events = dict(pairs)["events.jsonl"]
    with pytest.warns(UserWarning):  # zipfile itself warns about the duplicate name
        path = raw_zip(tmp_path / "doubled.tutorexport", [*pairs, ("events.jsonl", events)])
    assert "two files called" in refused(instructor, path)


def test_an_oversized_file_is_refused(enrolled: Path, instructor: Store) -> None:
    small = ExchangeLimits(archive=Limits(max_file_bytes=1000))
    assert "too big" in refused(instructor, enrolled, limits=small)


def test_a_member_that_unpacks_too_big_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    # Half a megabyte of spaces packs into a few hundred bytes: a small zip bomb.
    padded = members["events.jsonl"] + b" " * 500_000 + b"\n"
    path = rewrite(enrolled, workstation, tmp_path / "bomb.tutorexport",
                   members={"events.jsonl": padded})
    limits = ExchangeLimits(archive=Limits(max_member_bytes=100_000, max_ratio=1100))
    assert "too big" in refused(instructor, path, limits=limits)


def test_an_oversized_line_is_refused(enrolled: Path, workstation: Workstation,
                                      instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    lines = members["code.jsonl"].splitlines(keepends=True)
    lines[0] = (json.dumps({"index.html": "x" * 5000}) + "\n").encode()
    path = rewrite(enrolled, workstation, tmp_path / "long.tutorexport",
                   members={"code.jsonl": b"".join(lines)})
    message = refused(instructor, path, limits=ExchangeLimits(max_line_length=4000))
    assert "line 1 is too long" in message


def _with_event(enrolled: Path, workstation: Workstation, target: Path, change: Any) -> Path:
    """The export with its newest record changed (a new one: Cat's last) and signed again."""
    manifest, members = parts(enrolled)
    lines = members["events.jsonl"].splitlines(keepends=True)
    row = json.loads(lines[-1])
    change(row)
    lines[-1] = (json.dumps(row, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
    return rewrite(enrolled, workstation, target, members={"events.jsonl": b"".join(lines)})


def _with_text(enrolled: Path, workstation: Workstation, target: Path, member: str,
               text: str) -> Path:
    """The export with the newest record's results or code text replaced, signed again."""
    manifest, members = parts(enrolled)
    lines = members[member].splitlines(keepends=True)
    lines[-1] = (text + "\n").encode()
    return rewrite(enrolled, workstation, target, members={member: b"".join(lines)})


def test_an_event_whose_learner_is_not_in_the_file_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    path = _with_event(enrolled, workstation, tmp_path / "orphan.tutorexport",
                       lambda row: row.__setitem__(1, new_id()))
    assert "learner the file does not list" in refused(instructor, path)


def test_an_event_from_another_workstation_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    path = _with_event(enrolled, workstation, tmp_path / "elsewhere.tutorexport",
                       lambda row: row.__setitem__(8, new_id()))
    assert "another workstation" in refused(instructor, path)


def test_code_that_is_not_json_is_refused_whole(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    # The file is newer than the last one and adds Cat, so a merge would also add a learner
    # and move the workstation's number on: the refusal must undo all of that.
    path = _with_text(enrolled, workstation, tmp_path / "garbled.tutorexport", "code.jsonl",
                      "{not json")
    assert "damaged" in refused(instructor, path)


@pytest.mark.parametrize(("member", "bad"), [
    ("code.jsonl", '{"index.html": 1}'), ("code.jsonl", '["index.html"]'),
    ("code.jsonl", '{"a": "b"}x'), ("code.jsonl", "{'a': 'b'}"), ("results.jsonl", "{}"),
    ("results.jsonl", '[{"name": "x"}]]'), ("results.jsonl", "[NaN]")])
def test_results_or_code_in_the_wrong_shape_are_refused_whole(
        member: str, bad: str, enrolled: Path, workstation: Workstation, instructor: Store,
        tmp_path: Path) -> None:
    path = _with_text(enrolled, workstation, tmp_path / "shape.tutorexport", member, bad)
    assert "not readable" in refused(instructor, path)


@pytest.mark.parametrize("member", ["results.jsonl", "code.jsonl"])
def test_results_or_code_out_of_step_with_the_records_are_refused(
        member: str, enrolled: Path, workstation: Workstation, instructor: Store,
        tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    lines = members[member].splitlines(keepends=True)
    path = rewrite(enrolled, workstation, tmp_path / "short.tutorexport",
                   members={member: b"".join(lines[:-1])})
    assert "one line for each record" in refused(instructor, path)


@pytest.mark.parametrize("bad", ["NaN", "1e999", '"x"', "[]"])
def test_a_number_that_is_not_a_number_is_refused(
        bad: str, enrolled: Path, workstation: Workstation, instructor: Store,
        tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    lines = members["events.jsonl"].splitlines(keepends=True)
    text = lines[0].decode()
    cut = text.rindex(",", 0, text.rindex(","))  # the duration is the second-last value
    lines[0] = (text[:cut] + "," + bad + text[text.rindex(","):]).encode()
    path = rewrite(enrolled, workstation, tmp_path / "nan.tutorexport",
                   members={"events.jsonl": b"".join(lines)})
    assert "damaged" in refused(instructor, path)


def test_a_file_that_says_one_learner_twice_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    first = members["learners.jsonl"].splitlines(keepends=True)[0]
    path = rewrite(enrolled, workstation, tmp_path / "twins.tutorexport",
                   members={"learners.jsonl": members["learners.jsonl"] + first},
                   counts={**manifest["counts"], "learners": manifest["counts"]["learners"] + 1})
    assert "listed twice" in refused(instructor, path)


def test_a_hidden_character_in_a_name_is_refused(
        enrolled: Path, workstation: Workstation, instructor: Store, tmp_path: Path) -> None:
    manifest, members = parts(enrolled)
    lines = members["learners.jsonl"].splitlines(keepends=True)
    row = json.loads(lines[0])
    row[1] = "Ann\u202eevil"
    lines[0] = (json.dumps(row, separators=(",", ":"), ensure_ascii=False) + "\n").encode()
    path = rewrite(enrolled, workstation, tmp_path / "rtl.tutorexport",
                   members={"learners.jsonl": b"".join(lines)})
    assert "name that is not allowed" in refused(instructor, path)


def test_a_bad_file_among_good_ones_is_undone_alone(
        workstation: Workstation, make_workstation: Callable[[str], Workstation],
        instructor: Store, stick: Path, tmp_path: Path) -> None:
    other = make_workstation("other")
    add_work(other.store, "Dee")
    good_other = other.export(stick)
    # Signed by the other workstation itself, so it gets as far as the merge, which must
    # then undo its learner and its enrolment as well as its records.
    garbled = _with_text(good_other, other, tmp_path / "garbled.tutorexport",
                         "results.jsonl", "[oops")
    report = import_exports(instructor, [workstation.export(stick), garbled, good_other],
                            enrol=trust_all)
    assert [item.status for item in report.files] == ["imported", "refused", "imported"]
    assert sorted(learner.display_name for learner in instructor.list_learners()) == [
        "Ann", "Ben", "Dee"]
    assert report.events_held == 7 + 3
    assert len(known_workstations(instructor)) == 2
