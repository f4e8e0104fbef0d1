"""Importing the instructor's feedback file: trust the key once, then comments arrive."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tutor.exchange import instructor_fingerprint
from tutor.exchange.drives import Drive
from tutor.store import Learner, Store
from tutor.store.feedback import feedback_for
from tutor.store.questions import record_question
from tutor.ui.feedback_panel import FeedbackPanel, load_feedback
from tutor.ui.operations import Operations
from tutor.ui.removable_drives import FeedbackImport, trust_question

EXERCISE = "html.first-heading"


class Staff:
    """What a member of staff does in the import: which file, which answer to the key."""

    def __init__(self, file: Path | None, *, trusts: bool = True) -> None:
        self.file = file
        self.trusts = trusts
        self.started_in: list[Path | None] = []
        self.asked_about: list[str] = []
        self.told: list[str] = []

    def choose_file(self, _parent: object, start: Path | None) -> Path | None:
        self.started_in.append(start)
        return self.file

    def confirm_key(self, _parent: object, fingerprint: str) -> bool:
        self.asked_about.append(fingerprint)
        return self.trusts

    def show_message(self, _parent: object, text: str) -> None:
        self.told.append(text)


# Each import's window lives until the test ends, as the main window does in the app. A window
# freed mid-test by the garbage collector, while its worker thread or timers still run, can
# take Qt down with it.
_WINDOWS: list[FeedbackPanel] = []


@pytest.fixture(autouse=True)
def _windows_live_until_the_test_ends() -> Iterator[None]:
    yield
    for window in _WINDOWS:
        window.close()
    _WINDOWS.clear()


def run_import(qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
               staff: Staff, drives: list[Drive]) -> str:
    parent = FeedbackPanel()
    _WINDOWS.append(parent)
    qtbot.addWidget(parent)
    flow = FeedbackImport(store=store, data_folder=data_folder, operations=operations,
                          parent=parent, find_drives=lambda: list(drives),
                          choose_file=staff.choose_file, confirm_key=staff.confirm_key,
                          show_message=staff.show_message)
    with qtbot.waitSignal(flow.finished, timeout=20_000) as finished:
        flow.start()
    message: str = finished.args[0]
    return message


def test_the_first_import_asks_to_trust_the_key_then_adds_the_comments(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        usb_stick: Path, instructor: tuple[Store, Path],
        instructor_answers: Callable[..., Path]) -> None:
    alex = store.create_learner("Alex", "5678")
    check = store.record_check(sam.id, EXERCISE, "1", passed=False, results=[],
                               files={"index.html": "<h1>Hi"}, duration_ms=3.0)
    alex_check = store.record_check(alex.id, EXERCISE, "1", passed=True, results=[],
                                    files={"index.html": "<h1>Hi</h1>"}, duration_ms=3.0)
    question = record_question(store, sam.id, EXERCISE, "1", "Why no heading?",
                               {"index.html": "<h1>Hi"})
    path = instructor_answers(answers={question.id: "Close the h1 tag."},
                              comments={check.id: "Nearly there.", alex_check.id: "Well done!"})
    staff = Staff(path)

    message = run_import(qtbot, store, data_folder, operations, staff,
                         [Drive(usb_stick, "STICK")])
    assert staff.started_in == [usb_stick]  # the picker opened on the USB stick
    assert staff.asked_about == [instructor_fingerprint(instructor[1])]
    assert message == "3 new comments for 2 learners." and staff.told == [message]
    assert {f.text for f in feedback_for(store, sam.id)} == {"Close the h1 tag.",
                                                            "Nearly there."}
    assert [f.text for f in feedback_for(store, alex.id)] == ["Well done!"]
    actions = [entry.action for entry in store.audit_entries()]
    assert "instructor key trusted" in actions and "feedback imported" in actions

    # The answer sits under Sam's question; the comment sits beside the code it is about.
    notes = load_feedback(store, sam.id, EXERCISE)
    asked = next(n for n in notes if n.is_question)
    assert asked.answers == ("Ms Khan answered: Close the h1 tag.",)
    comment = next(n for n in notes if not n.is_question)
    assert comment.text == "Nearly there." and comment.files == {"index.html": "<h1>Hi"}
    assert all("Well done!" not in (n.text, *n.answers) for n in notes)

    # The same file again: the key is known now, and nothing is added twice.
    again = Staff(path)
    message = run_import(qtbot, store, data_folder, operations, again, [])
    assert again.started_in == [None] and again.asked_about == []
    assert message == "No new comments. These comments were added before."
    assert len(feedback_for(store, sam.id)) == 2


def test_refusing_the_key_adds_nothing(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        instructor_answers: Callable[..., Path]) -> None:
    check = store.record_check(sam.id, EXERCISE, "1", passed=False, results=[], files={},
                               duration_ms=3.0)
    path = instructor_answers(answers={}, comments={check.id: "Try again."})
    staff = Staff(path, trusts=False)
    message = run_import(qtbot, store, data_folder, operations, staff, [])
    assert len(staff.asked_about) == 1
    assert "not trusted" in message and "nothing was added" in message
    assert feedback_for(store, sam.id) == []


def test_cancelling_the_file_picker_does_nothing(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path,
        operations: Operations) -> None:
    staff = Staff(None)
    assert run_import(qtbot, store, data_folder, operations, staff, []) == ""
    assert staff.told == [] and staff.asked_about == []


def test_a_damaged_file_is_refused_in_plain_words(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        usb_stick: Path) -> None:
    broken = usb_stick / "tutor-feedback-000000000000.tutorfeedback"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    staff = Staff(broken)
    message = run_import(qtbot, store, data_folder, operations, staff, [])
    assert message and "Traceback" not in message and staff.asked_about == []
    assert feedback_for(store, sam.id) == []


def test_the_trust_question_shows_the_fingerprint_in_plain_words() -> None:
    text = trust_question("7ADA-6203-6456-4E82-E3FD")
    assert "7ADA-6203-6456-4E82-E3FD" in text
    assert text.endswith("Trust feedback signed by this key?")
