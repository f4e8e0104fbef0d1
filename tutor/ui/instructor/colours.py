"""Coloured words in the instructor's window that read well in every theme.

A few words and cells are marked in colour: a refused file, a question not answered yet, an
attempt that passed. Each starts from one usual colour, which is made lighter or darker until
it reads on the theme's background with the contrast the theme asks for (4.5 to 1, or 7 to 1
in high contrast). On the light theme the usual colours already read well, so they are used
as they are.

Coloured labels follow a change of theme by themselves. The instructor's app may run with no
theme at all (the system's colours); the words are still made readable on its background.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tutor.ui.highlighter import readable_color
from tutor.ui.themes import current_theme

# The usual colours, as on the light theme.
PROBLEM_COLOUR = "#a3001b"
PASS_COLOUR = "#1b6e20"
WARNING_COLOUR = "#8a4b00"


def readable(colour: str, *roles: QPalette.ColorRole) -> QColor:
    """`colour`, changed as little as needed to read on each of these palette colours.

    With no roles given, on the window's background (where labels sit).
    """
    theme = current_theme()
    palette = QApplication.palette()
    result = QColor(colour)
    for role in roles or (QPalette.ColorRole.Window,):
        result = readable_color(result, palette.color(role), theme.text_contrast)
    return result


def readable_in_rows(colour: str) -> QColor:
    """`colour` made readable in a table's rows, plain and alternate."""
    return readable(colour, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


class _ThemeFollower(QObject):
    """Colours a label again when the theme changes (Qt sends it a StyleChange then)."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.colour: str | None = None
        self.bold = False
        self.theme_key = ""

    def apply(self, label: QLabel) -> None:
        self.theme_key = current_theme().key
        parts = []
        if self.colour:
            parts.append(f"color: {readable(self.colour).name()};")
        if self.bold:
            parts.append("font-weight: bold;")
        label.setStyleSheet(" ".join(parts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.StyleChange and isinstance(watched, QLabel)
                and current_theme().key != self.theme_key):
            self.apply(watched)
        return False


def show_in_colour(label: QLabel, colour: str | None, *, bold: bool = False) -> None:
    """Show a label's words in `colour` (None for the usual colour), readable in any theme."""
    follower = label.findChild(_ThemeFollower)
    if follower is None:
        follower = _ThemeFollower(label)
        label.installEventFilter(follower)
    follower.colour, follower.bold = colour, bold
    follower.apply(label)
