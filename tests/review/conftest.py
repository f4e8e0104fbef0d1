"""Packs for review tests: crafted in memory, written as real pack files, or built from lessons."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.content.packs import FileEntry, Pack, PackManifest, PackSignature, build_pack
from tutor.content.packs.reading import signatures_json
from tutor.trust import signing
from tutor.trust.keys import PrivateKey
from tutor.trust.safe_zip import write_zip
from tutor.trust.strict_json import dumps

LESSONS = Path(__file__).resolve().parents[2] / "lessons"

TRACK_TOML = 'format_version = 1\nid = "html"\ntitle = "HTML"\norder = 1\n'
EXERCISE_TOML = """format_version = 1
id = "html.first-heading"
title = "Your first heading"
kind = "web"
order = 1
entry = "index.html"
files = ["index.html"]
hints = ["Look for the TODO line.", "Write <h1>About me</h1> under it."]
"""
CHECK = """test('has a heading', () => {
  expect(document.querySelector('h1'), 'Your page needs an <h1> heading.').not.toBeNull();
});
"""


def as_bytes(files: dict[str, str | bytes]) -> dict[str, bytes]:
    """File contents as bytes (text is UTF-8)."""
    return {name: data.encode("utf-8") if isinstance(data, str) else data
            for name, data in files.items()}


def manifest_for(files: dict[str, bytes], *, pack_id: str = "test.review",
                 version: int = 1, title: str = "Review test pack") -> PackManifest:
    """The manifest a pack of these files would carry."""
    return PackManifest(pack_id=pack_id, title=title, version=version, min_app_version="0.1.0",
                        files={name: FileEntry(hashlib.sha256(data).hexdigest(), len(data))
                               for name, data in files.items()})


def crafted_pack(files: dict[str, str | bytes], **settings: object) -> Pack:
    """A pack held in memory, exactly as `read_pack` would give it, with no signatures."""
    data = as_bytes(files)
    manifest = manifest_for(data, **settings)  # type: ignore[arg-type]
    return Pack(manifest, dumps(manifest.to_json()), data, [])


def write_pack_file(path: Path, files: dict[str, str | bytes], *,
                    signed_by: PrivateKey | None = None, **settings: object) -> Path:
    """A real pack file holding these files, unsigned unless a key is given.

    The signature is made here, not with `sign_pack`, so a pack that installing refuses
    (a .py file, a file over the size limit) can be signed by a trusted key too.
    """
    data = as_bytes(files)
    manifest = manifest_for(data, **settings)  # type: ignore[arg-type]
    members = {f"files/{name}": content for name, content in data.items()}
    members["manifest.json"] = dumps(manifest.to_json())
    if signed_by is not None:
        signature = signing.sign(signing.PACK_MANIFEST, members["manifest.json"], signed_by)
        members["signatures.json"] = dumps(signatures_json(
            [PackSignature(signed_by.public_key(), signature)]))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_zip(path, members)
    return path


def write_lessons(folder: Path, *, heading: str = "About me", version: int = 1) -> Path:
    """A lessons folder with one web exercise that loads, and a pack.toml."""
    exercise = folder / "html" / "01-first-heading"
    for sub in ("starter", "solution", "checks"):
        (exercise / sub).mkdir(parents=True, exist_ok=True)
    (folder / "html" / "track.toml").write_text(TRACK_TOML, encoding="utf-8")
    (exercise / "exercise.toml").write_text(EXERCISE_TOML, encoding="utf-8")
    (exercise / "lesson.md").write_text("# Headings\n\nWrite a heading.\n", encoding="utf-8")
    (exercise / "starter" / "index.html").write_text("<!-- TODO: a heading -->\n", "utf-8")
    (exercise / "solution" / "index.html").write_text(f"<h1>{heading}</h1>\n", "utf-8")
    (exercise / "checks" / "page.test.js").write_text(CHECK, encoding="utf-8")
    (folder / "pack.toml").write_text(
        f'format_version = 1\nid = "test.lessons"\ntitle = "Test lessons"\n'
        f"version = {version}\n", encoding="utf-8")
    return folder


LessonPackMaker = Callable[..., Path]


@pytest.fixture
def lesson_pack(tmp_path: Path) -> LessonPackMaker:
    """Build an unsigned pack of a tiny lesson set that installs, at some version."""
    def make(version: int = 1, *, heading: str = "About me") -> Path:
        source = write_lessons(tmp_path / f"source-v{version}-{heading[:8]}", heading=heading,
                               version=version)
        output = tmp_path / "packs" / f"lessons-v{version}.tutorpack"
        build_pack(source, output)
        return output

    return make


@pytest.fixture(scope="session")
def reviewer_key() -> PrivateKey:
    """A reviewer's signing key."""
    return PrivateKey.generate()


@pytest.fixture(scope="session")
def curriculum_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in curriculum as an unsigned pack (built once per test run)."""
    output = tmp_path_factory.mktemp("curriculum") / "curriculum.tutorpack"
    build_pack(LESSONS, output, pack_id="tutor.curriculum", title="Tutor curriculum", version=1)
    return output
