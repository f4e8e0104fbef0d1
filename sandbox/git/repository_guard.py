"""Check every repository in the practice area before and after each command.

A repository's own settings, hooks and attribute files could make git run a program. The
console's rules stop a learner from writing them, and this guard checks the result anyway:
it fails closed, and puts back the last good state when anything is wrong.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.git.area_paths import is_inside

# Settings git writes by itself, or a learner may set; anything else in a repository's
# config is refused. `*` stands for a remote or branch name.
_ALLOWED_KEYS = [
    r"core\.(repositoryformatversion|filemode|bare|logallrefupdates|ignorecase|"
    r"precomposeunicode|symlinks|quotepath)",
    r"remote\.[^\n]+\.(url|fetch)",
    r"branch\.[^\n]+\.(remote|merge|rebase)",
    r"user\.(name|email)", r"init\.defaultbranch", r"pull\.(rebase|ff)", r"merge\.ff",
    r"push\.(default|autosetupremote)", r"color\.ui",
]
_ALLOWED = re.compile("|".join(f"(?:{pattern})" for pattern in _ALLOWED_KEYS))
_BUILT_IN_MERGE = {"text", "binary", "union"}
_DRIVER_ATTRIBUTE = re.compile(r"(?:^|\s)(filter|diff|merge)(?:=(\S+))?(?=\s|$)")

ReadConfig = Callable[[Path], list[tuple[str, str]] | None]


@dataclass
class AreaSnapshot:
    """The files the guard may need to put back: configs and attribute files, as bytes."""

    files: dict[Path, bytes] = field(default_factory=dict)


def find_git_folders(area: Path) -> list[Path]:
    """Every git folder in the area: `.git` folders and bare repositories."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(area):
        here = Path(folder)
        if _is_git_folder(here, subfolders, files):
            found.append(here)
            subfolders[:] = []
            continue
        subfolders[:] = [name for name in subfolders if not (here / name).is_symlink()]
    return found


def _is_git_folder(folder: Path, subfolders: list[str], files: list[str]) -> bool:
    return "HEAD" in files and "objects" in subfolders and "refs" in subfolders


def _attribute_files(area: Path, git_folders: list[Path]) -> list[Path]:
    found = [folder / "info" / "attributes" for folder in git_folders]
    skip = set(git_folders)
    for folder, subfolders, files in os.walk(area):
        here = Path(folder)
        subfolders[:] = [name for name in subfolders if here / name not in skip]
        if ".gitattributes" in files:
            found.append(here / ".gitattributes")
    return [path for path in found if path.exists() or path.is_symlink()]


def take_snapshot(area: Path) -> AreaSnapshot:
    """Remember every config and attribute file, to put back if a command breaks a rule."""
    git_folders = find_git_folders(area)
    snapshot = AreaSnapshot()
    for path in [folder / "config" for folder in git_folders] + _attribute_files(
            area, git_folders):
        if path.is_file() and not path.is_symlink():
            snapshot.files[path] = path.read_bytes()
    return snapshot


def find_problems(area: Path, read_config: ReadConfig) -> list[str]:
    """What is wrong in the area, in plain words; empty when everything is safe."""
    problems: list[str] = []
    git_folders = find_git_folders(area)
    for folder in git_folders:
        problems += _folder_problems(area, folder, read_config)
    for path in _attribute_files(area, git_folders):
        problems += _attribute_problems(path)
    for root, subfolders, files in os.walk(area):
        here = Path(root)
        subfolders[:] = [name for name in subfolders if here / name not in git_folders]
        if ".git" in files:
            problems.append("A .git file points to a repository somewhere else.")
    return problems


def _folder_problems(area: Path, folder: Path, read_config: ReadConfig) -> list[str]:
    problems: list[str] = []
    config = folder / "config"
    if config.is_symlink() or (config.exists() and not config.is_file()):
        problems.append("A repository's settings file is not a plain file.")
    elif config.exists():
        entries = read_config(config)
        if entries is None:
            problems.append("A repository's settings file cannot be read.")
        for key, value in entries or []:
            if not _ALLOWED.fullmatch(key):
                problems.append(f"The setting {key} is not allowed here.")
            elif key.startswith("remote.") and key.endswith(".url") and not _url_inside(
                    area, folder, value):
                problems.append(f"The remote {value} is not a folder in the practice area.")
    for child in ("hooks", "info/attributes", "objects/info/alternates",
                  "objects/info/http-alternates", "commondir", "config.worktree"):
        path = folder / child
        if child == "hooks":
            if path.is_symlink():
                problems.append("The hooks folder is a link.")
            elif path.is_dir() and any(not name.endswith(".sample")
                                       for name in os.listdir(path)):
                problems.append("A hook was added. Hooks are not allowed here.")
        elif child != "info/attributes" and (path.exists() or path.is_symlink()):
            problems.append(f"The file {child} is not allowed in a repository here.")
    return problems


def _url_inside(area: Path, folder: Path, url: str) -> bool:
    if ":" in url or not url:
        return False
    top = folder.parent if folder.name == ".git" else folder
    target = Path(os.path.realpath(top / url))
    return is_inside(target, area)


def _attribute_problems(path: Path) -> list[str]:
    if path.is_symlink() or not path.is_file():
        return ["An attributes file is not a plain file."]
    problems: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.lstrip().startswith("#"):
            continue
        for kind, value in _DRIVER_ATTRIBUTE.findall(line):
            if kind == "filter" or (kind == "merge" and value and value not in _BUILT_IN_MERGE):
                problems.append(f"The attribute {kind} is not allowed in {path.name}.")
    return problems


def roll_back(area: Path, snapshot: AreaSnapshot) -> None:
    """Put configs and attribute files back as they were, and delete what must not exist."""
    git_folders = find_git_folders(area)
    current = [folder / "config" for folder in git_folders] + _attribute_files(
        area, git_folders)
    for path in current:
        if path not in snapshot.files:
            _remove(path)
    for path, data in snapshot.files.items():
        if path.parent.is_dir():
            _remove(path)
            path.write_bytes(data)
    for folder in git_folders:
        hooks = folder / "hooks"
        if hooks.is_symlink():
            hooks.unlink()
        elif hooks.is_dir():
            for name in os.listdir(hooks):
                if not name.endswith(".sample"):
                    _remove(hooks / name)
        for child in ("objects/info/alternates", "objects/info/http-alternates",
                      "commondir", "config.worktree"):
            _remove(folder / child)
    for root, subfolders, files in os.walk(area):
        here = Path(root)
        subfolders[:] = [name for name in subfolders if here / name not in git_folders]
        if ".git" in files:
            _remove(here / ".git")


def remove_stale_locks(area: Path) -> None:
    """Delete lock files a killed git process left behind, so the next command works."""
    for folder in find_git_folders(area):
        for parent, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".lock"):
                    _remove(Path(parent) / name)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
