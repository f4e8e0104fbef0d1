"""Install packs into the data folder, all at once or not at all, and list what is installed.

On disk, for each pack:

    packs/<pack_id>/current            {"folder": "v3-1a2b3c4d"}, replaced by an atomic rename
    packs/<pack_id>/v3-1a2b3c4d/       one installed version
        manifest.json, signatures.json  exactly as they came in the pack
        installed.json                  when it was installed and which trusted keys signed it
        lessons/...                     the lesson files, the folder the app loads

A new version is unpacked beside the old one under a name starting with a dot, read back
and loaded as lessons, renamed, and only then does `current` switch to it. If the install
stops at any moment before that, `current` still names the old version, which is whole.
Old versions and half-written folders are removed after the switch, or by the next install.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tutor import __version__
from tutor.content.errors import ContentError
from tutor.content.loader import load_library
from tutor.content.packs.format import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SIGNATURES_NAME,
    PackError,
    PackManifest,
    app_version_tuple,
    pack_id_problem,
    parse_manifest,
)
from tutor.content.packs.reading import VerifiedPack, signatures_json, verify_pack
from tutor.content.packs.unpacking import (
    PackBusyError,
    exclusive_lock,
    read_tree_checked,
    sync_path,
    write_tree,
)
from tutor.trust.atomic import write_atomically
from tutor.trust.keys import KeyFileError, PublicKey, parse_public_key
from tutor.trust.strict_json import JsonError, dumps, loads

PACKS_FOLDER = "packs"
CURRENT_FILE = "current"
INSTALLED_FILE = "installed.json"
LESSONS_FOLDER = "lessons"
LOCK_FILE = ".installing"
CURRICULUM_ID = "tutor.curriculum"
_VERSION_FOLDER = re.compile(r"v[0-9]{1,16}-[0-9a-f]{8}")


class PackAlreadyInstalled(PackError):
    """This version of the pack is installed already; nothing was changed."""


@dataclass(frozen=True)
class InstalledPack:
    """One pack as it is installed now: which version, when, who signed it, and where."""

    pack_id: str
    title: str
    version: int
    installed_at: str
    signers: list[PublicKey]
    folder: Path
    manifest: PackManifest = field(repr=False, compare=False)


def packs_root(data_folder: Path) -> Path:
    """The folder that holds every installed pack."""
    return Path(data_folder) / PACKS_FOLDER


def install_pack(
    path: Path,
    data_folder: Path,
    trusted: Sequence[PublicKey],
    *,
    replace_same_version: bool = False,
    app_version: str = __version__,
) -> InstalledPack:
    """Verify the pack at path and install it, or raise PackError leaving everything as it was.

    `replace_same_version` lets a changed pack with an unchanged version replace the
    installed one; only a source checkout uses it, so lesson authors see their edits.
    """
    verified = verify_pack(path, trusted)
    manifest = verified.pack.manifest
    if app_version_tuple(app_version) < app_version_tuple(manifest.min_app_version):
        raise PackError(f"This pack needs Tutor {manifest.min_app_version} or newer. "
                        f"This is Tutor {app_version}.")
    pack_folder = packs_root(data_folder) / manifest.pack_id
    first_install = not pack_folder.exists()
    try:
        pack_folder.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(pack_folder / LOCK_FILE):
            current = _current(pack_folder)
            if current is not None:
                _refuse_older_or_same(current, verified, replace_same_version)
            new_folder = _unpack(pack_folder, verified)
            write_atomically(pack_folder / CURRENT_FILE, dumps({"folder": new_folder.name}))
            _remove_all_but(pack_folder, new_folder.name)
            installed = _current(pack_folder)
    except (PackError, OSError) as error:
        if first_install and not isinstance(error, PackBusyError):
            shutil.rmtree(pack_folder, ignore_errors=True)
        if isinstance(error, OSError):
            raise PackError(f"The pack could not be written to the data folder "
                            f"({error.strerror or error}). Nothing was changed.") from error
        raise
    if installed is None:
        raise PackError("The pack was installed but cannot be read back. Try again.")
    return installed


def _refuse_older_or_same(current: InstalledPack, verified: VerifiedPack,
                          replace_same_version: bool) -> None:
    manifest = verified.pack.manifest
    if manifest.version < current.version:
        raise PackError(f"This pack is version {manifest.version}, older than version "
                        f"{current.version}, which is installed. Older versions are refused.")
    if manifest.version == current.version:
        unchanged = current.manifest.files == manifest.files
        if unchanged or not replace_same_version:
            raise PackAlreadyInstalled(f"Version {manifest.version} of {manifest.title} "
                                       "is installed already.")


def _unpack(pack_folder: Path, verified: VerifiedPack) -> Path:
    """Write a new version folder, prove it whole, and give it its final name."""
    manifest = verified.pack.manifest
    name = f"v{manifest.version}-{secrets.token_hex(4)}"
    partial = pack_folder / f".partial-{name}"
    try:
        write_tree(partial / LESSONS_FOLDER, verified.pack.files, sync=True)
        record = {"installed_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "signers": [key.as_line() for key in verified.signers]}
        write_atomically(partial / MANIFEST_NAME, verified.pack.manifest_bytes)
        write_atomically(partial / SIGNATURES_NAME,
                         dumps(signatures_json(verified.pack.signatures)))
        write_atomically(partial / INSTALLED_FILE, dumps(record))
        # Read back what reached the disk, and load it as the app will.
        read_tree_checked(partial / LESSONS_FOLDER, manifest.files)
        try:
            load_library(partial / LESSONS_FOLDER)
        except ContentError as error:
            message = str(error).replace(str((partial / LESSONS_FOLDER).resolve()), "")
            raise PackError(f"The lessons in this pack do not load: {message.lstrip('/')}") \
                from error
        final = pack_folder / name
        os.rename(partial, final)
        sync_path(pack_folder)
        return final
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def _remove_all_but(pack_folder: Path, keep: str) -> None:
    """Remove old versions and half-written folders; what cannot go now goes next time."""
    for child in pack_folder.iterdir():
        if child.name in (keep, CURRENT_FILE, LOCK_FILE):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def installed_packs(data_folder: Path) -> list[InstalledPack]:
    """Every pack installed in data_folder, the curriculum first, then the rest by id."""
    root = packs_root(data_folder)
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and pack_id_problem(child.name) is None:
            installed = _current(child)
            if installed is not None:
                found.append(installed)
    found.sort(key=lambda pack: (pack.pack_id != CURRICULUM_ID, pack.pack_id))
    return found


def installed_pack_files(data_folder: Path, pack_id: str) -> dict[str, bytes] | None:
    """Every file of the installed version of pack_id, checked against its manifest; or None."""
    if pack_id_problem(pack_id) is not None:
        return None
    installed = _current(packs_root(data_folder) / pack_id)
    if installed is None:
        return None
    return read_tree_checked(installed.folder, installed.manifest.files)


def _current(pack_folder: Path) -> InstalledPack | None:
    """The version `current` names, or None when nothing usable is installed."""
    try:
        pointer = loads((pack_folder / CURRENT_FILE).read_bytes(), max_bytes=4096)
        folder_name = pointer["folder"] if isinstance(pointer, dict) else None
        if not isinstance(folder_name, str) or not _VERSION_FOLDER.fullmatch(folder_name):
            return None
        version_folder = pack_folder / folder_name
        manifest = parse_manifest(_read_small(version_folder / MANIFEST_NAME))
        record = loads(_read_small(version_folder / INSTALLED_FILE), max_bytes=65536)
        signers = [parse_public_key(line) for line in record["signers"]]
        installed_at = record["installed_at"]
    except (OSError, JsonError, PackError, KeyFileError, KeyError, TypeError):
        return None
    if manifest.pack_id != pack_folder.name or not isinstance(installed_at, str):
        return None
    return InstalledPack(pack_id=manifest.pack_id, title=manifest.title,
                         version=manifest.version, installed_at=installed_at, signers=signers,
                         folder=version_folder / LESSONS_FOLDER, manifest=manifest)


def _read_small(path: Path) -> bytes:
    if path.stat().st_size > MAX_MANIFEST_BYTES:
        raise PackError(f"{path.name} is too big.")
    return path.read_bytes()
