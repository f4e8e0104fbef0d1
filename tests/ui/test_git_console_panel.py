"""The git console and the commit message box, driven from the keyboard as a learner would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tutor.ui.git_console_panel import (
    FAILED_COLOR,
    MAX_LINES,
    MESSAGE_PROMPT,
    WORKING_TEXT,
    CommitMessageDialog,
    GitConsolePanel,
)


def shown_panel(show: Callable[[QWidget], QWidget]) -> tuple[GitConsolePanel, QLineEdit]:
    """A console in a shown window, and its command line."""
    panel = GitConsolePanel()
    panel.resize(600, 300)
    show(panel)
    return panel, panel.findChild(QLineEdit)


def type_command(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_focus_starts_in_the_command_line(show: Callable) -> None:
    panel, line = shown_panel(show)
    assert QApplication.focusWidget() is line
    assert line.accessibleName() == "Git command"
    assert panel.findChild(QPlainTextEdit).accessibleName() == "Git console output"


def test_typing_a_command_and_pressing_enter_sends_it(qtbot: QtBot, show: Callable) -> None:
    panel, line = shown_panel(show)
    with qtbot.waitSignal(panel.command_entered, timeout=1000) as blocker:
        type_command(qtbot, line, "  git status ")
    assert blocker.args == ["git status"]
    assert line.text() == ""


def test_an_empty_line_sends_nothing(qtbot: QtBot, show: Callable) -> None:
    panel, line = shown_panel(show)
    with qtbot.assertNotEmitted(panel.command_entered):
        type_command(qtbot, line, "   ")


def test_up_and_down_walk_through_earlier_commands(qtbot: QtBot, show: Callable) -> None:
    panel, line = shown_panel(show)
    for command in ("git init", "git status", "git add index.html"):
        type_command(qtbot, line, command)
    qtbot.keyClicks(line, "git com")  # half typed: Down at the end brings it back
    qtbot.keyClick(line, Qt.Key.Key_Up)
    assert line.text() == "git add index.html"
    qtbot.keyClick(line, Qt.Key.Key_Up)
    qtbot.keyClick(line, Qt.Key.Key_Up)
    qtbot.keyClick(line, Qt.Key.Key_Up)  # already at the oldest: stays there
    assert line.text() == "git init"
    qtbot.keyClick(line, Qt.Key.Key_Down)
    assert line.text() == "git status"
    qtbot.keyClick(line, Qt.Key.Key_Down)
    qtbot.keyClick(line, Qt.Key.Key_Down)
    assert line.text() == "git com"
    assert panel.history() == ["git init", "git status", "git add index.html"]


def test_a_command_typed_twice_in_a_row_is_remembered_once(qtbot: QtBot, show: Callable) -> None:
    panel, line = shown_panel(show)
    type_command(qtbot, line, "git status")
    type_command(qtbot, line, "git status")
    assert panel.history() == ["git status"]


def test_results_are_shown_as_plain_text_after_the_command(qtbot: QtBot) -> None:
    panel = GitConsolePanel()
    qtbot.addWidget(panel)
    panel.show_result("git log --oneline", "<b>abc1234</b> Add a page &amp;\n", True)
    panel.show_result("git status", "On branch main\nnothing to commit\n", True)
    assert panel.text().split("\n") == [
        "$ git log --oneline",
        "<b>abc1234</b> Add a page &amp;",
        "$ git status",
        "On branch main",
        "nothing to commit",
    ]


def test_failed_and_refused_commands_are_marked_in_words_and_colour(qtbot: QtBot) -> None:
    panel = GitConsolePanel()
    qtbot.addWidget(panel)
    panel.show_result("git pusx", "git: 'pusx' is not a git command.", False)
    panel.show_result("git config core.pager less", "You cannot change settings here.", False,
                      refused=True)
    panel.show_result("git commit", "", False)
    panel.show_result("git status", "On branch main", True)
    lines = panel.text().split("\n")
    assert lines[1] == "Error: git: 'pusx' is not a git command."
    assert lines[3] == "Not allowed: You cannot change settings here."
    assert lines[5] == "Error: The command did not work."
    assert lines[7] == "On branch main"
    document = panel.findChild(QPlainTextEdit).document()

    def color_of(line_number: int) -> QColor:
        block = document.findBlockByNumber(line_number)
        return block.begin().fragment().charFormat().foreground().color()

    assert color_of(1) == FAILED_COLOR and color_of(3) == FAILED_COLOR
    assert color_of(7) != FAILED_COLOR


def test_only_the_newest_lines_are_kept(qtbot: QtBot) -> None:
    panel = GitConsolePanel()
    qtbot.addWidget(panel)
    panel.show_result("git log", "\n".join(f"line {n}" for n in range(MAX_LINES + 500)), True)
    lines = panel.text().split("\n")
    assert len(lines) == MAX_LINES
    assert lines[-1] == f"line {MAX_LINES + 499}"


def test_while_busy_the_command_line_is_locked_and_says_working(qtbot: QtBot,
                                                                 show: Callable) -> None:
    panel, line = shown_panel(show)
    working = next(label for label in panel.findChildren(QLabel)
                   if label.text() == WORKING_TEXT)
    assert not working.isVisible()
    panel.set_busy(True)
    assert panel.is_busy() and working.isVisible() and not line.isEnabled()
    with qtbot.assertNotEmitted(panel.command_entered):
        type_command(qtbot, line, "git status")
    panel.set_busy(False)
    assert not working.isVisible() and line.isEnabled()
    assert QApplication.focusWidget() is line  # the learner can type the next one straight away


def test_ctrl_l_clears_the_output_but_keeps_the_history(qtbot: QtBot, show: Callable) -> None:
    panel, line = shown_panel(show)
    type_command(qtbot, line, "git status")
    panel.show_result("git status", "On branch main", True)
    qtbot.keyClick(line, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert panel.text() == ""
    qtbot.keyClick(line, Qt.Key.Key_Up)
    assert line.text() == "git status"


def test_the_message_box_returns_what_was_typed_on_enter(qtbot: QtBot,
                                                         show: Callable) -> None:
    dialog = CommitMessageDialog()
    show(dialog)
    field = dialog.findChild(QLineEdit)
    assert QApplication.focusWidget() is field
    assert any(label.text() == MESSAGE_PROMPT for label in dialog.findChildren(QLabel))
    with qtbot.waitSignal(dialog.message_written, timeout=1000) as blocker:
        qtbot.keyClicks(field, "  Add a <b>heading</b>  ")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert blocker.args == ["Add a <b>heading</b>"]
    assert dialog.result() == CommitMessageDialog.DialogCode.Accepted
    assert dialog.message() == "Add a <b>heading</b>"


def test_the_message_box_will_not_close_with_no_message(qtbot: QtBot, show: Callable) -> None:
    dialog = CommitMessageDialog()
    show(dialog)
    field = dialog.findChild(QLineEdit)
    ok_button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.message_written):
        qtbot.keyClicks(field, "   ")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible() and not ok_button.isEnabled()
    qtbot.keyClicks(field, "Fix typo")
    assert ok_button.isEnabled()


def test_escape_cancels_the_message_box(qtbot: QtBot, show: Callable) -> None:
    dialog = CommitMessageDialog()
    show(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClicks(dialog.findChild(QLineEdit), "Half a thought")
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Escape)
    assert dialog.result() == CommitMessageDialog.DialogCode.Rejected
