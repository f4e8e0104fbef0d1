"""Shows a lesson's text. It never follows a link out of the app or loads anything from outside."""

from __future__ import annotations

import base64
import html
from typing import Any
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QByteArray, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

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

    def show_lesson(self, title: str, html_text: str) -> None:
        """Show a lesson: `title` is plain text; `html_text` comes from render_markdown."""
        self._title = title
        self.setAccessibleName(f"Lesson: {title}" if title else "Lesson")
        self.setHtml(f"<h1>{html.escape(title)}</h1>\n{html_text}")
        self.verticalScrollBar().setValue(0)

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
