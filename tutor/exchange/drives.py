"""Finding the USB sticks (removable drives) that staff can write an export to.

No Qt here. Looking at a drive can hang when a device is slow or half-unplugged, so the
window must call `find_removable_drives` on a worker thread, never on its own.
"""

from __future__ import annotations

import glob
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

# Where desktop Linux mounts USB sticks (udisks: /media/USER/LABEL or /run/media/USER/LABEL),
# and where an administrator mounts one by hand.
LINUX_MOUNT_PATTERNS: tuple[str, ...] = ("/media/*/*", "/run/media/*/*", "/mnt/*")
DRIVE_REMOVABLE = 2  # what GetDriveTypeW returns for a USB stick or memory card


@dataclass(frozen=True)
class Drive:
    """A removable drive: where it is, and a name a person recognises it by."""

    path: Path
    label: str
    free_bytes: int | None = None

    def describe(self) -> str:
        """One line for a list: the drive's name, where it is, and its free space."""
        line = f"{self.label} ({self.path})" if self.label else str(self.path)
        if self.free_bytes is not None:
            line += f": {readable_size(self.free_bytes)} free"
        return line


def readable_size(count: int) -> str:
    """A byte count as people say it: "512 bytes", "3.2 MB", "14.6 GB"."""
    size = float(count)
    for unit in ("bytes", "KB", "MB"):
        if size < 1024:
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} GB"


def _free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def _is_writable_folder(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


def linux_drives(
    patterns: Sequence[str] = LINUX_MOUNT_PATTERNS,
    *,
    is_mount: Callable[[str], bool] = os.path.ismount,
) -> list[Drive]:
    """Mounted, writable folders under the usual places for USB sticks, sorted by name.

    A folder that is not a mount point is left out: an empty /media/USER/STICK stays behind
    after a stick is pulled out, and writing there would fill the workstation's own disk.
    """
    found: dict[str, Drive] = {}
    for pattern in patterns:
        for name in sorted(glob.glob(pattern)):
            path = Path(name)
            try:
                if not is_mount(name) or not _is_writable_folder(path):
                    continue
            except OSError:
                continue
            resolved = str(path.resolve())
            found.setdefault(resolved, Drive(path, path.name, _free_bytes(path)))
    return sorted(found.values(), key=lambda drive: (drive.label.casefold(), str(drive.path)))


def _windows_drives() -> list[Drive]:  # pragma: no cover - runs on Windows only
    if sys.platform != "win32":
        return []
    import ctypes

    kernel = ctypes.windll.kernel32
    # Without this, a card reader with no card makes Windows show a "no disk" box.
    kernel.SetErrorMode(0x0001 | 0x8000)  # SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX
    mask = kernel.GetLogicalDrives()
    drives: list[Drive] = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        root = f"{chr(ord('A') + index)}:\\"
        if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) != DRIVE_REMOVABLE:
            continue
        name = ctypes.create_unicode_buffer(261)
        has_name = kernel.GetVolumeInformationW(
            ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0)
        if not has_name:
            continue  # an empty card reader: nothing to write to
        path = Path(root)
        if not os.access(path, os.W_OK):
            continue
        label = name.value or "USB stick"
        drives.append(Drive(path, label, _free_bytes(path)))
    return drives


def find_removable_drives() -> list[Drive]:
    """The removable drives this computer can write to now (slow: call off the GUI thread)."""
    if sys.platform == "win32":
        return _windows_drives()
    return linux_drives()


def first_drive_folder(drives: Iterable[Drive]) -> Path | None:
    """Where a file picker should start: the first drive, or None when there is none."""
    for drive in drives:
        return drive.path
    return None
