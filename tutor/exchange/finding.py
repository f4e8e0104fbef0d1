"""Finding exchange files on a drive: a few folders deep, never through a link."""

from __future__ import annotations

import os
from pathlib import Path

MAX_DEPTH = 2
MAX_ENTRIES = 20_000


def find_files(folder: Path, suffix: str, *, max_depth: int = MAX_DEPTH,
               max_entries: int = MAX_ENTRIES) -> list[Path]:
    """Return the files in folder (and up to max_depth folders down) whose names end in suffix.

    Links are never followed, hidden names (such as a half-written `.NAME.partial-...`) are
    skipped, and the search stops after max_entries names, so a huge drive cannot stall it.
    """
    found: list[Path] = []
    seen = 0

    def walk(current: Path, depth: int) -> None:
        nonlocal seen
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            return  # a folder we may not read, or a drive pulled out: nothing to find there
        for entry in entries:
            seen += 1
            if seen > max_entries:
                return
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth < max_depth:
                        walk(Path(entry.path), depth + 1)
                elif entry.is_file(follow_symlinks=False) and \
                        entry.name.lower().endswith(suffix):
                    found.append(Path(entry.path))
            except OSError:
                continue

    walk(Path(folder), 0)
    return found
