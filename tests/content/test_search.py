"""Search finds lessons and glossary words by what a learner types, and typing is never syntax."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tutor.content.glossary import load_glossary
from tutor.content.loader import Library, load_library
from tutor.content.model import Track
from tutor.content.search import SearchIndex, fts_query, searchable_text

WriteExercise = Callable[..., Path]

GLOSSARY = '''format_version = 1

[[terms]]
term = "flexbox"
meaning = "Flexbox puts boxes in a row or a column."
example = ".menu { display: flex; }"

[[terms]]
term = "heading"
meaning = "A heading is a title for a part of a page."
'''

FLEX_LESSON = """# Boxes in a row

Use **flexbox** to line boxes up. See [the word](glossary:flexbox).

```css
.menu {
  display: flex;
  justify-content: space-between;
}
```
"""

SECRET_HINT = "The answer is zebracorn."


@pytest.fixture
def index(lessons_root: Path, write_exercise: WriteExercise) -> Iterator[SearchIndex]:
    """An index of two exercises and a two-word glossary."""
    (lessons_root / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    write_exercise(title="Your first heading")
    write_exercise("02-rows", "html.rows", title="Boxes in a row", lesson=FLEX_LESSON,
                   hints=[SECRET_HINT, "Try display: flex."])
    built = SearchIndex.build(load_library(lessons_root), load_glossary(lessons_root))
    yield built
    built.close()


def _found(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.id) for hit in index.search(query)]


def test_the_last_word_matches_the_start_of_a_word(index: SearchIndex) -> None:
    assert ("term", "flexbox") in _found(index, "flex")
    assert ("exercise", "html.rows") in _found(index, "flex")
    assert _found(index, "flexb") == [("term", "flexbox"), ("exercise", "html.rows")]
    # A space after the word means the word is finished.
    assert _found(index, "flexb ") == []


def test_a_title_match_ranks_above_a_match_in_the_text(index: SearchIndex) -> None:
    found = _found(index, "heading")
    assert found[:2] == [("term", "heading"), ("exercise", "html.heading")]


def test_code_in_a_lesson_is_searchable_as_words(index: SearchIndex) -> None:
    assert _found(index, "justify-content") == [("exercise", "html.rows")]
    assert _found(index, "space between") == [("exercise", "html.rows")]


def test_every_word_must_match(index: SearchIndex) -> None:
    assert _found(index, "boxes row") != []
    assert _found(index, "boxes giraffe") == []


def test_hints_are_not_searchable(index: SearchIndex) -> None:
    assert _found(index, "zebracorn") == []


def test_a_snippet_is_plain_words_around_the_match(index: SearchIndex) -> None:
    hit = index.search("justify")[0]
    assert hit.title == "Boxes in a row"
    assert "justify-content" in hit.snippet
    for mark in ("**", "```", "](", "\n"):
        assert mark not in hit.snippet


@pytest.mark.parametrize("query", [
    '"', '""', "*", "flex*", "NEAR(flex heading)", "title:heading", "{title}: heading",
    "heading AND", "OR", "NOT heading", "-heading", "^heading", "(", ")", "'", "\\",
    "heading\x00", "a" * 10_000, "flex " * 500, "ünïcödé", "🙂", "   ",
])
def test_any_typing_is_safe(index: SearchIndex, query: str) -> None:
    index.search(query)  # never an FTS5 syntax error


def test_typing_is_words_to_find_never_query_syntax(index: SearchIndex) -> None:
    # As FTS5 syntax these would find headings; as words they must all be present.
    assert _found(index, "heading OR giraffe") == []
    assert _found(index, "NOT giraffe") == []
    assert _found(index, "title : giraffe") == []
    # Quotes, brackets and stars around a real word are only punctuation.
    assert ("term", "flexbox") in _found(index, '"flexbox"*')
    assert ("term", "heading") in _found(index, "(heading)")


def test_the_query_is_made_of_quoted_words() -> None:
    assert fts_query('say "hi" NEAR(x)') == '"say" "hi" "NEAR" "x" *'
    assert fts_query("under_score flex ") == '"under" "score" "flex"'
    assert fts_query("<>*") == ""


def test_markdown_marks_are_left_out_of_the_text() -> None:
    text = searchable_text("# Title\n\nSee [tag](glossary:tag) and `<h1>`.\n\n"
                           "```html\n<p>Hi</p>\n```\n\n- one\n1. two\n")
    assert text == "Title See tag and <h1>. <p>Hi</p> one two"


def _hundred_exercises() -> Library:
    real = load_library()
    exercises = real.exercises()
    copies = tuple(dataclasses.replace(exercises[n % len(exercises)], id=f"copy.{n}")
                   for n in range(100))
    return Library(root=real.root, tracks=(Track("copies", "Copies", 1, exercises=copies),))


def test_building_the_index_for_a_hundred_exercises_is_quick() -> None:
    library, glossary = _hundred_exercises(), load_glossary()
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        SearchIndex.build(library, glossary).close()
        timings.append(time.perf_counter() - started)
    assert min(timings) < 0.050, f"best of 5 took {min(timings) * 1000:.0f} ms"


def test_an_index_built_on_another_thread_can_be_searched_here() -> None:
    built: list[SearchIndex] = []
    thread = threading.Thread(
        target=lambda: built.append(SearchIndex.build(load_library(), load_glossary())))
    thread.start()
    thread.join(30)
    assert built, "the index was not built"
    assert ("term", "commit") in _found(built[0], "commit")
    built[0].close()
