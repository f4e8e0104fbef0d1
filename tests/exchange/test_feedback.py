"""Feedback from the instructor back to the workstation, and the instructor key it trusts."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.exchange import (
    ExchangeError,
    import_exports,
    import_feedback,
    instructor_fingerprint,
    write_feedback,
)
from tutor.store import Store, UnknownLearnerError
from tutor.store.feedback import FeedbackError, add_feedback, feedback_for
from tutor.store.questions import record_question

from .conftest import EXERCISE, Workstation, parts, raw_zip, snapshot, trust_all


def trust_key(_fingerprint: str) -> bool:
    return True


def refuse_key(_fingerprint: str) -> bool:
    return False


@pytest.fixture
def instructor_folder(instructor: Store) -> Path:
    return instructor.path.parent


def send_back(workstation: Workstation, instructor: Store, folder: Path, stick: Path) -> Path:
    """Import the workstation's work, comment on it, and write the feedback file."""
    import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    ann = next(learner for learner in instructor.list_learners() if learner.display_name == "Ann")
    checked = instructor.events_for(ann.id, EXERCISE)[0]
    add_feedback(instructor, learner_id=ann.id, exercise_id=EXERCISE, event_id=checked.id,
                 text="Good start. Now close the h1 tag.", author="Ms Jones")
    return write_feedback(instructor, folder, workstation.store.workstation_id, stick)


def test_the_round_trip_shows_the_comment_to_the_learner_beside_their_code(
        workstation: Workstation, instructor: Store, instructor_folder: Path,
        stick: Path) -> None:
    ann = workstation.store.list_learners()[0]
    question = record_question(workstation.store, ann.id, EXERCISE, "v1",
                               "Why is my heading small?", {"index.html": "<h2>Hi</h2>"})
    path = send_back(workstation, instructor, instructor_folder, stick)
    add_feedback(instructor, learner_id=ann.id, exercise_id=EXERCISE, question_id=question.id,
                 text="Use h1, not h2.", author="Ms Jones")
    path = write_feedback(instructor, instructor_folder, workstation.store.workstation_id, stick)
    asked: list[str] = []
    report = import_feedback(workstation.store, workstation.folder, path,
                             enrol_instructor=lambda fp: asked.append(fp) or True)
    assert asked == [instructor_fingerprint(instructor_folder)]
    assert report.new == 2 and report.summary() == "2 new comments were added."
    comments = feedback_for(workstation.store, ann.id, EXERCISE)
    assert [c.text for c in comments] == ["Good start. Now close the h1 tag.", "Use h1, not h2."]
    first_check = workstation.store.events_for(ann.id, EXERCISE)[0]
    assert comments[0].event_id == first_check.id and comments[0].author == "Ms Jones"
    assert first_check.files == {"index.html": "<h1>Try 0</h1>"}
    assert comments[1].question_id == question.id
    assert feedback_for(workstation.store, workstation.store.list_learners()[1].id) == []


def test_importing_feedback_twice_adds_each_comment_once(
        workstation: Workstation, instructor: Store, instructor_folder: Path,
        stick: Path) -> None:
    path = send_back(workstation, instructor, instructor_folder, stick)
    import_feedback(workstation.store, workstation.folder, path, enrol_instructor=trust_key)
    asked: list[str] = []
    again = import_feedback(workstation.store, workstation.folder, path,
                            enrol_instructor=lambda fp: asked.append(fp) or True)
    assert asked == []  # the key is pinned now: nobody is asked again
    assert (again.new, again.already_here) == (0, 1)
    assert "here already" in again.message


def test_an_instructor_key_staff_do_not_trust_adds_nothing(
        workstation: Workstation, instructor: Store, instructor_folder: Path,
        stick: Path) -> None:
    path = send_back(workstation, instructor, instructor_folder, stick)
    before = snapshot(workstation.store)
    with pytest.raises(ExchangeError, match="not trusted"):
        import_feedback(workstation.store, workstation.folder, path, enrol_instructor=refuse_key)
    assert snapshot(workstation.store) == before


def test_another_instructor_key_later_is_refused_loudly(
        workstation: Workstation, instructor: Store, instructor_folder: Path,
        stick: Path, tmp_path: Path) -> None:
    path = send_back(workstation, instructor, instructor_folder, stick)
    import_feedback(workstation.store, workstation.folder, path, enrol_instructor=trust_key)
    # Another instructor machine (another key) writes feedback for the same workstation.
    (instructor_folder / "instructor.key").rename(tmp_path / "first-instructor.key")
    other = stick / "other"
    other.mkdir()
    ann = workstation.store.list_learners()[0]
    add_feedback(instructor, learner_id=ann.id, exercise_id=EXERCISE, text="From a stranger.")
    forged = write_feedback(instructor, instructor_folder, workstation.store.workstation_id, other)
    before = snapshot(workstation.store)
    with pytest.raises(ExchangeError, match="REFUSED.*different instructor key"):
        import_feedback(workstation.store, workstation.folder, forged,
                        enrol_instructor=trust_key)
    assert snapshot(workstation.store) == before
    assert "feedback import: refused, different key" in [
        entry.action for entry in workstation.store.audit_entries()]


def test_feedback_for_another_workstation_is_refused(
        workstation: Workstation, make_workstation: Callable[[str], Workstation],
        instructor: Store, instructor_folder: Path, stick: Path) -> None:
    path = send_back(workstation, instructor, instructor_folder, stick)
    elsewhere = make_workstation("elsewhere")
    with pytest.raises(ExchangeError, match="another workstation"):
        import_feedback(elsewhere.store, elsewhere.folder, path, enrol_instructor=trust_key)
    assert feedback_for(elsewhere.store, workstation.store.list_learners()[0].id) == []


def test_a_changed_comment_is_refused(
        workstation: Workstation, instructor: Store, instructor_folder: Path,
        stick: Path, tmp_path: Path) -> None:
    path = send_back(workstation, instructor, instructor_folder, stick)
    with zipfile.ZipFile(path) as archive:
        pairs = [(name, archive.read(name)) for name in archive.namelist()]
    pairs = [(name, data.replace(b"Good start", b"Bad start!") if name == "feedback.jsonl"
              else data) for name, data in pairs]
    changed = raw_zip(tmp_path / "changed.tutorfeedback", pairs)
    before = snapshot(workstation.store)
    with pytest.raises(ExchangeError, match="changed since it was made"):
        import_feedback(workstation.store, workstation.folder, changed,
                        enrol_instructor=trust_key)
    assert snapshot(workstation.store) == before
    manifest, _members = parts(path)
    assert manifest["counts"] == {"feedback": 1}


def test_a_progress_export_is_not_a_feedback_file(
        workstation: Workstation, stick: Path) -> None:
    with pytest.raises(ExchangeError):
        import_feedback(workstation.store, workstation.folder, workstation.export(stick),
                        enrol_instructor=trust_key)


def test_comments_are_checked_before_they_are_kept(
        workstation: Workstation, instructor: Store, stick: Path) -> None:
    import_exports(instructor, [workstation.export(stick)], enrol=trust_all)
    ann = instructor.list_learners()[0]
    with pytest.raises(FeedbackError, match="type a comment"):
        add_feedback(instructor, learner_id=ann.id, exercise_id=EXERCISE, text="  \n ")
    with pytest.raises(UnknownLearnerError):
        add_feedback(instructor, learner_id="nobody", exercise_id=EXERCISE, text="Hello")
    kept = add_feedback(instructor, learner_id=ann.id, exercise_id=EXERCISE,
                        text="Well\u202e done\r\nagain")
    assert kept.text == "Well done\nagain"
    assert kept.workstation_id == workstation.store.workstation_id
