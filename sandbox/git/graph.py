"""Read a repository's commits, branches and tags for the graph view, with plumbing commands."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.git.safe_git import GitRunner, PrivateGitHome

MAX_COMMITS = 500
_TIME_LIMIT_SECONDS = 10.0


@dataclass(frozen=True)
class GraphCommit:
    """One commit as the graph shows it."""

    sha: str
    short_sha: str
    parents: tuple[str, ...]
    message: str
    author_time: int


@dataclass(frozen=True)
class Graph:
    """A repository's commits (newest first), branches, tags and where HEAD points."""

    commits: tuple[GraphCommit, ...] = ()
    branches: dict[str, str] = field(default_factory=dict)
    remote_branches: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    head_branch: str | None = None
    head_sha: str | None = None
    is_repository: bool = False

    @property
    def detached(self) -> bool:
        """True when HEAD points at a commit rather than a branch."""
        return self.head_branch is None and self.head_sha is not None


def repository_graph(folder: Path) -> Graph:
    """The graph of the repository in `folder` (an empty Graph when there is none)."""
    folder = Path(os.path.realpath(folder))
    home = PrivateGitHome(folder)
    try:
        return read_graph(GitRunner(home), folder)
    finally:
        home.remove()


def read_graph(runner: GitRunner, folder: Path) -> Graph:
    """The graph of the repository in `folder`, read through an existing safe runner."""

    def git(*arguments: str) -> tuple[int, str]:
        """Run one read-only git command in the folder: exit code and output."""
        run = runner.run(list(arguments), cwd=folder, time_limit_seconds=_TIME_LIMIT_SECONDS)
        return run.exit_code, run.output

    code, _ = git("rev-parse", "--git-dir")
    if code != 0:
        return Graph()
    code, output = git("symbolic-ref", "-q", "HEAD")
    head_branch = output.strip().removeprefix("refs/heads/") if code == 0 else None
    code, output = git("rev-parse", "-q", "--verify", "HEAD^{commit}")
    head_sha = output.strip() if code == 0 and output.strip() else None
    branches: dict[str, str] = {}
    remotes: dict[str, str] = {}
    tags: dict[str, str] = {}
    _, output = git("for-each-ref", "--format=%(objectname)%00%(*objectname)%00%(refname)")
    for line in output.splitlines():
        parts = line.split("\0")
        if len(parts) != 3:
            continue
        sha, peeled, name = parts
        if name.startswith("refs/heads/"):
            branches[name.removeprefix("refs/heads/")] = sha
        elif name.startswith("refs/remotes/") and not name.endswith("/HEAD"):
            remotes[name.removeprefix("refs/remotes/")] = sha
        elif name.startswith("refs/tags/"):
            tags[name.removeprefix("refs/tags/")] = peeled or sha
    commits: list[GraphCommit] = []
    if head_sha or branches or remotes or tags:
        _, output = git("log", "--all", "--topo-order", f"--max-count={MAX_COMMITS}",
                        "--format=%H%x00%h%x00%P%x00%at%x00%s")
        for line in output.splitlines():
            parts = line.split("\0")
            if len(parts) != 5:
                continue
            sha, short, parents, when, subject = parts
            commits.append(GraphCommit(sha, short, tuple(parents.split()), subject,
                                       int(when or 0)))
    return Graph(tuple(commits), branches, remotes, tags, head_branch, head_sha, True)
