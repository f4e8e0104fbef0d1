"""Gives a check page a real window size without showing anything on screen.

A QWebEnginePage with no view has a 0x0 viewport: media queries, percentages and Flexbox
then give answers no learner would see. The only way Qt offers to size a page is a view, so
this one module of the sandbox uses a widget (see docs/decisions/0003-check-page-viewport.md).
The view is marked "do not show on screen": it is laid out and painted, but never mapped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

DEFAULT_SIZE = (1024, 768)


class OffscreenViewport:
    """An invisible view that holds a page at a fixed size."""

    def __init__(self, page: QWebEnginePage, size: tuple[int, int] = DEFAULT_SIZE) -> None:
        self.view = QWebEngineView()
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.view.setPage(page)
        self.view.resize(*size)
        self.view.show()

    def close(self) -> None:
        """Let go of the view (the page stays, owned by whoever made it)."""
        self.view.setPage(None)  # type: ignore[arg-type]
        self.view.deleteLater()
