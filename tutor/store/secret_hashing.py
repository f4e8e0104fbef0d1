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


def encode_secret_hash(salt: bytes, secret_hash: bytes) -> str:
    """Return salt and hash as one line of text, naming the scrypt cost it was made with."""
    return f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:{salt.hex()}:{secret_hash.hex()}"


def decode_secret_hash(text: str) -> tuple[bytes, bytes]:
    """Return (salt, hash) from encode_secret_hash's text; ValueError if it is not one."""
    parts = text.strip().split(":")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise ValueError("This is not a passphrase hash made by Tutor.")
    if parts[1:4] != [str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P)]:
        raise ValueError("This passphrase hash uses a cost this Tutor does not know.")
    try:
        salt, secret_hash = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError as error:
        raise ValueError("This passphrase hash is damaged.") from error
    if len(salt) != SALT_BYTES or len(secret_hash) != KEY_BYTES:
        raise ValueError("This passphrase hash is damaged.")
    return salt, secret_hash
