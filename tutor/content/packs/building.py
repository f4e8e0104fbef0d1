"""Make a pack from a lessons folder, and add signatures to a pack.

Building checks what goes in as strictly as installing checks what comes out: only allowed
kinds of file, safe names, no links, and lessons that load. A pack that builds is a pack
that installs, once a trusted key has signed it.
"""

from __future__ import annotations

import hashlib
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor.content.errors import ContentError
from tutor.content.lesson_files import MAX_FILE_BYTES
from tutor.content.loader import load_library
from tutor.content.packs.format import (
    FILES_PREFIX,
    MANIFEST_NAME,
    MAX_FILES,
    SETTINGS_FILE,
    SIGNATURES_NAME,
    FileEntry,
    PackChanged,
    PackError,
    PackManifest,
    PackSignature,
    app_version_problem,
    check_paths_fit_on_disk,
    file_path_problem,
    pack_id_problem,
    version_problem,
)
from tutor.content.packs.reading import read_pack, signatures_json
from tutor.content.packs.unpacking import write_tree
from tutor.trust import signing
from tutor.trust.keys import PrivateKey, PublicKey
from tutor.trust.safe_zip import write_zip
from tutor.trust.strict_json import dumps

_SETTINGS_KEYS = {"format_version", "id", "title", "version", "min_app_version"}


def build_pack(
    folder: Path,
    output: Path,
    *,
    pack_id: str | None = None,
    title: str | None = None,
    version: int | None = None,
    min_app_version: str | None = None,
) -> PackManifest:
    """Build an unsigned pack at output from a lessons folder; pack.toml fills in what is not given."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PackError(f"There is no folder called {folder}.")
    settings = _read_settings(folder / SETTINGS_FILE)
    chosen_id = pack_id if pack_id is not None else settings.get("id")
    chosen_title = title if title is not None else settings.get("title", chosen_id)
    chosen_version = version if version is not None else settings.get("version")
    chosen_app = min_app_version or settings.get("min_app_version", _release(__version__))
    if chosen_id is None or chosen_version is None:
        raise PackError(f"Give the pack an id and a version, in {SETTINGS_FILE} or as options.")
    for problem in (pack_id_problem(chosen_id), version_problem(chosen_version),
                    app_version_problem(chosen_app)):
        if problem:
            raise PackError(problem)
    if not isinstance(chosen_title, str) or not chosen_title.strip() or len(chosen_title) > 200:
        raise PackError("A pack needs a title of up to 200 letters.")
    files = collect_files(folder)
    _check_lessons_load(files, folder)
    manifest = PackManifest(
        pack_id=chosen_id, title=chosen_title, version=chosen_version,
        min_app_version=chosen_app,
        files={path: FileEntry(hashlib.sha256(data).hexdigest(), len(data))
               for path, data in files.items()})
    members = {FILES_PREFIX + path: data for path, data in files.items()}
    members[MANIFEST_NAME] = dumps(manifest.to_json())
    output.parent.mkdir(parents=True, exist_ok=True)
    write_zip(Path(output), members)
    return manifest


def sign_pack(path: Path, private_key: PrivateKey, *,
              expected_manifest_sha256: str | None = None) -> PublicKey:
    """Add a signature by private_key to the pack at path; the manifest is never changed.

    With `expected_manifest_sha256` (the SHA-256 of the manifest someone checked, in hex),
    the manifest read here, the one that gets signed, must have that hash; otherwise
    PackChanged is raised and nothing is written. The check and the signature use the same
    bytes, so a file swapped after the check can never be signed by mistake.
    """
    pack = read_pack(path)
    if (expected_manifest_sha256 is not None
            and hashlib.sha256(pack.manifest_bytes).hexdigest() != expected_manifest_sha256):
        raise PackChanged("The pack file is not the one that was checked: its list of files "
                          "is different. Nothing was signed.")
    public_key = private_key.public_key()
    signatures = list(pack.signatures)
    if all(entry.public_key.raw != public_key.raw for entry in signatures):
        signature = signing.sign(signing.PACK_MANIFEST, pack.manifest_bytes, private_key)
        signatures.append(PackSignature(public_key, signature))
    members = {FILES_PREFIX + name: data for name, data in pack.files.items()}
    members[MANIFEST_NAME] = pack.manifest_bytes
    members[SIGNATURES_NAME] = dumps(signatures_json(signatures))
    write_zip(Path(path), members)
    return public_key


def collect_files(folder: Path) -> dict[str, bytes]:
    """Every file a pack built from folder would hold, by its path, checked and read."""
    files: dict[str, bytes] = {}
    for path in sorted(_walk(folder, depth=0)):
        name = path.relative_to(folder).as_posix()
        if name == SETTINGS_FILE:
            continue
        problem = file_path_problem(name)
        if problem:
            raise PackError(problem)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PackError(f"The file {name!r} is bigger than {MAX_FILE_BYTES // 1024} KB.")
        files[name] = path.read_bytes()
        if len(files) > MAX_FILES:
            raise PackError(f"A pack may hold at most {MAX_FILES:,} files.")
    if not files:
        raise PackError(f"The folder {folder} has no lesson files in it.")
    check_paths_fit_on_disk(files)
    return files


def _walk(folder: Path, *, depth: int) -> list[Path]:
    """Files under folder, leaving out what the lesson loader leaves out."""
    found: list[Path] = []
    for child in folder.iterdir():
        # Hidden files are never lessons; folders starting with _ at the top two levels
        # are drafts the loader skips, so they stay out of the pack too.
        if child.name.startswith(".") or (depth < 2 and child.is_dir()
                                          and child.name.startswith("_")):
            continue
        if child.is_symlink():
            raise PackError(f"{child}: a pack may not hold links to other places.")
        if child.is_dir():
            found.extend(_walk(child, depth=depth + 1))
        elif child.is_file():
            found.append(child)
        else:
            raise PackError(f"{child}: this is not a plain file.")
    return found


def _check_lessons_load(files: dict[str, bytes], folder: Path) -> None:
    """Write the files to a scratch folder and load them, exactly as an install would."""
    with tempfile.TemporaryDirectory(prefix="tutor-pack-") as scratch:
        root = Path(scratch) / "lessons"
        write_tree(root, files, sync=False)
        try:
            load_library(root)
        except ContentError as error:
            # Name the files where the author can find them, not the scratch copies.
            message = str(error).replace(str(root.resolve()), str(folder))
            raise PackError(f"The lessons do not load: {message}") from error


def _read_settings(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PackError(f"{path}: this is not valid TOML ({error}).") from error
    unknown = sorted(set(settings) - _SETTINGS_KEYS)
    if unknown:
        raise PackError(f"{path}: unknown setting {unknown[0]!r}; the settings are "
                        f"{', '.join(sorted(_SETTINGS_KEYS))}.")
    if settings.get("format_version", 1) != 1:
        raise PackError(f"{path}: format_version must be 1.")
    return settings


def _release(version: str) -> str:
    """The plain numbers of a version, such as 0.2.0 from 0.2.0.dev1."""
    numbers = []
    for part in version.split("."):
        if not part.isdigit():
            break
        numbers.append(part)
    return ".".join(numbers[:4]) or "0"
