"""Write a file so that a crash or a pulled USB stick never leaves a half-written file.

The bytes go to a temporary name in the same folder, are flushed and synced, then renamed
over the final name; the folder is synced so the rename itself survives a power cut. With
`verify=True` the file is read back from the device and compared before returning.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

CHUNK = 1 << 20


class VerifyError(OSError):
    """What was read back from the device is not what was written."""


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder to sync it; the rename is still atomic.
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def temporary_name(path: Path) -> Path:
    """The name a file has while it is being written (never looks like a finished file)."""
    return path.with_name(f".{path.name}.partial-{os.getpid()}")


def write_atomically(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    verify: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write data to path all at once or not at all; optionally read it back to verify."""
    path = Path(path)
    partial = temporary_name(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(partial, flags, 0o600 if mode is None else mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for start in range(0, len(data), CHUNK):
                handle.write(data[start : start + CHUNK])
                if progress is not None:
                    progress(min(start + CHUNK, len(data)), len(data))
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            os.chmod(partial, 0o644)
        os.replace(partial, path)
        _sync_folder(path.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if verify:
        verify_file(path, hashlib.sha256(data).hexdigest())


def verify_file(path: Path, sha256_hex: str) -> None:
    """Read path back and raise VerifyError unless its SHA-256 is sha256_hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        # Ask the system to drop its cached copy, so the bytes come from the device.
        advise = getattr(os, "posix_fadvise", None)
        if advise is not None:
            advise(handle.fileno(), 0, 0, getattr(os, "POSIX_FADV_DONTNEED", 4))
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != sha256_hex:
        raise VerifyError(f"The file {path.name} did not read back the same as it was written.")
