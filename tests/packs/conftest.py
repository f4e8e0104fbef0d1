"""Fixtures for pack tests: keys, a tiny lessons folder, packs built from it, and crafted zips."""

from __future__ import annotations

import base64
import hashlib
import io
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tutor.content.packs import build_pack, sign_pack
from tutor.trust import signing
from tutor.trust.keys import PrivateKey, PublicKey
from tutor.trust.strict_json import dumps

TRACK_TOML = """format_version = 1
id = "html"
title = "HTML"
order = 1
"""

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


def write_lessons(folder: Path, *, lesson_text: str = "# Headings\n\nWrite a heading.\n",
                  version: int | None = 1, pack_id: str = "test.lessons",
                  track_id: str = "html") -> Path:
    """A lessons folder with one track and one web exercise that the loader accepts."""
    exercise = folder / "html" / "01-first-heading"
    for sub in ("starter", "solution", "checks"):
        (exercise / sub).mkdir(parents=True, exist_ok=True)
    (folder / "html" / "track.toml").write_text(
        TRACK_TOML.replace('"html"', f'"{track_id}"'), encoding="utf-8")
    (exercise / "exercise.toml").write_text(
        EXERCISE_TOML.replace('"html.', f'"{track_id}.'), encoding="utf-8")
    (exercise / "lesson.md").write_text(lesson_text, encoding="utf-8")
    (exercise / "starter" / "index.html").write_text("<!-- TODO: a heading -->\n", "utf-8")
    (exercise / "solution" / "index.html").write_text("<h1>About me</h1>\n", "utf-8")
    (exercise / "checks" / "page.test.js").write_text(CHECK, encoding="utf-8")
    if version is not None:
        (folder / "pack.toml").write_text(
            f'format_version = 1\nid = "{pack_id}"\ntitle = "Test lessons"\n'
            f"version = {version}\n", encoding="utf-8")
    return folder


@dataclass
class Keys:
    """A trusted key and a stranger's key."""

    trusted: PrivateKey
    stranger: PrivateKey

    @property
    def trusted_public(self) -> list[PublicKey]:
        return [self.trusted.public_key("test signer")]


@pytest.fixture(scope="session")
def keys() -> Keys:
    return Keys(PrivateKey.generate(), PrivateKey.generate())


PackMaker = Callable[..., Path]


@pytest.fixture
def make_pack(tmp_path: Path, keys: Keys) -> PackMaker:
    """Build (and by default sign) a pack of the tiny lessons at some version."""
    counter = iter(range(1_000_000))

    def make(version: int = 1, *, lesson_text: str = "# Headings\n\nWrite a heading.\n",
             signed: bool = True, key: PrivateKey | None = None) -> Path:
        number = next(counter)
        source = write_lessons(tmp_path / f"source-{number}", lesson_text=lesson_text,
                               version=version)
        output = tmp_path / "packs" / f"lessons-{number}-v{version}.tutorpack"
        build_pack(source, output)
        if signed:
            sign_pack(output, key or keys.trusted)
        return output

    return make


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder (None) under folder, for before/after checks."""
    if not folder.exists():
        return {}
    return {path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
            for path in sorted(folder.rglob("*"))}


def read_members(path: Path) -> dict[str, bytes]:
    """The members of a well-formed archive by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def crafted_zip(path: Path, members: list[tuple[str, bytes]], *,
                symlinks: frozenset[str] = frozenset()) -> Path:
    """Write an archive exactly as given: any names, duplicates and links included."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            mode = stat.S_IFLNK | 0o777 if name in symlinks else stat.S_IFREG | 0o644
            info.external_attr = mode << 16
            archive.writestr(info, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    return path


def signed_pack_members(files: dict[str, bytes], key: PrivateKey, *, version: int = 1,
                        pack_id: str = "test.lessons",
                        domain: str = signing.PACK_MANIFEST,
                        declared: dict[str, bytes] | None = None) -> list[tuple[str, bytes]]:
    """Members of a pack whose manifest lists `declared` (default: files), signed by key.

    Attack tests use it to get past the signature and prove the later checks hold too.
    """
    listed = files if declared is None else declared
    manifest = dumps({
        "format": "tutor-pack", "format_version": 1, "pack_id": pack_id, "title": "Crafted",
        "version": version, "min_app_version": "0.1.0",
        "files": {name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                  for name, data in listed.items()},
    })
    signature = signing.sign(domain, manifest, key)
    signatures = dumps([{"public_key": key.public_key().as_line(),
                         "signature": base64.b64encode(signature).decode("ascii")}])
    members = [("manifest.json", manifest), ("signatures.json", signatures)]
    return members + [(f"files/{name}", data) for name, data in files.items()]


def lesson_files(folder: Path) -> dict[str, bytes]:
    """The tiny lessons as a name -> bytes mapping, as a pack holds them."""
    write_lessons(folder, version=None)
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@dataclass
class Places:
    """Where a test's app and commands look for lessons, in place of the real ones."""

    bundled: Path  # the packs that came with the program
    source: Path  # the source checkout's lessons/ folder (missing unless a test writes it)
    data: Path  # the data folder, whose trusted-keys.txt holds the trusted key


@pytest.fixture
def only_these_places(tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> Places:
    """The app and `tutor` look for lessons only where this test says, as a bundle would.

    No source lessons/ folder (the bundle has none), an empty bundled-packs folder, no
    development key, and a data folder that trusts the trusted key.
    """
    from tutor import paths
    from tutor.content import loader
    from tutor.trust.keys import add_trusted_key

    places = Places(tmp_path / "bundled", tmp_path / "lessons", tmp_path / "data")
    places.bundled.mkdir()
    add_trusted_key(places.data, keys.trusted_public[0])
    monkeypatch.setattr(paths, "bundled_packs_dir", lambda: places.bundled)
    monkeypatch.setattr(paths, "development_keys_dir", lambda: None)
    monkeypatch.setattr(loader, "default_lessons_root", lambda: places.source)
    for name in ("TUTOR_CONFIG", "TUTOR_DATA_DIR", "TUTOR_STAFF_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    return places
