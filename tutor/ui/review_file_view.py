"""Shows one file of a pack under review: code read-only and coloured, a picture, or a note.

Pack text is always set as plain text. Flagged lines are bold and underlined with a wavy
line in the theme's warning colour, and the viewer can jump to any line, so a click on a flag
lands on the exact place. (Not a coloured background: the code's own syntax colours are
chosen to be read on the editor's background, and a tint under them would cost them their
contrast.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from tutor.content.review import FileReview
from tutor.ui.code_editor import CodeEditor
from tutor.ui.themes import current_theme

MAX_PICTURE_SIDE = 640


def plain_label(text: str = "") -> QLabel:
    """A label that never reads its text as markup, wraps, and can be selected."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


class FileView(QStackedWidget):
    """The file viewer of review mode: one file at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = plain_label("Choose a file on the left, or a flag above.")
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.note.setMargin(12)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName("Picture")
        self.addWidget(self.note)
        self.addWidget(self.picture)
        self.editor: CodeEditor | None = None
        self.path = ""
        self.flagged_lines: list[int] = []
        self._theme_key = current_theme().key

    def show_file(self, file: FileReview, picture: bytes | None = None) -> None:
        """Show a file: its text, its picture, or why it is not shown."""
        self.path = file.path
        if file.text is not None:
            self._show_text(file)
            return
        self._drop_editor()
        if file.kind == "image" and picture is not None and self._show_picture(picture):
            return
        what = "a picture that cannot be shown" if file.kind == "image" else "not plain text"
        if file.withheld:
            what = "too big to show"
        self.note.setText(f"{file.path}\n\nThis file is {what}, so it is not shown. "
                          f"Its size is {file.size:,} bytes and its SHA-256 is {file.sha256}.")
        self.setCurrentWidget(self.note)

    def _show_picture(self, data: bytes) -> bool:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            return False
        if max(pixmap.width(), pixmap.height()) > MAX_PICTURE_SIDE:
            pixmap = pixmap.scaled(MAX_PICTURE_SIDE, MAX_PICTURE_SIDE,
                                   Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        self.setCurrentWidget(self.picture)
        return True

    def _show_text(self, file: FileReview) -> None:
        self._drop_editor()
        editor = CodeEditor(file.path)
        editor.setReadOnly(True)
        editor.setAccessibleName(f"File under review: {file.path}")
        assert file.text is not None
        editor.set_text(file.text)
        self.editor = editor
        self.flagged_lines = sorted(file.flagged_lines())
        self._mark_flagged_lines()
        self.addWidget(editor)
        self.setCurrentWidget(editor)

    def _mark_flagged_lines(self) -> None:
        """Make each flagged line bold, underlined in the theme's warning colour."""
        if self.editor is None:
            return
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        mark.setUnderlineColor(QColor(current_theme().warning))
        document = self.editor.document()
        for line in self.flagged_lines:
            block = document.findBlockByNumber(line - 1)
            if block.isValid():
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                    QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(mark)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Mark the flagged lines again in a new theme's warning colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and current_theme().key != self._theme_key:
            self._theme_key = current_theme().key
            self._mark_flagged_lines()

    def _drop_editor(self) -> None:
        if self.editor is not None:
            self.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
            self.flagged_lines = []

    def go_to_line(self, line: int) -> None:
        """Put the cursor on a line (counted from 1) and scroll it into the middle."""
        if self.editor is None or line < 1:
            return
        block = self.editor.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.centerCursor()

    def current_line(self) -> int:
        """The line the cursor is on (counted from 1), or 0 when no text is shown."""
        if self.editor is None or self.currentWidget() is not self.editor:
            return 0
        return self.editor.textCursor().blockNumber() + 1
