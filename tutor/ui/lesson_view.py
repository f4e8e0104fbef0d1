"""Shows a lesson's text. It never follows a link out of the app or loads anything from outside."""

from __future__ import annotations

import base64
import html
from typing import Any
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QImage, QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from tutor.ui.themes import current_theme

GLOSSARY_SCHEME = "glossary"
# A picture inside the lesson itself may be this big; anything larger is left out.
MAX_DATA_URL_BYTES = 2_000_000


def decode_data_url(url: str) -> bytes | None:
    """The bytes a `data:` URL carries, or None when it is not one or is too big."""
    if not url.lower().startswith("data:") or "," not in url:
        return None
    header, _, payload = url[5:].partition(",")
    if len(payload) > MAX_DATA_URL_BYTES * 2:
        return None
    try:
        data = (base64.b64decode(payload, validate=False) if header.endswith(";base64")
                else unquote_to_bytes(payload))
    except ValueError:
        return None
    return data if len(data) <= MAX_DATA_URL_BYTES else None


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


class LessonView(QTextBrowser):
    """The lesson text: jumps within the page work, glossary links are announced, nothing else."""

    glossary_link_clicked = Signal(str)
    outside_link_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Lesson")
        self.anchorClicked.connect(self._follow)
        self._title = ""
        self._html = ""
        self._line_height = 100  # per cent; easy reading sets more
        self._theme_key = current_theme().key

    def show_lesson(self, title: str, html_text: str) -> None:
        """Show a lesson: `title` is plain text; `html_text` comes from render_markdown."""
        self._title = title
        self.setAccessibleName(f"Lesson: {title}" if title else "Lesson")
        self._html = f"<h1>{html.escape(title)}</h1>\n{html_text}"
        self.setHtml(self._html)
        self._apply_line_height()
        self.verticalScrollBar().setValue(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Lay the lesson out again in a new theme: Qt fixes link colours when it reads HTML."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange and current_theme().key != self._theme_key:
            self._theme_key = current_theme().key
            if self._html:
                position = self.verticalScrollBar().value()
                self.setHtml(self._html)
                self._apply_line_height()
                self.verticalScrollBar().setValue(position)

    def set_reading_style(self, font: QFont, line_height: int) -> None:
        """Set the lesson in `font` (its size still follows the text size) and line height."""
        self._line_height = line_height
        self.setFont(font)
        self._apply_line_height()

    def line_height(self) -> int:
        """The line height of the lesson text, in per cent of a single line."""
        return self._line_height

    def _apply_line_height(self) -> None:
        block_format = QTextBlockFormat()
        if self._line_height == 100:
            block_format.setLineHeight(0, QTextBlockFormat.LineHeightTypes.SingleHeight.value)
        else:
            block_format.setLineHeight(
                self._line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)

    def title(self) -> str:
        """The title of the lesson on show."""
        return self._title

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 (Qt's name)
        """Give images only from `data:` URLs in the lesson; refuse every other address."""
        address = url.toString() if isinstance(url, QUrl) else str(url)
        data = decode_data_url(address)
        is_image = kind == QTextDocument.ResourceType.ImageResource.value
        if data is not None:
            image = QImage.fromData(data) if is_image else None
            if image is None:
                return QByteArray(data)
            if not image.isNull():
                return image
        # Never answer with nothing: QTextDocument, and Qt's image handler after it, would
        # then read a local file themselves. A blank pixel or a blank text is an answer.
        return _blank_image() if is_image else QByteArray(b" ")

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == GLOSSARY_SCHEME:
            self.glossary_link_clicked.emit(url.path())
        elif not url.scheme() and not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())
        else:
            self.outside_link_refused.emit(url.toString())
