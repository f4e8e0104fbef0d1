"""The glossary: short, plain meanings of the words a beginner meets, read from glossary.toml.

Lesson text links a word as `[tag](glossary:tag)`. The part after `glossary:` is the term's
key: its name in lower case, with `-` for each space ("pull request" is `pull-request`).
The file format is described for authors at the top of `lessons/glossary.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor.content.errors import ContentError
from tutor.content.lesson_files import read_toml
from tutor.content.loader import default_lessons_root

GLOSSARY_FILE_NAME = "glossary.toml"
FORMAT_VERSION = 1
FILE_KEYS = {"format_version", "terms"}
TERM_KEYS = {"term", "meaning", "example", "see_also"}

# A term must give a key that a lesson link can carry: the Markdown renderer keeps only
# `glossary:` links made of letters, digits, `_` and `-`.
_TERM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*")
_KEY = re.compile(r"[\w-]+")


def term_key(name: str) -> str:
    """The key a lesson links to for a term name: lower case, `-` for each space."""
    return "-".join(name.lower().split())


@dataclass(frozen=True)
class GlossaryTerm:
    """One word and what it means, with an optional code example and related words."""

    key: str
    term: str
    meaning: str
    example: str = ""
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Glossary:
    """Every term in one glossary file, in the order the file lists them."""

    path: Path
    terms: tuple[GlossaryTerm, ...] = ()

    def get(self, key: str) -> GlossaryTerm | None:
        """The term a `glossary:` link points at (any case), or None when there is none."""
        wanted = term_key(key)
        for term in self.terms:
            if term.key == wanted:
                return term
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self.terms)


def glossary_path(lessons_root: Path | None = None) -> Path:
    """Where a lessons folder keeps its glossary (default: the built-in lessons)."""
    return (lessons_root or default_lessons_root()) / GLOSSARY_FILE_NAME


def load_glossary(lessons_root: Path | None = None) -> Glossary:
    """Read the glossary of a lessons folder; a folder without one has an empty glossary.

    Broken data raises a ContentError that names the file and says what is wrong.
    """
    path = glossary_path(lessons_root)
    if not path.exists() and not path.is_symlink():
        return Glossary(path=path)
    return parse_glossary(read_toml(path), path)


def parse_glossary(data: dict[str, Any], path: Path) -> Glossary:
    """Check glossary settings already read from TOML, and build the glossary from them."""
    if data.get("format_version") != FORMAT_VERSION:
        raise ContentError(f"{path}: format_version must be {FORMAT_VERSION}, not "
                           f"{data.get('format_version')!r}; this version of Tutor cannot "
                           "read it.")
    unknown = sorted(set(data) - FILE_KEYS)
    if unknown:
        raise ContentError(f"{path}: unknown setting {unknown[0]!r}; the settings are "
                           f"{', '.join(sorted(FILE_KEYS))}.")
    entries = data.get("terms", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ContentError(f"{path}: terms must be a list of [[terms]] tables.")
    terms: list[GlossaryTerm] = []
    seen: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        term = _parse_term(entry, number, path)
        if term.key in seen:
            raise ContentError(f"{path}: term {number} ({term.term!r}) is the same word as "
                               f"{seen[term.key]!r}; give each word one entry.")
        seen[term.key] = term.term
        terms.append(term)
    return Glossary(path=path, terms=tuple(terms))


def _parse_term(entry: dict[str, Any], number: int, path: Path) -> GlossaryTerm:
    where = f"{path}: term {number}"
    unknown = sorted(set(entry) - TERM_KEYS)
    if unknown:
        raise ContentError(f"{where}: unknown setting {unknown[0]!r}; the settings are "
                           f"{', '.join(sorted(TERM_KEYS))}.")
    name = entry.get("term")
    if not isinstance(name, str) or not _TERM_NAME.fullmatch(name):
        raise ContentError(f"{where}: term must be a word or words made of letters, digits, "
                           f"'-' and '_', with single spaces between; not {name!r}.")
    where = f"{path}: term {number} ({name!r})"
    meaning = entry.get("meaning")
    if not isinstance(meaning, str) or not meaning.strip():
        raise ContentError(f"{where}: meaning must be set to some text.")
    example = entry.get("example", "")
    if not isinstance(example, str):
        raise ContentError(f"{where}: example must be text (use ''' for several lines).")
    see_also = entry.get("see_also", [])
    if not isinstance(see_also, list) or not all(
            isinstance(item, str) and _KEY.fullmatch(term_key(item)) for item in see_also):
        raise ContentError(f"{where}: see_also must be a list of other terms.")
    return GlossaryTerm(
        key=term_key(name),
        term=name,
        meaning=" ".join(meaning.split()),
        example=example.strip("\n"),
        see_also=tuple(term_key(item) for item in see_also),
    )
