"""Signed archives: a manifest, its signature, and data files listed in it by SHA-256.

Both progress exports and feedback files have this shape (like signify or apt: a signed
list of hashes, then each file checked against it):

    manifest.json   canonical JSON: format, format_version, public_key, members, ...
    manifest.sig    64 bytes: the Ed25519 signature of manifest.json under one domain
    NAME.jsonl      each listed in manifest.json with its SHA-256 and size

Opening checks, in this order: the archive is safe to read (tutor.trust.safe_zip); the
manifest is small, strict JSON; the signature over its exact bytes is good for the key it
names (the caller then decides whether that key is the one it trusts); the manifest is of
the expected format and a version this Tutor can read; the archive holds exactly the files
the manifest lists. Each data file is checked against its hash when it is read, and no
data file is read before the signature is checked.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from tutor.trust.keys import KeyFileError, PublicKey, parse_public_key
from tutor.trust.safe_zip import ArchiveError, Limits, SafeZip, zip_bytes
from tutor.trust.signing import SIGNATURE_BYTES, sign, verify
from tutor.trust.strict_json import JsonError, dumps, loads

from .errors import ExchangeError

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_MANIFEST_BYTES = 64_000
_SHA256 = re.compile(r"[0-9a-f]{64}")
CHANGED = ("The file has been changed since it was made, or it is damaged. "
           "Nothing was taken from it.")


@dataclass(frozen=True)
class ExchangeLimits:
    """How big a file from a USB stick may be before it is refused, and its parts."""

    # The ratio cap is set near deflate's own limit (about 1,000 to 1): progress data is
    # very repetitive, and a real export must never be refused for compressing well. The
    # byte caps below are what bound the work.
    archive: Limits = field(default_factory=lambda: Limits(
        max_file_bytes=512 * 1024 * 1024, max_members=8,
        max_member_bytes=768 * 1024 * 1024, max_total_bytes=1024 * 1024 * 1024,
        max_ratio=1100))
    max_line_length: int = 16 * 1024 * 1024  # characters in one line of a data file
    max_records: int = 5_000_000
    max_learners: int = 100_000


@dataclass(frozen=True)
class Signed:
    """The exact bytes of a manifest, what they say, and the key that signed them."""

    manifest: dict[str, Any]
    manifest_hash: str
    signer: PublicKey


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of data, as 64 lowercase hex letters."""
    return hashlib.sha256(data).hexdigest()


def build_archive(
    *, domain: str, manifest: dict[str, Any], members: dict[str, bytes], key: Any
) -> tuple[bytes, str]:
    """Return the archive bytes and the manifest's hash; the manifest gains the member hashes."""
    listed = {name: {"bytes": len(data), "sha256": sha256_hex(data)}
              for name, data in members.items()}
    manifest_bytes = dumps({**manifest, "members": listed})
    signature = sign(domain, manifest_bytes, key)
    archive = zip_bytes({MANIFEST: manifest_bytes, SIGNATURE: signature, **members})
    return archive, sha256_hex(manifest_bytes)


class SignedArchive:
    """An archive whose signature and manifest were checked; read members with `member`."""

    def __init__(
        self,
        path: Path,
        *,
        domain: str,
        expected_format: str,
        newest_version: int,
        limits: ExchangeLimits,
        what: str,
    ) -> None:
        """Open and check the archive at path; raise ExchangeError with a plain message."""
        self.limits = limits
        try:
            self._zip = SafeZip(Path(path), limits.archive)
        except ArchiveError as error:
            raise ExchangeError(f"{error} Nothing was taken from it.") from error
        try:
            self.signed = self._check(domain, expected_format, newest_version, what)
        except BaseException:
            self._zip.close()
            raise

    def _read(self, name: str, cap: int) -> bytes:
        try:
            return self._zip.read(name, max_bytes=cap)
        except ArchiveError as error:
            raise ExchangeError(f"{error} Nothing was taken from it.") from error

    def _check(self, domain: str, expected_format: str, newest_version: int,
               what: str) -> Signed:
        names = set(self._zip.names())
        if MANIFEST not in names or SIGNATURE not in names:
            raise ExchangeError(f"This is not {what}: it has no signed list of contents. "
                                "Nothing was taken from it.")
        signature = self._read(SIGNATURE, SIGNATURE_BYTES)
        manifest_bytes = self._read(MANIFEST, MAX_MANIFEST_BYTES)
        # The manifest names its signer, so one check answers; whether that signer is trusted
        # is the caller's decision (a pinned key, or staff confirming a new fingerprint).
        manifest = _parse_manifest(manifest_bytes)
        signer = verify(domain, manifest_bytes, signature, [_claimed_key(manifest)])
        if signer is None:
            _refuse_newer(manifest, expected_format, newest_version, what)
            raise ExchangeError(CHANGED)
        if manifest.get("format") != expected_format:
            raise ExchangeError(f"This is not {what}. Nothing was taken from it.")
        _refuse_newer(manifest, expected_format, newest_version, what)
        self._check_members(manifest, names)
        return Signed(manifest, sha256_hex(manifest_bytes), signer)

    def _check_members(self, manifest: dict[str, Any], names: set[str]) -> None:
        listed = manifest.get("members")
        if not isinstance(listed, dict) or not all(
            isinstance(entry, dict) and set(entry) == {"bytes", "sha256"}
            and type(entry["bytes"]) is int and entry["bytes"] >= 0
            and isinstance(entry["sha256"], str) and _SHA256.fullmatch(entry["sha256"])
            for entry in listed.values()
        ):
            raise ExchangeError(CHANGED)
        present = names - {MANIFEST, SIGNATURE}
        missing = sorted(set(listed) - present)
        extra = sorted(present - set(listed))
        if missing:
            raise ExchangeError(f"The file is incomplete: {missing[0]} is missing. "
                                "Nothing was taken from it.")
        if extra:
            raise ExchangeError(f"The file holds {extra[0]}, which its signed list of contents "
                                "does not name. Nothing was taken from it.")

    def member(self, name: str) -> bytes:
        """Return a listed member's bytes, checked against the size and hash the manifest gives."""
        entry = self.signed.manifest["members"].get(name)
        if entry is None:
            raise ExchangeError(f"The file is incomplete: {name} is missing. "
                                "Nothing was taken from it.")
        cap = int(entry["bytes"])
        if cap > self.limits.archive.max_member_bytes:
            raise ExchangeError(f"The file is too big: {name} holds too much. "
                                "Nothing was taken from it.")
        data = self._read(name, max(cap, 1))
        if len(data) != cap or sha256_hex(data) != entry["sha256"]:
            raise ExchangeError(CHANGED)
        return data

    def close(self) -> None:
        """Close the archive."""
        self._zip.close()

    def __enter__(self) -> SignedArchive:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = loads(data, max_bytes=MAX_MANIFEST_BYTES, max_depth=8)
    except JsonError as error:
        raise ExchangeError(f"The file's list of contents is damaged. {error} "
                            "Nothing was taken from it.") from error
    if not isinstance(manifest, dict):
        raise ExchangeError(CHANGED)
    return manifest


def _claimed_key(manifest: dict[str, Any]) -> PublicKey:
    line = manifest.get("public_key")
    if not isinstance(line, str):
        raise ExchangeError(CHANGED)
    try:
        return parse_public_key(line)
    except KeyFileError as error:
        raise ExchangeError(CHANGED) from error


def _refuse_newer(manifest: dict[str, Any], expected_format: str, newest: int, what: str) -> None:
    version = manifest.get("format_version")
    if manifest.get("format") != expected_format:
        return
    if type(version) is not int or version < 1:
        raise ExchangeError(CHANGED)
    if version > newest:
        raise ExchangeError(f"This is {what} from a newer version of Tutor (format {version}). "
                            "Update Tutor on this computer, then try again. "
                            "Nothing was taken from it.")
