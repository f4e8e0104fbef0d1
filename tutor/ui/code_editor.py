"""The learner's code editor: line numbers, two-space indents, find, and syntax colours."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from tutor.ui.find_bar import FindBar
from tutor.ui.highlighter import PygmentsHighlighter, lexer_for_file_name
from tutor.ui.text_size import fixed_pitch_font
from tutor.ui.themes import current_theme

INDENT = "  "
LEAVE_HELP = ("Tab adds two spaces. To move out of the editor, press Ctrl+Tab, "
              "or press Esc and then Tab.")
# From this many lines, a new text is coloured after it is shown rather than before.
LONG_TEXT_LINES = 300
# The editor's colours (background, text, line numbers, the current line, syntax colours)
# come from the theme (tutor/ui/themes.py), and follow it when it changes.
# HTML elements that never hold content, so a new line after them needs no extra indent.
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "source", "track", "wbr", "!doctype"})
OPENING_TAG = re.compile(r"<([A-Za-z!][\w-]*)(?:\s[^<>]*)?>$")
CLOSERS = {"{": "}", "(": ")", "[": "]"}


def opens_a_level(text_before_cursor: str) -> bool:
    """True when a new line after this text should be indented one level more."""
    stripped = text_before_cursor.rstrip()
    if stripped.endswith(tuple(CLOSERS)):
        return True
    tag = OPENING_TAG.search(stripped)
    if tag is None or stripped.endswith("/>"):
        return False
    return tag.group(1).lower() not in VOID_ELEMENTS


class _LineNumberGutter(QWidget):
    """The strip left of the text that shows line numbers."""

    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self._editor.paint_gutter(self, event)


class CodeEditor(QPlainTextEdit):
    """A plain-text code editor with line numbers, two-space indents, auto-indent and find."""

    def __init__(self, file_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_name = file_name
        self._leave_on_next_tab = False
        self._theme_key = ""
        self.setFont(fixed_pitch_font())  # its size follows the text size
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName(f"Code editor: {file_name}" if file_name else "Code editor")
        self.setAccessibleDescription(LEAVE_HELP)
        self.setToolTip(LEAVE_HELP)
        # The theme's style sheet gives code editors their colours and a clear focus border.
        self.setProperty("role", "code")

        self.highlighter: PygmentsHighlighter | None = None
        if lexer_for_file_name(file_name) is not None:
            self.highlighter = PygmentsHighlighter(self.document(), file_name)

        self._gutter = _LineNumberGutter(self)
        self.find_bar = FindBar(self, self)
        self.find_bar.hide()
        self.find_bar.closed.connect(self._update_margins)

        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._show_current_line)
        self._update_margins()
        self._follow_theme()
        self._show_current_line()

    def set_text(self, text: str) -> None:
        """Replace the whole text (clearing undo), colouring a long text a slice at a time."""
        if self.highlighter is not None and text.count("\n") >= LONG_TEXT_LINES:
            self.highlighter.replace_text(lambda: self.setPlainText(text))
        else:
            self.setPlainText(text)

    def show_find_bar(self) -> None:
        """Open the find bar below the text."""
        self.find_bar.open_bar()
        self._update_margins()

    def leave_editor(self, *, forward: bool = True) -> None:
        """Move the keyboard focus to the next (or previous) control after the editor."""
        # QPlainTextEdit refuses to pass focus on while Tab types, so allow it for this move.
        self.setTabChangesFocus(True)
        try:
            self.focusNextPrevChild(forward)
        finally:
            self.setTabChangesFocus(False)

    def gutter_width(self) -> int:
        """How wide the line-number strip is for the current number of lines."""
        digits = max(2, len(str(self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * digits

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Two-space Tab, smart Enter, Ctrl+F, and ways to leave the editor by keyboard."""
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        is_tab = key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        leave = self._leave_on_next_tab
        self._leave_on_next_tab = False
        if is_tab and (control or leave or self.isReadOnly()):
            self.leave_editor(forward=key == Qt.Key.Key_Tab and not shift)
        elif key == Qt.Key.Key_Escape:
            if self.find_bar.isVisible():
                self.find_bar.close_bar()
            self._leave_on_next_tab = True
        elif event.matches(QKeySequence.StandardKey.Find) or (control and key == Qt.Key.Key_F):
            self.show_find_bar()
        elif self.isReadOnly():
            super().keyPressEvent(event)
        elif control and (key == Qt.Key.Key_Y or (shift and key == Qt.Key.Key_Z)):
            self.redo()
        elif is_tab and (shift or key == Qt.Key.Key_Backtab):
            self._dedent()
        elif key == Qt.Key.Key_Tab and not modifiers:
            self._indent()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not control:
            self._new_line()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Follow a new theme: Qt sends StyleChange when the app's style sheet changes."""
        super().changeEvent(event)
        # Qt sends these from inside __init__ too (setFont), before the children exist.
        if event.type() == QEvent.Type.StyleChange and hasattr(self, "find_bar"):
            self._follow_theme()
        elif event.type() == QEvent.Type.FontChange and hasattr(self, "find_bar"):
            self._update_margins()  # wider line numbers for bigger text

    def _follow_theme(self) -> None:
        theme = current_theme()
        if theme.key == self._theme_key:
            return
        self._theme_key = theme.key
        # The palette too, for when no style sheet is applied (a widget on its own).
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.editor_background))
        palette.setColor(QPalette.ColorRole.Text, QColor(theme.editor_text))
        self.setPalette(palette)
        if self.highlighter is not None:
            self.highlighter.set_colors(theme.syntax_style, QColor(theme.editor_background),
                                        minimum_contrast=theme.text_contrast)
        self._show_current_line()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_children()

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        """Draw the line numbers for the lines in view."""
        theme = current_theme()
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), QColor(theme.gutter_background))
        current = self.textCursor().blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        bold = QFont(self.font())
        bold.setBold(True)
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber()
                painter.setFont(bold if number == current else self.font())
                painter.setPen(QColor(theme.editor_text if number == current
                                      else theme.gutter_text))
                painter.drawText(0, top, gutter.width() - 6, height,
                                 Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top = bottom
        painter.end()

    def _update_margins(self) -> None:
        bar_height = self.find_bar.sizeHint().height() if self.find_bar.isVisible() else 0
        self.setViewportMargins(self.gutter_width(), 0, 0, bar_height)
        self._place_children()

    def _place_children(self) -> None:
        area = self.contentsRect()
        bar_height = self.find_bar.sizeHint().height() if self.find_bar.isVisible() else 0
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(),
                                       area.height() - bar_height))
        self.find_bar.setGeometry(QRect(area.left(), area.bottom() - bar_height + 1,
                                        area.width(), bar_height))

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def _show_current_line(self) -> None:
        line = QTextEdit.ExtraSelection()
        line.format.setBackground(QColor(current_theme().current_line))
        line.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line.cursor = self.textCursor()
        line.cursor.clearSelection()
        self.setExtraSelections([line])
        self._gutter.update()

    def _selected_blocks(self) -> tuple[int, int]:
        cursor = self.textCursor()
        document = self.document()
        first = document.findBlock(cursor.selectionStart()).blockNumber()
        last_block = document.findBlock(cursor.selectionEnd())
        last = last_block.blockNumber()
        # A selection that ends at the very start of a line does not include that line.
        if last > first and cursor.selectionEnd() == last_block.position():
            last -= 1
        return first, last

    def _indent(self) -> None:
        cursor = self.textCursor()
        first, last = self._selected_blocks()
        if first == last:
            cursor.insertText(INDENT)
            return
        cursor.beginEditBlock()
        for number in range(first, last + 1):
            line = QTextCursor(self.document().findBlockByNumber(number))
            line.insertText(INDENT)
        cursor.endEditBlock()

    def _dedent(self) -> None:
        cursor = self.textCursor()
        first, last = self._selected_blocks()
        cursor.beginEditBlock()
        for number in range(first, last + 1):
            block = self.document().findBlockByNumber(number)
            text = block.text()
            remove = 1 if text.startswith("\t") else len(text) - len(text.lstrip(" "))
            line = QTextCursor(block)
            line.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor,
                              min(remove, len(INDENT)))
            line.removeSelectedText()
        cursor.endEditBlock()

    def _new_line(self) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        text = cursor.block().text()
        before, after = text[:cursor.positionInBlock()], text[cursor.positionInBlock():]
        indent = before[:len(before) - len(before.lstrip(" \t"))]
        deeper = opens_a_level(before)
        cursor.insertText("\n" + indent + (INDENT if deeper else ""))
        stripped_before, stripped_after = before.rstrip(), after.lstrip()
        closes_here = stripped_after[:1] == CLOSERS.get(stripped_before[-1:], "\0") or (
            deeper and stripped_after.startswith("</"))
        if deeper and closes_here:
            # Put the closing bracket or tag on its own line, lined up with the opening one.
            middle = cursor.position()
            cursor.insertText("\n" + indent)
            cursor.setPosition(middle)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
