"""The live preview of the learner's page, with a plain note when the page was stopped.

Keyboard: Tab stops on the preview as a whole (drawn with a focus ring). Enter goes into
the page, where Tab moves between the page's own links and fields; Ctrl+Tab (or
Ctrl+Shift+Tab) comes back out to the rest of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tutor.ui.themes import current_theme, set_tone

PREVIEW_HELP = ("Your page. Press Enter to use the page with the keyboard. "
                "Press Ctrl+Tab to come back out.")
RING_ROOM = 5  # pixels kept free around the page for the focus ring (the thickest theme's)


class PreviewPanel(QWidget):
    """Shows a sandboxed page. The web view is made on demand, after the window first paints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Preview of your page")
        self.setAccessibleDescription(PREVIEW_HELP)
        self.setToolTip(PREVIEW_HELP)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(RING_ROOM, RING_ROOM, RING_ROOM, RING_ROOM)
        layout.setSpacing(2)
        title = QLabel("Your page")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: bold; padding: 2px 4px;")
        layout.addWidget(title)
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        set_tone(self.notice, "notice")  # the theme gives notices their colours
        self.notice.hide()
        layout.addWidget(self.notice)
        self._placeholder = QLabel("The preview is starting...")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._placeholder, 1)
        self.view: QWidget | None = None
        for keys, forward in (("Ctrl+Tab", True), ("Ctrl+Shift+Tab", False),
                              ("Ctrl+Backtab", False)):
            leave = QShortcut(QKeySequence(keys), self)
            leave.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            leave.activated.connect(lambda forward=forward: self.leave_page(forward=forward))

    def enter_page(self) -> None:
        """Give the keyboard to the page itself (Enter on the preview does this)."""
        if self.view is not None:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave_page(self, *, forward: bool = True) -> None:
        """Take the keyboard out of the page, to the next (or previous) control."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter or Space on the preview goes into the page."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.enter_page()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.update()  # draw the focus ring

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """A thick ring in the theme's focus colour while the preview has the keyboard."""
        super().paintEvent(event)
        if not self.hasFocus():
            return
        theme = current_theme()
        painter = QPainter(self)
        width = theme.focus_width
        painter.setPen(QPen(QColor(theme.focus), width))
        half = width / 2
        painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
        painter.end()

    def attach_page(self, page: QWebEnginePage) -> None:
        """Make the web view and show `page` in it (slow the first time: call after paint)."""
        from PySide6.QtWebEngineWidgets import QWebEngineView

        view = QWebEngineView(self)
        view.setPage(page)
        view.setAccessibleName("Preview of your page")
        view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Inside the page, Tab moves between the page's own links and fields and never
        # comes back out: a keyboard trap. The page takes focus only when clicked.
        view.installEventFilter(self)
        page.loadFinished.connect(lambda _ok: self._keep_out_of_tab_chain())
        layout = self.layout()
        assert layout is not None
        layout.replaceWidget(self._placeholder, view)
        self._placeholder.deleteLater()
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # The view makes its inner widget when a page first renders; catch it as it arrives.
        if watched is self.view and event.type() in (QEvent.Type.ChildAdded,
                                                      QEvent.Type.ChildPolished):
            self._keep_out_of_tab_chain()
        return False

    def _keep_out_of_tab_chain(self) -> None:
        if self.view is None:
            return
        for child in [self.view.focusProxy(), *self.view.findChildren(QWidget)]:
            if child is not None and child.focusPolicy() != Qt.FocusPolicy.NoFocus:
                child.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def detach_page(self) -> None:
        """Let go of the page before it is deleted (Qt needs this order at exit)."""
        if self.view is not None:
            self.view.setPage(None)  # type: ignore[attr-defined]

    def show_notice(self, text: str) -> None:
        """Show a plain message above the page, such as why it was stopped."""
        self.notice.setText(text)
        self.notice.show()

    def clear_notice(self) -> None:
        """Hide the message."""
        self.notice.hide()
