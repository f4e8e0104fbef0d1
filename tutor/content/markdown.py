"""Turn lesson Markdown into the simple HTML a Qt text browser shows, and into plain prose.

Lesson text is data, never markup: raw HTML in it is shown as text, and links are kept only
when they stay inside the app (an anchor in the same lesson, or a `glossary:` entry).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pygments.lexer import Lexer
from pygments.lexers import BashLexer, CssLexer, HtmlLexer, JavascriptLexer, SqlLexer
from pygments.token import Comment, Error, Keyword, Name, Number, String, _TokenType

# Fence languages a lesson may name. Anything else is shown as plain, unhighlighted code.
_LEXERS: dict[str, type[Lexer]] = {
    "html": HtmlLexer,
    "css": CssLexer,
    "js": JavascriptLexer,
    "javascript": JavascriptLexer,
    "sql": SqlLexer,
    "bash": BashLexer,
    "sh": BashLexer,
    "shell": BashLexer,
}

# QTextBrowser knows only a small part of HTML and CSS, so styles are inline and simple.
# Colours name a role of the Qt palette, never a fixed colour: the text browser looks each
# role up in the application's palette whenever it reads the HTML, and the lesson view reads
# it again when the theme changes. So code boxes follow the light, dark and high-contrast
# themes, whose palettes keep every one of these roles readable on the code box background.
_PRE_STYLE = (
    "background-color:palette(alternate-base); color:palette(text); font-family:monospace; "
    "margin-top:6px; margin-bottom:10px; padding:8px"
)
_INLINE_CODE_STYLE = (
    "background-color:palette(alternate-base); color:palette(bright-text); "
    "font-family:monospace"
)
# Syntax colours by kind of token. Few on purpose, each a palette role every theme keeps
# readable: the link colour (blue), bright text (the theme's red), placeholder text (grey)
# and the accent (the theme's focus colour). Kinds not listed keep the code box's text colour.
_TOKEN_STYLES: tuple[tuple[_TokenType, str], ...] = (
    (Comment, "color:palette(placeholder-text); font-style:italic"),
    (String, "color:palette(bright-text)"),
    (Error, "color:palette(bright-text)"),
    (Keyword, "color:palette(link); font-weight:bold"),
    (Name.Tag, "color:palette(link); font-weight:bold"),
    (Name.Attribute, "color:palette(accent)"),
    (Name.Builtin, "color:palette(accent)"),
    (Name.Function, "color:palette(accent)"),
    (Name.Class, "color:palette(accent)"),
    (Number, "color:palette(accent)"),
)


def _lexer_for(language: str) -> Lexer | None:
    lexer_class = _LEXERS.get(language.strip().lower())
    return lexer_class() if lexer_class else None


def _token_style(kind: _TokenType) -> str:
    return next((style for family, style in _TOKEN_STYLES if kind in family), "")


def _coloured(code: str, lexer: Lexer) -> str:
    """The code as escaped HTML, each token that has a colour in a span of its own."""
    parts = []
    for kind, text in lexer.get_tokens(code):
        style = _token_style(kind)
        escaped = escapeHtml(text)
        parts.append(f'<span style="{style}">{escaped}</span>' if style and text.strip()
                     else escaped)
    return "".join(parts)


def highlight_code(code: str, language: str) -> str:
    """HTML for a block of code, coloured when the language is one lessons use."""
    lexer = _lexer_for(language)
    body = escapeHtml(code) if lexer is None else _coloured(code, lexer)
    return f'<pre style="{_PRE_STYLE}">{body.rstrip(chr(10))}</pre>\n'


def _is_kept_link(href: str) -> bool:
    """Links that stay inside the app: an anchor in this lesson or a glossary entry."""
    return bool(re.fullmatch(r"#[\w-]+", href) or re.fullmatch(r"glossary:[\w-]+", href))


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "section"


def _drop_outside_links(state: StateCore) -> None:
    """Core rule: unwrap links that leave the lesson, and show images as their alt text."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        open_links: list[bool] = []
        for token in block.children:
            if token.type == "link_open":
                keep = _is_kept_link(str(token.attrGet("href") or ""))
                open_links.append(keep)
                if keep:
                    kept.append(token)
            elif token.type == "link_close":
                if open_links.pop():
                    kept.append(token)
            elif token.type == "image":
                # An image could load a file or reach a network; show what it stands for.
                alt = Token("text", "", 0)
                alt.content = "".join(
                    child.content for child in token.children or [] if child.type == "text"
                )
                kept.append(alt)
            else:
                kept.append(token)
        block.children = kept


def _add_heading_anchors(state: StateCore) -> None:
    """Core rule: give each heading a name so `[see](#name)` links can jump to it."""
    used: set[str] = set()
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        base = _slug(tokens[index + 1].content)
        anchor, number = base, 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        used.add(anchor)
        token.meta["anchor"] = anchor


def _render_fence(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    language = token.info.split()[0] if token.info.strip() else ""
    return highlight_code(token.content, language)


def _render_code_block(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return highlight_code(tokens[idx].content, "")


def _render_code_inline(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    code = escapeHtml(tokens[idx].content)
    return f'<code style="{_INLINE_CODE_STYLE}">&nbsp;{code}&nbsp;</code>'


def _render_heading_open(
    renderer: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    anchor = escapeHtml(str(token.meta.get("anchor", "")))
    return f'<{token.tag}><a name="{anchor}"></a>'


def _build_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    parser.core.ruler.push("drop_outside_links", _drop_outside_links)
    parser.core.ruler.push("heading_anchors", _add_heading_anchors)
    parser.add_render_rule("fence", _render_fence)
    parser.add_render_rule("code_block", _render_code_block)
    parser.add_render_rule("code_inline", _render_code_inline)
    parser.add_render_rule("heading_open", _render_heading_open)
    return parser


_PARSER = _build_parser()


def render_markdown(text: str) -> str:
    """HTML for a QTextBrowser: raw HTML escaped, code highlighted, only in-app links kept."""
    return str(_PARSER.render(text))


def plain_prose(text: str) -> str:
    """The words a learner reads in a lesson, without code, one sentence or block a line.

    Used to score how easy a lesson is to read: code blocks and inline code are left out,
    and each heading, paragraph and list item ends a sentence.
    """
    blocks: list[str] = []
    for token in _PARSER.parse(text):
        if token.type != "inline" or not token.children:
            continue
        words = []
        for child in token.children:
            if child.type in ("text", "image"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        block = " ".join("".join(words).split())
        if block:
            blocks.append(block if block[-1] in ".!?:" else block + ".")
    return "\n".join(blocks)
