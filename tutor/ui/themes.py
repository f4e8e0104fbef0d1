"""Colour themes: light (the usual look), dark, and high contrast, applied to the whole app.

A theme is a palette plus one style sheet for the application. Widgets never hard-code a
colour that a theme must change: they mark what a piece of text is (a passed check, an
error, a notice) with a `tone` property, and the theme's style sheet colours each tone.
Colours that are painted or put into a document (syntax colours, the console, the line
numbers) are read from `current_theme()` when drawn, and again when the theme changes:
Qt sends every widget a StyleChange event when the application's style sheet changes.

The learner's own page in the preview keeps the colours they gave it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from tutor.ui.highlighter import contrast_ratio

# The Qt application property that holds the key of the theme in force, so that widgets
# made later, and widgets that paint, can ask which theme to follow.
THEME_PROPERTY = "tutor_theme"
# Tones a widget may carry in its `tone` property; the style sheet colours each one.
TONES = ("passed", "failed", "error", "notice")


@dataclass(frozen=True)
class Theme:
    """Every colour one theme uses, by what it is for."""

    key: str
    label: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    border: str
    highlight: str
    highlighted_text: str
    link: str
    placeholder: str
    disabled_text: str
    focus: str
    focus_width: int
    check_background: str
    check_text: str
    passed: str
    failed: str
    warning: str
    notice_background: str
    notice_text: str
    editor_background: str
    editor_text: str
    current_line: str
    gutter_background: str
    gutter_text: str
    command: str
    syntax_style: str
    # The least contrast any text must have with what is behind it: WCAG AA is 4.5 to 1,
    # AAA (for the high-contrast theme) is 7 to 1.
    text_contrast: float


LIGHT = Theme(
    key="light", label="Light", window="#efefef", window_text="#000000", base="#ffffff",
    alternate_base="#f3f3f3", text="#000000", button="#f7f7f7", button_text="#000000",
    border="#767676", highlight="#1c57b8", highlighted_text="#ffffff", link="#0645ad",
    placeholder="#666666", disabled_text="#6b6b6b", focus="#1c57b8", focus_width=3,
    check_background="#1d6b2f", check_text="#ffffff", passed="#1b6e20", failed="#b00020",
    warning="#8a4b00", notice_background="#fff4ce", notice_text="#3b2f00",
    editor_background="#f8f8f8", editor_text="#000000", current_line="#fff5c2",
    gutter_background="#ececec", gutter_text="#595959", command="#0b3d91",
    syntax_style="default", text_contrast=4.5)

DARK = Theme(
    key="dark", label="Dark", window="#202124", window_text="#e8eaed", base="#17181a",
    alternate_base="#222326", text="#e8eaed", button="#303134", button_text="#f1f3f4",
    border="#8a8d91", highlight="#8ab4f8", highlighted_text="#000000", link="#8ab4f8",
    placeholder="#a9acb0", disabled_text="#9aa0a6", focus="#ffb000", focus_width=3,
    check_background="#2e7d32", check_text="#ffffff", passed="#7ee787", failed="#ff8a80",
    warning="#ffd479", notice_background="#4a3b00", notice_text="#fff4ce",
    editor_background="#0d1117", editor_text="#e6edf3", current_line="#1f2a3a",
    gutter_background="#161b22", gutter_text="#a0a8b0", command="#8ab4f8",
    syntax_style="github-dark", text_contrast=4.5)

HIGH_CONTRAST = Theme(
    key="high-contrast", label="High contrast", window="#000000", window_text="#ffffff",
    base="#000000", alternate_base="#1a1a1a", text="#ffffff", button="#000000",
    button_text="#ffffff", border="#ffffff", highlight="#ffff00", highlighted_text="#000000",
    link="#00ffff", placeholder="#c8c8c8", disabled_text="#b4b4b4", focus="#ffff00",
    focus_width=5, check_background="#7cfc00", check_text="#000000", passed="#66ff66",
    failed="#ff8f8f", warning="#ffd700", notice_background="#000000", notice_text="#ffff00",
    editor_background="#000000", editor_text="#ffffff", current_line="#262626",
    gutter_background="#000000", gutter_text="#e0e0e0", command="#00ffff",
    syntax_style="github-dark", text_contrast=7.0)

THEMES: dict[str, Theme] = {theme.key: theme for theme in (LIGHT, DARK, HIGH_CONTRAST)}
DEFAULT_THEME = LIGHT


def theme_named(key: str | None) -> Theme:
    """The theme with this key, or the light theme for an unknown or missing key."""
    return THEMES.get(key or "", DEFAULT_THEME)


def current_theme() -> Theme:
    """The theme the application shows now (light until another is applied)."""
    app = QGuiApplication.instance()
    key = app.property(THEME_PROPERTY) if app is not None else None
    return theme_named(str(key) if key else None)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours given as "#rrggbb"."""
    return contrast_ratio(QColor(first), QColor(second))


def build_palette(theme: Theme) -> QPalette:
    """A Qt palette with the theme's colours, for every widget that draws from the palette."""
    palette = QPalette()
    role = QPalette.ColorRole
    for color_role, color in (
            (role.Window, theme.window), (role.WindowText, theme.window_text),
            (role.Base, theme.base), (role.AlternateBase, theme.alternate_base),
            (role.Text, theme.text), (role.Button, theme.button),
            (role.ButtonText, theme.button_text), (role.Highlight, theme.highlight),
            (role.HighlightedText, theme.highlighted_text), (role.Link, theme.link),
            (role.LinkVisited, theme.link), (role.PlaceholderText, theme.placeholder),
            (role.ToolTipBase, theme.base), (role.ToolTipText, theme.text),
            (role.BrightText, theme.failed), (role.Light, theme.button),
            (role.Midlight, theme.button), (role.Mid, theme.border), (role.Dark, theme.border),
            (role.Shadow, theme.border), (role.Accent, theme.focus)):
        palette.setColor(color_role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, color_role, QColor(theme.disabled_text))
    return palette


def style_sheet(theme: Theme) -> str:
    """The application style sheet: a thick focus ring on every control, colours by tone."""
    line = 2  # the usual border
    ring = theme.focus_width  # the border while a control has the keyboard
    extra = ring - line
    focus = f"{ring}px solid {theme.focus}"
    # A control's padding shrinks by as much as its border grows when it takes focus, so
    # nothing moves or reflows as the keyboard goes round.
    return f"""
QPushButton, QToolButton {{
    background: {theme.button}; color: {theme.button_text};
    border: {line}px solid {theme.border}; border-radius: 4px;
    padding: {3 + extra}px {10 + extra}px;
}}
QPushButton:hover, QToolButton:hover {{ background: {theme.alternate_base}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {theme.highlight};
    color: {theme.highlighted_text}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {theme.disabled_text};
    border-style: dashed; }}
QPushButton:focus, QToolButton:focus {{ border: {focus}; padding: 3px 10px; }}
QPushButton::menu-indicator {{ subcontrol-position: right center; right: 4px; }}
QPushButton[menu_button="true"] {{ padding-right: {24 + extra}px; }}
QPushButton[menu_button="true"]:focus {{ padding-right: 24px; }}
QPushButton#check_button {{
    background: {theme.check_background}; color: {theme.check_text}; font-weight: bold;
    border-color: {theme.window}; padding: {4 + extra}px {18 + extra}px;
}}
QPushButton#check_button:disabled {{ border-style: dashed; border-color: {theme.border};
    color: {theme.check_text}; }}
QPushButton#check_button:focus {{ border: {focus}; padding: 4px 18px; }}
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView {{
    border: {line}px solid {theme.border}; padding: {extra}px;
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {{
    border: {focus}; padding: 0px;
}}
QPlainTextEdit[role="code"] {{
    background: {theme.editor_background}; color: {theme.editor_text};
    selection-background-color: {theme.highlight}; selection-color: {theme.highlighted_text};
}}
QHeaderView {{ border: none; padding: 0px; }}
QCheckBox::indicator {{
    width: 16px; height: 16px; border: {line}px solid {theme.text};
    background: {theme.base}; border-radius: 3px;
}}
QCheckBox::indicator:checked {{
    background: {theme.highlight}; border: {line + 1}px solid {theme.text};
}}
QCheckBox:focus {{ border: {focus}; }}
QTabBar::tab {{
    background: {theme.button}; color: {theme.button_text};
    border: {line}px solid {theme.border}; padding: {4 + extra}px {10 + extra}px;
    margin-right: 2px;
}}
QTabBar::tab:selected {{ background: {theme.base}; font-weight: bold; }}
QTabBar::tab:selected:focus {{ border: {focus}; padding: 4px 10px; }}
QLabel:focus {{ border: {focus}; }}
QLabel[tone="passed"] {{ color: {theme.passed}; }}
QLabel[tone="failed"], QLabel[tone="error"] {{ color: {theme.failed}; }}
QLabel[tone="notice"] {{
    background: {theme.notice_background}; color: {theme.notice_text};
    border: 1px solid {theme.notice_text}; padding: 6px;
}}
QMenu {{ background: {theme.base}; color: {theme.text}; border: 1px solid {theme.border}; }}
QMenu::item {{ padding: 4px 24px 4px 24px; }}
QMenu::item:selected {{ background: {theme.highlight}; color: {theme.highlighted_text}; }}
QToolTip {{ background: {theme.base}; color: {theme.text}; border: 1px solid {theme.border}; }}
QFrame#tour_bubble {{
    background: {theme.base}; color: {theme.text};
    border: {max(3, ring)}px solid {theme.focus}; border-radius: 6px;
}}
"""


def apply_theme(theme: Theme, app: QApplication | None = None) -> None:
    """Show the whole application in `theme`: its palette, its style sheet, its colours."""
    app = app or _application()
    # The property first: widgets re-read it when the style sheet change reaches them.
    app.setProperty(THEME_PROPERTY, theme.key)
    app.setPalette(build_palette(theme))
    app.setStyleSheet(style_sheet(theme))


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Mark what a widget's text is ("passed", "failed", "error", "notice") for the theme."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    # A style sheet reads properties when it polishes a widget; polish again to follow.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("apply_theme needs a QApplication")
    return app
