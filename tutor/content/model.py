"""The lesson model: tracks of exercises, loaded from data files in `lessons/`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ExerciseKind = Literal["web", "git", "sql", "tests"]


@dataclass(frozen=True)
class Exercise:
    """One exercise: what the learner reads, the files they start from, and how it is checked.

    `id` is stable: progress points at it, so moving or renaming the folder never orphans
    anyone's work. `content_version` changes whenever the exercise's files change.
    """

    id: str
    track_id: str
    kind: ExerciseKind
    title: str
    folder: Path
    lesson_markdown: str
    starter_files: dict[str, str]
    solution_files: dict[str, str]
    check_files: dict[str, str]
    hints: tuple[str, ...]
    content_version: str
    entry: str | None = None
    time_limit_seconds: float = 5.0
    order: int = 0
    # Files served beside the learner's files but never shown as tabs, such as an image.
    # Kept as bytes because they need not be text.
    asset_files: dict[str, bytes] = field(default_factory=dict)

    @property
    def file_names(self) -> tuple[str, ...]:
        """The files the learner edits, in tab order."""
        return tuple(self.starter_files)

    @property
    def test_file_names(self) -> tuple[str, ...]:
        """The check files that hold tests (`*.test.js`), as opposed to support files."""
        return tuple(name for name in self.check_files if name.endswith(".test.js"))


@dataclass(frozen=True)
class Track:
    """A group of exercises on one subject, such as HTML or JavaScript."""

    id: str
    title: str
    order: int
    description: str = ""
    exercises: tuple[Exercise, ...] = field(default_factory=tuple)
