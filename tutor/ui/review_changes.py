"""The "Changes" view of review mode: what differs from the installed version of the pack."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tutor.content.review import Review
from tutor.ui.highlighter import readable_color
from tutor.ui.review_file_view import plain_label
from tutor.ui.text_size import fixed_pitch_font
from tutor.ui.themes import Theme, current_theme

PATH_ROLE = Qt.ItemDataRole.UserRole
# How strongly the theme's pass and fail colours tint added and removed lines: enough to
# see at a glance, faint enough that the code's own colour reads on it in every theme.
DIFF_TINT = 0.18


def tint(colour: str, background: str, amount: float) -> QColor:
    """`colour` laid thinly over `background`: `amount` 0 is the background, 1 the colour."""
    over, under = QColor(colour), QColor(background)
    return QColor.fromRgbF(*(amount * a + (1 - amount) * b for a, b in (
        (over.redF(), under.redF()), (over.greenF(), under.greenF()),
        (over.blueF(), under.blueF()))))


def diff_formats(theme: Theme) -> tuple[QTextCharFormat, QTextCharFormat, QTextCharFormat]:
    """The looks of added lines, removed lines and hunk heads in a theme's code colours."""
    added, removed, hunk = (QTextCharFormat() for _ in range(3))
    for line_format, colour in ((added, theme.passed), (removed, theme.failed)):
        line_format.setBackground(tint(colour, theme.editor_background, DIFF_TINT))
        line_format.setForeground(QColor(theme.editor_text))
    hunk.setForeground(readable_color(QColor(theme.command), QColor(theme.editor_background),
                                      theme.text_contrast))
    return added, removed, hunk


class DiffHighlighter(QSyntaxHighlighter):
    """Colours a unified diff: added lines green, removed lines red, hunk heads blue.

    The colours come from the theme in force; `follow_theme` picks up a new one.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.theme = current_theme()
        self._added, self._removed, self._hunk = diff_formats(self.theme)

    def follow_theme(self) -> None:
        """Colour the diff again if the theme has changed since it was coloured."""
        theme = current_theme()
        if theme.key != self.theme.key:
            self.theme = theme
            self._added, self._removed, self._hunk = diff_formats(theme)
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Colour one line of the diff by its first character."""
        if text.startswith(("+++", "---")):
            return
        chosen = (self._added if text.startswith("+") else self._removed
                  if text.startswith("-") else self._hunk if text.startswith("@@") else None)
        if chosen is not None:
            self.setFormat(0, len(text), chosen)


class ChangesView(QWidget):
    """A list of added, removed and changed files, and the diff of the one chosen."""

    change_shown = Signal(str)  # the path whose diff is now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._review: Review | None = None
        self.summary = plain_label("")
        self.change_list = QListWidget()
        self.change_list.setAccessibleName("Changed files")
        self.change_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        # Wrapped, so nothing can hide far off to the right of a long line.
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.diff.setFont(fixed_pitch_font())  # its size follows the text size
        self.diff.setProperty("role", "code")  # the theme gives code its colours
        self.diff.setAccessibleName("Changes in the chosen file")
        self._highlighter = DiffHighlighter(self.diff.document())
        splitter = QSplitter()
        splitter.addWidget(self.change_list)
        splitter.addWidget(self.diff)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.change_list.currentItemChanged.connect(self._chosen)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Follow a new theme: Qt sends StyleChange when the app's style sheet changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            self._highlighter.follow_theme()

    def set_review(self, review: Review) -> None:
        """Show the changes of a new review."""
        self._review = review
        self.change_list.clear()
        self.diff.clear()
        if not review.installed_version_compared:
            self.summary.setText("No version of this pack is installed here, "
                                 "so every file is new.")
            return
        counts = {status: sum(1 for c in review.changes if c.status == status)
                  for status in ("added", "removed", "changed")}
        self.summary.setText(
            f"Compared with the installed version: {counts['added']} added, "
            f"{counts['removed']} removed, {counts['changed']} changed."
            if review.changes else "The files are the same as in the installed version.")
        for change in review.changes:
            item = QListWidgetItem(f"{change.status}: {change.path}")
            item.setData(PATH_ROLE, change.path)
            self.change_list.addItem(item)

    def show_change(self, path: str) -> bool:
        """Show the diff of one file; False when that file did not change."""
        for row in range(self.change_list.count()):
            item = self.change_list.item(row)
            if item.data(PATH_ROLE) == path:
                self.change_list.setCurrentItem(item)
                return True
        return False

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None or self._review is None:
            return
        change = self._review.change(str(item.data(PATH_ROLE)))
        if change is None:
            return
        self.diff.setPlainText(change.diff or f"{change.path}\n\n{change.note}")
        self.change_shown.emit(change.path)
