"""Full-text search over the lessons and the glossary, with SQLite's FTS5 in memory.

The index is built once at start from data already loaded, so it never touches the disk
and holds nothing private: lesson text, titles and glossary words, never learner work and
never hints (a hint is help the learner chooses to open).

What the learner types is untrusted. It is never passed to FTS5 as query syntax: it is cut
into words, and each word becomes a quoted FTS5 string, so `NEAR(`, `title:`, `"` or `*`
are only ever text to look for.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Literal

from tutor.content.glossary import Glossary
from tutor.content.loader import Library

HitKind = Literal["exercise", "term"]

MAX_RESULTS = 30
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 60
SNIPPET_WORDS = 14
# How much a match counts in each column, for bm25: a word in a title says more than a
# word somewhere in the text. The order follows the table's columns.
_WEIGHTS = {"kind": 0.0, "id": 0.0, "title": 10.0, "track": 2.0, "body": 1.0}
_COLUMNS = tuple(_WEIGHTS)
_BODY_COLUMN = _COLUMNS.index("body")

# The same idea of a word as FTS5's unicode61 tokenizer: letters and digits, where `_`,
# `-`, `.` and the like separate words. Quoting each one keeps it from being syntax.
_QUERY_WORD = re.compile(r"[^\W_]+")

# Markdown's marks, which are not words: fence lines, a link's target (its text is kept,
# and a picture's alt text), heading, quote and list marks, bold and code marks.
_FENCE_LINE = re.compile(r"^[ \t]*(?:```|~~~)[^\n]*$", re.MULTILINE)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_LINE_MARK = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d+[.)][ \t])",
                        re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*|__|`+")


@dataclass(frozen=True)
class Hit:
    """One search result: an exercise or a glossary term, with a few words around the match."""

    kind: HitKind
    id: str
    title: str
    snippet: str


def searchable_text(markdown: str) -> str:
    """The words of some lesson Markdown, code included, without Markdown's marks.

    Done with a few patterns rather than a Markdown parser: the index needs words, not
    structure, and parsing every lesson took most of the time to build the index.
    """
    text = _FENCE_LINE.sub(" ", markdown)
    text = _LINK.sub(r"\1", text)
    text = _LINE_MARK.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())


def fts_query(text: str) -> str:
    """An FTS5 query for what a learner typed: every word must match, the last as a prefix.

    The last word is a prefix ("flex" finds "flexbox") unless the learner typed a space
    after it. Returns "" when there is no word to look for.
    """
    words = [word[:MAX_WORD_LENGTH] for word in _QUERY_WORD.findall(text)][:MAX_QUERY_WORDS]
    if not words:
        return ""
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    if not text[-1:].isspace():
        quoted[-1] += " *"
    return " ".join(quoted)


class SearchIndex:
    """Lessons and glossary terms, searchable by word, best match first."""

    def __init__(self) -> None:
        # Built on one thread and searched on another (the window's), so the connection is
        # shared; the lock keeps one statement at a time on it.
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._lock = threading.Lock()
        columns = ", ".join(f"{name} UNINDEXED" if weight == 0 else name
                            for name, weight in _WEIGHTS.items())
        self._db.execute(f"CREATE VIRTUAL TABLE documents USING fts5({columns}, "
                         "tokenize = 'unicode61 remove_diacritics 2')")

    @classmethod
    def build(cls, library: Library, glossary: Glossary) -> SearchIndex:
        """An index of every exercise's title and lesson, and every glossary term."""
        index = cls()
        rows: list[tuple[str, str, str, str, str]] = []
        for track in library.tracks:
            for exercise in track.exercises:
                rows.append(("exercise", exercise.id, exercise.title, track.title,
                             searchable_text(exercise.lesson_markdown)))
        for term in glossary.terms:
            body = " ".join(f"{term.meaning} {term.example}".split())
            rows.append(("term", term.key, term.term, "glossary", body))
        with index._lock, index._db:
            index._db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?)", rows)
        return index

    def search(self, query: str, *, limit: int = MAX_RESULTS) -> list[Hit]:
        """What matches every word of `query`, best first; [] for an empty query."""
        match = fts_query(query)
        if not match:
            return []
        weights = ", ".join(str(weight) for weight in _WEIGHTS.values())
        sql = (f"SELECT kind, id, title, snippet(documents, {_BODY_COLUMN}, '', '', '…', "
               f"{SNIPPET_WORDS}) FROM documents WHERE documents MATCH ? "
               f"ORDER BY bm25(documents, {weights}) LIMIT ?")
        with self._lock:
            rows = self._db.execute(sql, (match, limit)).fetchall()
        return [Hit(kind=kind, id=hit_id, title=title, snippet=" ".join(snippet.split()))
                for kind, hit_id, title, snippet in rows]

    def close(self) -> None:
        """Free the in-memory database."""
        with self._lock:
            self._db.close()
