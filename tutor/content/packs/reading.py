"""Open a pack from outside and check it: the signature first, then every file.

The order matters. `verify_pack` checks the signature over the exact manifest bytes before
it parses them, so an attacker's JSON never reaches the parser unless a trusted key signed
it. Then every member is read by the name the manifest gives (never extracted by path),
capped at the size the manifest promises, and compared with its SHA-256. A member the
manifest does not list is refused, so what was signed is all there is.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tutor.content.packs.format import (
    FILES_PREFIX,
    LIMITS,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    MAX_SIGNATURES,
    MAX_SIGNATURES_BYTES,
    REVIEW_LIMITS,
    REVIEW_SHOW_BYTES,
    SIGNATURES_NAME,
    FileEntry,
    PackError,
    PackManifest,
    PackSignature,
    UntrustedPackError,
    parse_manifest,
    why_not_installable,
)
from tutor.trust import signing
from tutor.trust.keys import KeyFileError, PublicKey, parse_public_key
from tutor.trust.safe_zip import ArchiveError, Limits, SafeZip
from tutor.trust.strict_json import JsonError, loads


@dataclass(frozen=True)
class Pack:
    """A pack read from its archive, with every file checked against the manifest."""

    manifest: PackManifest
    manifest_bytes: bytes
    files: dict[str, bytes]
    signatures: list[PackSignature]
    # Only a pack read for review has these. `withheld`: files checked against their hash
    # but too big to keep in memory and show (they are not in `files`). `install_problems`:
    # why installing would refuse this pack; empty when nothing in it stops an install.
    withheld: dict[str, FileEntry] = field(default_factory=dict)
    install_problems: tuple[str, ...] = ()

    @property
    def installable(self) -> bool:
        """False when the pack holds something installing refuses (only review reads such)."""
        return not self.install_problems


@dataclass(frozen=True)
class VerifiedPack:
    """A pack whose manifest a trusted key signed, with the keys that signed it."""

    pack: Pack
    signers: list[PublicKey]


def read_pack(path: Path, *, for_review: bool = False) -> Pack:
    """Open a pack and check every file against its manifest; trust is NOT checked here.

    `for_review` is for review mode only, so vetting staff can see a pack that would be
    refused: files off the allow-list and files over the size limit are read too, and
    `install_problems` says why the pack cannot be installed. Every safety limit of the
    archive still holds (safe names, no links or duplicates, member count, byte and ratio
    caps while streaming, hashes and sizes as the manifest says, nothing it does not list).
    Files over REVIEW_SHOW_BYTES are checked, then listed in `withheld` without content.
    """
    with _open(path, REVIEW_LIMITS if for_review else LIMITS) as archive:
        manifest_bytes = _read_manifest_bytes(archive)
        signatures = _read_signatures(archive)
        return _read_contents(archive, manifest_bytes, signatures, for_review=for_review)


def verify_pack(path: Path, trusted: Sequence[PublicKey]) -> VerifiedPack:
    """Open a pack, check a trusted key signed it, then check every file; or raise PackError."""
    with _open(path) as archive:
        manifest_bytes = _read_manifest_bytes(archive)
        signatures = _read_signatures(archive)
        signers = trusted_signers(manifest_bytes, signatures, trusted)
        return VerifiedPack(_read_contents(archive, manifest_bytes, signatures), signers)


def verify_manifest(path: Path, trusted: Sequence[PublicKey]) -> tuple[PackManifest,
                                                                        list[PublicKey]]:
    """Check a trusted key signed the pack and read its manifest, without reading its files."""
    with _open(path) as archive:
        manifest_bytes = _read_manifest_bytes(archive)
        signers = trusted_signers(manifest_bytes, _read_signatures(archive), trusted)
        return parse_manifest(manifest_bytes), signers


def trusted_signers(manifest_bytes: bytes, signatures: Sequence[PackSignature],
                    trusted: Sequence[PublicKey]) -> list[PublicKey]:
    """The trusted keys that signed these manifest bytes; raise PackError if there are none."""
    if not signatures:
        raise PackError("This pack is not signed. Only signed packs can be used.")
    signers: list[PublicKey] = []
    tampered = False
    for entry in signatures:
        known = [key for key in trusted if key.raw == entry.public_key.raw]
        if not known:
            continue
        signer = signing.verify(signing.PACK_MANIFEST, manifest_bytes, entry.signature, known)
        if signer is None:
            tampered = True
        elif all(signer.raw != seen.raw for seen in signers):
            signers.append(signer)
    if signers:
        return signers
    if tampered:
        raise PackError("This pack was changed after it was signed. Do not use it.")
    prints = ", ".join(entry.public_key.fingerprint for entry in signatures)
    raise UntrustedPackError(f"This pack is signed by a key this workstation does not trust "
                             f"({prints}). Ask IT where it came from.")


def _open(path: Path, limits: Limits = LIMITS) -> SafeZip:
    path = Path(path)
    if not path.is_file():
        raise PackError(f"There is no pack file called {path}.")
    try:
        return SafeZip(path, limits)
    except ArchiveError as error:
        raise PackError(f"This pack cannot be used. {error}") from error


def _read_member(archive: SafeZip, name: str, max_bytes: int) -> bytes:
    try:
        return archive.read(name, max_bytes=max_bytes)
    except ArchiveError as error:
        raise PackError(f"This pack cannot be used. {error}") from error


def _read_manifest_bytes(archive: SafeZip) -> bytes:
    if MANIFEST_NAME not in archive.names():
        raise PackError("This is not a lesson pack: it has no list of files.")
    return _read_member(archive, MANIFEST_NAME, MAX_MANIFEST_BYTES)


def _read_signatures(archive: SafeZip) -> list[PackSignature]:
    if SIGNATURES_NAME not in archive.names():
        return []
    data = _read_member(archive, SIGNATURES_NAME, MAX_SIGNATURES_BYTES)
    try:
        raw = loads(data, max_bytes=MAX_SIGNATURES_BYTES, max_depth=3)
    except JsonError as error:
        raise PackError(f"The pack's signatures are damaged. {error}") from error
    return parse_signatures(raw)


def parse_signatures(raw: object) -> list[PackSignature]:
    """Check the shape of the signatures list and decode it, or raise PackError."""
    if not isinstance(raw, list) or len(raw) > MAX_SIGNATURES:
        raise PackError("The pack's signatures are damaged.")
    signatures = []
    for item in raw:
        if not isinstance(item, dict) or set(item) != {"public_key", "signature"} or not all(
                isinstance(value, str) for value in item.values()):
            raise PackError("The pack's signatures are damaged.")
        try:
            key = parse_public_key(item["public_key"])
            signature = base64.b64decode(item["signature"], validate=True)
        except (KeyFileError, binascii.Error, ValueError) as error:
            raise PackError("The pack's signatures are damaged.") from error
        signatures.append(PackSignature(key, signature))
    return signatures


def signatures_json(signatures: Sequence[PackSignature]) -> list[dict[str, str]]:
    """The signatures as the JSON list written in signatures.json."""
    return [{"public_key": entry.public_key.as_line(),
             "signature": base64.b64encode(entry.signature).decode("ascii")}
            for entry in signatures]


def _read_contents(archive: SafeZip, manifest_bytes: bytes,
                   signatures: list[PackSignature], *, for_review: bool = False) -> Pack:
    manifest = parse_manifest(manifest_bytes, for_review=for_review)
    expected = {FILES_PREFIX + path for path in manifest.files}
    present = set(archive.names())
    for name in sorted(present):
        if name not in expected and name not in (MANIFEST_NAME, SIGNATURES_NAME):
            raise PackError(f"The pack holds a file that is not in its list: {name!r}. "
                            "Do not use it.")
    files: dict[str, bytes] = {}
    withheld: dict[str, FileEntry] = {}
    for path, entry in manifest.files.items():
        name = FILES_PREFIX + path
        if name not in present:
            raise PackError(f"The pack is missing the file {path!r}. It may be cut short.")
        try:
            data = archive.read(name, max_bytes=entry.size)
        except ArchiveError:
            data = b""  # bigger than the manifest says, or damaged: either way not what was signed
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PackError(f"The file {path!r} in the pack is damaged or was changed "
                            "after the pack was made. Do not use it.")
        if for_review and entry.size > REVIEW_SHOW_BYTES:
            withheld[path] = entry
        else:
            files[path] = data
    if not for_review:
        return Pack(manifest, manifest_bytes, files, signatures)
    return Pack(manifest, manifest_bytes, files, signatures, withheld,
                tuple(why_not_installable(manifest)))
