"""What each kind of check in `git.toml` looks at, read from the repository with plumbing.

Each function takes the repository and the check's value, and returns whether it passed
and, if not, what the learner should do, in plain words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sandbox.git.area_paths import PathRefused, resolve_inside
from sandbox.git.safe_git import GitRunner

_MARKER = re.compile(r"^(<<<<<<<|=======|>>>>>>>)( |$)", re.MULTILINE)
_TIME_LIMIT_SECONDS = 10.0


class Repository:
    """Reads facts from the learner's repository through the safe runner."""

    def __init__(self, runner: GitRunner, area: Path, folder: Path) -> None:
        self.runner = runner
        self.area = area
        self.folder = folder

    def git(self, *arguments: str, cwd: Path | None = None) -> tuple[int, str]:
        """Run a read-only git command in the repository (or `cwd`): exit code and output."""
        where = cwd or self.folder
        if not where.is_dir():
            return 128, ""
        run = self.runner.run(list(arguments), cwd=where,
                              time_limit_seconds=_TIME_LIMIT_SECONDS)
        return run.exit_code, run.output

    def exists(self) -> bool:
        """True when the folder is the top of a repository."""
        code, output = self.git("rev-parse", "--show-toplevel")
        return code == 0 and Path(output.strip()) == self.folder

    def sha(self, ref: str, cwd: Path | None = None) -> str | None:
        """The commit a ref points at, or None when there is no such ref."""
        code, output = self.git("rev-parse", "-q", "--verify", f"{ref}^{{commit}}", cwd=cwd)
        return output.strip() if code == 0 and output.strip() else None


def _ref(argument: dict[str, Any]) -> str:
    branch = argument.get("branch")
    return f"refs/heads/{branch}" if branch else "HEAD"


def _where(argument: dict[str, Any]) -> str:
    return f"on the branch {argument['branch']}" if argument.get("branch") else "so far"


def _branch_exists(repo: Repository, name: Any) -> tuple[bool, str]:
    return (repo.sha(f"refs/heads/{name}") is not None,
            f"Make a branch called {name}. Use git branch {name} or git switch -c {name}.")


def _head_on_branch(repo: Repository, name: Any) -> tuple[bool, str]:
    code, output = repo.git("symbolic-ref", "-q", "--short", "HEAD")
    return code == 0 and output.strip() == name, f"Switch to the branch {name}: git switch {name}."


def _commit_count(repo: Repository, argument: Any) -> tuple[bool, str]:
    argument = argument if isinstance(argument, dict) else {"at_least": argument}
    count = 0
    if repo.sha(_ref(argument)):
        _, output = repo.git("rev-list", "--count", _ref(argument))
        count = int(output.strip() or 0)
    where = _where(argument)
    if "exactly" in argument and count != argument["exactly"]:
        return False, f"There should be {argument['exactly']} commits {where}. There are {count}."
    if "at_least" in argument and count < argument["at_least"]:
        wanted = argument["at_least"]
        return False, (f"Make a commit {where} with git commit." if wanted == 1 else
                       f"There should be at least {wanted} commits {where}. There are {count}.")
    if "at_most" in argument and count > argument["at_most"]:
        return False, f"There should be at most {argument['at_most']} commits {where}."
    return True, ""


def _commit_message(repo: Repository, argument: dict[str, Any]) -> tuple[bool, str]:
    message = "No commit message says what the lesson asks. Use git commit -m \"...\"."
    if not repo.sha(_ref(argument)):
        return False, message
    limit = ["-1"] if argument.get("tip") else []
    _, output = repo.git("log", *limit, "--format=%B%x00", _ref(argument))
    pattern = re.compile(argument["matches"], re.MULTILINE)
    return any(pattern.search(text.strip()) for text in output.split("\0")), message


def _file_content(repo: Repository, argument: dict[str, Any]) -> tuple[bool, str]:
    path = argument["path"]
    text: str | None
    if "at" in argument:
        code, output = repo.git("show", f"{argument['at']}:{path}")
        text = output if code == 0 else None
        where = f"in the last commit on {argument['at']}"
    else:
        try:
            full = resolve_inside(repo.area, repo.folder, path)
        except PathRefused:
            return False, f"The file {path} cannot be read."
        text = full.read_text(encoding="utf-8", errors="replace") if full.is_file() else None
        where = "in the folder"
    if argument.get("absent"):
        return text is None, f"Delete the file {path}."
    if text is None:
        return False, f"The file {path} should be {where}."
    if "equals" in argument and text.strip() != str(argument["equals"]).strip():
        return False, f"The file {path} does not have the right text {where}."
    if "contains" in argument and argument["contains"] not in text:
        return False, f"The file {path} should hold \"{argument['contains']}\" {where}."
    if "matches" in argument and not re.search(argument["matches"], text, re.MULTILINE):
        return False, f"The file {path} does not have the right text {where}."
    return True, ""


def _clean_working_tree(repo: Repository, _: Any) -> tuple[bool, str]:
    code, output = repo.git("status", "--porcelain")
    return code == 0 and not output.strip(), ("Some changes are not committed yet. "
                                              "Use git status to see them.")


def _merge_commit(repo: Repository, argument: Any) -> tuple[bool, str]:
    argument = argument if isinstance(argument, dict) else {}
    message = "Merge the branch with git merge. A merge commit should be made."
    if not repo.sha(_ref(argument)):
        return False, message
    _, output = repo.git("rev-list", "--merges", "--count", _ref(argument))
    return int(output.strip() or 0) > 0, message


def _conflict_resolved(repo: Repository, _: Any) -> tuple[bool, str]:
    code, output = repo.git("ls-files", "-u")
    if code != 0 or output.strip():
        return False, "A file still has a conflict. Fix it, then use git add on it."
    _, output = repo.git("ls-files", "-z")
    for name in output.split("\0"):
        path = repo.folder / name
        if name and path.is_file() and not path.is_symlink():
            if _MARKER.search(path.read_text(encoding="utf-8", errors="replace")):
                return False, (f"{name} still has the <<<<<<<, ======= or >>>>>>> lines. "
                               "Remove them and keep the text you want.")
    return True, ""


def _remote_branch(repo: Repository, argument: dict[str, Any]) -> tuple[bool, str]:
    folder = Path(os.path.normpath(repo.area / argument["folder"]))
    branch = argument.get("branch", "main")
    remote_sha = repo.sha(f"refs/heads/{branch}", cwd=folder)
    if remote_sha is None:
        return False, f"The remote has no branch {branch} yet. Use git push."
    if "same_as" in argument and repo.sha(f"refs/heads/{argument['same_as']}") != remote_sha:
        return False, (f"The remote's {branch} is not the same as your "
                       f"{argument['same_as']}. Use git pull, then git push.")
    if "has_message" in argument:
        _, output = repo.git("log", "--format=%B%x00", f"refs/heads/{branch}", cwd=folder)
        pattern = re.compile(argument["has_message"], re.MULTILINE)
        if not any(pattern.search(text.strip()) for text in output.split("\0")):
            return False, "The remote does not have your commit yet. Use git push."
    return True, ""


def _tag_exists(repo: Repository, name: Any) -> tuple[bool, str]:
    code, _ = repo.git("rev-parse", "-q", "--verify", f"refs/tags/{name}")
    return code == 0, f"Make a tag called {name} with git tag {name}."


def _config_value(repo: Repository, argument: dict[str, Any]) -> tuple[bool, str]:
    code, output = repo.git("config", "--local", "--get", argument["key"])
    matches = code == 0 and re.search(argument.get("matches", "."), output.strip())
    return bool(matches), f"Set {argument['key']} with git config {argument['key']} \"...\"."


EVALUATORS: dict[str, Callable[[Repository, Any], tuple[bool, str]]] = {
    "branch_exists": _branch_exists, "head_on_branch": _head_on_branch,
    "commit_count": _commit_count, "commit_message": _commit_message,
    "file_content": _file_content, "clean_working_tree": _clean_working_tree,
    "merge_commit": _merge_commit, "conflict_resolved": _conflict_resolved,
    "remote_branch": _remote_branch, "tag_exists": _tag_exists, "config_value": _config_value,
}
