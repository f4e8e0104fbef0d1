"""Lint rules for the glossary: every `glossary:` link has a term, and meanings are plain.

Problems come in the linter's own `Problem` shape, so `tutor lessons lint` can list them
beside the rest. Glossary problems name no exercise; link problems name the exercise.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tutor.content.glossary import GLOSSARY_FILE_NAME, Glossary
from tutor.content.lint import MAX_GRADE, Problem
from tutor.content.loader import Library
from tutor.content.readability import grade_level, sentence_count, strip_code

GLOSSARY_SCHEME = "glossary:"
MAX_MEANING_SENTENCES = 2
# What the lesson renderer keeps as a glossary link; anything else is shown as plain text.
_KEPT_KEY = re.compile(r"[\w-]+")

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def glossary_links(markdown: str) -> list[str]:
    """The text after `glossary:` of every glossary link in some Markdown, in order."""
    return [href[len(GLOSSARY_SCHEME):] for href in _link_targets(_PARSER.parse(markdown))
            if href.lower().startswith(GLOSSARY_SCHEME)]


def _link_targets(tokens: list[Token]) -> list[str]:
    found: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            found.append(str(token.attrGet("href") or ""))
        if token.children:
            found.extend(_link_targets(token.children))
    return found


def glossary_problems(library: Library, glossary: Glossary, *,
                      max_grade: float = MAX_GRADE) -> list[Problem]:
    """Links to words the glossary lacks, and glossary entries that are hard to read."""
    problems = meaning_problems(glossary, max_grade=max_grade)
    for exercise in library.exercises():
        sources = [("lesson.md", exercise.lesson_markdown)]
        sources += [("exercise.toml", hint) for hint in exercise.hints]
        for file, text in sources:
            for target in glossary_links(text):
                message = _link_problem(target, glossary)
                if message:
                    problems.append(Problem(exercise.id, file, message))
    return problems


def _link_problem(target: str, glossary: Glossary) -> str | None:
    if not _KEPT_KEY.fullmatch(target):
        return (f"the link 'glossary:{target}' is not a term key; use the term in lower "
                "case with '-' for spaces, such as 'glossary:pull-request'")
    if target not in glossary:
        return (f"the link 'glossary:{target}' points to a word that is not in "
                f"{GLOSSARY_FILE_NAME}; add it there or fix the link")
    return None


def meaning_problems(glossary: Glossary, *, max_grade: float = MAX_GRADE) -> list[Problem]:
    """Meanings that are too hard or too long, and see-also words that are not terms."""
    problems: list[Problem] = []

    def add(message: str) -> None:
        problems.append(Problem("", GLOSSARY_FILE_NAME, message))

    for term in glossary.terms:
        prose = strip_code(term.meaning)
        grade = grade_level(prose)
        if grade > max_grade:
            add(f"the meaning of {term.term!r} reads at grade {grade:.1f}; make it "
                f"{max_grade:g} or lower with shorter sentences and words")
        sentences = sentence_count(prose)
        if sentences > MAX_MEANING_SENTENCES:
            add(f"the meaning of {term.term!r} has {sentences} sentences; use one or two")
        for other in term.see_also:
            if other == term.key:
                add(f"{term.term!r} lists itself in see_also")
            elif other not in glossary:
                add(f"{term.term!r} lists {other!r} in see_also, but that word is not a term")
    return problems

