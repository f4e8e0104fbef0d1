"""The lesson pack format: names, limits, the manifest and its strict reading.

A pack is a zip archive holding `manifest.json` (canonical JSON listing every file with its
SHA-256 and size), `signatures.json` (Ed25519 signatures over the exact manifest bytes) and
`files/<path>` for each file the manifest lists. `docs/decisions/0005-lesson-packs.md`
explains why it is shaped this way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tutor.content.lesson_files import MAX_FILE_BYTES, file_name_problem
from tutor.trust.keys import PublicKey
from tutor.trust.safe_zip import ArchiveError, Limits, check_member_name
from tutor.trust.strict_json import JsonError, loads

FORMAT = "tutor-pack"
FORMAT_VERSION = 1
PACK_SUFFIX = ".tutorpack"
MANIFEST_NAME = "manifest.json"
SIGNATURES_NAME = "signatures.json"
FILES_PREFIX = "files/"
SETTINGS_FILE = "pack.toml"

MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_SIGNATURES_BYTES = 64 * 1024
MAX_SIGNATURES = 16
MAX_FILES = 20_000
MAX_VERSION = 2**53
LIMITS = Limits(
    max_file_bytes=256 * 1024 * 1024,
    max_members=MAX_FILES + 2,
    max_member_bytes=MAX_MANIFEST_BYTES,
    max_total_bytes=256 * 1024 * 1024,
)

# Review must let staff see a pack that would be refused, so it reads files off the
# allow-list and files over MAX_FILE_BYTES too. Every limit of the archive itself still
# holds; only the cap on one member is raised, to REVIEW_MAX_FILE_BYTES. Files bigger than
# REVIEW_SHOW_BYTES are read and checked against their hash, but their content is not kept.
REVIEW_MAX_FILE_BYTES = 64 * 1024 * 1024
REVIEW_SHOW_BYTES = 16 * 1024 * 1024
REVIEW_LIMITS = Limits(
    max_file_bytes=LIMITS.max_file_bytes,
    max_members=LIMITS.max_members,
    max_member_bytes=REVIEW_MAX_FILE_BYTES,
    max_total_bytes=LIMITS.max_total_bytes,
    max_ratio=LIMITS.max_ratio,
)

# What a pack may carry: text the app reads as data, and pictures. Never Python, scripts
# for the system, programs or archives. JavaScript is allowed because lesson checks and
# starters are JavaScript; it only ever runs inside the sandboxed learner page.
ALLOWED_SUFFIXES = frozenset({
    ".md", ".txt", ".toml", ".json", ".csv",
    ".html", ".css", ".js", ".mjs",
    ".sql", ".commands",
    ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp",
})

_PACK_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_APP_VERSION = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,3}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MANIFEST_KEYS = {"format", "format_version", "pack_id", "title", "version",
                  "min_app_version", "files"}


class PackError(Exception):
    """A pack cannot be built, trusted, read or installed; the message says why, plainly."""


class PackChanged(PackError):
    """The pack file is not the one that was checked: its list of files is different."""


class UntrustedPackError(PackError):
    """The pack is signed, but by no key this workstation trusts."""


@dataclass(frozen=True)
class FileEntry:
    """What the manifest promises about one file: its SHA-256 (hex) and its size in bytes."""

    sha256: str
    size: int


@dataclass(frozen=True)
class PackManifest:
    """The signed description of a pack: who it is, which version, and every file in it."""

    pack_id: str
    title: str
    version: int
    min_app_version: str
    files: dict[str, FileEntry]

    def to_json(self) -> dict[str, Any]:
        """The manifest as the JSON object that is written and signed."""
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "pack_id": self.pack_id,
            "title": self.title, "version": self.version,
            "min_app_version": self.min_app_version,
            "files": {path: {"sha256": entry.sha256, "size": entry.size}
                      for path, entry in sorted(self.files.items())},
        }


@dataclass(frozen=True)
class PackSignature:
    """One signature in a pack: the key that says it made it, and the signature bytes."""

    public_key: PublicKey
    signature: bytes


def pack_id_problem(pack_id: object) -> str | None:
    """Say what is wrong with a pack id, or return None if it is fine."""
    if not isinstance(pack_id, str) or not _PACK_ID.fullmatch(pack_id):
        return ("A pack id uses small letters, digits, '.', '-' and '_' "
                "(up to 64), such as tutor.curriculum.")
    return None


def version_problem(version: object) -> str | None:
    """Say what is wrong with a pack version, or return None if it is fine."""
    if isinstance(version, bool) or not isinstance(version, int) or not 0 < version < MAX_VERSION:
        return "A pack version is a whole number above 0."
    return None


def app_version_problem(text: object) -> str | None:
    """Say what is wrong with a minimum app version, or return None if it is fine."""
    if not isinstance(text, str) or not _APP_VERSION.fullmatch(text):
        return "The lowest Tutor version a pack needs looks like 0.2.0."
    return None


def app_version_tuple(text: str) -> tuple[int, ...]:
    """A version such as "0.2.0" as numbers that compare the right way."""
    numbers = [int(part) for part in re.findall(r"[0-9]+", text)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def file_path_problem(path: str) -> str | None:
    """Say why a file path may not be in a pack, or return None if it may."""
    problem = unsafe_name_problem(path)
    if problem:
        return problem
    if file_suffix(path) not in ALLOWED_SUFFIXES:
        return (f"The pack has a file of a kind that is not allowed: {path!r}. "
                "Packs hold lesson text, pictures and web files only.")
    return None


def unsafe_name_problem(path: str) -> str | None:
    """Say why a file name is unsafe to read or unpack (not just not allowed), or None."""
    try:
        check_member_name(FILES_PREFIX + path)
    except ArchiveError as error:
        return str(error)
    problem = file_name_problem(path)
    if problem:
        return f"The pack has a file that is not allowed: {problem}."
    return None


def file_suffix(path: str) -> str:
    """The file type of a path in small letters, such as ".css" ("" when there is no dot)."""
    name = path.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def why_not_installable(manifest: PackManifest) -> list[str]:
    """Why a pack with this manifest cannot be installed, file by file; empty when it can.

    Only review reads such a pack (see `parse_manifest(for_review=True)`); installing
    refuses it at the first problem.
    """
    problems: list[str] = []
    for path, entry in sorted(manifest.files.items()):
        suffix = file_suffix(path)
        if suffix not in ALLOWED_SUFFIXES:
            problems.append(f"{path!r} is a kind of file that packs may not hold "
                            f"({suffix or 'no file type'}).")
        if entry.size > MAX_FILE_BYTES:
            problems.append(f"{path!r} is {entry.size:,} bytes; a file in a pack may be at "
                            f"most {MAX_FILE_BYTES // 1024:,} KB.")
    return problems


def parse_manifest(data: bytes, *, for_review: bool = False) -> PackManifest:
    """Read manifest bytes strictly, or raise PackError saying what is wrong.

    `for_review` lets files off the allow-list and files up to REVIEW_MAX_FILE_BYTES
    through, so staff can see them; every other check stays. Only review may use it.
    """
    try:
        raw = loads(data, max_bytes=MAX_MANIFEST_BYTES, max_depth=4)
    except JsonError as error:
        raise PackError(f"The pack's list of files is damaged. {error}") from error
    if not isinstance(raw, dict) or set(raw) != _MANIFEST_KEYS:
        raise PackError("The pack's list of files is not in the form Tutor expects.")
    if raw["format"] != FORMAT or raw["format_version"] != FORMAT_VERSION:
        raise PackError("This pack was made for another version of Tutor; it cannot be read.")
    for problem in (pack_id_problem(raw["pack_id"]), version_problem(raw["version"]),
                    app_version_problem(raw["min_app_version"])):
        if problem:
            raise PackError(problem)
    title = raw["title"]
    if not isinstance(title, str) or not title.strip() or len(title) > 200:
        raise PackError("A pack needs a title of up to 200 letters.")
    files = _parse_files(raw["files"], for_review=for_review)
    return PackManifest(pack_id=raw["pack_id"], title=title, version=raw["version"],
                        min_app_version=raw["min_app_version"], files=files)


def _parse_files(raw: object, *, for_review: bool) -> dict[str, FileEntry]:
    if not isinstance(raw, dict) or not raw:
        raise PackError("The pack's list of files is empty or damaged.")
    if len(raw) > MAX_FILES:
        raise PackError(f"The pack lists too many files (more than {MAX_FILES:,}).")
    largest = REVIEW_MAX_FILE_BYTES if for_review else MAX_FILE_BYTES
    files: dict[str, FileEntry] = {}
    for path, entry in raw.items():
        problem = unsafe_name_problem(path) if for_review else file_path_problem(path)
        if problem:
            raise PackError(problem)
        if not isinstance(entry, dict) or set(entry) != {"sha256", "size"}:
            raise PackError(f"The pack's entry for {path!r} is damaged.")
        sha256, size = entry["sha256"], entry["size"]
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            raise PackError(f"The pack's entry for {path!r} is damaged.")
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= largest:
            if for_review:
                raise PackError(f"The file {path!r} in the pack is too big even to review "
                                f"(over {REVIEW_MAX_FILE_BYTES // (1024 * 1024)} MB).")
            raise PackError(f"The file {path!r} in the pack is too big.")
        files[path] = FileEntry(sha256, size)
    check_paths_fit_on_disk(files)
    return files


def check_paths_fit_on_disk(paths: dict[str, Any]) -> None:
    """Refuse paths that would land on each other on disk (case, or file against folder)."""
    folded: dict[str, str] = {}
    for path in paths:
        key = path.casefold()
        if key in folded:
            raise PackError(f"The pack has two files whose names differ only in capitals: "
                            f"{folded[key]!r} and {path!r}.")
        folded[key] = path
    for path in paths:
        parts = path.casefold().split("/")
        for depth in range(1, len(parts)):
            prefix = "/".join(parts[:depth])
            if prefix in folded:
                raise PackError(f"The pack uses {folded[prefix]!r} as both a file and a folder.")
