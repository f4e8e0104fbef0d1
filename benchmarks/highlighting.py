"""How much syntax colouring costs in the code editor, beside floors measured in the same run.

Prints, for a 5,000-line HTML page with <style> and <script> parts:
- the cost of one keystroke (median of many) with colouring, and with none;
- a whole colouring pass per line, and pygments lexing the same text in one go;
- the longest single stall while a big file opens, and the same with no colouring.

Run with `QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/highlighting.py`.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pygments.lexers.html import HtmlLexer  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from tutor.ui.highlighter import PygmentsHighlighter, lexer_for_file_name  # noqa: E402

LINES = 5000
KEYSTROKES = 400

SECTION = """<section class="card">
  <!-- a note about
       this card -->
  <h2 id="title">A heading &amp; more</h2>
  <p>Some text with <a href="#top">a link</a> and <em>emphasis</em>.</p>
  <img src="cat.png" alt="A cat">
  <style>
    .card h2 { color: #333; margin: 0 auto; }
    /* several lines
       of comment */
    p:hover { font-size: 1.2rem; }
  </style>
  <script>
    const items = [1, 2, 3].map((n) => n * 2);
    function greet(name) { return `Hello ${name}!`; }
    document.querySelector("#title").textContent = greet("you");
  </script>
</section>"""


def big_page() -> str:
    """About LINES lines of ordinary page markup."""
    section_lines = SECTION.count("\n") + 1
    return "\n".join([SECTION] * (LINES // section_lines + 1))


def show_editor(app: QApplication, text: str, *, colour: bool) -> tuple[QPlainTextEdit,
                                                                     PygmentsHighlighter | None]:
    editor = QPlainTextEdit()
    editor.resize(900, 700)
    editor.show()
    highlighter = PygmentsHighlighter(editor.document(), "index.html") if colour else None
    app.processEvents()
    editor.setPlainText(text)
    if highlighter is not None:
        highlighter.finish()
    app.processEvents()
    return editor, highlighter


def keystroke_cost(app: QApplication, text: str, *, colour: bool) -> float:
    """Median seconds for one typed character in the middle of the page."""
    editor, _ = show_editor(app, text, colour=colour)
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(LINES // 2 + 4).position() + 10)
    editor.setTextCursor(cursor)
    times = []
    for index in range(KEYSTROKES):
        key = Qt.Key.Key_Backspace if index % 2 else Qt.Key.Key_A
        start = time.perf_counter()
        QTest.keyClick(editor, key)
        times.append(time.perf_counter() - start)
    editor.close()
    return statistics.median(times)


def open_stalls(app: QApplication, text: str, *, colour: bool, later: bool = True) -> float:
    """The longest single stretch the window is busy while a big file opens and is coloured.

    With `later`, colouring starts after the text is set, as CodeEditor.set_text does for a
    long text; without it, Qt visits every line while the text is set.
    """
    editor = QPlainTextEdit()
    editor.resize(900, 700)
    editor.show()
    highlighter = PygmentsHighlighter(editor.document(), "index.html") if colour else None
    app.processEvents()
    start = time.perf_counter()
    if highlighter is not None and later:
        highlighter.replace_text(lambda: editor.setPlainText(text))
    else:
        editor.setPlainText(text)
    stalls = [time.perf_counter() - start]
    for _turn in range(10_000):
        start = time.perf_counter()
        app.processEvents()
        stalls.append(time.perf_counter() - start)
        if highlighter is None or not highlighter.is_pending():
            break
    editor.close()
    return max(stalls)


def whole_pass_per_line(app: QApplication, text: str) -> float:
    """Seconds per line to colour the whole page in one go, from a cold start."""
    editor, highlighter = show_editor(app, "", colour=True)
    assert highlighter is not None
    editor.setPlainText(text)
    start = time.perf_counter()
    highlighter.rehighlight()
    highlighter.finish()
    elapsed = time.perf_counter() - start
    editor.close()
    return elapsed / editor.document().blockCount()


def pygments_per_line(text: str) -> float:
    """Seconds per line for pygments to lex the page as one text, with no Qt at all."""
    lexer = HtmlLexer()
    start = time.perf_counter()
    for _token in lexer.get_tokens_unprocessed(text):
        pass
    return (time.perf_counter() - start) / (text.count("\n") + 1)


def best_of(runs: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(runs))


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    text = big_page()
    start = time.perf_counter()
    lexer_for_file_name("index.html")
    first_lexer = time.perf_counter() - start

    key_with = best_of(3, lambda: keystroke_cost(app, text, colour=True))
    key_floor = best_of(3, lambda: keystroke_cost(app, text, colour=False))
    pass_line = best_of(3, lambda: whole_pass_per_line(app, text))
    lex_line = best_of(3, lambda: pygments_per_line(text))
    stall_with = best_of(3, lambda: open_stalls(app, text, colour=True))
    stall_at_once = best_of(3, lambda: open_stalls(app, text, colour=True, later=False))
    stall_floor = best_of(3, lambda: open_stalls(app, text, colour=False))

    lines = text.count("\n") + 1
    print(f"Syntax colouring, {lines} lines of HTML with <style> and <script>")
    print(f"  first lexer set-up (once per run): {first_lexer * 1000:7.1f} ms")
    print(f"  keystroke, median of {KEYSTROKES}:  {key_with * 1000:7.3f} ms"
          f"   floor (no colouring) {key_floor * 1000:7.3f} ms"
          f"   ratio {key_with / key_floor:5.2f}x   extra {(key_with - key_floor) * 1000:.3f} ms")
    print(f"  whole pass per line:          {pass_line * 1000:7.3f} ms"
          f"   floor (pygments alone) {lex_line * 1000:7.3f} ms"
          f"   ratio {pass_line / lex_line:5.2f}x")
    print(f"  longest stall opening it:     {stall_with * 1000:7.1f} ms"
          f"   floor (no colouring) {stall_floor * 1000:7.1f} ms"
          f"   ratio {stall_with / stall_floor:5.2f}x   budget 50 ms")
    print(f"    (first slice coloured while the text is set: {stall_at_once * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
