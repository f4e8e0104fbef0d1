"""Syntax colours for HTML, CSS and JavaScript, worked out one line at a time as the learner types."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from pygments.lexer import RegexLexer, inherit
from pygments.lexers.css import CssLexer
from pygments.lexers.html import HtmlLexer
from pygments.lexers.javascript import JavascriptLexer
from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from pygments.token import Comment, Error, String, Text, _TokenType
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

STYLE_NAME = "default"
# A lexer state: the host language's stack, and the embedded language's stack when the line
# ends inside a <style> or <script> element.
Stack = tuple[str, ...]
LineState = tuple[Stack, Stack | None]
Token = tuple[int, int, _TokenType]
INITIAL_STATE: LineState = (("root",), None)
MAX_STACK_DEPTH = 40
# One synchronous pass of highlighting may take this long before the rest waits for the next
# turn of the event loop, so that pasting or opening a big file never freezes the window.
PASS_BUDGET_SECONDS = 0.01
# Calls further apart than this belong to different passes.
PASS_GAP_SECONDS = 0.005


class _HtmlByLine(HtmlLexer):  # type: ignore[misc]
    """HTML with comments and quoted attribute values that may run over several lines."""

    tokens = {
        "root": [(r"<!--", Comment.Multiline, "comment"), inherit],
        "comment": [
            (r"[^-]+", Comment.Multiline),
            (r"-->", Comment.Multiline, "#pop"),
            (r"-", Comment.Multiline),
        ],
        "attr": [
            (r'"', String, ("#pop", "double-quoted")),
            (r"'", String, ("#pop", "single-quoted")),
            inherit,
        ],
        "double-quoted": [(r'[^"]+', String), (r'"', String, "#pop")],
        "single-quoted": [(r"[^']+", String), (r"'", String, "#pop")],
    }


def _block_comment(token: _TokenType) -> list[tuple[str, _TokenType, str] | tuple[str, _TokenType]]:
    return [(r"[^*]+", token), (r"\*/", token, "#pop"), (r"\*", token)]


class _CssByLine(CssLexer):  # type: ignore[misc]
    """CSS with comments that may run over several lines."""

    tokens = {
        state: [(r"/\*", Comment, "comment"), inherit]
        for state in ("basics", "content", "value-start", "function-start")
    } | {"comment": _block_comment(Comment)}


class _JavascriptByLine(JavascriptLexer):  # type: ignore[misc]
    """JavaScript with comments that may run over several lines."""

    tokens = {
        "commentsandwhitespace": [(r"/\*", Comment.Multiline, "comment"), inherit],
        "comment": _block_comment(Comment.Multiline),
    }


class LineLexer:
    """Splits one line into coloured tokens, starting from the state the line before ended in."""

    def __init__(self, host: RegexLexer,
                 embedded: dict[str, tuple[RegexLexer, re.Pattern[str]]] | None = None) -> None:
        self._host = host
        # Host states whose content belongs to another language, and the tag that ends it.
        self._embedded = embedded or {}

    def lex_line(self, text: str, state: LineState) -> tuple[list[Token], LineState]:
        """Return (start, length, token type) for `text`, and the state at the end of it."""
        line = text + "\n"  # the lexers' rules expect lines to end in a newline
        tokens: list[Token] = []
        host_stack = list(state[0])
        sub_stack = list(state[1]) if state[1] else None
        pos = 0
        while pos < len(line):
            embedded = self._embedded.get(host_stack[-1])
            if embedded is None:
                pos = _run(self._host, line, pos, len(line), host_stack, tokens,
                           stop_states=self._embedded)
                continue
            sub_lexer, closing_tag = embedded
            closing = closing_tag.search(line, pos)
            stop = closing.start() if closing else len(line)
            if stop > pos:
                sub_stack = sub_stack or ["root"]
                _run(sub_lexer, line, pos, stop, sub_stack, tokens)
            if closing is None:
                break
            # The host lexes the closing tag itself, which takes it out of this state.
            sub_stack = None
            pos = _run(self._host, line, stop, len(line), host_stack, tokens,
                       stop_states=self._embedded)
        visible = [(start, min(length, len(text) - start), kind)
                   for start, length, kind in tokens if start < len(text)]
        return visible, (tuple(host_stack), tuple(sub_stack) if sub_stack else None)


def _run(lexer: RegexLexer, text: str, pos: int, end: int, stack: list[str],
         tokens: list[Token], stop_states: Mapping[str, object] | None = None) -> int:
    """Lex text[pos:end] from `stack` (changed in place), as RegexLexer does for a whole text.

    Stops early, returning the position, when a state change lands in one of `stop_states`.
    """
    tokendefs = lexer._tokens
    rules = tokendefs[stack[-1]]
    while pos < end:
        for match_at, action, new_state in rules:
            found = match_at(text, pos, end)
            if not found or (found.end() == pos and new_state is None):
                continue  # an empty match that changes nothing would loop for ever
            if type(action) is _TokenType:
                tokens.append((pos, found.end() - pos, action))
            elif action is not None:
                # A callback such as bygroups or using, giving absolute positions; `using`
                # lexes its piece from the other lexer's root, enough for the short pieces
                # it is given (whole <style> and <script> bodies are handled above).
                tokens.extend((start, len(value), kind)
                              for start, kind, value in action(lexer, found))
            pos = found.end()
            if new_state is not None:
                _change_state(stack, new_state)
                rules = tokendefs[stack[-1]]
                if stop_states and stack[-1] in stop_states:
                    return pos
            break
        else:
            # Nothing matched: pygments resets to the root state at a newline and otherwise
            # marks one character as an error.
            if text[pos] == "\n":
                del stack[1:]
                stack[0] = "root"
                rules = tokendefs["root"]
            else:
                tokens.append((pos, 1, Error))
            pos += 1
    return pos


def _change_state(stack: list[str], new_state: object) -> None:
    """Apply a processed pygments state change (tuple, '#push' or a negative pop count)."""
    if isinstance(new_state, tuple):
        for state in new_state:
            if state == "#pop":
                if len(stack) > 1:
                    stack.pop()
            elif state == "#push":
                stack.append(stack[-1])
            else:
                stack.append(state)
    elif isinstance(new_state, int):
        del stack[max(1, len(stack) + new_state):]
    elif new_state == "#push":
        stack.append(stack[-1])
    if len(stack) > MAX_STACK_DEPTH:  # runaway nesting: forget the oldest states
        del stack[1:len(stack) - MAX_STACK_DEPTH + 1]


@contextmanager
def _signals_blocked(document: QTextDocument) -> Iterator[None]:
    was_blocked = document.blockSignals(True)
    try:
        yield
    finally:
        document.blockSignals(was_blocked)


def _closing_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"<\s*/\s*{name}\s*>", re.IGNORECASE)


def lexer_for_file_name(file_name: str) -> LineLexer | None:
    """The line lexer for an .html, .css, .js or .sql file, or None for any other file."""
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if extension in ("html", "htm"):
        return LineLexer(_HtmlByLine(), {
            "style-content": (_CssByLine(), _closing_tag("style")),
            "script-content": (_JavascriptByLine(), _closing_tag("script")),
        })
    if extension == "css":
        return LineLexer(_CssByLine())
    if extension in ("js", "mjs"):
        return LineLexer(_JavascriptByLine())
    if extension == "sql":
        from pygments.lexers.sql import SqlLexer

        return LineLexer(SqlLexer())
    return None


def prepare_lexers() -> None:
    """Build the lexers' rule tables now (about 0.1 s, once per run), not on the first file.

    Worth calling from a zero-delay timer after the main window has first painted.
    """
    for lexer_class in (_HtmlByLine, _CssByLine, _JavascriptByLine):
        lexer_class()


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio between two colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_color(color: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """`color`, darkened (or lightened on a dark background) until it is easy to read."""
    result = QColor(color)
    darken = _luminance(background) > 0.5
    for _ in range(60):
        if contrast_ratio(result, background) >= minimum:
            break
        result = result.darker(115) if darken else result.lighter(115)
    return result


def editor_colors() -> tuple[QColor, QColor]:
    """The (background, text) colours the token colours were chosen to be read on."""
    style: StyleMeta = get_style_by_name(STYLE_NAME)
    text = style.style_for_token(Text)["color"]
    return QColor(style.background_color), QColor(f"#{text}" if text else "#000000")


class PygmentsHighlighter(QSyntaxHighlighter):
    """Colours an HTML, CSS or JavaScript document line by line, never the whole file per key.

    Qt calls highlightBlock for each changed line, and for the next line while line-end
    states keep changing. When one pass runs over its time budget (a big paste, opening a
    long file) the rest of the lines keep their old state and are coloured a slice at a time
    from a zero-delay timer, so the window never freezes.
    """

    # Lines that were put off have now all been coloured.
    highlighting_finished = Signal()

    def __init__(self, document: QTextDocument, file_name: str) -> None:
        # Not given the document: Qt's handler for edits must connect after ours.
        super().__init__(None)  # type: ignore[call-overload]
        self.setParent(document)
        self._lexer = lexer_for_file_name(file_name)
        self._style: StyleMeta = get_style_by_name(STYLE_NAME)
        self._background = editor_colors()[0]
        self._minimum_contrast = 4.5
        self._formats: dict[_TokenType, QTextCharFormat | None] = {}
        self._state_ids: dict[LineState, int] = {INITIAL_STATE: 0}
        self._states: list[LineState] = [INITIAL_STATE]
        self._pass_started = 0.0
        self._last_call = 0.0
        self._resuming = False
        self._last_lexed = 0
        # Lines put off in the current pass (Qt visits them in order, so the first one's
        # position and a count), and all lines waiting, as cursors, which Qt moves along
        # when text is edited above them.
        self._deferred_first = 0
        self._deferred_count = 0
        self._pending: tuple[QTextCursor, QTextCursor] | None = None
        self._resume_timer = QTimer(self, singleShot=True, interval=0)
        self._resume_timer.timeout.connect(self._resume)
        self._detached_from: QTextDocument | None = None
        document.contentsChange.connect(self._note_edit)
        self._attach(document)

    def replace_text(self, set_text: Callable[[], None]) -> None:
        """Run `set_text`, which replaces the whole text, and colour the new text afterwards.

        Qt would otherwise call highlightBlock for every line while the text is set, which
        for a long file is a pause on its own. Here the text is set with the highlighter
        detached; the next turn of the event loop attaches it again, and the lines are then
        coloured a slice at a time, the first lines first.
        """
        document = self._detached_from or self.document()
        if self._detached_from is None:
            self._detached_from = document
            self._deferred_count = 0
            self._pending = None
            self.setDocument(None)
        set_text()
        self._resume_timer.start()

    def set_colors(self, style_name: str, background: QColor, *,
                   minimum_contrast: float = 4.5) -> None:
        """Colour tokens from another pygments style, made readable on `background`.

        For a theme change: the whole text is coloured again, a slice at a time.
        """
        self._style = get_style_by_name(style_name)
        self._background = QColor(background)
        self._minimum_contrast = minimum_contrast
        self._formats = {}
        document = self._detached_from or self.document()
        if document is not None and self._detached_from is None and not document.isEmpty():
            self._mark_pending(0, document.characterCount() - 1)

    def _attach(self, document: QTextDocument) -> None:
        self.setDocument(document)
        # Colour now rather than in Qt's queued pass, which would announce a text change.
        with _signals_blocked(document):
            self.rehighlight()

    def is_pending(self) -> bool:
        """True while part of the document still waits to be coloured."""
        return (bool(self._deferred_count) or self._pending is not None
                or self._detached_from is not None)

    def finish(self) -> None:
        """Colour everything still waiting now, without returning to the event loop."""
        while self.is_pending():
            self._resume()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Colour one line, starting from the lexer state the line before ended in."""
        if self._lexer is None:
            return
        now = time.perf_counter()
        if now - self._last_call > PASS_GAP_SECONDS and not self._resuming:
            self._keep_deferred()
            self._pass_started = now
        self._last_call = now
        if self._deferred_count:
            # Over budget: Qt calls on for the rest of the edited range; this path must cost
            # next to nothing, as it may run for thousands of lines.
            self._deferred_count += 1
            return
        if now - self._pass_started > PASS_BUDGET_SECONDS:
            self._deferred_first = self.currentBlock().position()
            self._deferred_count = 1
            self._resume_timer.start()
            return
        previous = self.previousBlockState()
        state = self._states[previous] if previous >= 0 else INITIAL_STATE
        tokens, end_state = self._lexer.lex_line(text, state)
        format_for = self._format_for
        for start, length, kind in tokens:
            text_format = format_for(kind)
            if text_format is not None:
                self.setFormat(start, length, text_format)
        state_id = self._state_ids.get(end_state)
        if state_id is None:
            state_id = self._state_ids[end_state] = len(self._states)
            self._states.append(end_state)
        self.setCurrentBlockState(state_id)
        self._last_call = time.perf_counter()
        if self._resuming:
            self._last_lexed = self.currentBlock().blockNumber()

    def _note_edit(self, position: int, _removed: int, _added: int) -> None:
        if self._resuming:
            return
        self._last_call = 0.0  # this edit starts a new pass
        if self._deferred_count:
            # Lines were put off and the text has changed since: line numbers noted before
            # may have moved, so be safe and look again at everything from there on.
            start = min(position, self._deferred_first)
            self._deferred_count = 0
            self._mark_pending(start, self.document().characterCount() - 1)

    def _keep_deferred(self) -> None:
        """Turn the lines put off in the last pass into waiting work."""
        if not self._deferred_count:
            return
        document = self.document()
        first = document.findBlock(self._deferred_first)
        last = document.findBlockByNumber(first.blockNumber() + self._deferred_count - 1)
        end = last.position() if last.isValid() else document.characterCount() - 1
        self._deferred_count = 0
        self._mark_pending(self._deferred_first, end)

    def _mark_pending(self, start: int, end: int) -> None:
        document = self.document()
        if self._pending is not None:
            start = min(start, self._pending[0].position())
            end = max(end, self._pending[1].position())
        first, last = QTextCursor(document), QTextCursor(document)
        first.setPosition(min(start, document.characterCount() - 1))
        last.setPosition(min(end, document.characterCount() - 1))
        self._pending = (first, last)
        self._resume_timer.start()

    def _resume(self) -> None:
        """Colour the waiting lines in order, until this turn's time is used up."""
        if self._detached_from is not None:
            # Qt visits every line when a highlighter is attached; make that visit cheap by
            # putting every line off, and colour them from the next turn on.
            document, self._detached_from = self._detached_from, None
            self._pass_started = time.perf_counter() - PASS_BUDGET_SECONDS - 1.0
            self._resuming = True
            try:
                self._attach(document)
            finally:
                self._resuming = False
            self._keep_deferred()
            return
        self._keep_deferred()
        if self._pending is None:
            return
        document = self.document()
        block = document.findBlock(self._pending[0].position())
        last = document.findBlock(self._pending[1].position())
        self._pending = None
        self._pass_started = self._last_call = time.perf_counter()
        self._resuming = True
        # Only colours change here: no text-change signals, which would read as an edit.
        with _signals_blocked(document):
            try:
                while block.isValid() and block.blockNumber() <= last.blockNumber():
                    if time.perf_counter() - self._pass_started > PASS_BUDGET_SECONDS:
                        self._mark_pending(block.position(), last.position())
                        break
                    self._last_lexed = block.blockNumber()
                    self.rehighlightBlock(block)  # runs on while line-end states change
                    block = document.findBlockByNumber(self._last_lexed + 1)
            finally:
                self._resuming = False
        self._keep_deferred()
        if self._pending is None:
            self.highlighting_finished.emit()

    def _format_for(self, kind: _TokenType) -> QTextCharFormat | None:
        cached = self._formats.get(kind, False)
        if cached is not False:
            return cached  # type: ignore[return-value]
        style = self._style.style_for_token(kind)
        text_format: QTextCharFormat | None = None
        if kind is not Error and (style["color"] or style["bold"] or style["italic"]):
            text_format = QTextCharFormat()
            if style["color"]:
                color = readable_color(QColor(f"#{style['color']}"), self._background,
                                       self._minimum_contrast)
                text_format.setForeground(color)
            if style["bold"]:
                text_format.setFontWeight(QFont.Weight.Bold)
            if style["italic"]:
                text_format.setFontItalic(True)
        self._formats[kind] = text_format
        return text_format
