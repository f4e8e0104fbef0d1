"""The glossary loads, refuses broken data by name, and its lint finds bad links and hard words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.content.errors import ContentError
from tutor.content.glossary import load_glossary, term_key
from tutor.content.glossary_lint import glossary_links, glossary_problems, meaning_problems
from tutor.content.lint import Problem
from tutor.content.loader import load_library

WriteExercise = Callable[..., Path]

GOOD_GLOSSARY = '''format_version = 1

[[terms]]
term = "tag"
meaning = "A tag marks the start or end of a part of a page."
example = "<p>Hi</p>"
see_also = ["pull request"]

[[terms]]
term = "pull request"
meaning = "A pull request asks the team to take your changes."
'''

HARD_MEANING = ("Comprehensive institutional accountability necessitates considerable "
                "organizational commitment.")


def _write_glossary(root: Path, text: str) -> Path:
    path = root / "glossary.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _found(problems: list[Problem], exercise_id: str, file: str, *words: str) -> bool:
    return any(p.exercise_id == exercise_id and p.file == file
               and all(word in p.message for word in words) for p in problems)


def test_the_real_glossary_covers_each_subject_in_plain_words() -> None:
    glossary = load_glossary()
    assert len(glossary) >= 60
    for word in ("html", "css", "flexbox", "javascript", "function", "git", "commit",
                 "merge", "test", "sql", "select", "pull-request"):
        assert word in glossary, word
    assert all(term.meaning for term in glossary.terms)
    problems = meaning_problems(glossary)
    assert problems == [], "\n".join(str(p) for p in problems)


def test_the_real_lessons_link_only_to_words_in_the_glossary() -> None:
    problems = glossary_problems(load_library(), load_glossary())
    assert problems == [], "\n".join(str(p) for p in problems)


def test_a_link_finds_its_word_by_key_in_any_case(tmp_path: Path) -> None:
    _write_glossary(tmp_path, GOOD_GLOSSARY)
    glossary = load_glossary(tmp_path)
    assert term_key("Pull  Request") == "pull-request"
    term = glossary.get("Pull-Request")
    assert term is not None and term.term == "pull request"
    tag = glossary.get("tag")
    assert tag is not None
    assert tag.example == "<p>Hi</p>" and tag.see_also == ("pull-request",)
    assert glossary.get("commit") is None and "commit" not in glossary


def test_a_lessons_folder_without_a_glossary_has_no_words(tmp_path: Path) -> None:
    glossary = load_glossary(tmp_path)
    assert len(glossary) == 0 and glossary.get("tag") is None


@pytest.mark.parametrize(("text", "words"), [
    ("format_version = 2\n", "format_version must be 1"),
    ("format_version = 1\nwords = []\n", "unknown setting 'words'"),
    ("format_version = 1\nterms = 'tag'\n", "terms must be a list"),
    ('format_version = 1\n[[terms]]\nterm = "tag"\n', "meaning must be set"),
    ('format_version = 1\n[[terms]]\nterm = "console.log"\nmeaning = "Prints."\n',
     "term must be a word"),
    ('format_version = 1\n[[terms]]\nterm = "tag"\nmeaning = "A mark."\ncolour = "red"\n',
     "unknown setting 'colour'"),
    ('format_version = 1\n[[terms]]\nterm = "tag"\nmeaning = "A mark."\nsee_also = "x"\n',
     "see_also must be a list"),
    ('format_version = 1\n[[terms]]\nterm = "tag"\nmeaning = "A mark."\nexample = 3\n',
     "example must be text"),
    ('format_version = 1\n[[terms]]\nterm = "Tag"\nmeaning = "A."\n'
     '[[terms]]\nterm = "tag"\nmeaning = "B."\n', "the same word as 'Tag'"),
    ("format_version = 1\n[[terms]\n", "not valid TOML"),
])
def test_broken_glossary_data_is_refused_with_the_file_name(tmp_path: Path, text: str,
                                                            words: str) -> None:
    _write_glossary(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_glossary(tmp_path)
    assert "glossary.toml" in str(caught.value)
    assert words in str(caught.value)


def test_links_are_found_in_text_but_not_in_code() -> None:
    markdown = ("A [tag](glossary:tag) and a [heading](#top).\n\n"
                "`[x](glossary:inline)`\n\n```md\n[y](glossary:fenced)\n```\n")
    assert glossary_links(markdown) == ["tag"]


def test_links_to_missing_words_are_reported_with_the_exercise(
        tmp_path: Path, lessons_root: Path, write_exercise: WriteExercise) -> None:
    _write_glossary(lessons_root, GOOD_GLOSSARY)
    write_exercise(lesson="# Tags\n\nA [tag](glossary:tag) and a [loop](glossary:loop).\n",
                   hints=["Read about [merges](glossary:merge).",
                          "Look at [PRs](glossary:pull-request)."])
    write_exercise("02-dots", "html.dots",
                   lesson="# Dots\n\nUse [log](glossary:console.log) to print.\n")
    problems = glossary_problems(load_library(lessons_root), load_glossary(lessons_root))
    assert _found(problems, "html.heading", "lesson.md", "glossary:loop", "not in glossary.toml")
    assert _found(problems, "html.heading", "exercise.toml", "glossary:merge")
    assert _found(problems, "html.dots", "lesson.md", "glossary:console.log", "not a term key")
    assert not any(p.message.startswith(("the link 'glossary:tag'",
                                          "the link 'glossary:pull-request'"))
                   for p in problems)
    assert len(problems) == 3


def test_hard_long_or_dangling_meanings_are_reported(tmp_path: Path) -> None:
    _write_glossary(tmp_path, f'''format_version = 1
[[terms]]
term = "hard"
meaning = "{HARD_MEANING}"

[[terms]]
term = "long"
meaning = "It is long. It goes on. It does not stop."

[[terms]]
term = "lonely"
meaning = "It has a friend that is not here."
see_also = ["nobody", "lonely"]
''')
    problems = meaning_problems(load_glossary(tmp_path))
    assert _found(problems, "", "glossary.toml", "'hard'", "reads at grade")
    assert _found(problems, "", "glossary.toml", "'long'", "3 sentences")
    assert _found(problems, "", "glossary.toml", "'nobody'", "not a term")
    assert _found(problems, "", "glossary.toml", "'lonely' lists itself")
    assert len(problems) == 4
