"""Ed25519 signatures with domain separation.

Every signature covers a fixed label for what is signed, then a zero byte, then the exact
bytes. A progress export's signature therefore never checks out as a pack's, and the other
way round, even though both are signatures over JSON made with the same kind of key.
"""

from __future__ import annotations

from collections.abc import Iterable

from cryptography.exceptions import InvalidSignature

from .keys import PrivateKey, PublicKey

PACK_MANIFEST = "tutor lesson pack manifest v1"
PROGRESS_EXPORT = "tutor progress export v1"
FEEDBACK_FILE = "tutor feedback file v1"
SIGNATURE_BYTES = 64


def _message(domain: str, data: bytes) -> bytes:
    if "\0" in domain:
        raise ValueError("a signing domain cannot hold a zero byte")
    return domain.encode("utf-8") + b"\0" + data


def sign(domain: str, data: bytes, key: PrivateKey) -> bytes:
    """Return the signature of data under domain with key."""
    return key.signer().sign(_message(domain, data))


def verify(domain: str, data: bytes, signature: bytes, keys: Iterable[PublicKey]) -> PublicKey | None:
    """Return the key among keys that made signature over data under domain, or None."""
    if len(signature) != SIGNATURE_BYTES:
        return None
    message = _message(domain, data)
    for key in keys:
        try:
            key.verifier().verify(signature, message)
        except (InvalidSignature, ValueError):
            continue
        return key
    return None
