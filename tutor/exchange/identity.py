"""Who signs what: the workstation's export key, the instructor's feedback key, and names.

Each key is made once, the first time it is needed, and kept in the data folder readable by
its owner only. It is never replaced: a workstation with a new key is a stranger to every
instructor who enrolled the old one, and is refused loudly until staff sort it out.
"""

from __future__ import annotations

import os
from pathlib import Path

from tutor.store import Store
from tutor.trust.atomic import temporary_name
from tutor.trust.keys import KeyFileError, PrivateKey, read_private_key

from .errors import ExchangeError

WORKSTATION_KEY_FILE = "workstation.key"
INSTRUCTOR_KEY_FILE = "instructor.key"
# The same setting the staff settings dialog writes.
WORKSTATION_NAME_SETTING = "workstation_name"
MAX_WORKSTATION_NAME = 60


def _read(path: Path) -> PrivateKey:
    try:
        return read_private_key(path)
    except KeyFileError as error:
        raise ExchangeError(f"The signing key {path.name} is damaged, so nothing can be "
                            "signed. It is never replaced by itself: please tell the security "
                            "team.") from error


def _key_in(path: Path) -> PrivateKey:
    """Read the key at path, or make it there if there is none (never overwriting one)."""
    if path.exists():
        return _read(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = PrivateKey.generate()
    partial = temporary_name(path)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write((key.as_line() + "\n").encode("ascii"))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            # A hard link fails if the name exists: two programs starting at once can never
            # both make a key and have one silently replace the other.
            os.link(partial, path)
        except FileExistsError:
            return _read(path)
    finally:
        partial.unlink(missing_ok=True)
    return key


def workstation_key(data_folder: Path) -> PrivateKey:
    """This workstation's export signing key (made the first time it is asked for)."""
    return _key_in(Path(data_folder) / WORKSTATION_KEY_FILE)


def workstation_fingerprint(data_folder: Path) -> str:
    """The fingerprint of this workstation's key, which an instructor checks when enrolling it."""
    return workstation_key(data_folder).public_key().fingerprint


def instructor_key(data_folder: Path) -> PrivateKey:
    """The instructor's feedback signing key (made the first time it is asked for)."""
    return _key_in(Path(data_folder) / INSTRUCTOR_KEY_FILE)


def instructor_fingerprint(data_folder: Path) -> str:
    """The fingerprint a workstation checks before it trusts this instructor's feedback."""
    return instructor_key(data_folder).public_key().fingerprint


def short_id(workstation_id: str) -> str:
    """The last 12 hex letters of a workstation id: random, so they tell workstations apart."""
    return workstation_id.replace("-", "")[-12:].lower()


def workstation_name(store: Store) -> str:
    """The name staff gave this workstation, or one made from its id."""
    name = " ".join((store.setting(WORKSTATION_NAME_SETTING) or "").split())
    return name[:MAX_WORKSTATION_NAME] or f"Workstation {short_id(store.workstation_id)}"
