"""Errors raised when lesson data is broken or an exercise cannot be found."""

from __future__ import annotations


class ContentError(Exception):
    """Lesson data that cannot be used; the message names the file and says what is wrong."""


class UnknownExerciseError(KeyError):
    """No exercise has the id or folder that was asked for."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        # KeyError would otherwise show the message in quotes, like a dictionary key.
        return self.message
