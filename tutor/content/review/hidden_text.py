"""Characters that make text show differently from what it is, and how to show them plainly.

Direction marks and overrides (U+202E and friends) can make code read one way on screen and
run another way; zero-width characters hide inside names; control characters do not show at
all. A reviewer must see every one of them, so review mode flags them and shows each as a
visible marker such as ⟨U+202E⟩.
"""

from __future__ import annotations

import re

from tutor.content.review.model import Flag

# Also every line break but "\n" (a lone carriage return, form feed, U+2028...), so that
# "line 12" means the same in the flags, the report, the viewer and the diff.
_HIDDEN = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff"
    "\x00-\x08\x0b-\x0d\x0e-\x1f\x7f\x85\u2028\u2029]")


def _marker(match: re.Match[str]) -> str:
    return f"⟨U+{ord(match.group(0)):04X}⟩"


def visible_text(text: str) -> str:
    """The text with Windows line ends made plain and every hidden character a marker."""
    return _HIDDEN.sub(_marker, text.replace("\r\n", "\n"))


def hidden_text_flags(path: str, text: str) -> list[Flag]:
    """One flag for each line that holds characters which hide or reorder text."""
    flags: list[Flag] = []
    for line_number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        found = _HIDDEN.findall(line)
        if line_number == 1 and line.startswith("\ufeff"):
            found = found[1:]  # a byte-order mark at the very start is harmless
        if found:
            codes = ", ".join(sorted({f"U+{ord(char):04X}" for char in found}))
            flags.append(Flag("hidden-text", path, line_number, codes,
                              "This line has characters you cannot see, or that change "
                              "the order text shows in."))
    return flags


def lines_of(text: str) -> list[str]:
    """The lines of a text as review mode numbers them: split at "\\n" only."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
