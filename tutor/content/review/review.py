"""Review a lesson pack: every file with its hash, size and flags, and what changed."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tutor.content.lesson_files import MAX_FILE_BYTES
from tutor.content.packs import (
    ALLOWED_SUFFIXES,
    REVIEW_SHOW_BYTES,
    FileEntry,
    PackError,
    installed_pack_files,
    read_pack,
)
from tutor.content.review.diff import file_changes
from tutor.content.review.flags import text_flags
from tutor.content.review.hidden_text import hidden_text_flags, visible_text
from tutor.content.review.model import FileReview, FileStatus, Flag, Review, Signer
from tutor.trust import signing
from tutor.trust.keys import PublicKey

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_KINDS = {".html": "html", ".htm": "html", ".css": "css", ".js": "javascript",
          ".mjs": "javascript", ".md": "markdown", ".toml": "toml", ".json": "json",
          ".sql": "sql", ".svg": "svg", ".txt": "text", ".csv": "text",
          ".commands": "git commands"}


class ManifestLike(Protocol):
    """The parts of a pack manifest a review reads."""

    @property
    def pack_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def min_app_version(self) -> str: ...


class SignatureLike(Protocol):
    """The parts of a pack signature a review reads."""

    @property
    def public_key(self) -> PublicKey: ...
    @property
    def signature(self) -> bytes: ...


class PackLike(Protocol):
    """What `review_pack` needs of a pack (`tutor.content.packs.Pack` has it all)."""

    @property
    def manifest(self) -> ManifestLike: ...
    @property
    def manifest_bytes(self) -> bytes: ...
    @property
    def files(self) -> dict[str, bytes]: ...
    @property
    def signatures(self) -> Sequence[SignatureLike]: ...
    @property
    def withheld(self) -> Mapping[str, FileEntry]: ...
    @property
    def install_problems(self) -> Sequence[str]: ...


def suffix_of(path: str) -> str:
    """The file type of a path, such as ".css" ("" when the name has no dot)."""
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def kind_of(path: str) -> str:
    """What sort of file this is, in one word, from its name."""
    suffix = suffix_of(path)
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return _KINDS.get(suffix, "other")


def review_file(path: str, data: bytes) -> tuple[str | None, list[Flag]]:
    """A file's text as a reviewer sees it (None for pictures and other non-text), and
    every flag it raises. Hidden characters in the text are shown as markers."""
    flags = whole_file_flags(path, len(data))
    suffix = suffix_of(path)
    if suffix in IMAGE_SUFFIXES:
        return None, flags
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if suffix in ALLOWED_SUFFIXES:
            flags.append(Flag("not-text", path, 0, suffix,
                              "This should be plain text (UTF-8), but it is not."))
        return None, flags
    shown = visible_text(text)
    return shown, flags + hidden_text_flags(path, text) + text_flags(path, shown)


def whole_file_flags(path: str, size: int) -> list[Flag]:
    """The flags about a file as a whole: a kind of file packs may not hold, or too big."""
    flags: list[Flag] = []
    suffix = suffix_of(path)
    if suffix not in ALLOWED_SUFFIXES:
        flags.append(Flag("file-type", path, 0, suffix or path.rsplit("/", 1)[-1],
                          "Packs may not hold this kind of file."))
    if size > MAX_FILE_BYTES:
        shown = "" if size <= REVIEW_SHOW_BYTES else (
            f" It is too big to show here (over {REVIEW_SHOW_BYTES // (1024 * 1024)} MB), "
            "but its hash was checked.")
        flags.append(Flag("oversized", path, 0, f"{size:,} bytes",
                          f"This file is over the limit of {MAX_FILE_BYTES // 1024} KB.{shown}"))
    return flags


def _signers(pack: PackLike) -> tuple[Signer, ...]:
    signers = []
    for entry in pack.signatures:
        valid = signing.verify(signing.PACK_MANIFEST, pack.manifest_bytes, entry.signature,
                               [entry.public_key]) is not None
        signers.append(Signer(entry.public_key.fingerprint, entry.public_key.comment, valid))
    return tuple(signers)


def review_pack(pack: PackLike, installed_files: Mapping[str, bytes] | None) -> Review:
    """Review every file of a pack; compare with the installed version when there is one.

    `installed_files` is what `installed_pack_files` gives: None when no version of this
    pack is installed, so every file counts as part of a new pack.
    """
    withheld = pack.withheld
    change_list = [] if installed_files is None else file_changes(
        pack.files, installed_files, withheld=set(withheld))
    status = {change.path: change.status for change in change_list}
    files = []
    for path in sorted(set(pack.files) | set(withheld)):
        change: FileStatus = "new pack"
        if installed_files is not None:
            found = status.get(path)
            change = "added" if found == "added" else "changed" if found == "changed" else "same"
        if path in withheld:
            entry = withheld[path]
            files.append(FileReview(path=path, size=entry.size, sha256=entry.sha256,
                                    kind=kind_of(path), text=None,
                                    flags=tuple(whole_file_flags(path, entry.size)),
                                    change=change, withheld=True))
            continue
        data = pack.files[path]
        text, flags = review_file(path, data)
        files.append(FileReview(path=path, size=len(data),
                                sha256=hashlib.sha256(data).hexdigest(), kind=kind_of(path),
                                text=text, flags=tuple(flags), change=change))
    manifest = pack.manifest
    return Review(pack_id=manifest.pack_id, title=manifest.title, version=manifest.version,
                  min_app_version=manifest.min_app_version,
                  manifest_sha256=hashlib.sha256(pack.manifest_bytes).hexdigest(),
                  files=tuple(files), changes=tuple(change_list),
                  installed_version_compared=installed_files is not None,
                  signers=_signers(pack), install_problems=tuple(pack.install_problems))


@dataclass(frozen=True)
class ReviewedPack:
    """A pack file read and reviewed, with the bytes of its pictures for showing them."""

    path: Path
    review: Review
    pictures: dict[str, bytes]


def review_pack_file(path: Path, data_folder: Path) -> ReviewedPack:
    """Read the pack at path and review it against what data_folder has installed.

    The pack is read as review reads it: a pack that installing would refuse for a file
    type or a file size is still shown, with the reasons in `install_problems`. Raises
    PackError (plain message) when the pack is unsafe to read or does not check out, or when
    the installed version of it is damaged.
    """
    pack = read_pack(path, for_review=True)
    try:
        installed = installed_pack_files(data_folder, pack.manifest.pack_id)
    except PackError as error:
        raise PackError(f"The installed version of this pack cannot be read. {error}") from error
    pictures = {name: data for name, data in pack.files.items()
                if suffix_of(name) in IMAGE_SUFFIXES}
    return ReviewedPack(Path(path), review_pack(pack, installed), pictures)
