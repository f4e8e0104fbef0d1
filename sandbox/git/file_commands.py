"""The few shell-like commands the console offers besides git, written in Python.

Each one works only inside the practice area: `ls`, `cat`, `echo`, `touch`, `rm`, `mkdir`,
`cd` and `pwd`. None of them starts a program.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sandbox.git.area_paths import PathRefused, is_inside, resolve_inside, show_path

MAX_FILE_CHARACTERS = 100_000
FILE_COMMANDS = ("ls", "cat", "echo", "touch", "rm", "mkdir", "cd", "pwd")
_DRIVER_LINE = re.compile(r"(?:^|\s)(filter|merge)(=\S+)?(?=\s|$)")


class FileCommandError(ValueError):
    """A file command that cannot be done; the message says why in plain words."""


class FileCommandRefused(FileCommandError):
    """A file command the console will not do, because its path leaves the area."""


@dataclass
class Place:
    """The practice area and the folder the console is in now."""

    area: Path
    cwd: Path

    def path(self, word: str) -> Path:
        """The path a learner's word names, or FileCommandError when it is not allowed."""
        try:
            return resolve_inside(self.area, self.cwd, word)
        except PathRefused as refused:
            raise FileCommandRefused(str(refused)) from None


def list_folder(place: Place, words: list[str]) -> str:
    """`ls [-a] [folder]`: the names in a folder, folders marked with a slash."""
    show_hidden = "-a" in words or "-la" in words or "-al" in words
    names = [word for word in words if not word.startswith("-")]
    if len(names) > 1:
        raise FileCommandError("Name one folder at a time, as in ls notes.")
    folder = place.path(names[0]) if names else place.cwd
    if folder.is_file():
        return folder.name
    if not folder.is_dir():
        raise FileCommandError(f"There is no folder called {names[0]}.")
    shown = []
    for child in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        if child.name.startswith(".") and not show_hidden:
            continue
        shown.append(child.name + ("/" if child.is_dir() else ""))
    return "  ".join(shown) if shown else "(This folder is empty.)"


def show_file(place: Place, words: list[str]) -> str:
    """`cat FILE...`: the text of each file."""
    if not words:
        raise FileCommandError("Name a file, as in cat notes.txt.")
    parts = []
    for word in words:
        path = place.path(word)
        if path.is_dir():
            raise FileCommandError(f"{word} is a folder. Use ls {word} to see inside it.")
        if not path.is_file():
            raise FileCommandError(f"There is no file called {word}.")
        text = path.read_text(encoding="utf-8", errors="replace")
        if len(text) > MAX_FILE_CHARACTERS:
            text = text[:MAX_FILE_CHARACTERS] + "\n(The rest of the file was cut off.)"
        parts.append(text)
    return "".join(parts)


def echo(place: Place, words: list[str], redirect: str | None, target: str | None) -> str:
    """`echo text`, `echo text > file` or `echo text >> file`."""
    text = " ".join(words) + "\n"
    if redirect is None or target is None:
        return text
    path = place.path(target)
    if path.is_dir():
        raise FileCommandError(f"{target} is a folder. Write to a file inside it.")
    if not path.parent.is_dir():
        raise FileCommandError(f"There is no folder for {target}. Make it first with mkdir.")
    if path.name == ".gitattributes" and _DRIVER_LINE.search(text):
        raise FileCommandRefused("Filters and merge drivers run programs, so they are not "
                               "allowed in .gitattributes here.")
    if redirect == ">>" and path.exists():
        old = path.read_text(encoding="utf-8", errors="replace")
        if path.name == ".gitattributes" and _DRIVER_LINE.search(old):
            raise FileCommandRefused("This .gitattributes file is not allowed here.")
        path.write_text(old + text, encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    return ""


def touch(place: Place, words: list[str]) -> str:
    """`touch FILE...`: make empty files (a file that exists is left as it is)."""
    if not words:
        raise FileCommandError("Name a file, as in touch notes.txt.")
    for word in words:
        path = place.path(word)
        if not path.parent.is_dir():
            raise FileCommandError(f"There is no folder for {word}. Make it first with mkdir.")
        if not path.exists():
            path.write_text("", encoding="utf-8")
    return ""


def make_folder(place: Place, words: list[str]) -> str:
    """`mkdir [-p] FOLDER...`."""
    parents = "-p" in words
    names = [word for word in words if word != "-p"]
    if not names:
        raise FileCommandError("Name a folder, as in mkdir notes.")
    for word in names:
        path = place.path(word)
        if path.exists():
            if parents and path.is_dir():
                continue
            raise FileCommandError(f"{word} is already there.")
        if not parents and not path.parent.is_dir():
            raise FileCommandError(f"There is no folder to put {word} in. Try mkdir -p {word}.")
        path.mkdir(parents=parents)
    return ""


def remove(place: Place, words: list[str]) -> str:
    """`rm [-r] [-f] PATH...`: delete files, or folders with -r."""
    flags = {letter for word in words if word.startswith("-") for letter in word[1:]}
    unknown = flags - {"r", "f", "R"}
    if unknown:
        raise FileCommandError(f"rm does not know -{''.join(sorted(unknown))} here. "
                               "Use rm FILE, or rm -r FOLDER.")
    names = [word for word in words if not word.startswith("-")]
    if not names:
        raise FileCommandError("Name a file, as in rm notes.txt.")
    for word in names:
        path = place.path(word)
        if path == place.area or is_inside(place.cwd, path):
            raise FileCommandError("You cannot delete the folder you are in, or one around it.")
        if path.is_symlink():
            path.unlink()
        elif path.is_dir():
            if not flags & {"r", "R"}:
                raise FileCommandError(f"{word} is a folder. Use rm -r {word} to delete it.")
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        elif "f" not in flags:
            raise FileCommandError(f"There is no file called {word}.")
    return ""


def change_folder(place: Place, words: list[str], home: Path) -> str:
    """`cd [FOLDER]`: move to another folder in the area; `cd` alone goes back home."""
    if len(words) > 1:
        raise FileCommandError("Name one folder, as in cd notes.")
    if not words:
        place.cwd = home
        return ""
    path = place.path(words[0])
    if not path.is_dir():
        raise FileCommandError(f"There is no folder called {words[0]}.")
    place.cwd = path
    return ""


def where(place: Place) -> str:
    """`pwd`: the folder the console is in, shown inside the practice area."""
    return show_path(place.area, place.cwd) + "\n"


def run_file_command(place: Place, home: Path, name: str, words: list[str],
                     redirect: str | None = None, target: str | None = None) -> str:
    """Run one of `FILE_COMMANDS` and return what it prints; raises FileCommandError."""
    if name == "ls":
        return list_folder(place, words)
    if name == "cat":
        return show_file(place, words)
    if name == "echo":
        return echo(place, words, redirect, target)
    if name == "touch":
        return touch(place, words)
    if name == "rm":
        return remove(place, words)
    if name == "mkdir":
        return make_folder(place, words)
    if name == "cd":
        return change_folder(place, words, home)
    if name == "pwd":
        return where(place)
    raise FileCommandError(f"`{name}` is not available here.")
