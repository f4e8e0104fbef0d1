"""How hard a piece of English is to read, as a Flesch-Kincaid school grade.

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

Grade 8 is about age 13; lessons aim lower. Limits, so read the score as a guide:

- Syllables are counted by rule, not from a dictionary: each group of vowels (a, e, i, o,
  u, y) counts one, then a few common endings are corrected (a silent final "e", "-ed" and
  "-es" that add no sound, "-le" after a consonant, a silent "e" before "-ly", "-ful"
  and "-ness"). Words like "create", "idea", "being" or "area" come out one short;
  names, short forms and made-up words may be off by one or two.
- Numbers and symbols are not words. Code is not English: strip it before scoring
  (see `strip_code`).
- A sentence ends at ".", "!", "?", ":" or ";", or at the end of a line. Text without
  any of these is one sentence.
- Very short texts swing a lot: one long word in a three-word hint moves the grade by
  several points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?:;]+(?=\s|$)|\n+")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# "-ed" sounds as its own syllable only after t or d: "wanted", "needed", not "jumped".
_SILENT_ED = re.compile(r"[^aeioutd]ed$")
# "-es" sounds as its own syllable after a hissing sound: "boxes", "pages", not "makes".
_SILENT_ES = re.compile(r"[^aeiouysxzcgh]es$|[^sc]hes$")
# A silent "e" inside a word, before a common ending: "lately", "movement", "useful".
_SILENT_INNER_E = re.compile(r"[^aeiouy]e(?:ly|ful|ness)$")
_CONSONANT_LE = re.compile(r"[^aeiouyl]l(?:e|es|ed)$")


def count_syllables(word: str) -> int:
    """Syllables in one English word, by the vowel-group rule with common corrections."""
    word = word.lower().replace("'", "")
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if _CONSONANT_LE.search(word):
        # "table", "tables", "handled": the final "e" is sounded with the "l".
        pass
    elif word.endswith("e") and not word.endswith(("ee", "ye")) and word[-2] not in "aeiouy":
        count -= 1
    elif _SILENT_ED.search(word) or _SILENT_ES.search(word):
        count -= 1
    if _SILENT_INNER_E.search(word):
        count -= 1
    return max(1, count)


def words_in(text: str) -> list[str]:
    """The words of a text: runs of letters, with apostrophes inside ("don't") kept."""
    return _WORD.findall(text.replace("’", "'"))


def sentence_count(text: str) -> int:
    """How many sentences a text holds (at least one when it has any words)."""
    pieces = [piece for piece in _SENTENCE_END.split(text) if words_in(piece)]
    return max(1, len(pieces)) if words_in(text) else 0


@dataclass(frozen=True)
class Readability:
    """The counts behind a reading score, and the Flesch-Kincaid grade they give."""

    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade; 0 for a text with no words."""
        if self.words == 0:
            return 0.0
        return (
            0.39 * (self.words / self.sentences)
            + 11.8 * (self.syllables / self.words)
            - 15.59
        )


def measure(text: str) -> Readability:
    """Count the words, sentences and syllables of a text."""
    words = words_in(text)
    return Readability(
        words=len(words),
        sentences=sentence_count(text),
        syllables=sum(count_syllables(word) for word in words),
    )


def grade_level(text: str) -> float:
    """The Flesch-Kincaid grade of a text: about the school year that can read it."""
    return measure(text).grade


def strip_code(text: str) -> str:
    """Leave out what is code rather than English before scoring.

    Removed: `backticked` spans, <tags>, calls such as greet("Sam") or alert(), dotted
    names such as nameBox.value or style.css, and joinedUpNames such as showThanks.
    """
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"</?[A-Za-z][^<>]*>", " ", text)
    text = re.sub(r"[\w$.]+\([^()]*\)", " ", text)
    text = re.sub(r"[\w$]+(?:\.[\w$]+)+", " ", text)
    return re.sub(r"\b[a-z]+[A-Z][\w$]*", " ", text)
