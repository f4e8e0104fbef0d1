"""A restricted console over the real git program, and declarative checks on repositories.

Nothing here imports Qt or the app. Learner commands never reach a shell; see `console.py`
for the console, `git_rules.py` for what is allowed and `repository_guard.py` for the checks
made before and after every command.
"""

from __future__ import annotations

from sandbox.git.area_paths import PathRefused
from sandbox.git.console import CommandResult, GitConsole
from sandbox.git.git_checks import GitCheckFormatError, check_messages, load_git_checks
from sandbox.git.graph import Graph, GraphCommit, repository_graph
from sandbox.git.practice import (
    NO_GIT_MESSAGE,
    PracticeSetupError,
    evaluate_git_checks,
    open_practice_area,
    practice_files,
    prepare_practice_area,
    run_git_check,
    save_practice_file,
    solution_commands,
)
from sandbox.git.safe_git import git_available

__all__ = [
    "NO_GIT_MESSAGE", "CommandResult", "GitCheckFormatError", "GitConsole", "Graph",
    "GraphCommit", "PathRefused", "PracticeSetupError", "check_messages", "evaluate_git_checks",
    "git_available", "load_git_checks", "open_practice_area", "practice_files",
    "prepare_practice_area", "repository_graph", "run_git_check", "save_practice_file",
    "solution_commands",
]
