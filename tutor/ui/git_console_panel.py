"""A terminal-like panel where the learner types git commands, and the commit message box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tutor.ui.console_panel import recolor_lines
from tutor.ui.text_size import fixed_pitch_font
from tutor.ui.themes import current_theme

MAX_LINES = 2000
PROMPT = "$ "
WORKING_TEXT = "Working..."
FAILED_WORD = "Error: "
REFUSED_WORD = "Not allowed: "
FAILED_WITH_NO_OUTPUT = "The command did not work."
COMMAND_COLOR = QColor("#0b3d91")  # both read well (over 4.5:1) on a white background
FAILED_COLOR = QColor("#b00020")
MESSAGE_PROMPT = "Write a short message that says what you changed:"
# Commands and failures are coloured by the theme (the colours above are the light
# theme's); each line remembers which it is, as its block's user state, so a new theme can
# colour it again.
COMMAND_LINE, FAILED_LINE = 1, 2


def _mark_blocks(first: QTextBlock, last: QTextBlock, state: int) -> None:
    block = first
    while block.isValid():
        block.setUserState(state)
        if block == last:
            break
        block = block.next()


def _plain_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never read outside text as markup
    return label


class GitConsolePanel(QWidget):
    """A place to type git commands and read what they printed, newest at the bottom."""

    command_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Git console")
        fixed_font = fixed_pitch_font()  # its size follows the text size
        self._theme_key = current_theme().key
        self._history: list[str] = []
        self._history_index = 0  # len(history) means "the line being written now"
        self._draft = ""
        self._refocus_after_busy = False

        self._output = QPlainTextEdit()
        self._output.setReadOnly(True)
        self._output.setAccessibleName("Git console output")
        self._output.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._output.setFont(fixed_font)
        self._output.setMaximumBlockCount(MAX_LINES)
        self._output.setPlaceholderText("Type a git command below, then press Enter.")

        prompt = _plain_label(PROMPT)
        prompt.setFont(fixed_font)
        prompt.setAccessibleName("Prompt")
        self._input = QLineEdit()
        self._input.setFont(fixed_font)
        self._input.setAccessibleName("Git command")
        self._input.setAccessibleDescription(
            "Type a git command and press Enter. Up and Down show earlier commands.")
        self._input.setPlaceholderText("git status")
        self._input.returnPressed.connect(self._submit)
        self._input.installEventFilter(self)
        prompt.setBuddy(self._input)
        self._working = _plain_label(WORKING_TEXT)
        self._working.setAccessibleName(WORKING_TEXT)
        self._working.hide()

        input_row = QHBoxLayout()
        input_row.setContentsMargins(4, 0, 4, 0)
        input_row.setSpacing(0)
        input_row.addWidget(prompt)
        input_row.addWidget(self._input, 1)
        input_row.addWidget(self._working)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._output, 1)
        layout.addLayout(input_row)

        self.setFocusProxy(self._input)
        self._input.setFocus()  # typing goes to the command line as soon as the window shows
        clear_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        clear_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        clear_shortcut.activated.connect(self.clear)

    def show_result(self, command: str, output: str, ok: bool, *, refused: bool = False) -> None:
        """Add a command and what it printed; a failed or refused one is marked in words too."""
        document = self._output.document()
        theme = current_theme()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()
        if not document.isEmpty():
            cursor.insertBlock()
        command_format = QTextCharFormat()
        command_format.setForeground(QColor(theme.command))
        command_format.setFontWeight(QFont.Weight.Bold)
        # insertText takes the text as it is: nothing in it is read as markup.
        cursor.insertText(PROMPT + command, command_format)
        cursor.block().setUserState(COMMAND_LINE)
        text = output.rstrip("\n")
        output_format = QTextCharFormat()
        failed = not ok or refused
        if failed:
            output_format.setForeground(QColor(theme.failed))
            word = REFUSED_WORD if refused else FAILED_WORD
            text = word + (text.lstrip("\n") or FAILED_WITH_NO_OUTPUT)
        if text:
            cursor.insertBlock()
            first = cursor.block()
            cursor.insertText(text, output_format)
            if failed:
                _mark_blocks(first, cursor.block(), FAILED_LINE)
        cursor.endEditBlock()
        scroll_bar = self._output.verticalScrollBar()
        scroll_bar.setValue(scroll_bar.maximum())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Colour commands and failures again in a new theme."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and current_theme().key != self._theme_key:
            theme = current_theme()
            self._theme_key = theme.key
            recolor_lines(self._output.document(), {COMMAND_LINE: QColor(theme.command),
                                                    FAILED_LINE: QColor(theme.failed)})

    def clear(self) -> None:
        """Remove everything shown so far; the command history stays."""
        self._output.clear()

    def set_busy(self, busy: bool) -> None:
        """While a command runs, lock the command line and say "Working..."."""
        if busy and self.is_busy():
            return
        if busy:
            self._refocus_after_busy = self._input.hasFocus()
        self._input.setEnabled(not busy)
        self._working.setVisible(busy)
        if not busy and self._refocus_after_busy:
            self._input.setFocus()

    def is_busy(self) -> bool:
        """True while a command runs and the command line is locked."""
        return not self._input.isEnabled()

    def text(self) -> str:
        """Everything shown in the output area, as plain text."""
        return self._output.toPlainText()

    def history(self) -> list[str]:
        """The commands typed so far, oldest first."""
        return list(self._history)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the command line walk through earlier commands."""
        if watched is self._input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Up:
                self._walk_history(-1)
                return True
            if event.key() == Qt.Key.Key_Down:
                self._walk_history(1)
                return True
        return super().eventFilter(watched, event)

    def _walk_history(self, step: int) -> None:
        if self._history_index == len(self._history):
            self._draft = self._input.text()  # keep what was being typed, to come back to
        new_index = min(max(self._history_index + step, 0), len(self._history))
        if new_index == self._history_index:
            return
        self._history_index = new_index
        at_draft = new_index == len(self._history)
        self._input.setText(self._draft if at_draft else self._history[new_index])

    def _submit(self) -> None:
        command = self._input.text().strip()
        if not command:
            return
        if not self._history or self._history[-1] != command:
            self._history.append(command)
        self._history_index = len(self._history)
        self._draft = ""
        self._input.clear()
        self.command_entered.emit(command)


class CommitMessageDialog(QDialog):
    """Asks the learner for a one-line commit message; OK stays off until there is one."""

    message_written = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, message: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Commit message")
        self.setAccessibleName("Commit message")
        question = _plain_label(MESSAGE_PROMPT)
        question.setWordWrap(True)
        self._field = QLineEdit(message)
        self._field.setAccessibleName("Commit message")
        self._field.setAccessibleDescription(MESSAGE_PROMPT)
        self._field.setPlaceholderText("For example: Add a heading to the home page")
        question.setBuddy(self._field)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                         | QDialogButtonBox.StandardButton.Cancel)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._field.textChanged.connect(self._update_ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self._field)
        layout.addWidget(self._buttons)
        self._update_ok_button()
        self._field.setFocus()
        self.setMinimumWidth(420)

    def message(self) -> str:
        """The message as written, without spaces at either end."""
        return self._field.text().strip()

    def accept(self) -> None:
        """Close with the message, if there is one; an empty message is not a message."""
        if not self.message():
            return
        super().accept()
        self.message_written.emit(self.message())

    def _update_ok_button(self) -> None:
        ok_button = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(bool(self.message()))
