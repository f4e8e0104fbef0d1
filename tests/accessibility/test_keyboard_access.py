"""The keyboard reaches every control in reading order, and a screen reader can name each one.

The order Tab follows through the workspace (see tutor/ui/focus_order.py):
course outline and search -> lesson (its links first) -> hints -> code editor (Ctrl+Tab
leaves it; Tab indents) -> Check my code -> Start again -> the other buttons under the
editor -> the work area (the page preview) -> results, console and feedback tabs -> text
size, display, tour -> Change learner, Staff, About -> back to the course outline.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome  # not collected as a test class
from tutor.app import TutorApp
from tutor.ui.focus_order import tab_stops

from .conftest import press

EXPECTED_ORDER = ["course and search", "lesson", "hints", "editor", "check my code",
                  "start again", "under the editor", "work area", "results tabs",
                  "text size, display and tour", "top bar"]


def region_of(tutor: TutorApp, widget: QWidget) -> str:
    """Which part of the window a control belongs to, in the words of EXPECTED_ORDER."""
    window = tutor.window
    named = [("course and search", window.left_tabs), ("lesson", window.lesson),
             ("hints", window.hints), ("editor", window.editor),
             ("check my code", window.check_button), ("start again", window.start_again_button),
             ("work area", window.work_area), ("results tabs", window.bottom_tabs),
             ("text size, display and tour", tutor.accessibility.controls)]
    for name, region in named:
        if widget is region or region.isAncestorOf(widget):
            return name
    editor_column = window.editor.parentWidget()
    if editor_column is not None and editor_column.isAncestorOf(widget):
        return "under the editor"
    return "top bar" if window.workspace.isAncestorOf(widget) else "outside"


def tab_round(qtbot: QtBot, tutor: TutorApp, *, backwards: bool = False) -> list[str]:
    """Tab (or Shift+Tab) from the course outline until focus comes back to it."""
    tutor.window.outline.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[str] = []
    for _ in range(200):
        focused = QApplication.focusWidget()
        assert focused is not None
        region = region_of(tutor, focused)
        if not visited or visited[-1] != region:
            visited.append(region)
        if len(visited) > 1 and region == "course and search" and focused is tutor.window.outline:
            return visited
        if isinstance(focused, QPlainTextEdit) and not focused.isReadOnly():
            # In the code editor Tab types two spaces; Ctrl+Tab moves on.
            modifiers = Qt.KeyboardModifier.ControlModifier
            if backwards:
                modifiers |= Qt.KeyboardModifier.ShiftModifier
            press(qtbot, Qt.Key.Key_Tab, modifiers)
        else:
            press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                  Qt.KeyboardModifier.ShiftModifier if backwards
                  else Qt.KeyboardModifier.NoModifier)
    raise AssertionError(f"Tab never came back to the outline: {visited}")


def test_tab_visits_the_panels_in_reading_order_and_wraps(
        qtbot: QtBot, workspace: TutorApp) -> None:
    workspace.window.hints.reveal_next()  # a hint shown after the window was built
    workspace.window.results.show_report(CheckReport(passed=False, tests=(
        Outcome("Has a heading", "failed", "Your page needs a heading."),)))
    visited = tab_round(qtbot, workspace)
    assert visited[:-1] == EXPECTED_ORDER
    assert visited[-1] == "course and search"


def test_shift_tab_goes_the_same_way_backwards(qtbot: QtBot, workspace: TutorApp) -> None:
    visited = tab_round(qtbot, workspace, backwards=True)
    assert visited[1:-1] == list(reversed(EXPECTED_ORDER))[:-1]


def test_tab_indents_in_the_editor_and_ctrl_tab_or_esc_leave_it(
        qtbot: QtBot, workspace: TutorApp) -> None:
    editor = workspace.window.editor.currentWidget()
    editor.setFocus()
    text = editor.toPlainText()
    press(qtbot, Qt.Key.Key_Tab)
    assert editor.hasFocus() and editor.toPlainText() == "  " + text
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert workspace.window.check_button.hasFocus()
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.hasFocus()
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Tab)
    assert workspace.window.check_button.hasFocus()
    assert editor.toPlainText() == "  " + text
    assert "Ctrl+Tab" in editor.accessibleDescription()


def test_enter_goes_into_the_page_preview_and_ctrl_tab_comes_out(
        qtbot: QtBot, workspace: TutorApp) -> None:
    preview = workspace.window.preview
    assert preview.view is not None
    preview.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not preview)
    inside = QApplication.focusWidget()
    assert inside is preview.view or preview.view.isAncestorOf(inside)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert region_of(workspace, QApplication.focusWidget()) == "results tabs"
    assert "Enter" in preview.accessibleDescription()


def test_every_control_has_a_name_a_screen_reader_can_say(
        qtbot: QtBot, workspace: TutorApp) -> None:
    window = workspace.window
    window.hints.reveal_next()
    window.results.show_report(CheckReport(passed=True, tests=(
        Outcome("Has a heading", "passed", ""),)))
    workspace.accessibility.controls.read_button.show()  # as when the computer has a voice
    controls = [widget for widget in window.workspace.findChildren(QWidget)
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()]
    assert len(controls) >= 20
    nameless = []
    for widget in controls:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            nameless.append(f"{type(widget).__name__} in {region_of(workspace, widget)}")
    assert nameless == []
    # Tab reaches them all, and nothing else.
    assert {id(stop) for stop in tab_stops(window)} <= {id(widget) for widget in controls}
