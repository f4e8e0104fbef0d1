"""Themes: every text keeps its contrast, the whole window follows, focus shows everywhere."""

from __future__ import annotations

import struct

import pytest
from pygments.styles import get_style_by_name
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sandbox.results import CheckReport, ConsoleEntry
from sandbox.results import TestOutcome as Outcome  # not collected as a test class
from tutor.app import TutorApp
from tutor.ui.focus_order import tab_stops
from tutor.ui.highlighter import readable_color
from tutor.ui.themes import THEMES, Theme, contrast, current_theme

# WCAG: text needs 4.5 to 1 (AA), 7 to 1 in the high-contrast theme (AAA); the edges of
# controls and the focus ring need 3 to 1 against what is around them.
NON_TEXT = 3.0


def text_pairs(theme: Theme) -> dict[str, tuple[str, str]]:
    """Every (text colour, background) a learner reads in this theme."""
    pairs = {
        "text": (theme.text, theme.base), "window text": (theme.window_text, theme.window),
        "button text": (theme.button_text, theme.button),
        "button text on hover": (theme.button_text, theme.alternate_base),
        "pressed button": (theme.highlighted_text, theme.highlight),
        "selected text": (theme.highlighted_text, theme.highlight),
        "link": (theme.link, theme.base), "placeholder": (theme.placeholder, theme.base),
        "check button": (theme.check_text, theme.check_background),
        "notice": (theme.notice_text, theme.notice_background),
        "code": (theme.editor_text, theme.editor_background),
        "code on the current line": (theme.editor_text, theme.current_line),
        "line numbers": (theme.gutter_text, theme.gutter_background),
        "git command": (theme.command, theme.base),
        "console warning": (theme.warning, theme.base),
    }
    for tone in ("passed", "failed"):
        for name, background in (("window", theme.window), ("base", theme.base),
                                 ("alternate rows", theme.alternate_base)):
            pairs[f"{tone} on {name}"] = (getattr(theme, tone), background)
    return pairs


@pytest.mark.parametrize("key", list(THEMES))
def test_every_text_colour_keeps_its_contrast(key: str) -> None:
    theme = THEMES[key]
    weak = {name: round(contrast(fore, back), 2) for name, (fore, back)
            in text_pairs(theme).items() if contrast(fore, back) < theme.text_contrast}
    assert weak == {}, f"too little contrast in {theme.label}"


def test_the_high_contrast_theme_meets_wcag_aaa() -> None:
    assert THEMES["high-contrast"].text_contrast >= 7.0
    assert THEMES["high-contrast"].focus_width >= 4


@pytest.mark.parametrize("key", list(THEMES))
def test_the_focus_ring_and_the_check_button_stand_out(key: str) -> None:
    theme = THEMES[key]
    for background in (theme.window, theme.base, theme.button, theme.editor_background):
        assert contrast(theme.focus, background) >= NON_TEXT, (theme.focus, background)
    assert contrast(theme.border, theme.window) >= NON_TEXT
    # The check button's green shows against the window around it too. (Its focus ring
    # sits between the two, so it shows against the window, tested above.)
    assert contrast(theme.check_background, theme.window) >= NON_TEXT


@pytest.mark.parametrize("key", list(THEMES))
def test_every_syntax_colour_is_readable_on_the_editor(key: str) -> None:
    theme = THEMES[key]
    background = QColor(theme.editor_background)
    for _kind, token_style in get_style_by_name(theme.syntax_style):
        if token_style["color"]:
            color = readable_color(QColor(f"#{token_style['color']}"), background,
                                   theme.text_contrast)
            assert contrast(color.name(), theme.editor_background) >= theme.text_contrast


def test_a_theme_reaches_every_panel(qtbot: QtBot, workspace: TutorApp) -> None:
    window = workspace.window
    window.results.show_report(CheckReport(passed=False, tests=(
        Outcome("Has a heading", "failed", "Your page needs a heading."),
        Outcome("Has a title", "passed", ""))))
    window.console.add_entries([ConsoleEntry("error", "x is not defined", "", 0)])
    editor = window.editor.currentWidget()
    for key, theme in THEMES.items():
        workspace.accessibility.set_theme(key)
        QApplication.processEvents()
        assert current_theme() is theme
        assert workspace.accessibility.controls.theme_action(key).isChecked()
        assert window.palette().color(QPalette.ColorRole.Window) == QColor(theme.window)
        assert editor.palette().color(QPalette.ColorRole.Base) == QColor(theme.editor_background)
        failed, passed = (row.title_label for row in window.results.check_rows())
        assert has_color(failed, theme.failed) and has_color(passed, theme.passed)
        assert has_color(window.check_button, theme.check_background)
        assert has_color(editor.viewport(), theme.editor_background)
        # The console's error line and the code take the theme's colours, old lines too.
        console_format = window.console._view.document().begin().begin().fragment().charFormat()
        assert console_format.foreground().color() == QColor(theme.failed)
        assert editor.highlighter is not None
        qtbot.waitUntil(lambda: not editor.highlighter.is_pending())
        for block_format in editor.document().begin().layout().formats():
            color = block_format.format.foreground().color()
            assert contrast(color.name(), theme.editor_background) >= theme.text_contrast


def test_the_theme_is_remembered_for_each_learner(qtbot: QtBot, workspace: TutorApp) -> None:
    assert workspace.store is not None and workspace.operations is not None
    learner = workspace.accessibility.learner_id
    assert learner is not None
    workspace.accessibility.controls.theme_action("dark").trigger()
    workspace.operations.run_and_wait(lambda: None)
    assert workspace.store.learner_setting(learner, "theme") == "dark"
    assert current_theme().key == "dark"


def focus_pixels(widget: QWidget, color: str) -> int:
    """How many pixels of the widget, as drawn now, are exactly the focus colour."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixel = struct.pack("<I", 0xFF000000 | QColor(color).rgb() & 0xFFFFFF)
    return bytes(image.constBits()).count(pixel)


def has_color(widget: QWidget, color: str) -> bool:
    """True when some of the widget, as drawn now, is exactly this colour."""
    return focus_pixels(widget, color) > 0


@pytest.mark.parametrize("key", list(THEMES))
def test_every_control_shows_a_thick_focus_ring(
        qtbot: QtBot, workspace: TutorApp, key: str) -> None:
    window = workspace.window
    window.hints.reveal_next()
    window.results.show_report(CheckReport(passed=True, tests=(
        Outcome("Has a heading", "passed", ""),)))
    workspace.accessibility.set_theme(key)
    theme = THEMES[key]
    QApplication.processEvents()
    stops = tab_stops(window)
    assert len(stops) >= 15
    window.setFocus(Qt.FocusReason.OtherFocusReason)  # no control has the keyboard
    QApplication.processEvents()
    before = {id(stop): focus_pixels(stop, theme.focus) for stop in stops}
    missing = []
    for stop in stops:
        stop.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert stop.hasFocus()
        ring = focus_pixels(stop, theme.focus) - before[id(stop)]
        # At least most of a ring of the theme's width around a small control.
        smallest = 2 * (min(stop.width(), 60) + min(stop.height(), 20)) * theme.focus_width
        if ring < 0.7 * smallest:
            missing.append(f"{stop.accessibleName() or type(stop).__name__}: {ring}")
    assert missing == []
