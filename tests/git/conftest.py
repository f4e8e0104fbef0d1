"""A practice area with its console, and a marker file outside it that attacks try to make."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox.git import CommandResult, GitConsole, git_available


class Practice:
    """A console over a practice area, plus the folder outside it that must stay untouched."""

    def __init__(self, root: Path) -> None:
        self.area = root / "practice"
        self.outside = root / "outside"
        self.outside.mkdir()
        self.marker = self.outside / "marker"
        self.secret = self.outside / "secret.txt"
        self.secret.write_text("do not read\n")
        self.console = GitConsole(self.area)

    def run(self, line: str) -> CommandResult:
        """Type one line into the console."""
        return self.console.run(line)

    def ok(self, line: str) -> CommandResult:
        """Type one line that must work."""
        result = self.console.run(line)
        assert result.allowed and result.exit_code == 0, (line, result.output)
        return result

    def outside_untouched(self) -> bool:
        """True when nothing new appeared outside the practice area."""
        return sorted(p.name for p in self.outside.iterdir()) == ["secret.txt"]

    def config(self) -> str:
        """The learner's repository settings file, as text."""
        return (self.area / ".git" / "config").read_text()


@pytest.fixture
def practice(tmp_path: Path) -> Iterator[Practice]:
    """An empty practice area."""
    if not git_available():
        pytest.skip("git is not installed")
    made = Practice(tmp_path)
    yield made
    made.console.close()


@pytest.fixture
def repo(practice: Practice) -> Practice:
    """A practice area holding a repository with one commit on main."""
    practice.ok("git init")
    practice.ok('echo "first line" > notes.txt')
    practice.ok("git add notes.txt")
    practice.ok('git commit -m "First commit"')
    return practice
