"""Declarative checks on a practice repository, read from an exercise's `checks/git.toml`.

```toml
format_version = 1
repository = "project"        # where the learner works, inside the practice area

[[check]]
name = "You made a branch called feature"
fail = "Make a branch called feature with git branch feature."   # optional
branch_exists = "feature"
```

Each `[[check]]` holds one kind of check (see `CHECK_KINDS`), or `all = [...]` /
`any = [...]` of inline tables that each hold one.
"""

from __future__ import annotations

import os
import re
import time
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.git.check_kinds import EVALUATORS, Repository
from sandbox.git.safe_git import GitRunner
from sandbox.results import CheckReport, TestOutcome

CHECKS_FILE = "git.toml"

CHECK_KINDS = (
    "branch_exists", "head_on_branch", "commit_count", "commit_message", "file_content",
    "clean_working_tree", "merge_commit", "conflict_resolved", "remote_branch", "tag_exists",
    "config_value",
)
_ARGUMENTS: dict[str, set[str]] = {
    "commit_count": {"branch", "at_least", "at_most", "exactly"},
    "commit_message": {"branch", "matches", "tip"},
    "file_content": {"path", "at", "equals", "contains", "matches", "absent"},
    "merge_commit": {"branch"},
    "remote_branch": {"folder", "branch", "same_as", "has_message"},
    "config_value": {"key", "matches"},
}


class GitCheckFormatError(ValueError):
    """`checks/git.toml` is not written correctly; the message says where."""


@dataclass(frozen=True)
class GitCheckSettings:
    """The parsed `git.toml`: where the repository is, and the checks in order."""

    repository: str
    checks: tuple[dict[str, Any], ...]


def load_git_checks(check_files: Mapping[str, str]) -> GitCheckSettings:
    """Read and validate `checks/git.toml`."""
    text = check_files.get(CHECKS_FILE)
    if text is None:
        raise GitCheckFormatError("The exercise has no checks/git.toml.")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise GitCheckFormatError(f"checks/git.toml cannot be read: {error}") from None
    unknown = set(data) - {"format_version", "repository", "check"}
    if unknown:
        raise GitCheckFormatError(f"checks/git.toml: unknown setting {sorted(unknown)[0]!r}.")
    if data.get("format_version") != 1:
        raise GitCheckFormatError("checks/git.toml: format_version must be 1.")
    repository = data.get("repository", ".")
    if not isinstance(repository, str) or repository.startswith("/") or ".." in repository:
        raise GitCheckFormatError("checks/git.toml: repository must be a folder name.")
    checks = data.get("check", [])
    if not isinstance(checks, list) or not checks:
        raise GitCheckFormatError("checks/git.toml: add at least one [[check]].")
    for number, check in enumerate(checks, start=1):
        _validate(check, f"check {number}", top=True)
    return GitCheckSettings(repository, tuple(checks))


def _validate(check: Any, where: str, *, top: bool) -> None:
    if not isinstance(check, dict):
        raise GitCheckFormatError(f"checks/git.toml: {where} must be a table.")
    extra = {"name", "fail"} if top else {"fail"}
    kinds = [key for key in check if key not in extra]
    if len(kinds) != 1:
        raise GitCheckFormatError(f"checks/git.toml: {where} needs exactly one kind of "
                                  f"check, not {kinds or 'none'}.")
    if top and not isinstance(check.get("name"), str):
        raise GitCheckFormatError(f"checks/git.toml: {where} needs a name.")
    kind = kinds[0]
    value = check[kind]
    if kind in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise GitCheckFormatError(f"checks/git.toml: {where}: {kind} needs a list.")
        for index, inner in enumerate(value, start=1):
            _validate(inner, f"{where}, part {index}", top=False)
        return
    if kind not in CHECK_KINDS:
        raise GitCheckFormatError(f"checks/git.toml: {where}: unknown check {kind!r}.")
    if isinstance(value, dict):
        unknown = set(value) - _ARGUMENTS.get(kind, set())
        if unknown:
            raise GitCheckFormatError(f"checks/git.toml: {where}: {kind} does not take "
                                      f"{sorted(unknown)[0]!r}.")
        for key in ("matches", "has_message"):
            if key in value:
                try:
                    re.compile(value[key])
                except re.error as error:
                    raise GitCheckFormatError(
                        f"checks/git.toml: {where}: bad pattern: {error}") from None


def check_messages(check_files: Mapping[str, str]) -> list[str]:
    """Every name and fail message a learner may read, for the plain-English linter."""
    settings = load_git_checks(check_files)
    found: list[str] = []

    def collect(check: dict[str, Any]) -> None:
        """Add this check's texts, and those of the checks inside it."""
        for key in ("name", "fail"):
            if isinstance(check.get(key), str):
                found.append(check[key])
        for key in ("all", "any"):
            for inner in check.get(key, []):
                collect(inner)

    for check in settings.checks:
        collect(check)
    return found


def _evaluate(repo: Repository, check: dict[str, Any]) -> tuple[bool, str]:
    kind = next(key for key in check if key not in ("name", "fail"))
    if kind in ("all", "any"):
        results = [_evaluate(repo, inner) for inner in check[kind]]
        if kind == "all":
            failed = [message for passed, message in results if not passed]
            passed, message = not failed, (failed[0] if failed else "")
        else:
            passed = any(passed for passed, _ in results)
            message = " Or: ".join(message for _, message in results)
    else:
        passed, message = EVALUATORS[kind](repo, check[kind])
    return passed, (check.get("fail") or message) if not passed else ""


def evaluate_checks(settings: GitCheckSettings, runner: GitRunner, area: Path) -> CheckReport:
    """Run every check on the repository in the area and report each in plain words."""
    started = time.monotonic()
    folder = Path(os.path.normpath(area / settings.repository))
    repo = Repository(runner, area, folder)
    has_repository = repo.exists()
    outcomes = []
    for check in settings.checks:
        began = time.monotonic()
        if not has_repository:
            passed, message = False, "There is no repository here yet. Start with git init."
        else:
            passed, message = _evaluate(repo, check)
        outcomes.append(TestOutcome(check["name"], "passed" if passed else "failed",
                                    message, (time.monotonic() - began) * 1000))
    return CheckReport(passed=all(outcome.passed for outcome in outcomes),
                       tests=tuple(outcomes), duration_ms=(time.monotonic() - started) * 1000)
