"""Checks on what a person types for a new learner, with messages a learner can read."""

from __future__ import annotations

import re
import unicodedata

from .errors import InvalidNameError, InvalidPinError

NAME_MAX_LENGTH = 40
PIN_PATTERN = re.compile(r"[0-9]{4,8}")

# Joiners build many emoji and some scripts' letters, so they are allowed; every other
# format character (such as right-to-left overrides that make a name read backwards) is not.
_ALLOWED_FORMAT_CHARACTERS = {"\u200c", "\u200d"}
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _is_hidden(character: str) -> bool:
    if character in _ALLOWED_FORMAT_CHARACTERS:
        return False
    return unicodedata.category(character) in _HIDDEN_CATEGORIES


def clean_display_name(raw: str) -> str:
    """Return the name trimmed, with runs of spaces made one, or raise InvalidNameError."""
    if any(_is_hidden(character) for character in raw):
        raise InvalidNameError("Your name has a hidden character in it. Please type it again.")
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name:
        raise InvalidNameError("Please type your name.")
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidNameError(f"Your name can be up to {NAME_MAX_LENGTH} letters long.")
    return name


def name_key(name: str) -> str:
    """Return the form of a name used to spot two learners with the same name."""
    return name.casefold()


def check_new_pin(pin: str) -> None:
    """Raise InvalidPinError unless pin is 4 to 8 of the digits 0 to 9."""
    if not PIN_PATTERN.fullmatch(pin):
        raise InvalidPinError("Your PIN must be 4 to 8 numbers.")
