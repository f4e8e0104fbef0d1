"""The learner's loop through the real window: sign in, type, check, come back tomorrow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt
from tutor.ui.learner_dialog import LearnerDialog

EXERCISE = "html.first-heading"


def make_app(qtbot: QtBot, data_dir: Path) -> TutorApp:
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=data_dir, library=load_library(), chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    tutor.start_services()
    return tutor


def sign_in_screen(tutor: TutorApp) -> LearnerDialog:
    tutor.ask_for_learner()
    dialog = tutor.window.findChild(LearnerDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"


def wait_for_exercise(qtbot: QtBot, tutor: TutorApp, exercise_id: str) -> None:
    def opened() -> bool:
        controller = tutor.controller
        return (controller is not None and controller.exercise is not None
                and controller.exercise.id == exercise_id and bool(tutor.window.editor.files()))

    qtbot.waitUntil(opened, timeout=10_000)


def current_editor(tutor: TutorApp):  # type: ignore[no-untyped-def]
    return tutor.window.editor.currentWidget()


@pytest.mark.slow
def test_a_learner_types_checks_and_finds_everything_again_after_a_restart(
        qtbot: QtBot, data_dir: Path) -> None:
    tutor = make_app(qtbot, data_dir)
    dialog = sign_in_screen(tutor)
    dialog.show_new_page()
    qtbot.keyClicks(dialog._new_name, "Sam <b>Smith</b>")
    qtbot.keyClicks(dialog._new_pin, "2468")
    qtbot.keyClicks(dialog._new_pin_again, "2468")
    qtbot.keyClick(dialog._new_pin_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tutor.window.pages.currentWidget() is tutor.window.workspace,
                    timeout=10_000)
    assert tutor.window.learner_label.text() == "Learner: Sam <b>Smith</b>"
    wait_for_exercise(qtbot, tutor, EXERCISE)

    # The starter fails, and the results say what to fix in words.
    with qtbot.waitSignal(tutor.controller.check_recorded, timeout=20_000) as first:
        qtbot.mouseClick(tutor.window.check_button, Qt.MouseButton.LeftButton)
    assert first.args[0].passed is False
    assert any(not t.passed and t.message for t in first.args[0].tests)

    # The learner types the answer into the editor, as a person would.
    editor = current_editor(tutor)
    cursor = editor.textCursor()
    text = editor.toPlainText()
    cursor.setPosition(text.index("<body>") + len("<body>"))
    editor.setTextCursor(cursor)
    with qtbot.waitSignal(tutor.controller.draft_saved, timeout=5_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "<h1>About Sam</h1>")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.keyClicks(editor, "<p>I like to cook.</p>")
    with qtbot.waitSignal(tutor.controller.check_recorded, timeout=20_000) as second:
        qtbot.keyClick(tutor.window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert second.args[0].passed is True, second.args[0]
    qtbot.waitUntil(lambda: "done" in _outline_text(tutor), timeout=5_000)
    typed = tutor.window.editor.files()["index.html"]
    assert "<h1>About Sam</h1>" in typed
    tutor.window.close()

    # Tomorrow: a new app on the same data folder. The draft and the progress are back.
    again = make_app(qtbot, data_dir)
    dialog = sign_in_screen(again)
    dialog.show_pick_page()
    dialog._names.setCurrentRow(0)
    qtbot.keyClicks(dialog._pin, "1111")
    qtbot.keyClick(dialog._pin, Qt.Key.Key_Return)
    assert "not right" in dialog.message()
    qtbot.keyClicks(dialog._pin, "2468")
    qtbot.keyClick(dialog._pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.window.pages.currentWidget() is again.window.workspace,
                    timeout=10_000)
    qtbot.waitUntil(lambda: "done" in _outline_text(again), timeout=10_000)
    assert again.controller is not None
    again.controller.open_exercise(EXERCISE)
    qtbot.waitUntil(lambda: again.window.editor.files().get("index.html") == typed,
                    timeout=10_000)
    again.window.close()


def _outline_text(tutor: TutorApp) -> str:
    outline = tutor.window.outline
    texts = []
    for index in range(outline.topLevelItemCount()):
        track = outline.topLevelItem(index)
        for child in range(track.childCount()):
            texts.append(track.child(child).text(0))
    return " | ".join(texts)


def test_about_says_what_the_app_decided_about_the_browser_sandbox(
        qtbot: QtBot, data_dir: Path) -> None:
    tutor = make_app(qtbot, data_dir)
    text = tutor.about_text()
    assert tutor.chromium.reason in text
    assert "no network connections" in text
    import os

    if os.geteuid() == 0:
        assert "sandbox is off" in text and "root" in text
    else:
        assert "sandbox is on" in text
    tutor.window.close()


def test_the_workstation_export_key_is_made_at_first_start(
        qtbot: QtBot, data_dir: Path) -> None:
    from tutor.exchange import workstation_fingerprint

    key_file = data_dir / "workstation.key"
    assert not key_file.exists()
    tutor = make_app(qtbot, data_dir)
    qtbot.waitUntil(key_file.exists, timeout=5_000)
    first = workstation_fingerprint(data_dir)
    tutor.window.close()
    # A second start keeps the same key: exports stay signed by one workstation.
    again = make_app(qtbot, data_dir)
    assert workstation_fingerprint(data_dir) == first
    again.window.close()
