"""Feedback files: an instructor's comments, carried back to a workstation on a USB stick.

`tutor-feedback-<workstation short id>.tutorfeedback` is a signed archive (see archive.py)
holding feedback.jsonl: every comment for the learners of one workstation. It is full, so
the newest file replaces older ones on the stick, and importing any of them merges by id.

The instructor signs with their own key (`instructor.key` in their data folder). A
workstation trusts that key the first time staff confirm its fingerprint and pins it in a
setting; a file signed by any other key later is refused loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor.store import Store
from tutor.store.feedback import feedback_for_workstation, feedback_row, merge_feedback
from tutor.store.merge import known_workstations
from tutor.store.rows import utc_now_text
from tutor.trust.atomic import VerifyError, write_atomically
from tutor.trust.keys import KeyFileError, parse_public_key
from tutor.trust.signing import FEEDBACK_FILE

from .archive import CHANGED, ExchangeLimits, SignedArchive, build_archive
from .errors import ExchangeError
from .identity import instructor_key, short_id
from .records import FEEDBACK_FIELDS, encode_lines, parse_feedback

FEEDBACK_FORMAT = "tutor-feedback"
FEEDBACK_FORMAT_VERSION = 1
FEEDBACK_SUFFIX = ".tutorfeedback"
FEEDBACK_MEMBER = "feedback.jsonl"
INSTRUCTOR_KEY_SETTING = "instructor_public_key"
WHAT = "a Tutor feedback file"


@dataclass(frozen=True)
class FeedbackImportReport:
    """What importing a feedback file added, in numbers and in one plain message."""

    path: Path
    new: int
    already_here: int
    unknown_learner: int
    message: str
    instructor_fingerprint: str

    def summary(self) -> str:
        """The message staff read after the import."""
        return self.message

    def to_json(self) -> dict[str, Any]:
        """The report as plain data for `tutor feedback import --json`."""
        return {"file": str(self.path), "status": "imported" if self.new else "duplicate",
                "new_feedback": self.new, "already_here": self.already_here,
                "unknown_learner": self.unknown_learner, "message": self.message,
                "instructor_fingerprint": self.instructor_fingerprint}


def feedback_file_name(workstation_id: str) -> str:
    """The file name of the feedback file for one workstation."""
    return f"tutor-feedback-{short_id(workstation_id)}{FEEDBACK_SUFFIX}"


def write_feedback(instructor_store: Store, instructor_data_folder: Path, workstation_id: str,
                   folder: Path) -> Path:
    """Write every comment for one workstation's learners as a signed file in folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ExchangeError(f"There is no folder called {folder}.")
    workstation = next((w for w in known_workstations(instructor_store)
                        if w.id == workstation_id), None)
    if workstation is None:
        raise ExchangeError("No progress from that workstation has been imported here, "
                            "so there is no feedback to send to it.")
    rows = [feedback_row(item) for item in feedback_for_workstation(instructor_store,
                                                                     workstation_id)]
    key = instructor_key(instructor_data_folder)
    public = key.public_key()
    manifest = {
        "format": FEEDBACK_FORMAT, "format_version": FEEDBACK_FORMAT_VERSION,
        "app_version": __version__, "created_at": utc_now_text(),
        "public_key": public.as_line(), "fingerprint": public.fingerprint,
        "workstation": {"id": workstation.id, "name": workstation.name},
        "counts": {"feedback": len(rows)}, "fields": {FEEDBACK_MEMBER: list(FEEDBACK_FIELDS)},
    }
    data, _hash = build_archive(domain=FEEDBACK_FILE, manifest=manifest,
                                members={FEEDBACK_MEMBER: encode_lines(rows)}, key=key)
    path = folder / feedback_file_name(workstation.id)
    try:
        write_atomically(path, data, verify=True)
    except VerifyError as error:
        path.unlink(missing_ok=True)
        raise ExchangeError("The USB stick did not keep the file safely, so it was removed. "
                            "Try again, or try another USB stick.") from error
    instructor_store.record_audit("staff", "feedback exported", {
        "file": path.name, "workstation": workstation.id, "feedback": len(rows)})
    return path


def import_feedback(store: Store, data_folder: Path, path: Path, *,
                    enrol_instructor: Callable[[str], bool],
                    limits: ExchangeLimits | None = None) -> FeedbackImportReport:
    """Check a feedback file for this workstation and add its comments (a staff action)."""
    path = Path(path)
    limits = limits or ExchangeLimits()
    if path.is_symlink():
        raise ExchangeError(f"{path.name} is a link to another file. Copy the file itself.")
    if not path.is_file():
        raise ExchangeError(f"There is no file called {path}.")
    pinned_line = store.setting(INSTRUCTOR_KEY_SETTING)
    try:
        pinned = parse_public_key(pinned_line) if pinned_line else None
    except KeyFileError as error:
        raise ExchangeError("The instructor key kept here is damaged. "
                            "Please tell the security team.") from error
    with SignedArchive(path, domain=FEEDBACK_FILE, expected_format=FEEDBACK_FORMAT,
                       newest_version=FEEDBACK_FORMAT_VERSION, limits=limits,
                       what=WHAT) as archive:
        signer, manifest = archive.signed.signer, archive.signed.manifest
        if pinned is not None and signer.raw != pinned.raw:
            store.record_audit("staff", "feedback import: refused, different key",
                               {"file": path.name, "fingerprint": signer.fingerprint})
            raise ExchangeError(
                f"REFUSED. This feedback file was signed by a different instructor key "
                f"(fingerprint {signer.fingerprint}; the trusted one is {pinned.fingerprint}). "
                "It may be forged. Nothing was added. Please tell the security team.")
        workstation = manifest.get("workstation")
        if not isinstance(workstation, dict) or manifest.get("fields") != {
                FEEDBACK_MEMBER: list(FEEDBACK_FIELDS)} or \
                manifest.get("fingerprint") != signer.fingerprint:
            raise ExchangeError(CHANGED)
        if workstation.get("id") != store.workstation_id:
            raise ExchangeError("This feedback file is for another workstation. "
                                "Nothing was added.")
        rows = parse_feedback(archive.member(FEEDBACK_MEMBER), limits=limits)
        counts = manifest.get("counts")
        if not isinstance(counts, dict) or counts.get("feedback") != len(rows):
            raise ExchangeError(CHANGED)
    if pinned is None:
        if not enrol_instructor(signer.fingerprint):
            raise ExchangeError(f"The instructor key (fingerprint {signer.fingerprint}) is not "
                                "trusted here, so nothing was added.")
    merged = merge_feedback(store, rows)
    if pinned is None:
        store.set_setting(INSTRUCTOR_KEY_SETTING, signer.as_line())
        store.record_audit("staff", "instructor key trusted", {"fingerprint": signer.fingerprint})
    message = _message(merged.new, merged.already_here, merged.unknown_learner)
    store.record_audit("staff", "feedback imported", {
        "file": path.name, "new": merged.new, "already_here": merged.already_here})
    return FeedbackImportReport(path, merged.new, merged.already_here, merged.unknown_learner,
                                message, signer.fingerprint)


def _message(new: int, already_here: int, unknown: int) -> str:
    parts = ["1 new comment was added." if new == 1 else f"{new:,} new comments were added."]
    if already_here:
        parts.append(f"{already_here:,} {'was' if already_here == 1 else 'were'} here already.")
    if unknown:
        parts.append(f"{unknown:,} {'is' if unknown == 1 else 'are'} for learners who are not "
                     "on this workstation, so they were left out.")
    return " ".join(parts)
