"""Text size for the whole app: one scale for the lesson, hints, editor, results and console.

The size is the application font: every widget that does not choose its own size follows
it, including widgets made later and dialogs. A few widgets choose a size relative to the
usual one (a bigger headline, say); when the scale changes, those are scaled by the same
step. Fonts that only choose a family, such as `fixed_pitch_font()`, keep following the
scale by themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

# The steps the learner moves through with A- and A+ (per cent of the usual size). The
# largest still fits every panel side by side on a 1366x768 screen, with whole words on
# each line of the lesson; at 250% the buttons under the editor alone took half the width.
TEXT_SIZES = (80, 90, 100, 115, 130, 150, 175, 200)
DEFAULT_TEXT_SIZE = 100
# QFont's flag for "this font sets its own size" (QFont::SizeResolved; PySide does not
# name the resolve flags).
_SIZE_RESOLVED = 0x2


def nearest_text_size(percent: int) -> int:
    """The step closest to `percent` (so a stored or typed value always lands on a step)."""
    return min(TEXT_SIZES, key=lambda step: (abs(step - percent), step))


def parse_text_size(value: str | None) -> int | None:
    """A stored text size ("130") as a step, or None when it is missing or not a number."""
    try:
        return nearest_text_size(int(str(value)))
    except ValueError:
        return None


def fixed_pitch_font() -> QFont:
    """The system's fixed-pitch family for code, at whatever size the text size gives."""
    font = QFont()
    font.setFamilies(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families())
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    return font


def _scale_font(font: QFont, ratio: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * ratio)
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(1, round(font.pixelSize() * ratio)))
    return scaled


class TextSize(QObject):
    """The app's text size, in per cent of the usual size; A+, A- and reset move it."""

    size_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "TextSize needs a QApplication"
        self._app = app
        # With a style sheet in force (every theme has one), Qt stops passing a new
        # application font down to widgets unless this is set.
        app.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles, True)
        self._usual_font = QFont(app.font())
        self._percent = DEFAULT_TEXT_SIZE

    def percent(self) -> int:
        """The size now, in per cent of the usual size."""
        return self._percent

    def can_grow(self) -> bool:
        """True while there is a bigger step."""
        return self._percent < TEXT_SIZES[-1]

    def can_shrink(self) -> bool:
        """True while there is a smaller step."""
        return self._percent > TEXT_SIZES[0]

    def bigger(self) -> None:
        """One step bigger (Ctrl and +)."""
        larger = [step for step in TEXT_SIZES if step > self._percent]
        if larger:
            self.set_percent(larger[0])

    def smaller(self) -> None:
        """One step smaller (Ctrl and -)."""
        smaller = [step for step in TEXT_SIZES if step < self._percent]
        if smaller:
            self.set_percent(smaller[-1])

    def reset(self) -> None:
        """Back to the usual size (Ctrl and 0)."""
        self.set_percent(DEFAULT_TEXT_SIZE)

    def set_percent(self, percent: int) -> None:
        """Show all text at this size (moved to the nearest step)."""
        new = nearest_text_size(percent)
        old = self._percent
        if new == old:
            return
        self._percent = new
        font = QFont(self._usual_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(self._usual_font.pointSizeF() * new / 100)
        else:
            font.setPixelSize(max(1, round(self._usual_font.pixelSize() * new / 100)))
        self._app.setFont(font)
        # Widgets that chose their own size were made at the old scale: move them with it.
        # Widgets made from now on start from the new application font.
        ratio = new / old
        for widget in self._app.allWidgets():
            if self._chose_own_size(widget):
                widget.setFont(_scale_font(widget.font(), ratio))
        self.size_changed.emit(new)

    def restore_usual_font(self) -> None:
        """Put the application font back as it was, without announcing a change (on close)."""
        if self._percent != DEFAULT_TEXT_SIZE:
            blocked = self.blockSignals(True)
            try:
                self.set_percent(DEFAULT_TEXT_SIZE)
            finally:
                self.blockSignals(blocked)

    def usual_point_size(self) -> float:
        """The size of the usual text, in points, at 100 per cent."""
        return self._usual_font.pointSizeF()

    @staticmethod
    def _chose_own_size(widget: QWidget) -> bool:
        return (widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
                and bool(widget.font().resolveMask() & _SIZE_RESOLVED))
