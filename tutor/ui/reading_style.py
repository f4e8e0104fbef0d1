"""Easy reading: a clear font and more space between letters and lines, in the lesson and hints.

The spacing follows WCAG's text-spacing advice (letters and lines further apart, paragraphs
apart). The font is Atkinson Hyperlegible, bundled in `tutor/ui/fonts` (see its README).
Fonts are registered with Qt the first time the option is turned on, which takes about
10 ms; with no font files the option still adds the spacing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FONTS_FOLDER = Path(__file__).resolve().parent / "fonts"
READING_FONT_FAMILY = "Atkinson Hyperlegible"
EASY = "easy"
USUAL = "usual"


@dataclass(frozen=True)
class ReadingStyle:
    """How lesson and hint text is set: its font family, letter spacing and line height."""

    key: str
    family: str | None  # None keeps the app's usual font
    letter_spacing: float  # per cent of the font's own spacing (100 is usual)
    word_spacing_em: float  # extra space between words, in parts of the text size
    line_height: int  # per cent of a single line (100 is usual)

    @property
    def easy(self) -> bool:
        """True for the easy-reading style."""
        return self.key == EASY


USUAL_STYLE = ReadingStyle(USUAL, None, 100.0, 0.0, 100)


def parse_reading_style(value: str | None) -> str | None:
    """A stored reading style ("easy" or "usual"), or None when it is missing or unknown."""
    return value if value in (EASY, USUAL) else None


def load_reading_font(folder: Path = FONTS_FOLDER) -> str | None:
    """Register the bundled reading font with Qt (once); its family name, or None if missing."""
    if READING_FONT_FAMILY in QFontDatabase.families():
        return READING_FONT_FAMILY
    families: set[str] = set()
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return READING_FONT_FAMILY if READING_FONT_FAMILY in families else None


def easy_style(family: str | None) -> ReadingStyle:
    """The easy-reading style, in `family` (or the usual font when it is None)."""
    return ReadingStyle(EASY, family, 112.0, 0.16, 150)


def style_for(key: str | None, *, folder: Path = FONTS_FOLDER) -> ReadingStyle:
    """The style a stored key names; loads the reading font when the style needs it."""
    if key == EASY:
        return easy_style(load_reading_font(folder))
    return USUAL_STYLE


def reading_font(style: ReadingStyle, size_in_pixels: float) -> QFont:
    """A font that sets only what the style changes; its size still follows the text size."""
    font = QFont()
    if style.family:
        font.setFamilies([style.family])
    if style.letter_spacing != 100.0:
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, style.letter_spacing)
    if style.word_spacing_em:
        font.setWordSpacing(style.word_spacing_em * size_in_pixels)
    return font
