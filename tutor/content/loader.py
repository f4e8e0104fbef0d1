"""Load the curriculum from the `lessons/` folder: tracks, exercises and their files.

The folder layout and the TOML settings are described for lesson authors in
`lessons/README.md`. Everything here is read as data: nothing in a lesson folder is run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor.content.errors import ContentError, UnknownExerciseError
from tutor.content.lesson_files import (
    decode_text,
    file_name_problem,
    read_bytes,
    read_toml,
    read_tree,
)
from tutor.content.model import Exercise, ExerciseKind, Track

FORMAT_VERSION = 1
KINDS: tuple[ExerciseKind, ...] = ("web", "git", "sql", "tests")
MAX_TIME_LIMIT_SECONDS = 60.0

TRACK_KEYS = {"format_version", "id", "title", "order", "description"}
EXERCISE_KEYS = {
    "format_version", "id", "title", "kind", "order", "entry", "files",
    "time_limit_seconds", "hints",
}


def default_lessons_root() -> Path:
    """The built-in curriculum: `lessons/` at the top of the repository."""
    return Path(__file__).resolve().parents[2] / "lessons"


@dataclass(frozen=True)
class Library:
    """Every track and exercise found under one lessons folder, in course order."""

    root: Path
    tracks: tuple[Track, ...]

    def exercises(self) -> tuple[Exercise, ...]:
        """All exercises, track by track, in the order a learner meets them."""
        return tuple(exercise for track in self.tracks for exercise in track.exercises)

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; raises a KeyError that says which id is unknown."""
        for exercise in self.exercises():
            if exercise.id == exercise_id:
                return exercise
        raise UnknownExerciseError(f"There is no exercise with the id {exercise_id!r}.")

    def track(self, track_id: str) -> Track:
        """The track with this id; raises a KeyError that says which id is unknown."""
        for track in self.tracks:
            if track.id == track_id:
                return track
        raise UnknownExerciseError(f"There is no track with the id {track_id!r}.")

    def resolve(self, id_or_folder: str) -> Exercise:
        """Find an exercise by its id, or by the path of its folder (or its exercise.toml)."""
        for exercise in self.exercises():
            if exercise.id == id_or_folder:
                return exercise
        path = Path(id_or_folder).expanduser()
        if path.name == "exercise.toml":
            path = path.parent
        if path.is_dir():
            wanted = path.resolve()
            for exercise in self.exercises():
                if exercise.folder == wanted:
                    return exercise
            if (wanted / "exercise.toml").is_file():
                # A folder outside this library, such as a lesson being written elsewhere.
                return load_exercise(wanted)
        raise UnknownExerciseError(
            f"There is no exercise with the id or folder {id_or_folder!r}."
        )


def load_library(root: Path | None = None) -> Library:
    """Read every track under `root` (default: the built-in lessons) and check it is sound."""
    root = (root or default_lessons_root()).resolve()
    if not root.is_dir():
        raise ContentError(f"{root}: the lessons folder does not exist.")
    tracks: list[Track] = []
    seen_tracks: dict[str, Path] = {}
    seen_exercises: dict[str, Path] = {}
    for folder in _subfolders(root):
        track_file = folder / "track.toml"
        if not track_file.is_file():
            raise ContentError(f"{folder}: this folder has no track.toml.")
        track = _load_track(folder)
        if track.id in seen_tracks:
            raise ContentError(
                f"{track_file}: the track id {track.id!r} is already used by "
                f"{seen_tracks[track.id] / 'track.toml'}."
            )
        seen_tracks[track.id] = folder
        for exercise in track.exercises:
            if exercise.id in seen_exercises:
                raise ContentError(
                    f"{exercise.folder / 'exercise.toml'}: the exercise id {exercise.id!r} "
                    f"is already used by {seen_exercises[exercise.id] / 'exercise.toml'}."
                )
            seen_exercises[exercise.id] = exercise.folder
        tracks.append(track)
    tracks.sort(key=lambda t: (t.order, t.id))
    return Library(root=root, tracks=tuple(tracks))


def load_lessons(path: Path) -> Library:
    """Load a whole lessons folder, one track folder, or one exercise folder, as a library."""
    path = path.resolve()
    if (path / "exercise.toml").is_file():
        track = _track_settings(path.parent)
        exercise = _load_exercise(path, track.id)
        return Library(root=path.parent.parent, tracks=(_with_exercises(track, (exercise,)),))
    if (path / "track.toml").is_file():
        return Library(root=path.parent, tracks=(_load_track(path),))
    return load_library(path)


def load_exercise(folder: Path) -> Exercise:
    """Read one exercise folder; its track id comes from the track.toml beside it."""
    folder = folder.resolve()
    return _load_exercise(folder, _track_settings(folder.parent).id)


def _subfolders(folder: Path) -> Iterator[Path]:
    """Folders inside `folder`, by name, leaving out hidden ones and ones starting with _."""
    for child in sorted(folder.iterdir()):
        if child.name.startswith((".", "_")) or not child.is_dir():
            continue
        if child.is_symlink():
            raise ContentError(f"{child}: lesson folders may not be links to other places.")
        yield child


def _track_settings(folder: Path) -> Track:
    """A track's settings from its track.toml, without its exercises."""
    path = folder / "track.toml"
    if not path.is_file():
        raise ContentError(f"{path}: the track folder has no track.toml.")
    data = read_toml(path)
    _check_format_version(data, path)
    _check_keys(data, TRACK_KEYS, path)
    return Track(
        id=_text_setting(data, "id", path),
        title=_text_setting(data, "title", path),
        order=_int_setting(data, "order", path, default=0),
        description=_text_setting(data, "description", path, default=""),
    )


def _with_exercises(track: Track, exercises: tuple[Exercise, ...]) -> Track:
    ordered = tuple(sorted(exercises, key=lambda e: (e.order, e.id)))
    return Track(id=track.id, title=track.title, order=track.order,
                 description=track.description, exercises=ordered)


def _load_track(folder: Path) -> Track:
    track = _track_settings(folder)
    exercises: list[Exercise] = []
    for child in _subfolders(folder):
        if not (child / "exercise.toml").is_file():
            raise ContentError(f"{child}: this folder has no exercise.toml.")
        exercises.append(_load_exercise(child, track.id))
    return _with_exercises(track, tuple(exercises))


def _load_exercise(folder: Path, track_id: str) -> Exercise:
    path = folder / "exercise.toml"
    data = read_toml(path)
    _check_format_version(data, path)
    _check_keys(data, EXERCISE_KEYS, path)
    kind = _text_setting(data, "kind", path)
    if kind not in KINDS:
        raise ContentError(f"{path}: kind must be one of {', '.join(KINDS)}, not {kind!r}.")
    files = _file_list(data, path)
    entry = data.get("entry")
    if entry is not None and (not isinstance(entry, str) or entry not in files):
        raise ContentError(f"{path}: entry {entry!r} must be one of the names in files.")
    starter_all = read_tree(folder / "starter", required=True)
    solution_all = read_tree(folder / "solution", required=True)
    check_all = read_tree(folder / "checks", required=kind == "web")
    for name in files:
        for label, tree in (("starter", starter_all), ("solution", solution_all)):
            if name not in tree:
                raise ContentError(f"{folder / label / name}: this file is listed in files "
                                   f"in {path.name} but it is missing.")
    for name in solution_all:
        if name not in files:
            raise ContentError(f"{folder / 'solution' / name}: the solution may only hold the "
                               f"files listed in files in {path.name}.")
    if kind == "web" and not any(name.endswith(".test.js") for name in check_all):
        raise ContentError(f"{folder / 'checks'}: a web exercise needs a *.test.js file.")
    lesson_path = folder / "lesson.md"
    lesson = decode_text(read_bytes(lesson_path), lesson_path)
    hints = data.get("hints", [])
    if not isinstance(hints, list) or not all(isinstance(h, str) for h in hints):
        raise ContentError(f"{path}: hints must be a list of text.")
    time_limit = data.get("time_limit_seconds", 5)
    if isinstance(time_limit, bool) or not isinstance(time_limit, int | float) or not (
        0 < time_limit <= MAX_TIME_LIMIT_SECONDS
    ):
        raise ContentError(f"{path}: time_limit_seconds must be a number above 0 and at "
                           f"most {MAX_TIME_LIMIT_SECONDS:g}.")
    versioned = {"exercise.toml": read_bytes(path), "lesson.md": lesson.encode("utf-8")}
    versioned.update({f"starter/{n}": b for n, b in starter_all.items()})
    versioned.update({f"checks/{n}": b for n, b in check_all.items()})
    return Exercise(
        id=_exercise_id(data, path),
        track_id=track_id,
        kind=kind,
        title=_text_setting(data, "title", path),
        folder=folder,
        lesson_markdown=lesson,
        starter_files={n: decode_text(starter_all[n], folder / "starter" / n) for n in files},
        solution_files={n: decode_text(solution_all[n], folder / "solution" / n) for n in files},
        check_files={n: decode_text(b, folder / "checks" / n) for n, b in check_all.items()},
        hints=tuple(hints),
        content_version=content_version(versioned),
        entry=entry,
        time_limit_seconds=float(time_limit),
        order=_int_setting(data, "order", path, default=0),
        asset_files={n: b for n, b in starter_all.items() if n not in files},
    )


def content_version(files: dict[str, bytes]) -> str:
    """A short fingerprint of an exercise's files; it changes whenever any of them changes."""
    digest = hashlib.sha256()
    for name in sorted(files):
        data = files[name]
        # Lengths keep "ab"+"c" and "a"+"bc" apart.
        digest.update(f"{len(name)}:{name}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()[:12]


def _check_keys(data: dict[str, Any], known: set[str], path: Path) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ContentError(f"{path}: unknown setting {unknown[0]!r}; the settings are "
                           f"{', '.join(sorted(known))}.")


def _check_format_version(data: dict[str, Any], path: Path) -> None:
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise ContentError(f"{path}: format_version must be {FORMAT_VERSION}, "
                           f"not {version!r}; this version of Tutor cannot read it.")


def _text_setting(data: dict[str, Any], key: str, path: Path, *, default: str | None = None
                  ) -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise ContentError(f"{path}: {key} must be set to some text.")
    return value


def _int_setting(data: dict[str, Any], key: str, path: Path, *, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContentError(f"{path}: {key} must be a whole number.")
    return value


def _exercise_id(data: dict[str, Any], path: Path) -> str:
    exercise_id = _text_setting(data, "id", path)
    if exercise_id != exercise_id.strip() or any(c.isspace() or c == "/" for c in exercise_id):
        raise ContentError(f"{path}: the id {exercise_id!r} may not hold spaces or '/'.")
    return exercise_id


def _file_list(data: dict[str, Any], path: Path) -> list[str]:
    files = data.get("files")
    if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
        raise ContentError(f"{path}: files must be a list of the learner's file names.")
    for name in files:
        problem = file_name_problem(name)
        if problem:
            raise ContentError(f"{path}: {problem}.")
    if len(set(files)) != len(files):
        raise ContentError(f"{path}: files lists the same name twice.")
    return list(files)
