"""The code editor, driven from the keyboard as a learner would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tutor.ui.code_editor import CodeEditor
from tutor.ui.find_bar import NO_MATCHES

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def editor_in_window(show: Callable[[QWidget], QWidget],
                     file_name: str = "index.html") -> tuple[CodeEditor, QPushButton]:
    """An editor with a button after it, in a shown window, with the editor focused."""
    window = QWidget()
    editor = CodeEditor(file_name)
    button = QPushButton("Run the checks")
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(button)
    window.resize(700, 500)
    show(window)
    editor.setFocus()
    return editor, button


def test_enter_after_an_opening_brace_indents_one_level(qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show, "style.css")
    qtbot.keyClicks(editor, "p {")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "color: red;")
    assert editor.toPlainText() == "p {\n  color: red;"


def test_enter_between_braces_puts_the_closing_brace_on_its_own_line(
        qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show, "app.js")
    qtbot.keyClicks(editor, "  if (ok) {}")
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "go();")
    assert editor.toPlainText() == "  if (ok) {\n    go();\n  }"


def test_enter_keeps_the_indent_and_adds_a_level_only_after_an_opening_tag(
        qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show)
    qtbot.keyClicks(editor, "<ul>")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "<li>One</li>")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "<br>")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "end")
    assert editor.toPlainText() == "<ul>\n  <li>One</li>\n  <br>\n  end"


def test_tab_adds_two_spaces_and_shift_tab_takes_them_away(
        qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show)
    qtbot.keyClicks(editor, "<p>")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  <p>"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.toPlainText() == "<p>"


def test_tab_with_several_lines_selected_indents_them_all(qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show)
    editor.setPlainText("<p>\nHi\n</p>")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.toPlainText() == "  <p>\n  Hi\n  </p>"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, SHIFT)
    assert editor.toPlainText() == "<p>\nHi\n</p>"


def test_control_tab_moves_out_of_the_editor(qtbot: QtBot, show: Callable) -> None:
    editor, button = editor_in_window(show)
    qtbot.keyClick(editor, Qt.Key.Key_Tab, CONTROL)
    assert QApplication.focusWidget() is button
    assert editor.toPlainText() == ""


def test_escape_then_tab_moves_out_of_the_editor(qtbot: QtBot, show: Callable) -> None:
    editor, button = editor_in_window(show)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor  # a plain Tab stays and adds spaces
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    assert editor.toPlainText() == "  "


def test_undo_and_redo(qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show)
    qtbot.keyClicks(editor, "<h1>")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CONTROL)
    assert editor.toPlainText() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Z, CONTROL | SHIFT)
    assert editor.toPlainText() == "<h1>"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CONTROL)
    qtbot.keyClick(editor, Qt.Key.Key_Y, CONTROL)
    assert editor.toPlainText() == "<h1>"


def test_an_auto_indented_new_line_is_undone_in_one_step(qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show, "app.js")
    editor.setPlainText("f() {}")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CONTROL)
    assert editor.toPlainText() == "f() {}"


def test_find_next_previous_and_no_matches(qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show)
    editor.setPlainText("cat\ndog\ncat\nbird\ncat")
    qtbot.keyClick(editor, Qt.Key.Key_F, CONTROL)
    bar = editor.find_bar
    assert bar.isVisible()
    field = QApplication.focusWidget()
    assert field is not None and bar.isAncestorOf(field)

    qtbot.keyClicks(field, "cat")
    assert editor.textCursor().blockNumber() == 0
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert editor.textCursor().blockNumber() == 2
    assert editor.textCursor().selectedText() == "cat"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert editor.textCursor().blockNumber() == 4
    qtbot.keyClick(field, Qt.Key.Key_Return)  # goes round to the top
    assert editor.textCursor().blockNumber() == 0
    qtbot.keyClick(field, Qt.Key.Key_Return, SHIFT)  # and back round to the end
    assert editor.textCursor().blockNumber() == 4
    qtbot.keyClick(field, Qt.Key.Key_Return, SHIFT)
    assert editor.textCursor().blockNumber() == 2

    qtbot.keyClicks(field, "fish")
    assert bar.status_text() == NO_MATCHES

    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is editor


def test_a_read_only_editor_takes_no_typing_and_tab_moves_on(
        qtbot: QtBot, show: Callable) -> None:
    editor, button = editor_in_window(show)
    qtbot.keyClicks(editor, "<p>Hi</p>")
    editor.setReadOnly(True)
    qtbot.keyClicks(editor, "x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CONTROL)
    assert editor.toPlainText() == "<p>Hi</p>"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button


def test_the_editor_and_its_find_bar_fit_half_of_a_small_screen(
        qtbot: QtBot, show: Callable) -> None:
    editor, _ = editor_in_window(show)
    editor.show_find_bar()
    assert editor.find_bar.minimumSizeHint().width() <= 1366 // 2
    assert editor.accessibleName() == "Code editor: index.html"
