"""Questions and comments, from the instructor's window to the learner's Feedback tab:
answer a question, comment on an attempt, export the feedback file, import it there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tutor.exchange import import_exports, import_feedback, write_feedback
from tutor.instructor_app import InstructorApp
from tutor.paths import instructor_database_path
from tutor.store import Store
from tutor.store.feedback import feedback_for
from tutor.store.questions import record_question
from tutor.ui.code_editor import CodeEditor
from tutor.ui.feedback_panel import load_feedback
from tutor.ui.instructor.feedback_box import SAVED
from tutor.ui.instructor.feedback_export import DONE
from tutor.ui.instructor.questions_page import ANSWERED, NOT_ANSWERED

from .conftest import FIRST, Opener, Workstation, add_work, unlock

TIMEOUT = 15_000
HOSTILE_QUESTION = "<b>Help</b><img src='file:///etc/hostname'> & why?\nSecond line"


def read_now(qtbot: QtBot, app: InstructorApp, job: Callable[[Store], Any]) -> Any:
    """Run a store read on the app's worker thread and wait for its result."""
    box: list[Any] = []
    app.data.read(job, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=TIMEOUT)
    assert not isinstance(box[0], Exception), box[0]
    return box[0]


@pytest.fixture
def class_with_questions(make_workstation: Any, instructor_dir: Path,
                         stick: Path) -> tuple[Workstation, dict[str, str]]:
    """Wing A with two learners who asked questions; its progress imported by the instructor."""
    wing_a: Workstation = make_workstation("Wing A, PC 1")
    ann = add_work(wing_a.store, "Ann", [FIRST], passed=False, code="<h2>Ann's page</h2>")
    ben = add_work(wing_a.store, "Ben", [FIRST], passed=False)
    asked = {
        "ann": record_question(wing_a.store, ann.id, FIRST, "v1", "Where does the h1 go?",
                               {"index.html": "<h2>Ann's page</h2>"}).id,
        "ben": record_question(wing_a.store, ben.id, FIRST, "v1", HOSTILE_QUESTION,
                               {"index.html": "<p>Ben's code</p>"}).id,
        "ann_id": ann.id, "ben_id": ben.id,
    }
    with Store.open(instructor_database_path(instructor_dir)) as store:
        import_exports(store, [wing_a.export(stick)], enrol=lambda _info: True)
    return wing_a, asked


def test_questions_are_listed_oldest_first_and_an_answer_travels_to_the_learner(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, stick: Path,
        class_with_questions: tuple[Workstation, dict[str, str]]) -> None:
    wing_a, asked = class_with_questions
    app = open_app(instructor_dir)
    page = app.exchange.questions
    app.window.show_page(page)
    qtbot.waitUntil(lambda: len(page.items) == 2, timeout=TIMEOUT)
    table = page.table
    assert [table.shown_text(row, 1) for row in range(2)] == ["Ann", "Ben"]
    assert table.shown_text(0, 2) == "H1: Your first heading"
    assert table.shown_text(1, 3) == "<b>Help</b><img src='file:///etc/hostname'> & why?"
    assert [table.shown_text(row, 4) for row in range(2)] == [NOT_ANSWERED, NOT_ANSWERED]
    assert page.summary.text() == "2 questions, 2 not answered yet. Oldest first."

    table.choose_row(1)
    assert page.question_text.toPlainText() == HOSTILE_QUESTION
    assert page.heading.text().startswith("Ben asked about H1: Your first heading (HTML)")
    editor = page.code.widget(0)
    assert isinstance(editor, CodeEditor) and editor.isReadOnly()
    assert editor.toPlainText() == "<p>Ben's code</p>"

    page.answer.editor.setPlainText("Put the <h1> inside <body>.")
    with qtbot.waitSignal(page.answer.feedback_saved, timeout=TIMEOUT) as saved:
        page.answer.save_button.click()
    assert saved.args[0].question_id == asked["ben"]
    qtbot.waitUntil(lambda: table.shown_text(1, 4) == ANSWERED, timeout=TIMEOUT)
    assert table.shown_text(0, 4) == NOT_ANSWERED  # answered ones stay in the list
    assert page.answer.message.text() == SAVED
    assert page.answer.editor.toPlainText() == ""
    qtbot.waitUntil(lambda: page.answer.existing.count() == 1
                    and "answer to this question" in page.answer.existing.item(0).text(),
                    timeout=TIMEOUT)
    assert page.summary.text() == "2 questions, 1 not answered yet. Oldest first."

    path = read_now(qtbot, app, lambda store: write_feedback(
        store, instructor_dir, wing_a.store.workstation_id, stick))
    report = import_feedback(wing_a.store, wing_a.folder, path, enrol_instructor=lambda _f: True)
    assert report.new == 1
    notes = load_feedback(wing_a.store, asked["ben_id"], FIRST)
    question = next(note for note in notes if note.is_question)
    assert question.text == HOSTILE_QUESTION
    assert question.answers == ("Your instructor answered: Put the <h1> inside <body>.",)
    assert load_feedback(wing_a.store, asked["ann_id"], FIRST)[0].answers == ()


def test_an_empty_answer_cannot_be_saved(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path,
        class_with_questions: tuple[Workstation, dict[str, str]]) -> None:
    app = open_app(instructor_dir)
    page = app.exchange.questions
    qtbot.waitUntil(lambda: len(page.items) == 2, timeout=TIMEOUT)
    assert not page.answer.isEnabled()  # nothing chosen yet
    page.table.choose_row(0)
    assert page.answer.isEnabled() and not page.answer.save_button.isEnabled()
    page.answer.editor.setPlainText("   \n  ")
    assert not page.answer.save_button.isEnabled()
    page.answer.editor.setPlainText("Look at lesson 1 again.")
    assert page.answer.save_button.isEnabled()


def test_a_comment_on_an_attempt_goes_out_in_the_exported_feedback_file(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, stick: Path,
        class_with_questions: tuple[Workstation, dict[str, str]]) -> None:
    wing_a, asked = class_with_questions
    app = open_app(instructor_dir)
    view = app.window.submission
    app.window.show_work(asked["ann_id"], FIRST)
    qtbot.waitUntil(lambda: len(view.events) == 2, timeout=TIMEOUT)  # a check and a question
    view.attempts.setCurrentRow(0)
    check = view.events[0]
    assert check.kind == "check"
    box = view.feedback
    assert box.prompt.text() == "Write a comment for the learner"
    qtbot.waitUntil(lambda: box.existing.count() == 1, timeout=TIMEOUT)
    assert box.existing.item(0).text() == "No comments on this exercise yet."
    box.editor.setPlainText("Good start. Now change the h2 to an h1.")
    with qtbot.waitSignal(box.feedback_saved, timeout=TIMEOUT) as saved:
        box.save_button.click()
    assert saved.args[0].event_id == check.id and saved.args[0].question_id is None
    qtbot.waitUntil(lambda: "(about this attempt)" in box.existing.item(0).text(),
                    timeout=TIMEOUT)
    assert box.existing.item(0).text().endswith(":\nGood start. Now change the h2 to an h1.")
    view.step(1)  # the question: the comment is listed, but not as about this one
    qtbot.waitUntil(lambda: box.question_id == view.events[1].id
                    and "(about this attempt)" not in box.existing.item(0).text(),
                    timeout=TIMEOUT)
    saved_rows = read_now(qtbot, app, lambda store: feedback_for(store, asked["ann_id"]))
    assert [(row.event_id, row.text) for row in saved_rows] == [
        (check.id, "Good start. Now change the h2 to an h1.")]

    button = next(button for button in app.window.findChildren(type(view.earlier))
                  if button.text() == "Export feedback…")
    with qtbot.waitSignal(app.exchange.feedback_dialog_opened, timeout=TIMEOUT) as opened:
        unlock(qtbot, app, button.click)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.workstation_box.count() == 1, timeout=TIMEOUT)
    assert dialog.workstation_box.currentText() == "Wing A, PC 1: 1 comment"
    dialog.folder_field.setText(str(stick))
    with qtbot.waitSignal(dialog.written, timeout=TIMEOUT) as written:
        dialog.write_button.click()
    path = written.args[0]
    assert dialog.outcome.text().startswith(DONE)
    assert f"Saved {path.name}: 1 comment for Wing A, PC 1." in dialog.outcome.text()
    dialog.close_button.click()

    import_feedback(wing_a.store, wing_a.folder, path, enrol_instructor=lambda _f: True)
    comment = next(note for note in load_feedback(wing_a.store, asked["ann_id"], FIRST)
                   if not note.is_question)
    assert comment.text == "Good start. Now change the h2 to an h1."
    assert comment.files == {"index.html": "<h2>Ann's page</h2>"}  # beside their code


def test_feedback_export_says_why_when_the_folder_is_missing(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, tmp_path: Path,
        class_with_questions: tuple[Workstation, dict[str, str]]) -> None:
    app = open_app(instructor_dir)
    with qtbot.waitSignal(app.exchange.feedback_dialog_opened, timeout=TIMEOUT) as opened:
        unlock(qtbot, app, app.exchange.export_feedback)
    dialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.workstation_box.count() == 1, timeout=TIMEOUT)
    dialog.folder_field.setText(str(tmp_path / "not-here"))
    dialog.write_button.click()
    assert dialog.outcome.text() == "That folder does not exist. Choose another one."
    assert not list(tmp_path.glob("**/*.tutorfeedback"))
    dialog.reject()
