"""The learner's side through the real window: "I'm stuck", and the Feedback tab."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.paths import database_path
from tutor.qt_start import start_qt
from tutor.store import Store
from tutor.store.questions import questions_for, record_question
from tutor.ui.export_dialog import ExportDialog
from tutor.ui.feedback_panel import NO_ANSWER, FeedbackPanel
from tutor.ui.removable_drives import FeedbackImport
from tutor.ui.staff_gate import WRONG, StaffPassphraseDialog
from tutor.ui.stuck_dialog import PROMPT, SAVED, StuckDialog

from .conftest import PASSPHRASE

EXERCISE = "html.first-heading"


@pytest.fixture
def tutor(qtbot: QtBot, data_folder: Path) -> Iterator[TutorApp]:
    """The whole app on the workstation's data folder, with nobody signed in yet."""
    _app, chromium = start_qt(headless=True)
    app = TutorApp(data_dir=data_folder, library=load_library(), chromium=chromium)
    qtbot.addWidget(app.window)
    app.window.show()
    app.start_services()
    yield app
    app.window.close()


def sign_in(qtbot: QtBot, tutor: TutorApp, learner_id: str) -> None:
    """Open a learner's work on the first exercise, as signing in does."""
    tutor.open_learner(learner_id)
    tutor.window.show_workspace()
    controller = tutor.controller
    assert controller is not None
    qtbot.waitUntil(lambda: controller.exercise is not None
                    and bool(tutor.window.editor.files()), timeout=10_000)
    controller.open_exercise(EXERCISE)
    qtbot.waitUntil(lambda: controller.exercise is not None
                    and controller.exercise.id == EXERCISE
                    and bool(tutor.window.editor.files()), timeout=10_000)


def add_learner(data_folder: Path, name: str) -> str:
    with Store.open(database_path(data_folder)) as store:
        return store.create_learner(name, "1234").id


def open_stuck_dialog(qtbot: QtBot, tutor: TutorApp) -> StuckDialog:
    qtbot.mouseClick(tutor.window.stuck_button, Qt.MouseButton.LeftButton)
    dialog = tutor.window.findChild(StuckDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_stuck_learner_asks_a_question_that_is_kept_with_their_code(
        qtbot: QtBot, tutor: TutorApp, data_folder: Path) -> None:
    sam = add_learner(data_folder, "Sam")
    sign_in(qtbot, tutor, sam)
    editor = tutor.window.editor.currentWidget()
    editor.setPlainText("<h1>My page</h1>")
    code_now = tutor.window.editor.files()

    dialog = open_stuck_dialog(qtbot, tutor)
    assert dialog.prompt.text() == PROMPT
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Please type your question first."
    qtbot.keyClicks(dialog.text_box, "My heading is too small. Why?")
    with qtbot.waitSignal(dialog.question_saved, timeout=5_000):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_label.isVisible() and dialog.saved_label.text() == SAVED

    assert tutor.store is not None
    [question] = questions_for(tutor.store, sam, EXERCISE)
    assert question.text == "My heading is too small. Why?"
    assert question.files == code_now

    # The learner's Feedback tab lists the question, still waiting for an answer.
    panel = tutor.window.feedback
    qtbot.waitUntil(lambda: len(panel.cards()) == 1, timeout=5_000)
    [card] = panel.cards()
    assert card.text_label.text() == "My heading is too small. Why?"
    assert [label.text() for label in card.answer_labels] == [NO_ANSWER]
    assert panel.code.files() == code_now
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_cancelling_keeps_nothing(qtbot: QtBot, tutor: TutorApp, data_folder: Path) -> None:
    sam = add_learner(data_folder, "Sam")
    sign_in(qtbot, tutor, sam)
    dialog = open_stuck_dialog(qtbot, tutor)
    qtbot.keyClicks(dialog.text_box, "Never mind")
    dialog.reject()
    assert tutor.store is not None and tutor.operations is not None
    tutor.operations.run_and_wait(lambda: None)
    assert questions_for(tutor.store, sam) == []


def test_imported_feedback_shows_beside_the_code_for_that_learner_only(
        qtbot: QtBot, tutor: TutorApp, data_folder: Path,
        instructor_answers: Callable[..., Path]) -> None:
    store = tutor.store
    assert store is not None and tutor.operations is not None
    sam = store.create_learner("Sam", "1234").id
    alex = store.create_learner("Alex", "5678").id
    asked = record_question(store, sam, EXERCISE, "1", "Why is my heading small?",
                            {"index.html": "<h6>Sam's page</h6>"})
    alex_check = store.record_check(alex, EXERCISE, "1", passed=True, results=[],
                                    files={"index.html": "<h1>Alex</h1>"}, duration_ms=2.0)
    path = instructor_answers(answers={asked.id: "Use <h1> for the main heading."},
                              comments={alex_check.id: "Well done, Alex."})
    sign_in(qtbot, tutor, sam)
    panel = tutor.window.feedback
    qtbot.waitUntil(lambda: len(panel.cards()) == 1, timeout=5_000)
    assert [label.text() for label in panel.cards()[0].answer_labels] == [NO_ANSWER]

    # Staff import the file while Sam works: Sam's tab fills in by itself.
    flow = FeedbackImport(store=store, data_folder=data_folder, operations=tutor.operations,
                          parent=tutor.window, find_drives=lambda: [],
                          choose_file=lambda _parent, _start: path,
                          confirm_key=lambda _parent, _fingerprint: True,
                          show_message=lambda _parent, _text: None)
    with qtbot.waitSignal(flow.finished, timeout=20_000):
        flow.start()
    answer = "Ms Khan answered: Use <h1> for the main heading."
    qtbot.waitUntil(lambda: [label.text() for card in panel.cards()
                             for label in card.answer_labels] == [answer], timeout=5_000)
    index = tutor.window.bottom_tabs.indexOf(panel)
    assert tutor.window.bottom_tabs.tabText(index) == "Feedback (1)"
    assert panel.code.files() == {"index.html": "<h6>Sam's page</h6>"}
    assert panel.code.editor("index.html").isReadOnly()

    # Alex signs in: Alex sees only Alex's comment, beside Alex's code.
    sign_in(qtbot, tutor, alex)
    qtbot.waitUntil(lambda: [card.text_label.text() for card in panel.cards()]
                    == ["Well done, Alex."], timeout=5_000)
    assert panel.code.files() == {"index.html": "<h1>Alex</h1>"}
    assert "Why is my heading small?" not in _all_text(panel)


def _all_text(panel: FeedbackPanel) -> str:
    return " ".join(label.text() for label in panel.findChildren(QLabel) if label.isVisible())


def _staff_action(tutor: TutorApp, text: str) -> QAction:
    return next(a for a in tutor.window.staff_menu.actions() if a.text() == text)


def test_export_and_import_do_nothing_without_the_staff_passphrase(
        qtbot: QtBot, tutor: TutorApp) -> None:
    store = tutor.store
    assert store is not None
    store.set_staff_passphrase(PASSPHRASE)
    gate = tutor.staff_gate
    for item in ("Export progress...", "Import feedback..."):
        with qtbot.waitSignal(gate.dialog_opened, timeout=5_000) as opened:
            _staff_action(tutor, item).trigger()
        dialog: StaffPassphraseDialog = opened.args[0]
        dialog.passphrase.setText("a wrong guess")
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda d=dialog: d.message.text() == WRONG, timeout=5_000)
        dialog.reject()
    assert tutor.window.findChild(ExportDialog) is None
    assert tutor.window.findChild(FeedbackImport) is None
    assert [e.action for e in store.audit_entries()].count("wrong staff passphrase") == 2

    # With the passphrase, the export opens on its first step.
    with qtbot.waitSignal(gate.dialog_opened, timeout=5_000) as opened:
        _staff_action(tutor, "Export progress...").trigger()
    dialog = opened.args[0]
    with qtbot.waitSignal(gate.unlocked, timeout=5_000):
        dialog.passphrase.setText(PASSPHRASE)
        dialog.buttons.accepted.emit()
    export = tutor.window.findChild(ExportDialog)
    assert export is not None and export.isVisible() and export.steps.currentIndex() == 0
    export.reject()
