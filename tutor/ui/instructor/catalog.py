"""Short names for exercises ("H3", "J12") and their full titles, for column headers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tutor.content.loader import Library


@dataclass(frozen=True)
class ExerciseInfo:
    """How the instructor's window names one exercise."""

    id: str
    label: str  # short, such as "H3": the track's letter and the exercise's place in it
    title: str
    track_title: str
    known: bool = True  # False for an exercise in the log that these lessons do not have

    @property
    def full_name(self) -> str:
        """Such as "H3: Colour, size and boxes (HTML)"."""
        if not self.known:
            return f"{self.id} (not in the lessons on this computer)"
        return f"{self.label}: {self.title} ({self.track_title})"


def track_letters(track_ids: list[str]) -> dict[str, str]:
    """A short, unique, upper-case prefix for each track id: "html" -> "H", "sql" -> "S"."""
    letters: dict[str, str] = {}
    for track_id in track_ids:
        length = 1
        while True:
            candidate = (track_id[:length] or "X").upper()
            if candidate not in letters.values() or length >= len(track_id):
                break
            length += 1
        letters[track_id] = candidate
    return letters


class ExerciseCatalog:
    """Every exercise in course order, and names for ids the lessons here do not know."""

    def __init__(self, library: Library | None) -> None:
        self._known: dict[str, ExerciseInfo] = {}
        if library is not None:
            letters = track_letters([track.id for track in library.tracks])
            for track in library.tracks:
                for number, exercise in enumerate(track.exercises, start=1):
                    self._known[exercise.id] = ExerciseInfo(
                        exercise.id, f"{letters[track.id]}{number}", exercise.title, track.title)
        self._unknown: dict[str, ExerciseInfo] = {}

    def columns(self, seen_ids: Iterable[str] = ()) -> list[ExerciseInfo]:
        """The lessons' exercises in course order, then any others seen in the log."""
        extra = sorted(set(seen_ids) - set(self._known))
        return list(self._known.values()) + [self.info(exercise_id) for exercise_id in extra]

    def info(self, exercise_id: str) -> ExerciseInfo:
        """How to name this exercise, known or not."""
        found = self._known.get(exercise_id) or self._unknown.get(exercise_id)
        if found is None:
            found = ExerciseInfo(exercise_id, f"?{len(self._unknown) + 1}", exercise_id,
                                 "Unknown", known=False)
            self._unknown[exercise_id] = found
        return found
