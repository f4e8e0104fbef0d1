"""Easy reading: a clear font, wider letters and lines in the lesson and hints, per learner."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontInfo, QTextBlockFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.ui.hints_panel import HintsPanel
from tutor.ui.reading_style import (
    FONTS_FOLDER,
    READING_FONT_FAMILY,
    easy_style,
    load_reading_font,
    reading_font,
)


def line_heights(tutor: TutorApp) -> set[tuple[int, float]]:
    """The (kind, height) of every block of the lesson text."""
    heights = set()
    block = tutor.window.lesson.document().begin()
    while block.isValid():
        block_format = block.blockFormat()
        heights.add((block_format.lineHeightType(), block_format.lineHeight()))
        block = block.next()
    return heights


def test_the_bundled_font_and_its_licence_are_there() -> None:
    assert sorted(path.name for path in FONTS_FOLDER.glob("*.ttf")) == [
        "AtkinsonHyperlegible-Bold.ttf", "AtkinsonHyperlegible-BoldItalic.ttf",
        "AtkinsonHyperlegible-Italic.ttf", "AtkinsonHyperlegible-Regular.ttf"]
    licence = (FONTS_FOLDER / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert load_reading_font() == READING_FONT_FAMILY


def test_without_the_font_easy_reading_still_spaces_the_text(qapp: QApplication) -> None:
    font = reading_font(easy_style(None), 12)
    assert font.letterSpacing() > 100
    assert font.wordSpacing() > 0
    assert READING_FONT_FAMILY not in font.families()


def test_easy_reading_changes_the_lesson_and_hints_and_comes_back(
        qtbot: QtBot, workspace: TutorApp) -> None:
    window, accessibility = workspace.window, workspace.accessibility
    window.hints.reveal_next()
    usual_family = QFontInfo(window.lesson.font()).family()
    assert line_heights(workspace) == {(QTextBlockFormat.LineHeightTypes.SingleHeight.value, 0)}

    accessibility.controls.easy_reading_action.trigger()
    assert accessibility.reading_style.easy
    for widget in (window.lesson, window.hints.shown_labels()[0]):
        assert QFontInfo(widget.font()).family() == READING_FONT_FAMILY
        assert widget.font().letterSpacingType() == QFont.SpacingType.PercentageSpacing
        assert widget.font().letterSpacing() > 100
    assert line_heights(workspace) == {
        (QTextBlockFormat.LineHeightTypes.ProportionalHeight.value, 150)}
    assert 'line-height:150%' in window.hints.shown_labels()[0].text()

    # A new lesson keeps the style, and the text size still works with it.
    before = QFontInfo(window.lesson.font()).pixelSize()
    accessibility.text_size.set_percent(150)
    qtbot.waitUntil(lambda: QFontInfo(window.lesson.font()).pixelSize() >= 1.4 * before)
    assert QFontInfo(window.lesson.font()).family() == READING_FONT_FAMILY
    assert workspace.controller is not None
    with qtbot.waitSignal(workspace.controller.exercise_opened, timeout=10_000):
        workspace.controller.open_exercise("html.links-and-images")
    assert line_heights(workspace) == {
        (QTextBlockFormat.LineHeightTypes.ProportionalHeight.value, 150)}

    accessibility.controls.easy_reading_action.trigger()
    assert not accessibility.reading_style.easy
    assert QFontInfo(window.lesson.font()).family() == usual_family
    assert line_heights(workspace) == {(QTextBlockFormat.LineHeightTypes.SingleHeight.value, 0)}

    assert workspace.store is not None and workspace.operations is not None
    workspace.operations.run_and_wait(lambda: None)
    learner = accessibility.learner_id
    assert learner is not None
    assert workspace.store.learner_setting(learner, "reading_style") == "usual"


def test_a_hint_in_easy_reading_is_still_never_markup(qtbot: QtBot) -> None:
    hints = HintsPanel()
    qtbot.addWidget(hints)
    hints.set_reading_style(QFont(), 150)
    hints.set_hints(["Use <b>bold</b> & `<h1>` here."], 1)
    label = hints.shown_labels()[0]
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in label.text()
    assert label.accessibleName() == "Hint 1 of 1\nUse <b>bold</b> & <h1> here."
