"""Lesson files on disk: safe names, and reading files and folders with limits.

Shared by the loader and the linter.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from tutor.content.errors import ContentError

# Large enough for any lesson file or small image; small enough that a broken pack cannot
# fill memory.
MAX_FILE_BYTES = 1024 * 1024

# One part of a path: starts with a letter, digit or underscore, so no hidden files and no
# "." or ".." parts. Only plain characters, so a name reads the same on every system.
_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


def file_name_problem(name: str) -> str | None:
    """Say what is wrong with a lesson file name, or return None when it is safe to use."""
    if not name:
        return "a file name is empty"
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return f"the file name {name!r} is absolute; use a name inside the exercise"
    if "\\" in name:
        return f"the file name {name!r} uses a backslash; use / between folders"
    parts = name.split("/")
    if any(part in ("..", ".") for part in parts):
        return f"the file name {name!r} climbs out of its folder with '..' or '.'"
    for part in parts:
        if not _PART.fullmatch(part):
            return (
                f"the file name {name!r} has an unsafe part {part!r}; use letters, digits, "
                "'.', '-' and '_', and do not start with a dot"
            )
    return None


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file's settings; broken TOML raises a ContentError naming the file."""
    text = decode_text(read_bytes(path), path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: this is not valid TOML ({error}).") from None


def read_bytes(path: Path) -> bytes:
    """A lesson file's bytes, refusing links, missing files and files that are too big."""
    if path.is_symlink():
        raise ContentError(f"{path}: lesson files may not be links to other places.")
    if not path.is_file():
        raise ContentError(f"{path}: this file is missing.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ContentError(f"{path}: this file is bigger than {MAX_FILE_BYTES // 1024} KB.")
    return path.read_bytes()


def decode_text(data: bytes, path: Path) -> str:
    """Bytes read from `path` as UTF-8 text, or a ContentError naming the file."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(f"{path}: this file is not UTF-8 text.") from None


def read_tree(folder: Path, *, required: bool) -> dict[str, bytes]:
    """Every file under `folder` by its name relative to it (with / between folders)."""
    if folder.is_symlink():
        raise ContentError(f"{folder}: lesson folders may not be links to other places.")
    if not folder.is_dir():
        if required:
            raise ContentError(f"{folder}: this folder is missing.")
        return {}
    files: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        problem = file_name_problem(name)
        if problem:
            raise ContentError(f"{path}: {problem}.")
        if path.is_symlink():
            raise ContentError(f"{path}: lesson files may not be links to other places.")
        if path.is_file():
            files[name] = read_bytes(path)
    return files
