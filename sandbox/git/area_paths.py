"""Keep every path the learner names inside the practice area, and away from `.git`."""

from __future__ import annotations

import os
from pathlib import Path


class PathRefused(ValueError):
    """A path the console will not touch; the message says why in plain words."""


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or somewhere below it (both already made absolute)."""
    return path == folder or folder in path.parents


def names_git_folder(word: str) -> bool:
    """True when any part of the path is `.git`, in any mix of capitals."""
    parts = word.replace("\\", "/").replace(":", "/").split("/")
    return any(part.lower() == ".git" for part in parts)


def resolve_inside(area: Path, cwd: Path, word: str) -> Path:
    """The path `word` names from `cwd`, or PathRefused when it leaves the area.

    `area` must already be fully resolved. Links are followed for the check, so a link
    that points out of the area is refused too.
    """
    if not word:
        raise PathRefused("A name is missing.")
    if word.startswith(("/", "~", "\\")) or (len(word) > 1 and word[1] == ":"):
        raise PathRefused(
            "Full paths cannot be used here. Use a name inside the practice folder.")
    if names_git_folder(word):
        raise PathRefused("The .git folder belongs to git. Use git commands to change it.")
    plain = Path(os.path.normpath(cwd / word))
    if not is_inside(plain, area):
        raise PathRefused(f"'{word}' is outside the practice folder. Stay inside it.")
    real = Path(os.path.realpath(plain))
    if not is_inside(real, area):
        raise PathRefused(f"'{word}' points outside the practice folder, so it cannot be used.")
    if names_git_folder(real.relative_to(area).as_posix()) or _inside_a_git_folder(real, area):
        raise PathRefused("That folder belongs to git. Use git commands to change it.")
    return plain


def is_git_folder(folder: Path) -> bool:
    """True for a folder that holds a repository's own files, such as a bare `shared.git`."""
    return (folder / "HEAD").is_file() and (folder / "objects").is_dir() and (
        folder / "refs").is_dir()


def _inside_a_git_folder(path: Path, area: Path) -> bool:
    """True when a folder above `path` (up to the area) is a repository's own folder.

    A bare repository keeps its hooks and settings at its top level, so its inside is as
    much git's own as a `.git` folder is.
    """
    return any(is_git_folder(parent) for parent in path.parents if is_inside(parent, area))


def show_path(area: Path, path: Path) -> str:
    """How a folder is shown to the learner: relative to the practice area, never in full."""
    relative = path.relative_to(area).as_posix()
    return "practice" if relative == "." else f"practice/{relative}"
