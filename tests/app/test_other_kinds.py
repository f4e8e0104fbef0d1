"""SQL and git exercises through the real window: what the learner types, they see."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sandbox.git import NO_GIT_MESSAGE
from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt


def signed_in_app(qtbot: QtBot, data_dir: Path) -> TutorApp:
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=data_dir, library=load_library(), chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    tutor.start_services()
    assert tutor.store is not None and tutor.controller is not None
    learner = tutor.store.create_learner("Robin", "1357")
    tutor.controller.set_learner(learner)
    tutor.window.show_workspace()
    qtbot.waitUntil(lambda: tutor.controller is not None
                    and tutor.controller.exercise is not None, timeout=10_000)
    return tutor


def open_exercise(qtbot: QtBot, tutor: TutorApp, exercise_id: str) -> None:
    assert tutor.controller is not None
    with qtbot.waitSignal(tutor.controller.exercise_opened, timeout=10_000):
        tutor.controller.open_exercise(exercise_id)


@pytest.mark.slow
def test_sql_results_follow_typing_and_the_check_says_what_differs(
        qtbot: QtBot, tmp_path: Path) -> None:
    tutor = signed_in_app(qtbot, tmp_path)
    open_exercise(qtbot, tutor, "sql.count-and-sort")
    editor = tutor.window.editor.currentWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "SELECT city, COUNT(*) AS pet_count FROM pets GROUP BY city;")
    view = tutor.controller._sql_view  # type: ignore[union-attr]
    assert view is not None and tutor.window.work_area.currentWidget() is view
    qtbot.waitUntil(lambda: "rows" in view.status_text(), timeout=10_000)
    with qtbot.waitSignal(tutor.controller.check_recorded, timeout=20_000) as checked:
        qtbot.mouseClick(tutor.window.check_button, Qt.MouseButton.LeftButton)
    report = checked.args[0]
    assert not report.passed
    assert any("order" in t.message.lower() for t in report.tests if not t.passed)
    tutor.window.close()


@pytest.mark.slow
def test_git_console_commands_update_the_graph_and_the_editor(
        qtbot: QtBot, tmp_path: Path) -> None:
    tutor = signed_in_app(qtbot, tmp_path)
    open_exercise(qtbot, tutor, "git.first-commit")
    area = tutor.controller._git_area  # type: ignore[union-attr]
    assert area is not None and tutor.window.work_area.currentWidget() is area
    console_line = area.console._input
    qtbot.waitUntil(lambda: console_line.isEnabled(), timeout=10_000)
    for command in ("git init", 'echo "I want to learn git." >> notes.txt', "git add notes.txt",
                    'git commit -m "Add my notes"'):
        qtbot.keyClicks(console_line, command)
        qtbot.keyClick(console_line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not area.console.is_busy(), timeout=15_000)
    qtbot.waitUntil(lambda: len(area.graph.rows()) == 1, timeout=10_000)
    assert "Add my notes" in area.graph.rows()[0].summary
    assert tutor.window.editor.files().get("notes.txt", "").endswith("I want to learn git.\n")
    # A refused command says so in plain words and changes nothing.
    qtbot.keyClicks(console_line, "git -c core.pager=touch x log")
    qtbot.keyClick(console_line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not area.console.is_busy(), timeout=15_000)
    assert "Not allowed" in area.console.text()
    with qtbot.waitSignal(tutor.controller.check_recorded, timeout=20_000) as checked:
        qtbot.mouseClick(tutor.window.check_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].passed, checked.args[0]
    tutor.window.close()


def test_without_git_the_git_lessons_say_so_and_the_rest_still_works(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sandbox.git.safe_git._GIT_LOCATIONS", ())
    tutor = signed_in_app(qtbot, tmp_path)
    assert tutor.controller is not None
    tutor.controller.open_exercise("git.first-commit")
    area = tutor.controller._git_area
    assert area is not None
    qtbot.waitUntil(lambda: area.notice.isVisible(), timeout=5_000)
    assert area.notice.text() == NO_GIT_MESSAGE
    open_exercise(qtbot, tutor, "javascript.greet")
    with qtbot.waitSignal(tutor.controller.check_recorded, timeout=20_000) as checked:
        qtbot.mouseClick(tutor.window.check_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].tests
    tutor.window.close()
