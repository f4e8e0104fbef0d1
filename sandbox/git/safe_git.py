"""Run the real `git` program with an environment and settings the learner cannot change.

Every git process the console starts goes through `GitRunner.run`. The environment is built
from nothing, the global settings live in a private folder outside the practice area, and
the app's own `-c` settings come before the subcommand, where the command line cannot reach.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Only these places are searched, so a `git` planted on some other PATH is never run.
_GIT_LOCATIONS = ("/usr/bin/git", "/usr/local/bin/git", "/bin/git", "/opt/homebrew/bin/git")
_FIXED_PATH = "/usr/local/bin:/usr/bin:/bin"
MAX_OUTPUT_CHARACTERS = 200_000
LEARNER_NAME = "Learner"
LEARNER_EMAIL = "learner@practice.invalid"


def find_git() -> str | None:
    """Where the git program is on this machine, or None when there is none."""
    for location in _GIT_LOCATIONS:
        if os.path.isfile(location) and os.access(location, os.X_OK):
            return location
    return None


def git_available() -> bool:
    """True when this machine has a git program the Git lessons can use."""
    return find_git() is not None


@dataclass(frozen=True)
class GitRun:
    """What one git process did: its exit code, its output, and whether time ran out."""

    exit_code: int
    output: str
    timed_out: bool = False


class PrivateGitHome:
    """A folder outside the practice area holding git's global settings and empty folders.

    The learner cannot write here: `git config --global` is refused, and the settings file
    is written again before every command in case anything changed it.
    """

    def __init__(self, area: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="tutor-git-home-"))
        self.area = area
        self.hooks = self.folder / "no-hooks"
        self.templates = self.folder / "no-templates"
        self.config_file = self.folder / "gitconfig"
        self.hooks.mkdir()
        self.templates.mkdir()
        self.refresh()

    def config_text(self) -> str:
        """The global settings every command runs with."""
        return "\n".join([
            "[user]", f"\tname = {LEARNER_NAME}", f"\temail = {LEARNER_EMAIL}",
            "[init]", "\tdefaultBranch = main",
            "[core]", f"\thooksPath = {self.hooks}", "\tfsmonitor = false",
            "\tpager = cat", "\teditor = :", "\tsymlinks = false", "\tautocrlf = false",
            "\tquotePath = false",
            "[color]", "\tui = never",
            "[pull]", "\trebase = false",
            "[advice]", "\tdetachedHead = false",
            "[protocol]", "\tallow = never",
            '[protocol "file"]', "\tallow = always",
            "",
        ])

    def refresh(self) -> None:
        """Write the settings file again, so it is always exactly what the app intends."""
        if self.config_file.exists():
            self.config_file.chmod(0o600)
        self.config_file.write_text(self.config_text(), encoding="utf-8")
        # Read-only for git. (Root can still write it, hence the rewrite before every run.)
        self.config_file.chmod(0o444)
        for folder in (self.hooks, self.templates):
            for child in folder.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()

    def remove(self) -> None:
        """Delete the folder; the console is finished with it."""
        shutil.rmtree(self.folder, ignore_errors=True)

    def environment(self) -> dict[str, str]:
        """An environment built from nothing: no variable from outside reaches git."""
        return {
            "PATH": _FIXED_PATH,
            "HOME": str(self.folder),
            "XDG_CONFIG_HOME": str(self.folder / "xdg"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "dumb",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": str(self.config_file),
            "GIT_ATTR_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_TEMPLATE_DIR": str(self.templates),
            # Git may not look for a repository above the practice area.
            "GIT_CEILING_DIRECTORIES": str(self.area.parent),
            "GIT_PAGER": "cat",
            "PAGER": "cat",
            "GIT_EDITOR": ":",
            "GIT_SEQUENCE_EDITOR": ":",
            "EDITOR": ":",
            "VISUAL": ":",
            "GIT_ALLOW_PROTOCOL": "file",
            "GIT_PROTOCOL_FROM_USER": "0",
            "GIT_NO_REPLACE_OBJECTS": "1",
        }

    def overrides(self) -> list[str]:
        """The app's `-c` settings. They go before the subcommand, so they beat every
        setting in a repository's own config."""
        settings = {
            "core.hooksPath": str(self.hooks),
            "core.fsmonitor": "false",
            "core.pager": "cat",
            "core.editor": ":",
            "sequence.editor": ":",
            "core.sshCommand": "false",
            "core.askPass": "",
            "core.symlinks": "false",
            "credential.helper": "",
            "gpg.program": "false",
            "gpg.ssh.program": "false",
            "gpg.x509.program": "false",
            "commit.gpgSign": "false",
            "tag.gpgSign": "false",
            "protocol.allow": "never",
            "protocol.file.allow": "always",
            "color.ui": "never",
            "core.quotePath": "false",
            "safe.bareRepository": "all",
        }
        arguments: list[str] = []
        for key, value in settings.items():
            arguments += ["-c", f"{key}={value}"]
        return arguments


class GitRunner:
    """Starts git processes under the private home, each with a time limit."""

    def __init__(self, home: PrivateGitHome, *, git_program: str | None = None) -> None:
        self.home = home
        self.git_program = git_program or find_git()

    def run(self, arguments: list[str], *, cwd: Path, time_limit_seconds: float) -> GitRun:
        """Run `git <app settings> <arguments>` in `cwd`; never uses a shell."""
        if self.git_program is None:
            return GitRun(127, "Git is not installed on this computer.")
        self.home.refresh()
        command = [self.git_program, *self.home.overrides(), *arguments]
        return run_with_time_limit(command, cwd=cwd, environment=self.home.environment(),
                                   time_limit_seconds=time_limit_seconds)


def run_with_time_limit(command: list[str], *, cwd: Path, environment: dict[str, str],
                        time_limit_seconds: float) -> GitRun:
    """Run a program in its own process group; when time runs out, end the whole group."""
    try:
        process = subprocess.Popen(
            command, cwd=cwd, env=environment, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    except OSError:
        return GitRun(127, "Git could not be started. Ask a member of staff.")
    try:
        raw, _ = process.communicate(timeout=time_limit_seconds)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raw, _ = process.communicate()
        return GitRun(-1, _decode(raw), timed_out=True)
    # A finished git may still have left child processes in its group; end them too.
    _kill_group(process)
    return GitRun(process.returncode, _decode(raw))


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def _decode(raw: bytes) -> str:
    text = raw.decode("utf-8", errors="replace")
    if len(text) > MAX_OUTPUT_CHARACTERS:
        text = text[:MAX_OUTPUT_CHARACTERS] + "\n(The rest of the output was cut off.)"
    return text
