"""Read JavaScript check files as text, for the linter: names, messages, imports.

This is a small tokenizer, not a JavaScript parser. It knows strings, template literals,
comments and regular expressions well enough for the plain code that checks are made of;
it never runs anything. A "/" counts as the start of a regular expression when it comes
where a value is expected (after an operator, a bracket, a comma or a keyword such as
`return`); exotic code can confuse it, and then a message may be missed, not invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TokenKind = Literal["name", "string", "template", "number", "punct", "regex"]


@dataclass(frozen=True)
class JsToken:
    """One piece of JavaScript: a name, a string (its text), a number or a punctuation mark."""

    kind: TokenKind
    text: str
    line: int


_PUNCT_BEFORE_VALUE = set("([{,;:=!&|?+-*%<>~^}")
_KEYWORDS_BEFORE_VALUE = {"return", "typeof", "case", "do", "else", "in", "of", "new",
                          "delete", "void", "throw", "yield", "await"}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
# Stands in for a ${...} part of a template literal, so the rest still reads as a sentence.
TEMPLATE_PLACEHOLDER = "this"


def tokenize(source: str) -> list[JsToken]:
    """Split JavaScript into tokens, dropping comments and white space."""
    tokens: list[JsToken] = []
    index, line, length = 0, 1, len(source)
    while index < length:
        char = source[index]
        if char == "\n":
            line += 1
            index += 1
        elif char.isspace():
            index += 1
        elif source.startswith("//", index):
            end = source.find("\n", index)
            index = length if end < 0 else end
        elif source.startswith("/*", index):
            end = source.find("*/", index + 2)
            end = length if end < 0 else end + 2
            line += source.count("\n", index, end)
            index = end
        elif char in "'\"":
            text, end = _read_string(source, index)
            tokens.append(JsToken("string", text, line))
            line += source.count("\n", index, end)
            index = end
        elif char == "`":
            text, end = _read_template(source, index)
            tokens.append(JsToken("template", text, line))
            line += source.count("\n", index, end)
            index = end
        elif char == "/" and _value_expected(tokens):
            end = _regex_end(source, index)
            tokens.append(JsToken("regex", source[index:end], line))
            index = end
        elif char.isalpha() or char in "_$":
            end = index
            while end < length and (source[end].isalnum() or source[end] in "_$"):
                end += 1
            tokens.append(JsToken("name", source[index:end], line))
            index = end
        elif char.isdigit():
            end = index
            while end < length and (source[end].isalnum() or source[end] in "._"):
                end += 1
            tokens.append(JsToken("number", source[index:end], line))
            index = end
        else:
            tokens.append(JsToken("punct", char, line))
            index += 1
    return tokens


def _value_expected(tokens: list[JsToken]) -> bool:
    if not tokens:
        return True
    last = tokens[-1]
    if last.kind == "punct":
        return last.text in _PUNCT_BEFORE_VALUE and last.text != ")"
    return last.kind == "name" and last.text in _KEYWORDS_BEFORE_VALUE


def _read_string(source: str, start: int) -> tuple[str, int]:
    quote, index, parts = source[start], start + 1, []
    while index < len(source) and source[index] != quote and source[index] != "\n":
        if source[index] == "\\" and index + 1 < len(source):
            parts.append(_ESCAPES.get(source[index + 1], source[index + 1]))
            index += 2
        else:
            parts.append(source[index])
            index += 1
    return "".join(parts), index + 1


def _read_template(source: str, start: int) -> tuple[str, int]:
    index, parts = start + 1, []
    while index < len(source) and source[index] != "`":
        if source[index] == "\\" and index + 1 < len(source):
            parts.append(_ESCAPES.get(source[index + 1], source[index + 1]))
            index += 2
        elif source.startswith("${", index):
            index = _skip_braces(source, index + 1)
            parts.append(TEMPLATE_PLACEHOLDER)
        else:
            parts.append(source[index])
            index += 1
    return "".join(parts), index + 1


def _skip_braces(source: str, start: int) -> int:
    """Index just past the "}" that closes the "{" at `start`, stepping over strings."""
    depth, index = 0, start
    while index < len(source):
        char = source[index]
        if char in "'\"":
            index = _read_string(source, index)[1]
            continue
        if char == "`":
            index = _read_template(source, index)[1]
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return index


def _regex_end(source: str, start: int) -> int:
    index, in_class = start + 1, False
    while index < len(source) and source[index] != "\n":
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "/" and not in_class:
            index += 1
            while index < len(source) and source[index].isalpha():
                index += 1
            return index
        index += 1
    return index


def call_arguments(tokens: list[JsToken], start: int) -> list[list[JsToken]]:
    """The arguments of the call whose "(" is at `start`, each as its list of tokens."""
    arguments: list[list[JsToken]] = [[]]
    depth = 0
    for token in tokens[start:]:
        if token.kind == "punct" and token.text in "([{":
            depth += 1
            if depth == 1:
                continue
        elif token.kind == "punct" and token.text in ")]}":
            depth -= 1
            if depth == 0:
                break
        elif token.kind == "punct" and token.text == "," and depth == 1:
            arguments.append([])
            continue
        arguments[-1].append(token)
    return [argument for argument in arguments if argument]


def literal_text(argument: list[JsToken]) -> str | None:
    """The text of an argument made only of strings (joined with +), else None."""
    pieces = argument[0::2]
    joins = argument[1::2]
    if not pieces or any(p.kind not in ("string", "template") for p in pieces):
        return None
    if any(j.kind != "punct" or j.text != "+" for j in joins):
        return None
    return "".join(piece.text for piece in pieces)


@dataclass(frozen=True)
class CheckMessage:
    """A sentence in a check file that a learner may read: a test name or a failure message."""

    text: str
    line: int
    source: str  # "test name", "expect message" or "check message"


# The call, and which argument holds words a learner reads.
_MESSAGE_ARGUMENTS = {"describe": 0, "test": 0, "it": 0, "expect": 1, "check": 1}


def learner_messages(source: str) -> list[CheckMessage]:
    """Every test name and failure message written as a plain string in a check file."""
    tokens = tokenize(source)
    found: list[CheckMessage] = []
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.kind != "name" or token.text not in _MESSAGE_ARGUMENTS:
            continue
        if following.kind != "punct" or following.text != "(":
            continue
        if index > 0 and tokens[index - 1].kind == "punct" and tokens[index - 1].text == ".":
            continue  # a method such as `list.check(...)`, not the check helpers
        position = _MESSAGE_ARGUMENTS[token.text]
        arguments = call_arguments(tokens, index + 1)
        if len(arguments) > position:
            text = literal_text(arguments[position])
            if text is not None:
                kind = "test name" if position == 0 else f"{token.text} message"
                found.append(CheckMessage(text, token.line, kind))
    return found


def import_specifiers(source: str) -> list[tuple[str, int]]:
    """What a module imports: `import x from "a"`, `import "a"`, `export * from "a"`,
    `import("a")`; each with its line."""
    tokens = tokenize(source)
    found: list[tuple[str, int]] = []
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.kind != "name" or token.text not in ("import", "from"):
            continue
        if following.kind == "string":
            found.append((following.text, following.line))
        elif (token.text == "import" and following.text == "(" and index + 2 < len(tokens)
              and tokens[index + 2].kind in ("string", "template")):
            found.append((tokens[index + 2].text, tokens[index + 2].line))
    return found


def names_used(source: str) -> list[tuple[str, int]]:
    """Every name in the code (not in comments or strings), with its line."""
    return [(token.text, token.line) for token in tokenize(source) if token.kind == "name"]
