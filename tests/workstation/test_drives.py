"""Finding USB sticks: only mounted, writable drives are offered."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tutor.exchange.drives import Drive, first_drive_folder, linux_drives, readable_size


def _patterns(root: Path) -> tuple[str, ...]:
    return (f"{root}/media/*/*", f"{root}/run/media/*/*", f"{root}/mnt/*")


def test_mounted_writable_sticks_are_listed_by_name(tmp_path: Path) -> None:
    stick = tmp_path / "media" / "staff" / "KINGSTON"
    card = tmp_path / "run" / "media" / "staff" / "CARD"
    by_hand = tmp_path / "mnt" / "usb"
    left_behind = tmp_path / "media" / "staff" / "OLDSTICK"  # a stick that was pulled out
    for folder in (stick, card, by_hand, left_behind):
        folder.mkdir(parents=True)
    not_a_folder = tmp_path / "mnt" / "notes.txt"
    not_a_folder.write_text("not a drive")
    mounted = {str(stick), str(card), str(by_hand), str(not_a_folder)}
    drives = linux_drives(_patterns(tmp_path), is_mount=mounted.__contains__)
    assert [d.label for d in drives] == ["CARD", "KINGSTON", "usb"]
    assert all(d.free_bytes is not None and d.free_bytes > 0 for d in drives)
    assert first_drive_folder(drives) == card


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="a read-only folder is still writable for root")
def test_a_read_only_stick_is_not_offered(tmp_path: Path) -> None:
    locked = tmp_path / "mnt" / "locked"
    locked.mkdir(parents=True)
    locked.chmod(0o500)
    try:
        assert linux_drives(_patterns(tmp_path), is_mount=lambda _name: True) == []
    finally:
        locked.chmod(0o700)


def test_no_stick_gives_an_empty_list_and_no_start_folder(tmp_path: Path) -> None:
    assert linux_drives(_patterns(tmp_path)) == []
    assert first_drive_folder([]) is None


def test_a_drive_describes_itself_in_words() -> None:
    drive = Drive(Path("/media/staff/KINGSTON"), "KINGSTON", 3 * 1024**3 + 200 * 1024**2)
    assert drive.describe() == "KINGSTON (/media/staff/KINGSTON): 3.2 GB free"
    assert readable_size(512) == "512 bytes"
    assert readable_size(5 * 1024**2) == "5.0 MB"
