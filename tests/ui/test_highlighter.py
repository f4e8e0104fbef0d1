"""Syntax colours: right across lines and languages, and cheap as the learner types."""

from __future__ import annotations

import pytest
from pygments.styles import get_style_by_name
from pygments.token import Comment, Keyword, Name, _TokenType
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

import tutor.ui.highlighter as highlighter_module
from tutor.ui.code_editor import CodeEditor
from tutor.ui.highlighter import (
    INITIAL_STATE,
    STYLE_NAME,
    PygmentsHighlighter,
    contrast_ratio,
    editor_colors,
    lexer_for_file_name,
    readable_color,
)


def expected_color(kind: _TokenType) -> str:
    """The colour the style gives a token, as the editor shows it."""
    color = get_style_by_name(STYLE_NAME).style_for_token(kind)["color"]
    return readable_color(QColor(f"#{color}"), editor_colors()[0]).name()


def color_at(editor: QPlainTextEdit, line: int, column: int) -> str | None:
    """The colour the highlighter gave the character at (line, column), or None."""
    block = editor.document().findBlockByNumber(line)
    for change in block.layout().formats():
        if change.start <= column < change.start + change.length:
            return change.format.foreground().color().name()
    return None


def make_editor(qtbot: QtBot, file_name: str, text: str = "") -> CodeEditor:
    editor = CodeEditor(file_name)
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    return editor


def test_a_javascript_keyword_is_coloured_as_it_is_typed(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "app.js")
    qtbot.keyClicks(editor, "const total = 1;")
    assert color_at(editor, 0, 0) == expected_color(Keyword.Declaration)
    assert color_at(editor, 0, 6) != expected_color(Keyword.Declaration)  # "total"


def test_an_html_comment_colours_every_line_until_it_closes(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "index.html",
                         "<!-- start of a note\nstill the note\n-->\n<p>Hello</p>")
    comment = expected_color(Comment.Multiline)
    assert color_at(editor, 0, 6) == comment
    assert color_at(editor, 1, 0) == comment
    assert color_at(editor, 2, 0) == comment
    assert color_at(editor, 3, 1) == expected_color(Name.Tag)


def test_css_inside_a_style_element_is_coloured_as_css_over_several_lines(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "index.html",
                         "<style>\n  h1 {\n    color: red;\n  }\n</style>\n<h1>Hi</h1>")
    assert color_at(editor, 2, 4) == expected_color(Keyword)  # the property "color"
    assert color_at(editor, 1, 2) == expected_color(Name.Tag)  # the selector "h1"
    assert color_at(editor, 5, 1) == expected_color(Name.Tag)  # back in HTML


def test_javascript_inside_a_script_element_keeps_a_comment_open_across_lines(
        qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "index.html",
                         "<script>\n/* a long\nnote */\nlet count = 0;\n</script>")
    assert color_at(editor, 2, 0) == expected_color(Comment.Multiline)
    assert color_at(editor, 3, 0) == expected_color(Keyword.Declaration)


def test_typing_an_opening_comment_recolours_the_lines_below_and_undo_restores_them(
        qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "style.css", "p {\n  color: red;\n}\n")
    assert color_at(editor, 1, 2) == expected_color(Keyword)
    qtbot.keyClicks(editor, "/* ")
    assert color_at(editor, 1, 2) == expected_color(Comment)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert color_at(editor, 1, 2) == expected_color(Keyword)


class CountingHighlighter(PygmentsHighlighter):
    """Counts the lines it is asked to colour."""

    def __init__(self, *args: object) -> None:
        self.calls = 0
        super().__init__(*args)  # type: ignore[arg-type]

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        self.calls += 1
        super().highlightBlock(text)


def test_an_edit_in_a_long_file_recolours_only_the_lines_near_it(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = CountingHighlighter(editor.document(), "index.html")
    editor.setPlainText("\n".join(f'<p class="line">Line {n}</p>' for n in range(2000)))
    highlighter.finish()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1000).position() + 3)
    editor.setTextCursor(cursor)

    highlighter.calls = 0
    qtbot.keyClicks(editor, "xy")
    assert highlighter.calls <= 4

    highlighter.calls = 0
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClicks(editor, "<!--")  # opens a comment that runs to the end of the file
    qtbot.waitUntil(lambda: not highlighter.is_pending())
    assert highlighter.calls >= 999
    assert color_at(editor, 1999, 0) == expected_color(Comment.Multiline)


def test_a_big_file_is_coloured_a_slice_at_a_time_and_ends_fully_coloured(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighter_module, "PASS_BUDGET_SECONDS", 0.002)
    editor = make_editor(qtbot, "app.js")
    assert editor.highlighter is not None
    lines = ["/* a comment over", "   two lines */", "let value = 1;"] * 1700
    with qtbot.waitSignal(editor.highlighter.highlighting_finished, timeout=20_000):
        editor.setPlainText("\n".join(lines))
        assert editor.highlighter.is_pending()
    assert color_at(editor, 5099, 0) == expected_color(Keyword.Declaration)
    assert color_at(editor, 5098, 3) == expected_color(Comment.Multiline)


def test_typing_while_a_big_file_is_still_being_coloured_leaves_it_right(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlighter_module, "PASS_BUDGET_SECONDS", 0.002)
    editor = make_editor(qtbot, "app.js")
    assert editor.highlighter is not None
    editor.setPlainText("\n".join(["let value = 1;"] * 3000))
    qtbot.keyClicks(editor, "/* ")  # at the top: everything below becomes a comment
    qtbot.waitUntil(lambda: not editor.highlighter.is_pending(), timeout=20_000)
    assert color_at(editor, 2999, 0) == expected_color(Comment.Multiline)


def test_other_files_get_no_colours(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "notes.txt", "const x = 1;")
    assert editor.highlighter is None
    assert color_at(editor, 0, 0) is None


def test_every_token_colour_is_easy_to_read_on_the_editor_background() -> None:
    background = editor_colors()[0]
    style = get_style_by_name(STYLE_NAME)
    for _kind, token_style in style:
        if token_style["color"]:
            color = readable_color(QColor(f"#{token_style['color']}"), background)
            assert contrast_ratio(color, background) >= 4.5


def test_the_line_lexer_carries_state_from_line_to_line() -> None:
    lexer = lexer_for_file_name("page.HTML")
    assert lexer is not None
    _tokens, state = lexer.lex_line("<style>", INITIAL_STATE)
    _tokens, state = lexer.lex_line("/* open", state)
    assert state[1] is not None and state[1][-1] == "comment"
    _tokens, state = lexer.lex_line("*/ }</style>", state)
    assert state == INITIAL_STATE


def test_a_long_text_loaded_into_the_editor_is_coloured_just_after(qtbot: QtBot) -> None:
    editor = make_editor(qtbot, "app.js")
    assert editor.highlighter is not None
    with qtbot.waitSignal(editor.highlighter.highlighting_finished, timeout=20_000):
        editor.set_text("\n".join(["let value = 1;"] * 2000))
        qtbot.keyClicks(editor, "/* ")  # typing before colouring starts changes nothing
    assert color_at(editor, 0, 0) == expected_color(Comment.Multiline)
    assert color_at(editor, 1999, 0) == expected_color(Comment.Multiline)
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().startswith("let value")
    qtbot.waitUntil(lambda: not editor.highlighter.is_pending(), timeout=20_000)
    assert color_at(editor, 1999, 0) == expected_color(Keyword.Declaration)


def test_sql_keywords_are_coloured_and_comments_carry_over_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextDocument

    from tutor.ui.highlighter import PygmentsHighlighter

    document = QTextDocument()
    document.setPlainText("/* pets\nby city */\nSELECT city FROM pets;")
    highlighter = PygmentsHighlighter(document, "query.sql")
    highlighter.finish()
    formats = [document.findBlockByNumber(n).layout().formats() for n in range(3)]
    assert formats[1], "the second line of the comment is coloured as a comment"
    select_format = next(f.format for f in formats[2] if f.start == 0)
    plain = document.findBlockByNumber(2).charFormat()
    assert select_format.foreground() != plain.foreground()
