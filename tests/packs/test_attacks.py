"""Attacks on lesson packs. Each refused pack leaves the data folder exactly as it was.

Every test installs a good version 1 first, so "unchanged" also means "the old lessons are
still installed and whole".
"""

from __future__ import annotations

import base64
import struct
import time
import zlib
from pathlib import Path

import pytest

from tutor.content.packs import (
    PackError,
    install_pack,
    installed_pack_files,
    installed_packs,
    read_pack,
    verify_pack,
)
from tutor.trust import signing
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


@pytest.fixture
def data(tmp_path: Path, make_pack: PackMaker, keys: Keys) -> Path:
    """A data folder with version 1 of the test lessons installed."""
    folder = tmp_path / "data"
    install_pack(make_pack(1), folder, keys.trusted_public)
    return folder


def refused(path: Path, data: Path, keys: Keys, *, match: str,
            unsafe_to_review: bool = True) -> None:
    """Verifying and installing both refuse path with a plain message; nothing changes.

    An archive that is unsafe to read is refused by review too; a pack refused only for
    trust, its file types or what it needs is one that vetting staff must be able to see.
    """
    before = snapshot(data)
    if unsafe_to_review:
        with pytest.raises(PackError, match=match):
            read_pack(path, for_review=True)
    else:
        assert read_pack(path, for_review=True).files
    with pytest.raises(PackError, match=match) as verifying:
        verify_pack(path, keys.trusted_public)
    with pytest.raises(PackError, match=match):
        install_pack(path, data, keys.trusted_public)
    message = str(verifying.value)
    assert "Traceback" not in message and "Error" not in message and len(message) < 300
    assert snapshot(data) == before
    [pack] = installed_packs(data)
    assert pack.version == 1
    assert installed_pack_files(data, pack.pack_id) is not None  # still whole


def test_a_file_changed_after_signing_is_refused(data: Path, make_pack: PackMaker,
                                                  keys: Keys, tmp_path: Path) -> None:
    members = read_members(make_pack(2))
    members["files/html/01-first-heading/lesson.md"] = b"# Headings\n\nVisit evil.example\n"
    tampered = crafted_zip(tmp_path / "tampered.tutorpack", list(members.items()))
    refused(tampered, data, keys, match="changed after the pack was made")


def test_a_manifest_changed_after_signing_is_refused(data: Path, make_pack: PackMaker,
                                                     keys: Keys, tmp_path: Path) -> None:
    members = read_members(make_pack(2))
    members["manifest.json"] = members["manifest.json"].replace(b'"version":2', b'"version":9')
    tampered = crafted_zip(tmp_path / "tampered.tutorpack", list(members.items()))
    refused(tampered, data, keys, match="changed after it was signed", unsafe_to_review=False)


def test_an_unsigned_pack_is_refused(data: Path, make_pack: PackMaker, keys: Keys) -> None:
    refused(make_pack(2, signed=False), data, keys, match="not signed", unsafe_to_review=False)


def test_a_pack_signed_by_an_unknown_key_is_refused(data: Path, make_pack: PackMaker,
                                                    keys: Keys) -> None:
    stranger = keys.stranger.public_key().fingerprint
    refused(make_pack(2, key=keys.stranger), data, keys, match=f"does not trust.*{stranger}",
            unsafe_to_review=False)


def test_a_signature_made_for_another_purpose_is_refused(data: Path, keys: Keys,
                                                         tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    members = signed_pack_members(files, keys.trusted, version=2,
                                  domain=signing.PROGRESS_EXPORT, pack_id="test.lessons")
    path = crafted_zip(tmp_path / "export-signature.tutorpack", members)
    refused(path, data, keys, match="changed after it was signed", unsafe_to_review=False)


def test_an_older_version_is_refused(tmp_path: Path, make_pack: PackMaker, keys: Keys) -> None:
    folder = tmp_path / "data"
    old, new = make_pack(1), make_pack(2)
    install_pack(new, folder, keys.trusted_public)
    before = snapshot(folder)
    with pytest.raises(PackError, match="version 1, older than version 2"):
        install_pack(old, folder, keys.trusted_public)
    assert snapshot(folder) == before
    assert [pack.version for pack in installed_packs(folder)] == [2]


@pytest.mark.parametrize("keep", [0.5, 0.9, -22])
def test_a_truncated_pack_is_refused(data: Path, make_pack: PackMaker, keys: Keys,
                                     tmp_path: Path, keep: float) -> None:
    whole = make_pack(2).read_bytes()
    cut = tmp_path / "cut.tutorpack"
    cut.write_bytes(whole[: int(len(whole) * keep)] if keep > 0 else whole[: int(keep)])
    refused(cut, data, keys, match="cannot be used|damaged|cut short")


@pytest.mark.parametrize(("name", "match"), [
    ("files/../../escaped.md", "points outside"),
    ("../escaped.md", "points outside"),
    ("/escaped.md", "full path"),
    ("files\\..\\..\\escaped.md", "not allowed"),
    ("C:/escaped.md", "full path|not allowed"),
])
def test_members_that_point_outside_are_refused(data: Path, keys: Keys, tmp_path: Path,
                                                name: str, match: str) -> None:
    files = lesson_files(tmp_path / "lessons")
    members = signed_pack_members(files, keys.trusted, version=2) + [(name, b"# gotcha\n")]
    path = crafted_zip(tmp_path / "outside" / "pack.tutorpack", members)
    refused(path, data, keys, match=match)
    assert not list(tmp_path.rglob("escaped.md"))


def test_a_manifest_that_names_a_path_outside_is_refused(data: Path, keys: Keys,
                                                         tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/../../escaped.md"] = b"# gotcha\n"
    path = crafted_zip(tmp_path / "pack.tutorpack",
                       signed_pack_members(files, keys.trusted, version=2))
    refused(path, data, keys, match="points outside")
    assert not list(tmp_path.rglob("escaped.md"))


def test_a_symlink_member_is_refused(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/01-first-heading/starter/link.txt"] = b"../../../outside.txt"
    members = signed_pack_members(files, keys.trusted, version=2)
    path = crafted_zip(tmp_path / "pack.tutorpack", members,
                       symlinks=frozenset({"files/html/01-first-heading/starter/link.txt"}))
    refused(path, data, keys, match="link")


def test_a_duplicate_member_is_refused(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    members = signed_pack_members(files, keys.trusted, version=2)
    members.append(("files/html/01-first-heading/lesson.md", b"# Another lesson\n"))
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = crafted_zip(tmp_path / "pack.tutorpack", members)
    refused(path, data, keys, match="two files called")


def test_a_member_not_in_the_manifest_is_refused(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    members = signed_pack_members(files, keys.trusted, version=2)
    members.append(("files/html/01-first-heading/extra.js", b"alert(1)\n"))
    path = crafted_zip(tmp_path / "pack.tutorpack", members)
    refused(path, data, keys, match="not in its list")


@pytest.mark.parametrize("name", [
    "html/01-first-heading/checks/run.py", "html/setup.sh", "html/tool.exe", "html/Makefile",
    "html/01-first-heading/starter/archive.zip",
])
def test_a_file_of_a_kind_not_allowed_is_refused(data: Path, keys: Keys, tmp_path: Path,
                                                 name: str) -> None:
    files = lesson_files(tmp_path / "lessons")
    files[name] = b"import os\n"
    path = crafted_zip(tmp_path / "pack.tutorpack",
                       signed_pack_members(files, keys.trusted, version=2))
    refused(path, data, keys, match="not allowed", unsafe_to_review=False)
    # Review reads it, so staff can see it, and says why it cannot be installed.
    suffix = "." + name.rsplit(".", 1)[-1] if "." in name.rsplit("/", 1)[-1] else "no file type"
    assert read_pack(path, for_review=True).install_problems == (
        f"{name!r} is a kind of file that packs may not hold ({suffix}).",)


def test_a_hidden_file_is_refused_even_by_review(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/.git/config"] = b"[core]\n"
    path = crafted_zip(tmp_path / "pack.tutorpack",
                       signed_pack_members(files, keys.trusted, version=2))
    refused(path, data, keys, match="not allowed.*do not start with a dot")


def test_names_that_collide_on_disk_are_refused(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/01-first-heading/Lesson.md"] = b"# Capital\n"
    path = crafted_zip(tmp_path / "pack.tutorpack",
                       signed_pack_members(files, keys.trusted, version=2))
    refused(path, data, keys, match="differ only in capitals")


def test_a_pack_id_that_is_a_path_is_refused(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    path = crafted_zip(tmp_path / "pack.tutorpack",
                       signed_pack_members(files, keys.trusted, version=2, pack_id="../../x"))
    refused(path, data, keys, match="pack id")


def test_a_zip_bomb_is_refused_without_unpacking_it(data: Path, keys: Keys,
                                                    tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/big.txt"] = b"small"
    members = signed_pack_members(files, keys.trusted, version=2)
    path = crafted_zip(tmp_path / "bomb.tutorpack",
                       [(name, data) for name, data in members if name != "files/html/big.txt"])
    # About 1 MB in the archive that unpacks to 1 GB of zeros, headers telling the truth.
    zeros = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    # After a full flush the compressor forgets what came before, so one block repeats.
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(1024):
        crc = zlib.crc32(zeros, crc)
    _append_raw_member(path, "files/html/big.txt", block * 1024 + compressor.flush(),
                       size=1 << 30, crc=crc)
    assert path.stat().st_size < 2_000_000
    started = time.monotonic()
    refused(path, data, keys, match="too big")
    assert time.monotonic() - started < 5


def test_a_member_that_streams_more_than_it_declares_is_refused(data: Path, keys: Keys,
                                                                tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/notes.txt"] = b"small"
    members = signed_pack_members(files, keys.trusted, version=2)
    path = crafted_zip(tmp_path / "pack.tutorpack",
                       [(name, data) for name, data in members if name != "files/html/notes.txt"])
    # The archive's headers and the manifest say 5 bytes; the compressed data holds 80 MB.
    real = bytes(80 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    _append_raw_member(path, "files/html/notes.txt",
                       compressor.compress(real) + compressor.flush(), size=5,
                       crc=zlib.crc32(b"small"))
    started = time.monotonic()
    refused(path, data, keys, match="damaged or was changed")
    assert time.monotonic() - started < 5


def _append_raw_member(path: Path, name: str, packed: bytes, *, size: int, crc: int) -> None:
    """Add a deflated member to the archive with whatever size and checksum its headers claim."""
    raw = path.read_bytes()
    end = raw.rfind(b"PK\x05\x06")
    count, _, directory_start = struct.unpack("<HII", raw[end + 10:end + 20])
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed),
                        size, len(encoded), 0) + encoded + packed
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                          len(packed), size, len(encoded), 0, 0, 0, 0, 0o100644 << 16,
                          directory_start) + encoded
    directory = raw[directory_start:end] + central
    record = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count + 1, count + 1, len(directory),
                         directory_start + len(local), 0)
    path.write_bytes(raw[:directory_start] + local + directory + record)


@pytest.mark.slow
def test_two_hundred_thousand_members_are_refused(data: Path, keys: Keys,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "many.tutorpack"
    _write_many_empty_members(path, 200_000)
    refused(path, data, keys, match="too many files")


def _write_many_empty_members(path: Path, count: int) -> None:
    """An archive of empty stored members, written as raw records (zipfile is too slow)."""
    local, central = bytearray(), bytearray()
    for number in range(count):
        name = f"files/html/{number}.txt".encode()
        offset = len(local)
        local += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0x21, 0, 0, 0,
                             len(name), 0) + name
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0x21, 0, 0,
                               0, len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, len(central),
                      len(local), 0)
    path.write_bytes(bytes(local + central + end))


def test_a_pack_for_a_newer_tutor_is_refused(data: Path, keys: Keys, tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    members = signed_pack_members(files, keys.trusted, version=2)
    manifest = members[0][1].replace(b'"min_app_version":"0.1.0"', b'"min_app_version":"99.0"')
    signature = signing.sign(signing.PACK_MANIFEST, manifest, keys.trusted)
    members[0] = ("manifest.json", manifest)
    members[1] = ("signatures.json", dumps([{
        "public_key": keys.trusted.public_key().as_line(),
        "signature": base64.b64encode(signature).decode()}]))
    path = crafted_zip(tmp_path / "future.tutorpack", members)
    before = snapshot(data)
    verify_pack(path, keys.trusted_public)  # well made and signed...
    with pytest.raises(PackError, match="needs Tutor 99.0 or newer"):  # ...but not for us
        install_pack(path, data, keys.trusted_public)
    assert snapshot(data) == before


def test_a_signed_pack_whose_lessons_do_not_load_is_refused(data: Path, keys: Keys,
                                                            tmp_path: Path) -> None:
    files = lesson_files(tmp_path / "lessons")
    files["html/01-first-heading/exercise.toml"] = b'format_version = 1\nid = "broken'
    path = crafted_zip(tmp_path / "broken.tutorpack",
                       signed_pack_members(files, keys.trusted, version=2))
    before = snapshot(data)
    read_pack(path)  # every file matches its manifest...
    with pytest.raises(PackError, match="do not load.*not valid TOML"):  # ...but not lessons
        install_pack(path, data, keys.trusted_public)
    assert snapshot(data) == before
    assert str(tmp_path) not in str(installed_packs(data)[0].title)


def test_a_first_install_that_is_refused_leaves_no_trace(tmp_path: Path, make_pack: PackMaker,
                                                         keys: Keys) -> None:
    folder = tmp_path / "fresh"
    files = lesson_files(tmp_path / "lessons")
    files["html/01-first-heading/exercise.toml"] = b"not toml at all = = ="
    broken = crafted_zip(tmp_path / "broken.tutorpack",
                         signed_pack_members(files, keys.trusted))
    for pack in (make_pack(1, signed=False), broken):
        with pytest.raises(PackError):
            install_pack(pack, folder, keys.trusted_public)
    assert snapshot(folder) in ({}, {"packs": None})
    assert installed_packs(folder) == []
