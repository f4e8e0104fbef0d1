"""Where Tutor keeps its data on this machine."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_data_dir() -> Path:
    """The data folder when neither `--data-dir` nor `TUTOR_DATA_DIR` says otherwise."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "Tutor"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "tutor"


def data_dir(option: str | None) -> Path:
    """The data folder: the command-line option first, then TUTOR_DATA_DIR, then the default."""
    chosen = option or os.environ.get("TUTOR_DATA_DIR")
    return Path(chosen).expanduser() if chosen else default_data_dir()


def database_path(folder: Path) -> Path:
    """The progress database inside a data folder."""
    return folder / "progress.sqlite3"


def is_frozen() -> bool:
    """True when Tutor runs as a bundled program (PyInstaller), not from source."""
    return bool(getattr(sys, "frozen", False))


def source_checkout() -> Path | None:
    """The top of the source checkout Tutor runs from, or None for an installed program."""
    if is_frozen():
        return None
    top = Path(__file__).resolve().parents[1]
    return top if (top / "pyproject.toml").is_file() and (top / "lessons").is_dir() else None


def bundled_packs_dir() -> Path:
    """Lesson packs that ship with the program: beside it when bundled, build/packs in source."""
    if is_frozen():
        return Path(sys.executable).resolve().parent / "packs"
    return Path(__file__).resolve().parents[1] / "build" / "packs"


def development_keys_dir() -> Path | None:
    """In a source checkout only, the folder whose trusted-keys.txt holds the development key."""
    top = source_checkout()
    return top / "build" / "packs" if top is not None else None


def packs_dir(folder: Path) -> Path:
    """Installed lesson packs inside a data folder."""
    return folder / "packs"


def instructor_database_path(folder: Path) -> Path:
    """The instructor's database inside a data folder (imported progress from workstations)."""
    return folder / "instructor.sqlite3"
