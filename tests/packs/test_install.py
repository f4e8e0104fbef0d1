"""Building, signing, verifying and installing packs, as staff and the app use them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tutor.content.loader import load_library
from tutor.content.packs import (
    PackAlreadyInstalled,
    PackError,
    build_pack,
    install_pack,
    installed_pack_files,
    installed_packs,
    read_pack,
    sign_pack,
    verify_pack,
)
from tutor.content.packs.unpacking import exclusive_lock
from tutor.store import Store

from .conftest import Keys, PackMaker, read_members, snapshot, write_lessons


def test_a_built_pack_holds_every_lesson_file_with_its_hash(tmp_path: Path) -> None:
    source = write_lessons(tmp_path / "lessons", version=4)
    manifest = build_pack(source, tmp_path / "out.tutorpack")
    pack = read_pack(tmp_path / "out.tutorpack")
    assert (manifest.pack_id, manifest.title, manifest.version) == ("test.lessons",
                                                                    "Test lessons", 4)
    assert pack.manifest == manifest and pack.signatures == []
    on_disk = {path.relative_to(source).as_posix(): path.read_bytes()
               for path in source.rglob("*") if path.is_file() and path.name != "pack.toml"}
    assert pack.files == on_disk


def test_options_override_pack_toml_and_a_missing_version_is_asked_for(tmp_path: Path) -> None:
    source = write_lessons(tmp_path / "lessons", version=None)
    with pytest.raises(PackError, match="id and a version"):
        build_pack(source, tmp_path / "out.tutorpack")
    manifest = build_pack(source, tmp_path / "out.tutorpack", pack_id="extra.sql",
                          title="Extra SQL", version=7)
    assert (manifest.pack_id, manifest.title, manifest.version) == ("extra.sql", "Extra SQL", 7)


def test_building_refuses_what_a_pack_may_not_hold(tmp_path: Path) -> None:
    source = write_lessons(tmp_path / "lessons")
    (source / "html" / "setup_steps.py").write_text("print('hi')\n", encoding="utf-8")
    with pytest.raises(PackError, match="not allowed"):
        build_pack(source, tmp_path / "out.tutorpack")
    (source / "html" / "setup_steps.py").unlink()
    (source / "html" / "link.md").symlink_to(tmp_path / "elsewhere.md")
    with pytest.raises(PackError, match="links"):
        build_pack(source, tmp_path / "out.tutorpack")
    (source / "html" / "link.md").unlink()
    (source / "html" / "01-first-heading" / "exercise.toml").write_text("id = 'x'\n", "utf-8")
    with pytest.raises(PackError, match="do not load.*format_version") as refused:
        build_pack(source, tmp_path / "out.tutorpack")
    assert str(source) in str(refused.value)  # the author's file, not a scratch copy
    assert not (tmp_path / "out.tutorpack").exists()


def test_building_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    source = write_lessons(tmp_path / "lessons")
    build_pack(source, tmp_path / "one.tutorpack")
    build_pack(source, tmp_path / "two.tutorpack")
    assert (tmp_path / "one.tutorpack").read_bytes() == (tmp_path / "two.tutorpack").read_bytes()


def test_signing_adds_a_signature_and_never_touches_the_manifest(
        make_pack: PackMaker, keys: Keys) -> None:
    path = make_pack(1, signed=False)
    manifest = read_members(path)["manifest.json"]
    sign_pack(path, keys.trusted)
    sign_pack(path, keys.stranger)
    sign_pack(path, keys.trusted)  # the same key again adds nothing
    pack = read_pack(path)
    assert pack.manifest_bytes == manifest == read_members(path)["manifest.json"]
    assert [entry.public_key.raw for entry in pack.signatures] == [
        keys.trusted.public_key().raw, keys.stranger.public_key().raw]
    for trusted in ([keys.trusted.public_key()], [keys.stranger.public_key()]):
        assert verify_pack(path, trusted).signers == trusted


def test_verify_names_the_trusted_key_with_its_comment(make_pack: PackMaker, keys: Keys) -> None:
    verified = verify_pack(make_pack(3), keys.trusted_public)
    assert verified.pack.manifest.version == 3
    assert [key.comment for key in verified.signers] == ["test signer"]


def test_installing_a_newer_version_replaces_the_old_one(tmp_path: Path, make_pack: PackMaker,
                                                         keys: Keys) -> None:
    data = tmp_path / "data"
    first = install_pack(make_pack(1), data, keys.trusted_public)
    assert [(p.pack_id, p.version) for p in installed_packs(data)] == [("test.lessons", 1)]
    assert first.signers == keys.trusted_public and first.installed_at.endswith("Z")
    with pytest.raises(PackAlreadyInstalled, match="installed already"):
        install_pack(make_pack(1, lesson_text="# Other\n"), data, keys.trusted_public)
    second = install_pack(make_pack(2, lesson_text="# Headings, again\n"), data,
                          keys.trusted_public)
    assert [p.version for p in installed_packs(data)] == [2]
    assert not first.folder.exists() and second.folder.is_dir()
    files = installed_pack_files(data, "test.lessons")
    assert files is not None
    assert files["html/01-first-heading/lesson.md"] == b"# Headings, again\n"
    versions = [path.name for path in (data / "packs" / "test.lessons").iterdir()
                if path.is_dir()]
    assert versions == [second.folder.parent.name]
    assert installed_pack_files(data, "not.installed") is None
    assert installed_pack_files(data, "../../etc") is None


def test_a_second_install_at_the_same_moment_is_turned_away(
        tmp_path: Path, make_pack: PackMaker, keys: Keys) -> None:
    data = tmp_path / "data"
    install_pack(make_pack(1), data, keys.trusted_public)
    newer = make_pack(2)
    before = snapshot(data)
    with exclusive_lock(data / "packs" / "test.lessons" / ".installing"):
        with pytest.raises(PackError, match="being installed already"):
            install_pack(newer, data, keys.trusted_public)
    assert snapshot(data) == before
    assert install_pack(newer, data, keys.trusted_public).version == 2


def test_a_changed_file_on_disk_is_noticed(tmp_path: Path, make_pack: PackMaker,
                                           keys: Keys) -> None:
    data = tmp_path / "data"
    installed = install_pack(make_pack(1), data, keys.trusted_public)
    (installed.folder / "html" / "01-first-heading" / "lesson.md").write_text("# Changed\n")
    with pytest.raises(PackError, match="lesson.md"):
        installed_pack_files(data, "test.lessons")


def test_progress_points_at_the_same_exercise_across_versions(
        tmp_path: Path, make_pack: PackMaker, keys: Keys) -> None:
    data = tmp_path / "data"
    first = install_pack(make_pack(1), data, keys.trusted_public)
    exercise = load_library(first.folder).get("html.first-heading")
    with Store.open(data / "progress.sqlite3") as store:
        learner = store.create_learner("Sam", "1234")
        store.record_check(learner.id, exercise.id, exercise.content_version, passed=True,
                           results=[], files={"index.html": "<h1>About me</h1>"},
                           duration_ms=12.0)
    second = install_pack(make_pack(2, lesson_text="# Headings\n\nNow with a picture.\n"),
                          data, keys.trusted_public)
    changed = load_library(second.folder).get("html.first-heading")
    assert changed.content_version != exercise.content_version
    assert "Now with a picture." in changed.lesson_markdown
    with Store.open(data / "progress.sqlite3") as store:
        progress = store.progress(learner.id)
    assert progress[changed.id].status == "done"


def test_the_curriculum_builds_and_installs_as_a_pack(tmp_path: Path, keys: Keys) -> None:
    lessons = Path(__file__).resolve().parents[2] / "lessons"
    path = tmp_path / "curriculum.tutorpack"
    manifest = build_pack(lessons, path)
    assert manifest.pack_id == "tutor.curriculum"
    assert not any(name.endswith(".py") for name in manifest.files)
    sign_pack(path, keys.trusted)
    installed = install_pack(path, tmp_path / "data", keys.trusted_public)
    from_pack, from_source = load_library(installed.folder), load_library(lessons)
    assert [e.id for e in from_pack.exercises()] == [e.id for e in from_source.exercises()]
    assert [e.content_version for e in from_pack.exercises()] == \
        [e.content_version for e in from_source.exercises()]


# ---- an install killed midway ---------------------------------------------------------------

CHILD = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path

    import tutor.content.packs.installing as installing
    import tutor.content.packs.unpacking as unpacking
    import tutor.trust.atomic as atomic
    from tutor.trust.keys import parse_public_key

    point, pack, data, key = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]

    def stop_here():
        print("stopped", flush=True)
        time.sleep(60)  # the test kills this process now

    class Watched:
        # Stands in for a module; stops the install at one chosen moment.
        def __init__(self, real, name, when):
            self.real, self.name, self.when, self.calls = real, name, when, 0
        def __getattr__(self, attribute):
            value = getattr(self.real, attribute)
            if attribute != self.name:
                return value
            def watched(*args, **kwargs):
                self.calls += 1
                if self.when(self.calls, args):
                    stop_here()
                return value(*args, **kwargs)
            return watched

    if point == "writing lesson files":
        unpacking.os = Watched(os, "fdopen", lambda calls, args: calls == 3)
    elif point == "switching to the new version":
        atomic.os = Watched(os, "replace", lambda calls, args: Path(args[1]).name == "current")
    elif point == "removing the old version":
        installing.shutil = Watched(installing.shutil, "rmtree", lambda calls, args: True)
    installing.install_pack(pack, data, [parse_public_key(key)])
    print("finished", flush=True)
""")


@pytest.mark.parametrize(("point", "version_after"), [
    ("writing lesson files", 1),
    ("switching to the new version", 1),
    ("removing the old version", 2),
])
def test_an_install_killed_midway_leaves_a_whole_version_in_use(
        tmp_path: Path, make_pack: PackMaker, keys: Keys, point: str, version_after: int) -> None:
    data = tmp_path / "data"
    install_pack(make_pack(1, lesson_text="# Version one\n"), data, keys.trusted_public)
    new = make_pack(2, lesson_text="# Version two\n")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, point, str(new), str(data),
         keys.trusted.public_key().as_line()],
        stdout=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "stopped"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)

    def top_level() -> list[str]:
        return sorted(name for name in snapshot(data / "packs" / "test.lessons")
                      if "/" not in name)

    assert len(top_level()) > 3  # the killed install left something half done behind
    [pack] = installed_packs(data)
    assert pack.version == version_after
    files = installed_pack_files(data, "test.lessons")  # every file whole, or this raises
    assert files is not None
    lesson = files["html/01-first-heading/lesson.md"].decode()
    assert lesson == f"# Version {'one' if version_after == 1 else 'two'}\n"
    assert load_library(pack.folder).get("html.first-heading").lesson_markdown == lesson

    # The next install finishes the job and tidies what the killed one left behind.
    if version_after == 1:
        install_pack(new, data, keys.trusted_public)
    else:
        install_pack(make_pack(3), data, keys.trusted_public)
    [pack] = installed_packs(data)
    assert top_level() == sorted([".installing", "current", pack.folder.parent.name])
