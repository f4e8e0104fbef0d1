"""Measuring what a person sees: the colours each text on a window is drawn in, and the
colour behind it, against the contrast the theme promises.

Text colours come from where Qt takes them when it draws (the palette, a style sheet, a
cell's own colour, a text format); the colour behind a text is read from the window as it is
drawn. Labels are also checked pixel by pixel, in case some colour comes from elsewhere.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextFragment,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tutor.ui.themes import Theme, contrast


def colour_counts(image: QImage) -> Counter[int]:
    """How many pixels of each colour (as 0xRRGGBB) an image has."""
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    return Counter(value & 0xFFFFFF for value in memoryview(bytes(pixels.constBits())).cast("I"))


def name(value: int) -> str:
    """A 0xRRGGBB number as "#rrggbb"."""
    return f"#{value:06x}"


def brush_colour(value: object) -> str | None:
    """The colour an item role or text format gives, or None when it gives none."""
    if isinstance(value, QColor):
        return value.name()
    if isinstance(value, QBrush) and value.style() != Qt.BrushStyle.NoBrush:
        return value.color().name()
    return None


class Reader:
    """Looks over one shown window and notes every text that is hard to read."""

    def __init__(self, window: QWidget, theme: Theme) -> None:
        QApplication.processEvents()
        self.window = window
        self.need = theme.text_contrast
        self.image = window.grab().toImage()
        self.problems: list[str] = []
        self.texts = 0

    def area(self, widget: QWidget, rect: QRect | None = None) -> QImage:
        """What the window shows where the widget (or a part of it) is."""
        shown = widget.visibleRegion().boundingRect() if rect is None else rect
        return self.image.copy(shown.translated(widget.mapTo(self.window, QPoint(0, 0))))

    def behind(self, widget: QWidget, rect: QRect | None = None) -> str:
        """The colour most of a widget (or a part of it) is drawn in: what text sits on."""
        return name(colour_counts(self.area(widget, rect)).most_common(1)[0][0])

    def strongest(self, widget: QWidget, back: str, rect: QRect | None = None) -> str:
        """The colour drawn in a widget (or a part of it) that stands out most from `back`."""
        return name(max(colour_counts(self.area(widget, rect)),
                        key=lambda value: contrast(name(value), back)))

    def check(self, where: str, fore: str, back: str) -> None:
        """Note the text at `where` if `fore` on `back` is below the theme's contrast."""
        self.texts += 1
        ratio = contrast(fore, back)
        if ratio < self.need - 0.005:
            self.problems.append(f"{where}: {fore} on {back} is {ratio:.2f} to 1")

    def read(self) -> list[str]:
        """Every visible text in the window; the list of those that are hard to read."""
        for widget in [self.window, *self.window.findChildren(QWidget)]:
            if widget.isVisible() and widget.isEnabled() \
                    and not widget.visibleRegion().isEmpty():
                self.read_widget(widget)
        return self.problems

    def read_widget(self, widget: QWidget) -> None:
        """Measure the texts of one widget, as its kind of widget draws them."""
        palette = widget.palette()
        where = f"{type(widget).__name__} {widget.accessibleName() or ''}".strip()
        if isinstance(widget, QLabel) and widget.text().strip():
            back = self.behind(widget)
            self.check(f"label {widget.text()[:40]!r}",
                       palette.color(widget.foregroundRole()).name(), back)
            # What is drawn, too: the strongest colour in the label must read on it.
            self.check(f"drawn label {widget.text()[:40]!r}", self.strongest(widget, back), back)
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            self.check(f"button {widget.text()!r}",
                       palette.color(widget.foregroundRole()).name(), self.behind(widget))
        elif isinstance(widget, QLineEdit | QComboBox):
            role = QPalette.ColorRole.Text if isinstance(widget, QLineEdit) or \
                widget.isEditable() else QPalette.ColorRole.ButtonText
            self.check(where, palette.color(role).name(), self.behind(widget))
            if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
                self.check(f"{where} placeholder",
                           palette.color(QPalette.ColorRole.PlaceholderText).name(),
                           self.behind(widget))
        elif isinstance(widget, QGroupBox) and widget.title():
            self.check(f"group {widget.title()!r}",
                       palette.color(QPalette.ColorRole.WindowText).name(), self.behind(widget))
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                rect = widget.tabRect(tab)
                back = self.behind(widget, rect)
                self.check(f"tab {widget.tabText(tab)!r}", self.strongest(widget, back, rect),
                           back)
        elif isinstance(widget, QHeaderView):  # its sections are drawn as buttons
            self.check(where, palette.color(QPalette.ColorRole.ButtonText).name(),
                       palette.color(QPalette.ColorRole.Button).name())
            # Room for the words: the height of the row of headings, or of each heading.
            room = widget.viewport().height() if widget.orientation() == Qt.Orientation.Horizontal \
                else widget.defaultSectionSize()
            if room < widget.fontMetrics().height():
                self.problems.append(f"{where}: headings cut off ({room} of "
                                     f"{widget.fontMetrics().height()} pixels)")
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            self.read_document(widget, where)
        elif isinstance(widget, QAbstractItemView):
            self.read_items(widget, where)

    def read_document(self, view: QPlainTextEdit | QTextEdit, where: str) -> None:
        """Every piece of text in a text view, with its own colours or the view's."""
        text = view.palette().color(QPalette.ColorRole.Text).name()
        base = self.behind(view.viewport())
        if view.document().isEmpty() and view.placeholderText():
            self.check(f"{where} placeholder",
                       view.palette().color(QPalette.ColorRole.PlaceholderText).name(), base)
        for block in blocks(view.document())[:300]:
            line_back = brush_colour(block.blockFormat().background()) or base
            pieces = [(piece.text(), piece.charFormat()) for piece in fragments(block)]
            # Colours a highlighter adds lie over the document's own.
            pieces += [(block.text()[r.start:r.start + r.length], QTextCharFormat(r.format))
                       for r in block.layout().formats()]
            for piece, piece_format in pieces:
                if piece.strip():
                    self.check(f"{where} {piece[:30]!r}",
                               brush_colour(piece_format.foreground()) or text,
                               brush_colour(piece_format.background()) or line_back)

    def read_items(self, view: QAbstractItemView, where: str) -> None:
        """Every cell with words in it, in its own colours or the view's."""
        model, palette = view.model(), view.palette()
        if model is None:
            return
        selection = view.selectionModel()
        for row in range(min(model.rowCount(QModelIndex()), 40)):
            for column in range(12):
                index = model.index(row, column)
                if not index.isValid():
                    break  # past the last column
                if not str(index.data() or "").strip():
                    continue
                if selection is not None and selection.isSelected(index):
                    fore = palette.color(QPalette.ColorRole.HighlightedText).name()
                    back = palette.color(QPalette.ColorRole.Highlight).name()
                else:
                    striped = view.alternatingRowColors() and row % 2
                    fore = brush_colour(index.data(Qt.ItemDataRole.ForegroundRole)) \
                        or palette.color(QPalette.ColorRole.Text).name()
                    back = brush_colour(index.data(Qt.ItemDataRole.BackgroundRole)) \
                        or palette.color(QPalette.ColorRole.AlternateBase if striped
                                         else QPalette.ColorRole.Base).name()
                self.check(f"{where} cell {str(index.data())[:30]!r}", fore, back)


def hard_to_read(window: QWidget, theme: Theme) -> list[str]:
    """The texts in a shown window that do not keep the theme's contrast."""
    reader = Reader(window, theme)
    problems = reader.read()
    assert reader.texts >= 3, "nothing was measured: is the window shown?"
    return problems


def blocks(document: QTextDocument) -> list[QTextBlock]:
    """The blocks (paragraphs, lines of code) of a document, first to last."""
    found = []
    block = document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def fragments(block: QTextBlock) -> list[QTextFragment]:
    """The runs of text in one format that make up a block."""
    found = []
    pieces = block.begin()
    while not pieces.atEnd():
        found.append(pieces.fragment())
        pieces += 1
    return found


def is_fixed_pitch(font: QFont) -> bool:
    """True when every letter of the font is as wide as every other (as in code)."""
    metrics = QFontMetricsF(font)
    return metrics.horizontalAdvance("iiii") == metrics.horizontalAdvance("WWWW")
