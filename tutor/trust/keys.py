"""Ed25519 key files, fingerprints and the data folder's list of trusted keys.

Text formats (one line each, so staff can read, print and compare them):

    public key:   tutor-ed25519-public <base64 of 32 bytes> [comment]
    private key:  tutor-ed25519-private <base64 of the 32-byte seed>

A fingerprint is the first 10 bytes of the SHA-256 of the raw public key, as five groups
of four capital hex letters ("3F2A-9C1B-..."), short enough to read out over a phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from .atomic import write_atomically

PUBLIC_TAG = "tutor-ed25519-public"
PRIVATE_TAG = "tutor-ed25519-private"
TRUSTED_KEYS_FILE = "trusted-keys.txt"
MAX_KEY_FILE_BYTES = 64_000


class KeyFileError(ValueError):
    """A key file or key line is not a Tutor key; the message says what is wrong."""


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key with an optional comment (who it belongs to)."""

    raw: bytes
    comment: str = ""

    @property
    def fingerprint(self) -> str:
        """The short form staff compare by eye."""
        return fingerprint(self.raw)

    def as_line(self) -> str:
        """The key as one line of text, as written in .pub and trusted-keys files."""
        line = f"{PUBLIC_TAG} {base64.b64encode(self.raw).decode('ascii')}"
        return f"{line} {self.comment}" if self.comment else line

    def verifier(self) -> Ed25519PublicKey:
        """The cryptography object that checks signatures."""
        return Ed25519PublicKey.from_public_bytes(self.raw)


@dataclass(frozen=True)
class PrivateKey:
    """An Ed25519 private key; keep it off learner workstations (except their own export key)."""

    seed: bytes

    @classmethod
    def generate(cls) -> PrivateKey:
        """Make a new random key."""
        key = Ed25519PrivateKey.generate()
        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(seed)

    def signer(self) -> Ed25519PrivateKey:
        """The cryptography object that signs."""
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    def public_key(self, comment: str = "") -> PublicKey:
        """The public half of this key."""
        raw = self.signer().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(raw, comment)

    def as_line(self) -> str:
        """The key as one line of text, as written in .key files."""
        return f"{PRIVATE_TAG} {base64.b64encode(self.seed).decode('ascii')}"


def fingerprint(raw_public_key: bytes) -> str:
    """Return the short, readable fingerprint of a raw public key."""
    digest = hashlib.sha256(raw_public_key).hexdigest()[:20].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def _decode_32(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as error:
        raise KeyFileError(f"The {what} is damaged: it is not base64 text.") from error
    if len(raw) != 32:
        raise KeyFileError(f"The {what} is damaged: it has the wrong length.")
    return raw


def parse_public_key(line: str) -> PublicKey:
    """Read one public key line; raise KeyFileError with a plain message if it is not one."""
    parts = line.strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0] != PUBLIC_TAG:
        raise KeyFileError(f"This is not a Tutor public key (it should start with {PUBLIC_TAG}).")
    comment = parts[2].strip() if len(parts) == 3 else ""
    return PublicKey(_decode_32(parts[1], "public key"), comment)


def parse_private_key(line: str) -> PrivateKey:
    """Read one private key line; raise KeyFileError with a plain message if it is not one."""
    parts = line.strip().split()
    if len(parts) != 2 or parts[0] != PRIVATE_TAG:
        raise KeyFileError(f"This is not a Tutor private key (it should start with {PRIVATE_TAG}).")
    return PrivateKey(_decode_32(parts[1], "private key"))


def _read_small_text(path: Path, what: str) -> str:
    try:
        if path.stat().st_size > MAX_KEY_FILE_BYTES:
            raise KeyFileError(f"The {what} {path.name} is too big to be a key file.")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise KeyFileError(f"There is no {what} called {path}.") from error
    except UnicodeDecodeError as error:
        raise KeyFileError(f"The {what} {path.name} is not plain text.") from error


def read_public_key(path: Path) -> PublicKey:
    """Read a .pub file."""
    return parse_public_key(_read_small_text(path, "public key file"))


def read_private_key(path: Path) -> PrivateKey:
    """Read a .key file."""
    return parse_private_key(_read_small_text(path, "private key file"))


def write_key_pair(prefix: Path, *, comment: str = "") -> tuple[Path, Path, PrivateKey]:
    """Make a key pair and write PREFIX.key (owner-only) and PREFIX.pub; refuse to overwrite."""
    private_path, public_path = Path(f"{prefix}.key"), Path(f"{prefix}.pub")
    for path in (private_path, public_path):
        if path.exists():
            raise KeyFileError(f"{path} already exists. Choose another name; keys are never replaced.")
    key = PrivateKey.generate()
    write_atomically(private_path, (key.as_line() + "\n").encode("ascii"), mode=0o600)
    write_atomically(public_path, (key.public_key(comment).as_line() + "\n").encode("utf-8"))
    return private_path, public_path, key


def read_trusted_keys(data_folder: Path) -> list[PublicKey]:
    """Return the keys this installation trusts (blank lines and # comments are skipped)."""
    path = data_folder / TRUSTED_KEYS_FILE
    if not path.exists():
        return []
    keys = []
    for number, line in enumerate(_read_small_text(path, "trusted keys file").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            keys.append(parse_public_key(line))
        except KeyFileError as error:
            raise KeyFileError(f"{TRUSTED_KEYS_FILE}, line {number}: {error}") from error
    return keys


def add_trusted_key(data_folder: Path, key: PublicKey) -> bool:
    """Add key to the trusted list; return False when it was already there."""
    existing = read_trusted_keys(data_folder)
    if any(known.raw == key.raw for known in existing):
        return False
    path = data_folder / TRUSTED_KEYS_FILE
    old = path.read_bytes() if path.exists() else b"# Keys this Tutor installation trusts.\n"
    if old and not old.endswith(b"\n"):
        old += b"\n"
    data_folder.mkdir(parents=True, exist_ok=True)
    write_atomically(path, old + (key.as_line() + "\n").encode("utf-8"))
    return True


def restrict_to_owner(path: Path) -> None:
    """Make path readable by its owner only, where the system supports it."""
    if os.name == "posix":
        os.chmod(path, 0o600)
