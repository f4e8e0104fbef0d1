"""What an import tells staff: per file its status, new and duplicate records, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tutor.trust.keys import PublicKey

from .identity import short_id

ImportStatus = Literal["imported", "duplicate", "refused"]


@dataclass(frozen=True)
class WorkstationInfo:
    """A workstation that is not enrolled yet, as staff see it before they trust it."""

    id: str
    name: str
    fingerprint: str
    public_key: PublicKey
    sequence: int

    @property
    def short_id(self) -> str:
        """The short id in the workstation's file names."""
        return short_id(self.id)


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: its status, what it added, and a plain message."""

    path: Path
    status: ImportStatus
    new_events: int
    duplicate_events: int
    message: str
    workstation_id: str = ""
    workstation_name: str = ""
    sequence: int = 0
    new_learners: int = 0
    # Set when something needs a person's attention even though the file was fine to use.
    warning: str = ""
    # True when the file went through a merge (which wrote its own line in the audit log).
    merged: bool = False

    def to_json(self) -> dict[str, Any]:
        """The report as plain data for `tutor import --json`."""
        return {
            "file": str(self.path), "status": self.status, "new_events": self.new_events,
            "duplicate_events": self.duplicate_events, "new_learners": self.new_learners,
            "message": self.message, "warning": self.warning or None,
            "workstation": self.workstation_id or None,
            "workstation_name": self.workstation_name or None,
            "sequence": self.sequence or None,
        }


@dataclass(frozen=True)
class ImportReport:
    """Every file's report, and how many events the store holds afterwards."""

    files: list[FileReport] = field(default_factory=list)
    events_held: int = 0

    @property
    def new_events(self) -> int:
        """New events added from all the files."""
        return sum(report.new_events for report in self.files)

    @property
    def duplicate_events(self) -> int:
        """Events in the files that were already here."""
        return sum(report.duplicate_events for report in self.files)

    def count(self, status: ImportStatus) -> int:
        """How many files ended with this status."""
        return sum(1 for report in self.files if report.status == status)

    def summary(self) -> str:
        """One short paragraph for staff: what came in, and what was refused."""
        if not self.files:
            return "No progress files were found."
        parts = [f"{_files(self.count('imported'))} imported, "
                 f"{_files(self.count('duplicate'))} already here, "
                 f"{_files(self.count('refused'))} refused."]
        parts.append(f"{self.new_events:,} new records were added. "
                     f"There are {self.events_held:,} records in all.")
        if self.count("refused"):
            parts.append("Read why each refused file was refused.")
        if any(report.warning for report in self.files):
            parts.append("Some files need a closer look: read the warnings.")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        """The report as plain data for `tutor import --json`."""
        return {
            "files": [report.to_json() for report in self.files],
            "new_events": self.new_events,
            "duplicate_events": self.duplicate_events,
            "imported": self.count("imported"),
            "duplicate": self.count("duplicate"),
            "refused": self.count("refused"),
            "events_held": self.events_held,
        }


def _files(count: int) -> str:
    return "1 file" if count == 1 else f"{count:,} files"
