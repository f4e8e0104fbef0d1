"""What a review of a lesson pack holds: its files, what was flagged, and what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

FlagKind = Literal["address", "outside-load", "file-path", "risky-code", "hidden-text",
                   "file-type", "oversized", "not-text"]
# Each kind of flag, in the order a reviewer should read them, with a heading for people.
FLAG_KINDS: dict[FlagKind, str] = {
    "outside-load": "Loads something from outside",
    "risky-code": "Code that could reach out or run hidden code",
    "hidden-text": "Characters that hide or reorder text",
    "file-path": "A path to a file on a computer",
    "address": "A web address or host name",
    "file-type": "A kind of file that is not allowed",
    "oversized": "A file that is too big",
    "not-text": "A text file that is not plain text",
}
ChangeStatus = Literal["added", "removed", "changed"]
FileStatus = Literal["added", "changed", "same", "new pack"]


@dataclass(frozen=True)
class Flag:
    """One thing in one file that a reviewer should look at, with where it is."""

    kind: FlagKind
    path: str
    line: int  # counted from 1; 0 when the flag is about the whole file
    text: str  # the text that was flagged, as it is in the file (cut short when long)
    message: str  # what it is, in plain words

    def where(self) -> str:
        """The file and line, as people write them ("css/a.css line 4")."""
        return f"{self.path} line {self.line}" if self.line else self.path

    def to_json(self) -> dict[str, Any]:
        """The flag as a JSON object."""
        return {"kind": self.kind, "path": self.path, "line": self.line, "text": self.text,
                "message": self.message}


@dataclass(frozen=True)
class FileReview:
    """One file of the pack: its size, hash, what kind it is, its text and its flags."""

    path: str
    size: int
    sha256: str
    kind: str  # "html", "css", "javascript", "markdown", "toml", "image", "other", ...
    text: str | None  # None when the file is not UTF-8 text (an image, say), or withheld
    flags: tuple[Flag, ...]
    change: FileStatus
    withheld: bool = False  # True when the file is too big to show; its hash was checked

    def flagged_lines(self) -> set[int]:
        """The line numbers this file has flags on."""
        return {flag.line for flag in self.flags if flag.line}


@dataclass(frozen=True)
class FileChange:
    """How one file differs from the installed version of the pack."""

    path: str
    status: ChangeStatus
    diff: str  # a unified diff; empty when either side is not text
    note: str = ""  # why there is no diff, when there is none


@dataclass(frozen=True)
class Signer:
    """A signature the pack already carries: whose key, and whether it checks out."""

    fingerprint: str
    comment: str
    valid: bool


@dataclass(frozen=True)
class Review:
    """Everything a reviewer needs to decide on one lesson pack."""

    pack_id: str
    title: str
    version: int
    min_app_version: str
    manifest_sha256: str  # ties a printed report to the exact pack that was reviewed
    files: tuple[FileReview, ...]
    changes: tuple[FileChange, ...]
    installed_version_compared: bool  # False when no version of this pack is installed
    signers: tuple[Signer, ...] = ()
    # Why this pack cannot be installed (a file type off the allow-list, a file over the
    # size limit); empty when nothing in the pack stops an install.
    install_problems: tuple[str, ...] = ()

    @property
    def installable(self) -> bool:
        """False when installing would refuse the pack, whoever signed it."""
        return not self.install_problems

    @property
    def flags(self) -> list[Flag]:
        """Every flag, the most serious kinds first, then by file and line."""
        order = list(FLAG_KINDS)
        everything = [flag for file in self.files for flag in file.flags]
        return sorted(everything, key=lambda f: (order.index(f.kind), f.path, f.line))

    def flag_counts(self) -> dict[str, int]:
        """How many flags of each kind (kinds with none are left out)."""
        counts: dict[str, int] = {}
        for flag in self.flags:
            counts[flag.kind] = counts.get(flag.kind, 0) + 1
        return counts

    def file(self, path: str) -> FileReview | None:
        """The file at `path`, or None."""
        return next((file for file in self.files if file.path == path), None)

    def change(self, path: str) -> FileChange | None:
        """How the file at `path` changed since the installed version, or None."""
        return next((change for change in self.changes if change.path == path), None)

    def total_size(self) -> int:
        """The bytes of every file together."""
        return sum(file.size for file in self.files)

    def to_json(self) -> dict[str, Any]:
        """The review as JSON, for `tutor review FILE --json`."""
        return {
            "pack_id": self.pack_id, "title": self.title, "version": self.version,
            "min_app_version": self.min_app_version, "manifest_sha256": self.manifest_sha256,
            "can_install": self.installable, "install_problems": list(self.install_problems),
            "signers": [{"fingerprint": s.fingerprint, "comment": s.comment, "valid": s.valid}
                        for s in self.signers],
            "flag_counts": self.flag_counts(),
            "flags": [flag.to_json() for flag in self.flags],
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256, "kind": f.kind,
                       "flags": len(f.flags), "change": f.change, "withheld": f.withheld}
                      for f in self.files],
            "installed_version_compared": self.installed_version_compared,
            "changes": [{"path": c.path, "status": c.status, "diff": c.diff, "note": c.note}
                        for c in self.changes],
        }


@dataclass(frozen=True)
class Decision:
    """What the reviewer decided: approved with a key (by its fingerprint), or not yet."""

    fingerprint: str | None = None
    key_comment: str = ""
    decided_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def approved(self) -> bool:
        """True when the pack was signed by the reviewer."""
        return self.fingerprint is not None
