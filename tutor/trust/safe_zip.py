"""Read and write zip archives that come from, or go to, removable media.

Reading never extracts by path: callers ask for a member by name and get its bytes, capped
while streaming (the sizes an archive declares are the attacker's). Opening refuses
archives with too many members, duplicate names, unsafe names (absolute, `..`, backslashes,
drive letters, control characters, names Windows reserves), symlinks and encryption.
"""

from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from .atomic import write_atomically

_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class ArchiveError(ValueError):
    """The archive is damaged, unsafe or too big; the message says why in plain words."""


@dataclass(frozen=True)
class Limits:
    """How much an archive may hold before it is refused."""

    max_file_bytes: int = 512 * 1024 * 1024
    max_members: int = 5_000
    max_member_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 512 * 1024 * 1024
    max_ratio: int = 200


def check_member_name(name: str) -> str:
    """Return name if it is a safe relative POSIX path inside an archive, else raise."""
    if not name or len(name) > 255:
        raise ArchiveError("The archive has a file with an empty or very long name.")
    if any(ord(char) < 32 or char in '\\:*?"<>|' for char in name):
        raise ArchiveError(f"The archive has a file with a name that is not allowed: {name!r}.")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise ArchiveError(f"The archive has a file with a full path: {name!r}.")
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".", "") for part in name.split("/")) or not parts:
        raise ArchiveError(f"The archive has a file that points outside it: {name!r}.")
    if any(_WINDOWS_RESERVED.match(part) for part in parts):
        raise ArchiveError(f"The archive has a file with a name Windows reserves: {name!r}.")
    return name


def _declared_member_count(path: Path) -> int:
    """The member count from the end record, read before the whole directory is parsed.

    Parsing 200,000 directory entries takes seconds; the end record says how many there are
    in 22 bytes. A count of 0xFFFF means "see the zip64 record": treat it as too many, since
    no Tutor file needs that many members.
    """
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65_557))
        tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return 0  # zipfile will say the archive is damaged
    return int.from_bytes(tail[at + 10 : at + 12], "little")


class SafeZip:
    """An archive opened for reading with limits; use as a context manager."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        """Open and check the archive at path; raise ArchiveError if it is not acceptable."""
        self.limits = limits or Limits()
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as error:
            raise ArchiveError(f"The file {path.name} cannot be read.") from error
        if size > self.limits.max_file_bytes:
            raise ArchiveError(f"The file {path.name} is too big.")
        if not zipfile.is_zipfile(path):
            raise ArchiveError(f"The file {path.name} is not a Tutor file (it is not an archive).")
        if _declared_member_count(path) > self.limits.max_members:
            raise ArchiveError("The archive holds too many files.")
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise ArchiveError(f"The file {path.name} is damaged.") from error
        try:
            self._members = self._check_members()
        except BaseException:
            self._zip.close()
            raise

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise ArchiveError("The archive holds too many files.")
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            if info.is_dir():
                continue
            name = check_member_name(info.filename)
            if name in members:
                raise ArchiveError(f"The archive holds two files called {name!r}.")
            if info.flag_bits & 0x1:
                raise ArchiveError("The archive is encrypted.")
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ArchiveError(f"The archive holds a link, {name!r}; links are not allowed.")
            if info.file_size > self.limits.max_member_bytes:
                raise ArchiveError(f"The file {name!r} in the archive is too big.")
            total += info.file_size
            members[name] = info
        if total > self.limits.max_total_bytes:
            raise ArchiveError("The archive holds too much data.")
        return members

    def names(self) -> list[str]:
        """Every file name in the archive, in the archive's order."""
        return list(self._members)

    def size(self, name: str) -> int:
        """The size the archive declares for a member (not to be trusted for limits)."""
        return self._members[name].file_size

    def read(self, name: str, *, max_bytes: int | None = None) -> bytes:
        """Return one member's bytes, refusing it once it grows past its cap."""
        info = self._members.get(name)
        if info is None:
            raise ArchiveError(f"The archive has no file called {name!r}.")
        cap = min(max_bytes or self.limits.max_member_bytes, self.limits.max_member_bytes)
        # The ratio cap stops a tiny compressed member from costing minutes of unpacking.
        cap = min(cap, max(info.compress_size, 1024) * self.limits.max_ratio)
        chunks, got = [], 0
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(65536):
                    got += len(chunk)
                    if got > cap:
                        raise ArchiveError(f"The file {name!r} in the archive is too big.")
                    chunks.append(chunk)
        except ArchiveError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise ArchiveError(f"The file {name!r} in the archive is damaged.") from error
        return b"".join(chunks)

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """Return a deterministic archive (sorted names, fixed times) holding members."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(check_member_name(name), date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, members[name])
    return buffer.getvalue()


def write_zip(path: Path, members: dict[str, bytes], *, verify: bool = True) -> None:
    """Write members as an archive at path atomically, then read it back to verify."""
    write_atomically(Path(path), zip_bytes(members), verify=verify)
