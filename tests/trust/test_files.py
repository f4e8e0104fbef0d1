"""Safe archives, strict JSON and atomic writes: the attacks first, then what must still work."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tutor.trust import atomic, strict_json
from tutor.trust.safe_zip import ArchiveError, Limits, SafeZip, write_zip, zip_bytes


def _raw_zip(path: Path, members: list[tuple[str, bytes]], *, link: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
        if link is not None:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize("name, problem", [
    ("../outside.txt", "points outside"),
    ("lessons/../../outside.txt", "points outside"),
    ("/etc/cron.d/evil", "full path"),
    ("C:/Windows/evil.txt", "not allowed"),
    ("lessons\\..\\evil.txt", "not allowed"),
    ("lessons/CON.md", "Windows reserves"),
    ("lessons/bad\x01name.md", "not allowed"),
])
def test_unsafe_member_names_are_refused(tmp_path: Path, name: str, problem: str) -> None:
    path = _raw_zip(tmp_path / "bad.zip", [("ok.md", b"fine"), (name, b"x")])
    with pytest.raises(ArchiveError, match=problem):
        SafeZip(path)


def test_links_are_refused(tmp_path: Path) -> None:
    path = _raw_zip(tmp_path / "link.zip", [("ok.md", b"fine")], link="lessons/passwd")
    with pytest.raises(ArchiveError, match="link"):
        SafeZip(path)


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.zip"
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", b"{}")
        archive.writestr("manifest.json", b'{"evil": true}')
    with pytest.raises(ArchiveError, match="two files"):
        SafeZip(path)


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    path = _raw_zip(tmp_path / "many.zip", [(f"f{i}.txt", b"") for i in range(60)])
    with pytest.raises(ArchiveError, match="too many"):
        SafeZip(path, Limits(max_members=50))


def test_a_bomb_is_stopped_while_streaming_whatever_size_it_declares(tmp_path: Path) -> None:
    path = _raw_zip(tmp_path / "bomb.zip", [("bomb.txt", b"\0" * (8 * 1024 * 1024))])
    # The real size is refused at open...
    with pytest.raises(ArchiveError, match="too big"):
        SafeZip(path, Limits(max_member_bytes=1024 * 1024))
    # ...and a member that lies about its size is cut off by the ratio cap while reading.
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("bomb.txt")
    lie = (100).to_bytes(4, "little")
    central = data.rfind(b"PK\x01\x02")
    data[info.header_offset + 22:info.header_offset + 26] = lie
    data[central + 24:central + 28] = lie
    liar = tmp_path / "liar.zip"
    liar.write_bytes(bytes(data))
    with SafeZip(liar) as archive, pytest.raises(ArchiveError):
        archive.read("bomb.txt")


def test_not_an_archive_and_a_truncated_one_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.tutorpack"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(ArchiveError, match="not an archive"):
        SafeZip(text)
    good = tmp_path / "good.zip"
    write_zip(good, {"a.txt": b"a" * 5000, "b.txt": b"b" * 5000})
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good.read_bytes()[:-40])
    with pytest.raises(ArchiveError):
        with SafeZip(cut) as archive:
            archive.read("a.txt")


def test_archives_written_here_read_back_the_same_and_are_deterministic(tmp_path: Path) -> None:
    members = {"manifest.json": b"{}", "files/html/lesson.md": "Héllo".encode()}
    assert zip_bytes(members) == zip_bytes(dict(reversed(members.items())))
    write_zip(tmp_path / "out.zip", members)
    with SafeZip(tmp_path / "out.zip") as archive:
        assert sorted(archive.names()) == sorted(members)
        assert archive.read("files/html/lesson.md") == "Héllo".encode()
    assert not list(tmp_path.glob(".*partial*"))


@pytest.mark.parametrize("text, problem", [
    (b'{"id": 1, "id": 2}', "twice"),
    (b"[NaN]", "not a number"),
    (b"[Infinity]", "not a number"),
    (b"[1e400]", "far too big"),
    (b"[" + b"9" * 100 + b"]", "far too long"),
    (b"[" * 40 + b"]" * 40, "nested too deeply"),
    (b'{"a": "\xff"}', "not UTF-8"),
    (b'{"a": ', "not valid JSON"),
])
def test_strict_json_refuses_what_python_would_accept(text: bytes, problem: str) -> None:
    with pytest.raises(strict_json.JsonError, match=problem):
        strict_json.loads(text, max_bytes=10_000)


def test_strict_json_caps_size_first_and_reads_normal_json() -> None:
    with pytest.raises(strict_json.JsonError, match="too big"):
        strict_json.loads(b"[" + b"1," * 10_000 + b"1]", max_bytes=1000)
    value = {"b": [1, 2.5, "x[{"], "a": {"nested": True}}
    assert strict_json.loads(strict_json.dumps(value), max_bytes=1000) == value
    assert strict_json.dumps(value) == strict_json.dumps(dict(reversed(value.items())))


def test_an_atomic_write_killed_midway_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "progress.tutorexport"
    target.write_bytes(b"old and complete")
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from tutor.trust import atomic\n"
        "def stop(done, total):\n"
        "    if done > total // 2: os._exit(9)\n"
        f"atomic.write_atomically(Path({str(target)!r}), b'n' * (8 << 20), progress=stop)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == 9
    assert target.read_bytes() == b"old and complete"


def test_read_back_verification_notices_different_bytes(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    atomic.write_atomically(path, b"abc", verify=True)
    with pytest.raises(atomic.VerifyError):
        atomic.verify_file(path, "0" * 64)
    assert io.BytesIO(path.read_bytes()).read() == b"abc"
