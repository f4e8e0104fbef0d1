"""The offline bundle, built with build_installer.spec and run the way a workstation runs it.

The bundle is copied out of the build folder (which is then deleted) and run with a clean
environment: no PYTHONPATH, no virtual environment on PATH, a home folder of its own, and
the working folder outside the repository. So it can only pass with what the bundle holds.

Building takes about a minute on two cores. A bundle from `make installer` (dist/tutor) is
reused when it is newer than every file it is built from; CI starts clean and builds.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tutor.paths import database_path
from tutor.store import Store
from tutor.trust.keys import read_trusted_keys

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(600),
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="the clean environment below is a Linux one"),
]

REPOSITORY = Path(__file__).resolve().parents[2]
SPEC = REPOSITORY / "build_installer.spec"
MADE_BY_MAKE = REPOSITORY / "dist" / "tutor"
SOURCES = ("tutor", "sandbox", "lessons", "scripts", "build_installer.spec", "pyproject.toml",
           "docs/install-config.example.toml")
SIZE_LIMIT_MB = 450  # about 400 MB today; QML or Qt's translations coming back would pass it


@dataclass(frozen=True)
class Bundle:
    """A copy of the built bundle, away from the repository and from where it was built."""

    folder: Path
    scratch: Path

    @property
    def program(self) -> Path:
        """The program a workstation runs."""
        return self.folder / "tutor"

    def run(self, *args: str, user: str | None = None,
            **extra: str) -> subprocess.CompletedProcess[str]:
        """Run the bundled program as a workstation would, with nothing from this machine."""
        home = self.scratch / f"home-{user or 'default'}"
        home.mkdir(exist_ok=True)
        command = [str(self.program), *args]
        if user is not None:  # as that account, keeping the clean environment below
            account = pwd.getpwnam(user)
            os.chown(home, account.pw_uid, account.pw_gid)
            command = ["setpriv", f"--reuid={account.pw_uid}", f"--regid={account.pw_gid}",
                       "--clear-groups", "--", *command]
        env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen", **extra}
        return subprocess.run(command, cwd=home, env=env, capture_output=True, text=True,
                              timeout=180)

    @contextlib.contextmanager
    def config_beside_program(self, text: str) -> Iterator[Path]:
        """Put a tutor-config.toml beside the program, as IT does, for one test only."""
        config = self.folder / "tutor-config.toml"
        config.write_text(text, encoding="utf-8")
        config.chmod(0o644)  # the program reads it as whichever account starts it
        try:
            yield config
        finally:
            config.unlink()

    def trusting_config(self) -> str:
        """Config text that trusts the key the bundled packs were signed with."""
        keys = ", ".join(f'"{line}"' for line in self.signing_keys())
        return f"trusted_keys = [{keys}]\n"

    def signing_keys(self) -> list[str]:
        """The public key lines shipped beside the packs (the key they were signed with)."""
        text = (self.folder / "packs" / "trusted-keys.txt").read_text(encoding="utf-8")
        return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def newest_source() -> float:
    """When any file the bundle is built from last changed."""
    newest = 0.0
    for name in SOURCES:
        path = REPOSITORY / name
        files = [path] if path.is_file() else path.rglob("*")
        newest = max([newest, *(f.stat().st_mtime for f in files if f.is_file()
                                and "__pycache__" not in f.parts)])
    return newest


def tutor_command(*args: str) -> None:
    """Run the source tree's `tutor` command (to build and sign the test's own pack)."""
    result = subprocess.run([sys.executable, "-m", "tutor.cli", *args], capture_output=True,
                            text=True, timeout=300, cwd=REPOSITORY)
    assert result.returncode == 0, result.stderr


def build(work: Path) -> Path:
    """Sign a curriculum pack with a key of the test's own, then build the bundle around it."""
    packs = work / "packs"
    packs.mkdir(parents=True)
    tutor_command("keys", "generate", "--out", str(work / "test-key"), "--comment", "test key")
    tutor_command("pack", "build", str(REPOSITORY / "lessons"), "-o",
                  str(packs / "curriculum.tutorpack"))
    tutor_command("pack", "sign", str(packs / "curriculum.tutorpack"), "--key",
                  str(work / "test-key.key"))
    shutil.copyfile(work / "test-key.pub", packs / "trusted-keys.txt")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        capture_output=True, text=True, timeout=540, cwd=REPOSITORY,
        env={**os.environ, "TUTOR_BUNDLE_PACKS": str(packs)})
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    return work / "dist" / "tutor"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    """The bundle, built here (or made by `make installer` since the last change), copied away."""
    made = MADE_BY_MAKE / "tutor"
    if made.is_file() and made.stat().st_mtime > newest_source():
        built = MADE_BY_MAKE
    else:
        built = build(tmp_path_factory.mktemp("bundle"))
    # A folder any account may read, as a program folder on a workstation is.
    workstation = Path(tempfile.mkdtemp(prefix="tutor-workstation-"))
    workstation.chmod(0o755)
    try:
        shutil.copytree(built, workstation / "tutor", symlinks=True)
        if built != MADE_BY_MAKE:
            shutil.rmtree(built.parents[1])  # nothing may point back at where it was built
        yield Bundle(workstation / "tutor", workstation)
    finally:
        shutil.rmtree(workstation)


def folder_size_mb(folder: Path) -> float:
    """What the folder takes on disk, counting each file once."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 2**20


def test_the_bundle_opens_its_window_and_runs_a_check_with_the_config_beside_it(
        bundle: Bundle) -> None:
    data = bundle.scratch / "data"
    with bundle.config_beside_program('workstation_name = "Desk 4"\n' + bundle.trusting_config()):
        started = time.monotonic()
        result = bundle.run("--smoke", "--data-dir", str(data))
        took = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the main window opened and a check passed" in result.stdout
    print(f"bundled smoke run: {took:.1f} s; bundle size {folder_size_mb(bundle.folder):.0f} MB")
    assert [key.as_line() for key in read_trusted_keys(data)] == bundle.signing_keys()
    with Store.open(database_path(data)) as store:
        assert store.setting("workstation_name") == "Desk 4"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs the administrator account, to start the bundle as another")
def test_a_normal_account_runs_the_bundle_with_the_browser_sandbox_on(bundle: Bundle) -> None:
    data = bundle.scratch / "normal-user-data"
    data.mkdir()
    account = pwd.getpwnam("nobody")
    os.chown(data, account.pw_uid, account.pw_gid)
    # Not as root, the app keeps Chromium's sandbox on: the check passes only if it starts.
    with bundle.config_beside_program(bundle.trusting_config()):
        result = bundle.run("--smoke", "--data-dir", str(data), user="nobody")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "a check passed" in result.stdout


def test_a_pack_from_a_key_nobody_trusts_is_refused(bundle: Bundle) -> None:
    result = bundle.run("--smoke", "--data-dir", str(bundle.scratch / "untrusted"))
    assert result.returncode == 2
    assert "curriculum.tutorpack was not installed" in result.stderr


def test_a_broken_config_stops_the_bundled_program(bundle: Bundle) -> None:
    with bundle.config_beside_program("learners_may_reset_pin = maybe\n"):
        result = bundle.run("--smoke", "--data-dir", str(bundle.scratch / "never"))
    assert result.returncode == 2
    assert "Tutor cannot start, because its setup file has a mistake." in result.stderr
    assert "tutor-config.toml, line 1:" in result.stderr
    assert not (bundle.scratch / "never").exists()


def test_the_bundle_ignores_a_config_named_by_tutor_config(bundle: Bundle) -> None:
    # Anyone who can start the program can set TUTOR_CONFIG. If it counted, they could make
    # the workstation trust a key of their own, and so lessons they signed themselves.
    own = bundle.scratch / "someone-elses.toml"
    own.write_text(bundle.trusting_config(), encoding="utf-8")
    data = bundle.scratch / "not-configured"
    result = bundle.run("--smoke", "--data-dir", str(data), TUTOR_CONFIG=str(own))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "TUTOR_CONFIG" in result.stderr
    assert "curriculum.tutorpack was not installed" in result.stderr
    assert read_trusted_keys(data) == []


def test_every_kind_of_exercise_is_checked_by_the_bundled_runners(bundle: Bundle) -> None:
    lessons = bundle.scratch / "lessons"
    if not lessons.exists():
        shutil.copytree(REPOSITORY / "lessons", lessons)
    result = bundle.run("lessons", "lint", str(lessons))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.strip().endswith(", 0 problems.")


def test_the_bundled_commands_use_the_installed_lessons(bundle: Bundle) -> None:
    data = ["--data-dir", str(bundle.scratch / "commands")]
    with bundle.config_beside_program(bundle.trusting_config()):
        listed = bundle.run(*data, "lessons", "list", "--json")
        assert listed.returncode == 0, listed.stderr
        exercise = json.loads(listed.stdout)[0]["id"]
        checked = bundle.run(*data, "check", exercise, "--solution", "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["passed"] is True


def test_the_bundle_ships_the_example_config_and_a_command_to_check_it(bundle: Bundle) -> None:
    example = bundle.folder / "tutor-config.example.toml"
    assert example.read_text(encoding="utf-8") == (
        REPOSITORY / "docs" / "install-config.example.toml").read_text(encoding="utf-8")
    result = bundle.run("config", "check", str(example))
    assert result.returncode == 0 and "The config is right." in result.stdout


def test_the_bundle_leaves_out_the_parts_of_qt_the_app_never_loads(bundle: Bundle) -> None:
    inside = bundle.folder / "_internal" / "PySide6"
    assert not list(inside.glob("QtQuick*")) and not list(inside.glob("QtQml*"))
    assert not (inside / "Qt" / "qml").exists()
    assert not list(inside.rglob("*.qm"))  # Qt's translations: the app is in English
    locales = sorted(path.name for path in inside.rglob("qtwebengine_locales/*"))
    assert locales == ["en-GB.pak", "en-US.pak"]
    broken_links = [path for path in bundle.folder.rglob("*")
                    if path.is_symlink() and not path.exists()]
    assert broken_links == []
    assert folder_size_mb(bundle.folder) < SIZE_LIMIT_MB


def test_the_bundle_carries_the_reading_font_and_its_licence(bundle: Bundle) -> None:
    source = REPOSITORY / "tutor" / "ui" / "fonts"
    bundled = bundle.folder / "_internal" / "tutor" / "ui" / "fonts"
    wanted = sorted(path.name for path in source.iterdir()
                    if path.suffix in {".ttf", ".otf"} or path.name == "OFL.txt")
    assert "OFL.txt" in wanted and len(wanted) > 1
    for name in wanted:
        assert (bundled / name).read_bytes() == (source / name).read_bytes(), name


def test_the_bundle_keeps_what_reading_aloud_needs(bundle: Bundle) -> None:
    inside = bundle.folder / "_internal" / "PySide6"
    assert list(inside.glob("QtTextToSpeech*"))  # the module the Read aloud button loads
    plugins = inside / "Qt" / "plugins" / "texttospeech"
    engines = sorted(path.name for path in plugins.iterdir())
    assert engines == ["libqtexttospeech_speechd.so"]  # speech-dispatcher's; no pretend one
    # Every library the engine links to is in the bundle, but the speech service's own
    # (libspeechd), which comes with speech-dispatcher on the workstation.
    linked = subprocess.run(["ldd", str(plugins / engines[0])], capture_output=True, text=True,
                            timeout=30, env={"PATH": "/usr/bin:/bin"})
    missing = {line.split()[0] for line in linked.stdout.splitlines() if "not found" in line}
    assert missing <= {"libspeechd.so.2"}, linked.stdout
    for library in ("libQt6TextToSpeech.so.6", "libQt6Multimedia.so.6", "libQt6DBus.so.6"):
        assert (bundle.folder / "_internal" / library).exists(), library
