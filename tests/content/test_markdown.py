"""Lesson text becomes simple, safe HTML: markup in the text is shown, never obeyed."""

from __future__ import annotations

from tutor.content.loader import load_library
from tutor.content.markdown import plain_prose, render_markdown


def test_raw_html_in_lesson_text_is_escaped() -> None:
    html = render_markdown("Press <b>here</b> and <img src=x onerror=alert(1)> now.")
    assert "&lt;b&gt;here&lt;/b&gt;" in html
    assert "<b>" not in html
    assert "<img" not in html


def test_script_never_survives() -> None:
    text = ("<script>alert(1)</script>\n\nInline <script>x()</script> too.\n\n"
            "[click](javascript:alert(1))\n\n<div>\n<script>alert(2)</script>\n</div>\n")
    html = render_markdown(text)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_fenced_code_is_highlighted_and_escaped() -> None:
    html = render_markdown('```html\n<h1 class="big">Hi</h1>\n```\n')
    assert html.startswith("<pre")
    assert "&lt;" in html and "<h1" not in html
    assert '<span style="color:' in html  # coloured by the highlighter, with inline styles
    assert 'class="' not in html  # inline styles only: the text browser has no style sheet


def test_each_lesson_language_is_highlighted() -> None:
    samples = {
        "css": "h1 { color: red; }",
        "js": "const x = 1;",
        "javascript": "function f() { return 2; }",
        "sql": "SELECT name FROM people;",
        "bash": "git commit -m 'first'",
    }
    for language, code in samples.items():
        html = render_markdown(f"```{language}\n{code}\n```\n")
        assert "<span style=" in html, language


def test_plain_and_unknown_fences_are_shown_as_typed() -> None:
    for fence in ("text", "", "cobol"):
        html = render_markdown(f"```{fence}\na < b && c\n```\n")
        assert "a &lt; b &amp;&amp; c" in html
        assert "<span" not in html


def test_inline_code_is_visible() -> None:
    html = render_markdown("Use the `<h1>` tag.")
    assert "<code style=" in html
    assert "&lt;h1&gt;" in html
    assert "background-color" in html


def test_outside_links_become_plain_text() -> None:
    html = render_markdown("See [the docs](https://example.com/docs), <https://example.org> "
                           "and [a file](notes.html).")
    assert "<a " not in html
    assert "the docs" in html and "a file" in html
    assert 'href="https://example.com/docs"' not in html


def test_lesson_anchors_and_glossary_links_stay_links() -> None:
    html = render_markdown("# Boxes and margins\n\nSee [boxes](#boxes-and-margins) and "
                           "[tag](glossary:tag).")
    assert '<a name="boxes-and-margins"></a>' in html
    assert '<a href="#boxes-and-margins">boxes</a>' in html
    assert '<a href="glossary:tag">tag</a>' in html


def test_pictures_are_shown_as_their_words() -> None:
    html = render_markdown("![A *ginger* cat](https://example.com/cat.png)")
    assert "<img" not in html
    assert "A ginger cat" in html
    assert "example.com" not in html


def test_plain_prose_leaves_out_code_and_ends_each_block() -> None:
    prose = plain_prose("# Title\n\nUse the `<p>` tag here\n\n```html\n<p>x</p>\n```\n\n"
                        "- one item\n- two items\n")
    assert prose.splitlines() == ["Title.", "Use the tag here.", "one item.", "two items."]


def test_every_real_lesson_renders() -> None:
    for exercise in load_library().exercises():
        html = render_markdown(exercise.lesson_markdown)
        assert html.startswith("<h1>"), exercise.id
        assert "<pre" in html, exercise.id  # every lesson has a worked example
        assert "<script" not in html
