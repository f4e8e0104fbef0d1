"""The guard around every git command: unsafe settings, hooks and links planted on disk are
undone before git runs, changes a command makes are rolled back, and hangs are ended."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

import pytest

from sandbox.git import GitConsole
from sandbox.git.safe_git import find_git

from .conftest import Practice


def plant_hook(folder: Path, name: str, marker: Path) -> Path:
    hooks = folder / "hooks"
    hooks.mkdir(exist_ok=True)
    hook = hooks / name
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    return hook


def test_a_hook_planted_on_disk_is_deleted_before_git_runs(repo: Practice) -> None:
    hook = plant_hook(repo.area / ".git", "pre-commit", repo.marker)
    repo.ok('echo "more" >> notes.txt')
    repo.ok('git commit -am "More"')
    assert not hook.exists()
    assert repo.outside_untouched()


@pytest.mark.parametrize("planted", [
    "[alias]\n\tst = !touch {m}\n",
    "[core]\n\tfsmonitor = touch {m}\n",
    "[core]\n\tpager = touch {m}\n",
    "[diff]\n\texternal = touch {m}\n",
    "[include]\n\tpath = {o}/evil\n",
    '[remote "origin"]\n\turl = ../outside\n\treceivepack = touch {m}\n',
    '[filter "evil"]\n\tclean = touch {m}\n\tsmudge = touch {m}\n',
    '[remote "evil"]\n\turl = ext::sh -c touch% {m}\n',
    '[core]\n\tworktree = {o}\n',
])
def test_unsafe_settings_planted_on_disk_are_put_back(repo: Practice, planted: str) -> None:
    config = repo.area / ".git" / "config"
    good = config.read_text()
    config.write_text(good + planted.format(m=repo.marker, o=repo.outside))
    (repo.area / ".gitattributes").write_text("* filter=evil diff=evil\n")
    repo.ok('echo "more" >> notes.txt')
    repo.ok("git status")
    repo.ok("git diff")
    repo.ok("git add notes.txt")
    assert config.read_text() == good
    assert not (repo.area / ".gitattributes").exists()
    assert repo.outside_untouched()


def test_a_hook_in_the_shared_repository_never_runs_on_push(repo: Practice) -> None:
    repo.ok("git init --bare shared.git")
    repo.ok("git remote add origin shared.git")
    hook = plant_hook(repo.area / "shared.git", "post-receive", repo.marker)
    plant_hook(repo.area / "shared.git", "pre-receive", repo.marker)
    result = repo.ok("git push -u origin main")
    assert "main -> main" in result.output
    assert not hook.exists()
    assert repo.outside_untouched()


def test_a_git_file_pointing_elsewhere_is_removed(repo: Practice) -> None:
    repo.ok("mkdir inner")
    (repo.area / "inner" / ".git").write_text(f"gitdir: {repo.outside}\n")
    repo.ok("cd inner")
    repo.ok("git status")
    assert not (repo.area / "inner" / ".git").exists()


def test_a_committed_link_is_checked_out_as_a_plain_file(repo: Practice) -> None:
    # Build the commit with git directly, as a cloned or prepared repository could hold it.
    git = find_git()
    assert git
    os.symlink(repo.outside, repo.area / "link")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(repo.outside.parent),
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@b",
           "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@b"}
    subprocess.run([git, "add", "link"], cwd=repo.area, env=env, check=True)
    subprocess.run([git, "commit", "-qm", "Add a link"], cwd=repo.area, env=env, check=True)
    (repo.area / "link").unlink()
    repo.ok("git restore link")
    assert not (repo.area / "link").is_symlink()
    repo.ok("echo pwned > link")
    assert repo.outside_untouched()


def test_a_link_out_of_the_area_cannot_be_read_or_written(repo: Practice) -> None:
    os.symlink(repo.outside, repo.area / "out")
    os.symlink(repo.secret, repo.area / "secret")
    for line in ("cat secret", "cat out/secret.txt", "echo pwned > out/marker",
                 "echo pwned > secret", "cd out", "ls out", "git add out/secret.txt"):
        result = repo.run(line)
        assert not result.allowed and "outside the practice folder" in result.output, line
    assert repo.secret.read_text() == "do not read\n"
    assert repo.outside_untouched()


def _fake_git(folder: Path, body: str) -> str:
    """A stand-in for git that misbehaves when asked for `status` and is real otherwise."""
    real = find_git()
    script = folder / "fake-git"
    script.write_text(f'#!/bin/sh\ncase "$*" in\n  *" status"*) {body} ;;\n'
                      f'  *) exec {real} "$@" ;;\nesac\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_a_change_a_command_makes_is_rolled_back(tmp_path: Path) -> None:
    area = tmp_path / "practice"
    marker = tmp_path / "marker"
    program = _fake_git(tmp_path, "mkdir -p .git/hooks; "
                        f"printf '#!/bin/sh\\ntouch {marker}\\n' > .git/hooks/pre-commit; "
                        "chmod +x .git/hooks/pre-commit; "
                        "printf '[alias]\\n\\tx = !true\\n' >> .git/config")
    with GitConsole(area, git_program=program) as console:
        assert console.run("git init").exit_code == 0
        config = (area / ".git" / "config").read_text()
        result = console.run("git status")
        assert not result.allowed
        assert "undone" in result.output
        assert (area / ".git" / "config").read_text() == config
        assert not (area / ".git" / "hooks" / "pre-commit").exists()
        assert console.run('echo "x" > a.txt').exit_code == 0
        assert console.run("git add a.txt").exit_code == 0
        assert console.run('git commit -m "Works"').exit_code == 0
    assert not marker.exists()


def test_a_hanging_command_is_ended_and_the_console_still_works(tmp_path: Path) -> None:
    area = tmp_path / "practice"
    child_pid = tmp_path / "child.pid"
    # The stand-in starts a child of its own, to prove the whole group is ended.
    program = _fake_git(tmp_path, f"sleep 30 & echo $! > {child_pid}; sleep 30")
    with GitConsole(area, git_program=program, time_limit_seconds=0.5) as console:
        assert console.run("git init").exit_code == 0
        (area / ".git" / "index.lock").write_text("")  # as a killed git would leave it
        started = time.monotonic()
        result = console.run("git status")
        assert time.monotonic() - started < 5
        assert result.timed_out and "stopped" in result.output
        assert "still works" in result.output
        pid = int(child_pid.read_text())
        assert _gone(pid)
        assert not (area / ".git" / "index.lock").exists()
        console.time_limit_seconds = 10
        assert console.run('echo "x" > a.txt').exit_code == 0
        assert console.run("git add a.txt").exit_code == 0


def _gone(pid: int) -> bool:
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        # A killed child stays a zombie until its parent (init) reaps it.
        try:
            if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.02)
    return False


def test_an_area_that_starts_unsafe_is_refused_until_it_is_set_up_again(
        tmp_path: Path) -> None:
    area = tmp_path / "practice"
    marker = tmp_path / "marker"
    with GitConsole(area) as console:
        assert console.run("git init").exit_code == 0
    config = area / ".git" / "config"
    config.write_text(config.read_text() + f"[core]\n\tfsmonitor = touch {marker}\n")
    with GitConsole(area) as console:
        result = console.run("git status")
        assert not result.allowed and "Start the practice again" in result.output
        assert console.run("ls").allowed
    assert not marker.exists()
