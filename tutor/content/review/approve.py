"""Approve a reviewed pack: sign it with the reviewer's key, and prove the signature covers
exactly what was reviewed.

The pack file could change between review and signing (a swapped USB stick, another program).
So `sign_pack` compares the manifest it is about to sign with the reviewed one (by its
SHA-256), in the same read it signs from, and the signed pack is read back and checked
after: the new signature must check out over a manifest with the reviewed hash. Since the
manifest lists every file's SHA-256, that ties the signature to every byte the reviewer saw.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tutor.content.packs import PackChanged, PackError, sign_pack, verify_pack
from tutor.trust.keys import KeyFileError, PrivateKey, PublicKey, read_public_key

CHANGED_BEFORE = ("The pack file changed after you reviewed it. Nothing was signed. "
                  "Review it again.")
CHANGED_DURING = ("The pack file changed while it was being signed. Do not use it. "
                  "Review it again.")


def _manifest_hash(manifest_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes).hexdigest()


def approve_pack(path: Path, private_key: PrivateKey, *,
                 reviewed_manifest_sha256: str) -> PublicKey:
    """Sign the pack at path with private_key if it is still the pack that was reviewed.

    Raises PackError (with a plain message) when the pack cannot be read, has changed since
    the review, or does not check out after signing. Returns the key that signed.
    """
    try:
        public_key = sign_pack(path, private_key,
                               expected_manifest_sha256=reviewed_manifest_sha256)
    except PackChanged as error:
        raise PackError(CHANGED_BEFORE) from error
    try:
        after = verify_pack(path, [public_key])
    except PackError as error:
        raise PackError(f"{CHANGED_DURING} ({error})") from error
    if _manifest_hash(after.pack.manifest_bytes) != reviewed_manifest_sha256:
        raise PackError(CHANGED_DURING)
    return public_key


def key_comment(private_key_path: Path, public_key: PublicKey) -> str:
    """Whose key this is, from the .pub file beside the .key file (empty if there is none)."""
    public_path = private_key_path.with_suffix(".pub")
    try:
        found = read_public_key(public_path)
    except KeyFileError:
        return ""
    return found.comment if found.raw == public_key.raw else ""
