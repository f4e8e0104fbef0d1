"""Editor tabs: one per file, and an edit signal only when the learner types."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import tutor.ui.highlighter as highlighter_module
from tutor.ui.code_editor import CodeEditor
from tutor.ui.editor_tabs import EditorTabs

FILES = {"index.html": "<h1>Hello</h1>", "style.css": "h1 { color: red; }", "app.js": "let a;"}


def test_one_tab_per_file_and_the_files_come_back_unchanged(qtbot: QtBot) -> None:
    tabs = EditorTabs()
    qtbot.addWidget(tabs)
    tabs.set_files(FILES)
    assert [tabs.tabText(i) for i in range(tabs.count())] == list(FILES)
    assert tabs.files() == FILES
    editor = tabs.widget(1)
    assert isinstance(editor, CodeEditor) and editor.highlighter is not None
    tabs.set_files({"notes.txt": "plain"})
    assert tabs.count() == 1 and tabs.files() == {"notes.txt": "plain"}


def test_typing_announces_the_edited_files(qtbot: QtBot, show: Callable) -> None:
    tabs = EditorTabs()
    tabs.set_files(FILES)
    show(tabs)
    tabs.setCurrentIndex(2)
    editor = tabs.editor("app.js")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    edits: list[dict[str, str]] = []
    tabs.files_edited.connect(edits.append)
    qtbot.keyClicks(editor, " // done")
    assert len(edits) == len(" // done")  # one for every key
    assert edits[-1] == {**FILES, "app.js": "let a; // done"}


def test_loading_files_announces_no_edit_even_once_colouring_finishes(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighter_module, "PASS_BUDGET_SECONDS", 0.001)
    tabs = EditorTabs()
    qtbot.addWidget(tabs)
    edits: list[dict[str, str]] = []
    tabs.files_edited.connect(edits.append)
    big = "\n".join(["<p>Some text</p>", "<!-- a note -->"] * 2000)
    tabs.set_files({"index.html": big, "app.js": "let a;"})
    highlighter = tabs.editor("index.html").highlighter
    assert highlighter is not None and highlighter.is_pending()
    with qtbot.waitSignal(highlighter.highlighting_finished, timeout=20_000):
        pass
    tabs.set_files({"index.html": "<p>New</p>", "app.js": "let b;"})  # same names: reused
    qtbot.wait(20)  # let any queued signal arrive, so its absence means something
    assert edits == []
    assert tabs.files() == {"index.html": "<p>New</p>", "app.js": "let b;"}


def test_read_only_stops_typing_in_every_tab(qtbot: QtBot, show: Callable) -> None:
    tabs = EditorTabs()
    tabs.set_files(FILES)
    show(tabs)
    tabs.set_read_only(True)
    for name in FILES:
        tabs.setCurrentWidget(tabs.editor(name))
        qtbot.keyClicks(tabs.editor(name), "zz")
    assert tabs.files() == FILES
    tabs.set_read_only(False)
    qtbot.keyClicks(tabs.editor("app.js"), "z")
    assert tabs.files()["app.js"] != FILES["app.js"]


def test_control_page_down_moves_to_the_next_file(qtbot: QtBot, show: Callable) -> None:
    tabs = EditorTabs()
    tabs.set_files(FILES)
    show(tabs)
    tabs.editor("index.html").setFocus()
    qtbot.keyClick(tabs.editor("index.html"), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentWidget() is tabs.editor("style.css")
