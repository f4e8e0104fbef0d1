"""Where the app's lessons come from at start: bundled packs, installed packs, in order."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tutor.content.errors import ContentError
from tutor.content.packs import build_pack, install_pack, installed_packs, sign_pack
from tutor.content.packs.startup import open_pack_lessons
from tutor.trust.keys import PrivateKey, add_trusted_key

from .conftest import Keys, write_lessons

_numbers = itertools.count()


def bundle(folder: Path, key: PrivateKey, *, version: int, pack_id: str = "tutor.curriculum",
           track_id: str = "html", lesson_text: str = "# Headings\n") -> Path:
    """Build and sign a pack into a bundled-packs folder, the way `make packs` does."""
    source = write_lessons(folder.parent / f"source-{next(_numbers)}",
                           version=version, pack_id=pack_id, track_id=track_id,
                           lesson_text=lesson_text)
    output = folder / f"{pack_id}.tutorpack"
    build_pack(source, output)
    sign_pack(output, key)
    return output


@pytest.fixture
def data(tmp_path: Path, keys: Keys) -> Path:
    """A data folder whose trusted-keys file holds the trusted key (as the installer sets)."""
    folder = tmp_path / "data"
    add_trusted_key(folder, keys.trusted_public[0])
    return folder


def test_a_newer_bundled_pack_is_installed_once_and_its_lessons_shown(
        tmp_path: Path, data: Path, keys: Keys) -> None:
    bundled = tmp_path / "bundled"
    bundle(bundled, keys.trusted, version=1)
    first = open_pack_lessons(data, bundled_folder=bundled)
    assert first.notes == ["Installed Test lessons, version 1."]
    assert [e.id for e in first.library.exercises()] == ["html.first-heading"]
    again = open_pack_lessons(data, bundled_folder=bundled)
    assert again.notes == [] and again.packs[0].installed_at == first.packs[0].installed_at
    assert again.summary() == ""  # the About box lists installed packs by itself

    bundle(bundled, keys.trusted, version=2, lesson_text="# Newer\n")
    newer = open_pack_lessons(data, bundled_folder=bundled)
    assert newer.notes == ["Installed Test lessons, version 2."]
    assert newer.library.exercises()[0].lesson_markdown == "# Newer\n"


def test_a_bundled_pack_from_an_untrusted_key_is_not_installed(
        tmp_path: Path, data: Path, keys: Keys) -> None:
    bundled = tmp_path / "bundled"
    bundle(bundled, keys.stranger, version=1)
    with pytest.raises(ContentError, match="No lessons are installed.*does not trust"):
        open_pack_lessons(data, bundled_folder=bundled, source_lessons=tmp_path / "unused")
    assert installed_packs(data) == []


def test_an_older_bundled_pack_is_left_alone(tmp_path: Path, data: Path, keys: Keys) -> None:
    bundled = tmp_path / "bundled"
    install_pack(bundle(tmp_path / "newer", keys.trusted, version=5), data,
                 keys.trusted_public)
    bundle(bundled, keys.trusted, version=4)
    lessons = open_pack_lessons(data, bundled_folder=bundled)
    assert lessons.notes == [] and [p.version for p in lessons.packs] == [5]


def test_a_source_checkout_trusts_its_development_key_and_says_so(
        tmp_path: Path, keys: Keys) -> None:
    development = PrivateKey.generate()
    bundled = tmp_path / "build" / "packs"
    add_trusted_key(bundled, development.public_key("development key"))
    bundle(bundled, development, version=1)
    data = tmp_path / "fresh-data"
    lessons = open_pack_lessons(data, bundled_folder=bundled, development_keys_folder=bundled)
    assert lessons.uses_development_key()
    assert f"A development key ({development.public_key().fingerprint})" in lessons.summary()
    assert "Do not use this installation with learners." in lessons.summary()

    # An author edits a lesson and rebuilds without raising the version: the edit shows.
    bundle(bundled, development, version=1, lesson_text="# Edited\n")
    edited = open_pack_lessons(data, bundled_folder=bundled, development_keys_folder=bundled)
    assert edited.library.exercises()[0].lesson_markdown == "# Edited\n"
    # An installed program never does that: the same version is the same version.
    bundle(bundled, development, version=1, lesson_text="# Edited again\n")
    add_trusted_key(data, development.public_key())
    installed = open_pack_lessons(data, bundled_folder=bundled)
    assert installed.library.exercises()[0].lesson_markdown == "# Edited\n"


def test_with_no_packs_at_all_a_source_checkout_uses_its_lessons_folder(tmp_path: Path) -> None:
    source = write_lessons(tmp_path / "lessons")
    lessons = open_pack_lessons(tmp_path / "data", bundled_folder=tmp_path / "no-such-folder",
                                source_lessons=source)
    assert [e.id for e in lessons.library.exercises()] == ["html.first-heading"]
    assert lessons.packs == [] and lessons.summary() == ""
    with pytest.raises(ContentError, match="No lessons are installed"):
        open_pack_lessons(tmp_path / "data", bundled_folder=None)


def test_the_curriculum_comes_first_and_a_clashing_pack_is_left_out(
        tmp_path: Path, data: Path, keys: Keys) -> None:
    bundled = tmp_path / "bundled"
    bundle(bundled, keys.trusted, version=1, pack_id="a.extra", track_id="extra")
    bundle(bundled, keys.trusted, version=1, pack_id="tutor.curriculum", track_id="html")
    bundle(bundled, keys.trusted, version=1, pack_id="b.clash", track_id="html")
    lessons = open_pack_lessons(data, bundled_folder=bundled)
    assert [p.pack_id for p in lessons.packs] == ["tutor.curriculum", "a.extra"]
    assert [t.id for t in lessons.library.tracks] == ["html", "extra"]
    assert lessons.library.root == lessons.packs[0].folder.resolve()
    assert any("left out" in note and "'html'" in note for note in lessons.notes)
