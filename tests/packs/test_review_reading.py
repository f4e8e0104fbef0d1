"""Reading a pack for review: staff see what installing refuses, and nothing unsafe gets in.

Also: signing checks the manifest it signs against the one that was checked, in one read.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path

import pytest

from tutor.content.lesson_files import MAX_FILE_BYTES
from tutor.content.packs import (
    REVIEW_SHOW_BYTES,
    PackChanged,
    PackError,
    install_pack,
    installed_packs,
    read_pack,
    sign_pack,
    verify_pack,
)
from tutor.content.packs.format import REVIEW_MAX_FILE_BYTES
from tutor.trust.strict_json import dumps

from .conftest import (
    Keys,
    PackMaker,
    crafted_zip,
    lesson_files,
    read_members,
    signed_pack_members,
    snapshot,
)


def _signed_pack(tmp_path: Path, keys: Keys, extra: dict[str, bytes], *,
                 declared: dict[str, bytes] | None = None) -> Path:
    """A signed pack of the tiny lessons plus `extra` files, as a real archive."""
    files = lesson_files(tmp_path / "lessons") | extra
    listed = None if declared is None else files | declared
    members = signed_pack_members(files, keys.trusted, declared=listed)
    return crafted_zip(tmp_path / "pack.tutorpack", members)


def _refused_by_install(path: Path, tmp_path: Path, keys: Keys, match: str) -> None:
    data = tmp_path / "data"
    with pytest.raises(PackError, match=match):
        read_pack(path)
    with pytest.raises(PackError, match=match):
        verify_pack(path, keys.trusted_public)
    with pytest.raises(PackError, match=match):
        install_pack(path, data, keys.trusted_public)
    assert installed_packs(data) == []
    assert snapshot(data) in ({}, {"packs": None})


def test_a_two_megabyte_file_is_shown_to_review_and_refused_by_install(
        tmp_path: Path, keys: Keys) -> None:
    big = secrets.token_hex(1 << 20).encode()  # 2 MB of text that does not compress away
    path = _signed_pack(tmp_path, keys, {"html/notes/big.txt": big})
    _refused_by_install(path, tmp_path, keys, "'html/notes/big.txt' in the pack is too big")
    pack = read_pack(path, for_review=True)
    assert pack.files["html/notes/big.txt"] == big and pack.withheld == {}
    assert not pack.installable
    assert pack.install_problems == (
        f"'html/notes/big.txt' is {len(big):,} bytes; a file in a pack may be at most "
        f"{MAX_FILE_BYTES // 1024:,} KB.",)


def test_a_python_file_is_shown_to_review_and_refused_by_install(
        tmp_path: Path, keys: Keys) -> None:
    path = _signed_pack(tmp_path, keys, {"html/tools/setup.py": b"import os\n"})
    _refused_by_install(path, tmp_path, keys, "kind that is not allowed: 'html/tools/setup.py'")
    pack = read_pack(path, for_review=True)
    assert pack.files["html/tools/setup.py"] == b"import os\n"
    assert pack.install_problems == (
        "'html/tools/setup.py' is a kind of file that packs may not hold (.py).",)


def test_a_pack_that_installs_has_no_install_problems_in_review(make_pack: PackMaker) -> None:
    path = make_pack(1)
    pack = read_pack(path, for_review=True)
    assert pack.installable and pack.withheld == {}
    assert pack.files == read_pack(path).files


def _huge(size: int) -> bytes:
    """Bytes that compress, but not past the archive's ratio cap."""
    block = os.urandom(4096) + bytes(60 * 1024)
    return (block * (size // len(block) + 1))[:size]


def test_a_file_too_big_to_show_is_checked_and_listed_without_its_content(
        tmp_path: Path, keys: Keys) -> None:
    huge = _huge(REVIEW_SHOW_BYTES + 1)
    path = _signed_pack(tmp_path, keys, {"html/media/film.png": huge})
    pack = read_pack(path, for_review=True)
    assert "html/media/film.png" not in pack.files
    entry = pack.withheld["html/media/film.png"]
    assert (entry.size, entry.sha256) == (len(huge), hashlib.sha256(huge).hexdigest())
    assert "is 16,777,217 bytes" in " ".join(pack.install_problems)


def test_a_withheld_file_that_does_not_match_its_hash_is_refused(
        tmp_path: Path, keys: Keys) -> None:
    huge = _huge(REVIEW_SHOW_BYTES + 1)
    swapped = huge[:-1] + b"\x01"
    path = _signed_pack(tmp_path, keys, {"html/media/film.png": swapped},
                        declared={"html/media/film.png": huge})
    with pytest.raises(PackError, match="damaged or was changed"):
        read_pack(path, for_review=True)


def test_a_file_over_the_review_cap_is_refused_even_by_review(
        tmp_path: Path, keys: Keys) -> None:
    # The manifest promises a file bigger than review will read; nothing is unpacked.
    members = read_members(_signed_pack(tmp_path, keys, {"html/big.txt": b"small"}))
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["html/big.txt"]["size"] = REVIEW_MAX_FILE_BYTES + 1
    members["manifest.json"] = dumps(manifest)
    path = crafted_zip(tmp_path / "over.tutorpack", list(members.items()))
    with pytest.raises(PackError, match="too big even to review"):
        read_pack(path, for_review=True)


def test_review_still_refuses_a_member_the_manifest_does_not_list(
        tmp_path: Path, keys: Keys) -> None:
    files = lesson_files(tmp_path / "lessons") | {"html/tools/setup.py": b"import os\n"}
    members = signed_pack_members(files, keys.trusted)
    members.append(("files/html/tools/other.py", b"import sys\n"))
    path = crafted_zip(tmp_path / "extra.tutorpack", members)
    with pytest.raises(PackError, match="not in its list"):
        read_pack(path, for_review=True)


# ---- signing what was checked ---------------------------------------------------------------


def test_signing_checks_the_manifest_it_signs_against_the_one_expected(
        make_pack: PackMaker, keys: Keys) -> None:
    path = make_pack(1, signed=False)
    checked = hashlib.sha256(read_pack(path).manifest_bytes).hexdigest()
    sign_pack(path, keys.trusted, expected_manifest_sha256=checked)
    assert verify_pack(path, keys.trusted_public).signers


def test_signing_a_different_pack_than_expected_writes_nothing(
        make_pack: PackMaker, keys: Keys) -> None:
    checked_path = make_pack(1, signed=False)
    checked = hashlib.sha256(read_pack(checked_path).manifest_bytes).hexdigest()
    swapped = make_pack(1, lesson_text="# Headings\n\nVisit evil.example\n", signed=False)
    before = swapped.read_bytes()
    with pytest.raises(PackChanged, match="not the one that was checked.*Nothing was signed"):
        sign_pack(swapped, keys.trusted, expected_manifest_sha256=checked)
    assert swapped.read_bytes() == before
    assert read_pack(swapped).signatures == []


def test_signing_refuses_a_pack_that_cannot_be_installed(tmp_path: Path, keys: Keys) -> None:
    files = lesson_files(tmp_path / "lessons") | {"html/tools/setup.py": b"import os\n"}
    members = [(name, data) for name, data in signed_pack_members(files, keys.trusted)
               if name != "signatures.json"]
    path = crafted_zip(tmp_path / "python.tutorpack", members)
    before = path.read_bytes()
    with pytest.raises(PackError, match="not allowed"):
        sign_pack(path, keys.stranger)
    assert path.read_bytes() == before
