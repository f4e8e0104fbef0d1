"""The reading score: easy text scores low, hard text scores high."""

from __future__ import annotations

import pytest

from tutor.content.readability import (
    count_syllables,
    grade_level,
    measure,
    sentence_count,
    strip_code,
)


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("page", 1), ("code", 1), ("here", 1), ("jumped", 1), ("played", 1),
    ("makes", 1), ("lines", 1), ("called", 1), ("wanted", 2), ("boxes", 2), ("pages", 2),
    ("watches", 2), ("table", 2), ("tables", 2), ("people", 2), ("heading", 2),
    ("button", 2), ("lately", 2), ("useful", 2), ("paragraph", 3), ("computer", 3),
    ("element", 3), ("understanding", 4), ("organization", 5), ("don't", 1),
])
def test_syllables_by_the_vowel_group_rule(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_easy_sentences_score_low() -> None:
    assert grade_level("The cat sat on the mat. The dog ran to the cat.") < 2
    assert grade_level("Your page needs a heading. Put it at the top.") < 4


def test_hard_sentences_score_high() -> None:
    hard = ("The implementation of comprehensive institutional accountability mechanisms "
            "necessitates considerable organizational commitment and interdepartmental "
            "coordination.")
    assert grade_level(hard) > 16


def test_one_long_sentence_is_harder_than_the_same_words_split() -> None:
    long = ("Open the file and find the line that starts with a note and then write a "
            "heading under it and then write a short paragraph under that and press check")
    split = ("Open the file. Find the line that starts with a note. Write a heading under "
             "it. Then write a short paragraph under that. Press check.")
    assert grade_level(long) > 8 >= grade_level(split)


def test_counts_words_sentences_and_syllables() -> None:
    counts = measure("Hello there, Sam! How are you today?")
    assert (counts.words, counts.sentences, counts.syllables) == (7, 2, 9)
    assert sentence_count("A line with no stop\nand another line") == 2
    assert measure("").grade == 0.0


def test_code_is_left_out_before_scoring() -> None:
    text = ('Use form.addEventListener("submit", showThanks) and `let x = 1` in '
            "<h1> with nameBox.value and style.css.")
    stripped = strip_code(text)
    for code in ("addEventListener", "showThanks", "nameBox", "style.css", "let x", "<h1>"):
        assert code not in stripped
    assert "Use" in stripped and "with" in stripped
