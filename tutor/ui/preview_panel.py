"""The live preview of the learner's page, with a plain note when the page was stopped."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PreviewPanel(QWidget):
    """Shows a sandboxed page. The web view is made on demand, after the window first paints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Preview of your page")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        title = QLabel("Your page")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: bold; padding: 2px 4px;")
        layout.addWidget(title)
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background: #fff4ce; color: #3b2f00; border: 1px solid #c9a400; padding: 6px;")
        self.notice.hide()
        layout.addWidget(self.notice)
        self._placeholder = QLabel("The preview is starting...")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._placeholder, 1)
        self.view: QWidget | None = None

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
