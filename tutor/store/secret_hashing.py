"""Salted scrypt hashes for learner PINs and the staff passphrase."""

from __future__ import annotations

import hashlib
import hmac
import os

# RFC 7914 "interactive" cost: about 16 MiB and tens of milliseconds a hash. Changing any
# of these makes every stored hash fail to verify, so a change needs a migration.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32


def _derive(text: str, salt: bytes) -> bytes:
    return hashlib.scrypt(
        text.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES
    )


def hash_secret(text: str) -> tuple[bytes, bytes]:
    """Return a fresh random salt and the scrypt hash of text with that salt."""
    salt = os.urandom(SALT_BYTES)
    return salt, _derive(text, salt)


def verify_secret(text: str, salt: bytes, expected_hash: bytes) -> bool:
    """Return True when text hashes to expected_hash with salt, comparing in constant time."""
    return hmac.compare_digest(_derive(text, salt), expected_hash)
