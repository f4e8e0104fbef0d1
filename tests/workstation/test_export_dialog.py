"""Export, steps 2 and 3: staff read what will leave, then the file is written and checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tutor.exchange import import_exports
from tutor.exchange.drives import Drive
from tutor.store import Learner, Store
from tutor.store.questions import record_question
from tutor.ui.export_dialog import DONE, FAILED, ONLY_THIS, ExportDialog
from tutor.ui.operations import Operations

EXERCISE = "html.first-heading"


def add_work(store: Store, learner: Learner, *, checks: int) -> None:
    for attempt in range(checks):
        store.record_check(learner.id, EXERCISE, "1", passed=attempt == checks - 1,
                           results=[{"name": "Has a heading", "passed": False}],
                           files={"index.html": f"<h1>Try {attempt}</h1>"}, duration_ms=5.0)


def open_on_stick(qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
                  stick: Path) -> ExportDialog:
    dialog = ExportDialog(store=store, data_folder=data_folder, operations=operations,
                          find_drives=lambda: [Drive(stick, "STICK", 10**9)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.folder() == stick, timeout=5_000)
    return dialog


def show_plan(qtbot: QtBot, dialog: ExportDialog) -> str:
    with qtbot.waitSignal(dialog.plan_shown, timeout=10_000):
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.steps.currentIndex() == 1
    return dialog.plan_text.toPlainText()


def test_staff_read_what_leaves_then_the_file_is_written_and_imports_at_the_instructors(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        usb_stick: Path, tmp_path: Path) -> None:
    alex = store.create_learner("Alex <b>Brown</b>", "5678")
    add_work(store, sam, checks=2)
    add_work(store, alex, checks=3)
    question = record_question(store, sam.id, EXERCISE, "1", "Why is it small?",
                               {"index.html": "<h2>Hi</h2>"})
    dialog = open_on_stick(qtbot, store, data_folder, operations, usb_stick)

    plan = show_plan(qtbot, dialog)
    # Which learners, how many attempts, which fields: in words a vetting officer can read.
    assert "Sam: 2 attempts" in plan and "Alex <b>Brown</b>: 3 attempts" in plan
    assert "5 attempts" in plan and "1 question" in plan
    assert "the learner's code at that moment" in plan
    assert "no PINs" in plan
    assert ONLY_THIS in [label.text() for label in dialog.findChildren(QLabel)]
    assert str(usb_stick) in dialog.destination.text()

    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert dialog.outcome.text() == DONE
    assert "2 learners" in dialog.outcome_detail.text()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert [p.name for p in usb_stick.iterdir()] == [result.path.name]  # nothing else left

    # The instructor's import accepts the file, question and all.
    with Store.open(tmp_path / "instructor" / "instructor.sqlite3") as instructor:
        report = import_exports(instructor, [result.path], enrol=lambda _info: True)
        assert [f.status for f in report.files] == ["imported"]
        assert report.new_events == 6
        asked = [e for e in instructor.events_for(sam.id) if e.kind == "question"]
        assert [e.id for e in asked] == [question.id]
        assert asked[0].results == [{"question": "Why is it small?"}]
        assert asked[0].files == {"index.html": "<h2>Hi</h2>"}


def test_a_stick_pulled_out_before_writing_gives_a_plain_error_and_no_file(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        usb_stick: Path) -> None:
    add_work(store, sam, checks=1)
    dialog = open_on_stick(qtbot, store, data_folder, operations, usb_stick)
    show_plan(qtbot, dialog)
    usb_stick.rmdir()  # the stick is gone
    with qtbot.waitSignal(dialog.export_failed, timeout=20_000) as failed:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text() == FAILED
    assert "Traceback" not in failed.args[0] and "Errno" not in failed.args[0]
    assert dialog.try_again_button.isVisible()
    assert not usb_stick.exists()
    # Staff can go back and choose somewhere else.
    qtbot.mouseClick(dialog.try_again_button, Qt.MouseButton.LeftButton)
    assert dialog.steps.currentIndex() == 0


def test_a_full_or_broken_stick_never_shows_a_system_error(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        usb_stick: Path) -> None:
    add_work(store, sam, checks=1)
    dialog = open_on_stick(qtbot, store, data_folder, operations, usb_stick)
    show_plan(qtbot, dialog)
    # A file where the export wants to make its temporary file: the write fails half way.
    from tutor.exchange.export_file import export_file_name
    from tutor.trust.atomic import temporary_name

    target = usb_stick / export_file_name(store.workstation_id, 1)
    temporary_name(target).mkdir()
    with qtbot.waitSignal(dialog.export_failed, timeout=20_000) as failed:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert "Errno" not in failed.args[0] and "half-written" in failed.args[0]
    assert not target.exists()


def test_with_no_stick_staff_type_a_folder_and_the_file_goes_there(
        qtbot: QtBot, store: Store, sam: Learner, data_folder: Path, operations: Operations,
        tmp_path: Path) -> None:
    add_work(store, sam, checks=1)
    folder = tmp_path / "shared" / "exports"
    folder.mkdir(parents=True)
    dialog = ExportDialog(store=store, data_folder=data_folder, operations=operations,
                          find_drives=lambda: [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.drive_list.isVisible(), timeout=5_000)
    qtbot.keyClicks(dialog.folder_field, str(folder))
    show_plan(qtbot, dialog)
    with qtbot.waitSignal(dialog.export_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].path.parent == folder and finished.args[0].path.is_file()
    assert dialog.outcome.text() == DONE
