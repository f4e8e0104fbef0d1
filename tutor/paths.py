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
