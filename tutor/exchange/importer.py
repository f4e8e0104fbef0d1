"""Importing progress exports into an instructor's store: check everything, then merge.

For each file, in order: the archive is safe to read; its signature is good; its signer is
the key pinned to that workstation (a new workstation is enrolled only if staff say yes to
its fingerprint; a known one with another key is refused loudly); its number and previous
hash are compared with the last export seen from it; every line of data is checked; then
learners and events are merged by id, the file as one unit (tutor.store.merge.ImportBatch).
A refused file changes nothing.

The rules for numbers (docs/decisions/0006-progress-exports.md), where S and H are the
number and hash of the newest export imported so far from that workstation:

- same number and hash: the same file again. "duplicate", nothing merged.
- a lower number: an older export. Exports are full, so the newer one already holds all of
  it. "duplicate", nothing merged.
- a higher number that follows on (previous hash is H), or that skips ahead (exports in
  between never came here; they are not needed): merged, and it becomes the newest.
- the same number with another hash, or the next number with a previous hash that is not
  H: the workstation's history forked (it was copied, or restored from a backup). Its key is
  the pinned one, so its records are genuine and are merged, with a loud warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor.store import Store
from tutor.store.merge import (
    ImportBatch,
    IncomingExport,
    KnownWorkstation,
    MergeError,
    known_workstations,
)
from tutor.trust.signing import PROGRESS_EXPORT

from .archive import CHANGED, ExchangeLimits, Signed, SignedArchive
from .errors import ExchangeError
from .export_file import (
    CODE_MEMBER,
    EVENTS_MEMBER,
    EXPORT_FORMAT,
    EXPORT_FORMAT_VERSION,
    EXPORT_SUFFIX,
    LEARNERS_MEMBER,
    MEMBER_FIELDS,
    RESULTS_MEMBER,
    Progress,
)
from .finding import find_files
from .import_report import FileReport, ImportReport, WorkstationInfo
from .records import parse_events, parse_learners

Enrol = Callable[[WorkstationInfo], bool]
_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HASH = re.compile(r"[0-9a-f]{64}")
WHAT = "a Tutor progress file"
TELL_SECURITY = "Nothing was imported. Please tell the security team."


@dataclass(frozen=True)
class _Facts:
    """The signed facts of one export, checked for shape."""

    workstation_id: str
    name: str
    sequence: int
    previous_hash: str
    learners: int
    events: int
    demo: bool


def _export_facts(signed: Signed) -> _Facts:
    manifest = signed.manifest
    workstation = manifest.get("workstation")
    counts = manifest.get("counts")
    fields = MEMBER_FIELDS
    # Plain checks, not asserts: asserts vanish when Python runs with -O.
    if not (isinstance(workstation, dict) and set(workstation) == {"id", "name"}
            and isinstance(counts, dict)):
        raise ExchangeError(CHANGED)
    workstation_id, name = workstation["id"], workstation["name"]
    sequence, previous = manifest.get("sequence"), manifest.get("previous_export_hash")
    learners, events = counts.get("learners"), counts.get("events")
    if not (
        isinstance(workstation_id, str) and _ID.fullmatch(workstation_id)
        and isinstance(name, str) and 0 < len(name) <= 60 and name.isprintable()
        and type(sequence) is int and 0 < sequence < 10**12
        and isinstance(previous, str) and (previous == "" or _HASH.fullmatch(previous))
        and type(learners) is int and type(events) is int
        and manifest.get("fields") == fields and set(manifest["members"]) == set(fields)
        and manifest.get("fingerprint") == signed.signer.fingerprint
    ):
        raise ExchangeError(CHANGED)
    return _Facts(workstation_id, name, sequence, previous, learners, events,
                  manifest.get("demo_data") is True)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the export files found in any folder given (a whole drive)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir() and not path.is_symlink():
            inside = find_files(path, EXPORT_SUFFIX)
            found.extend(inside if inside else [path])
        else:
            found.append(path)
    return found


def import_exports(
    store: Store,
    paths: Sequence[Path],
    *,
    enrol: Enrol,
    progress: Progress | None = None,
    limits: ExchangeLimits | None = None,
) -> ImportReport:
    """Check and merge export files (or folders of them) into store; report on each file.

    `enrol` is asked once per unknown workstation and key in a run, on the calling thread,
    before any file is merged (so the store is not held while staff compare fingerprints).
    """
    limits = limits or ExchangeLimits()
    files = expand_paths(paths)
    answers: dict[tuple[str, str], bool] = {}

    def decide(info: WorkstationInfo) -> bool:
        asked = (info.id, info.fingerprint)
        if asked not in answers:
            answers[asked] = bool(enrol(info))
        return answers[asked]

    _ask_first(store, files, decide, limits)
    reports: list[FileReport] = []
    with ImportBatch(store) as batch:
        for done, path in enumerate(files, 1):
            try:
                report = _import_one(batch, path, decide, answers, limits)
            except ExchangeError as error:
                report = FileReport(path, "refused", 0, 0, str(error))
            except MergeError as error:
                report = FileReport(path, "refused", 0, 0, f"{error} Nothing was imported.")
            reports.append(report)
            if not report.merged:  # a merge writes its own line, with its data
                batch.audit(f"progress import: {report.status}", {
                    "file": path.name, "workstation": report.workstation_id,
                    "sequence": report.sequence, "message": report.message})
            if progress is not None:
                progress(done, len(files))
        summary = ImportReport(reports, batch.events_held())
        batch.audit("progress import finished", {
            "files": len(reports), "imported": summary.count("imported"),
            "duplicate": summary.count("duplicate"), "refused": summary.count("refused"),
            "new_events": summary.new_events})
    return summary


def _ask_first(store: Store, files: list[Path], decide: Enrol, limits: ExchangeLimits) -> None:
    """Ask staff about every new workstation among the files, before anything is merged.

    Only each file's signed list of contents is read here; a file that cannot be read is
    left for the import itself to refuse, with its reason.
    """
    known = known_workstations(store)
    for path in files:
        try:
            if path.is_symlink() or not path.is_file():
                continue
            with SignedArchive(path, domain=PROGRESS_EXPORT, expected_format=EXPORT_FORMAT,
                               newest_version=EXPORT_FORMAT_VERSION, limits=limits,
                               what=WHAT) as archive:
                facts, signer = _export_facts(archive.signed), archive.signed.signer
        except (ExchangeError, OSError):
            continue
        taken = any(w.id == facts.workstation_id or w.public_key == signer.as_line()
                    for w in known)
        if not taken:  # a known id or key is the import's business, not a question
            decide(WorkstationInfo(facts.workstation_id, facts.name, signer.fingerprint,
                                   signer, facts.sequence))


def _import_one(batch: ImportBatch, path: Path, decide: Enrol,
                answers: dict[tuple[str, str], bool], limits: ExchangeLimits) -> FileReport:
    if path.is_symlink():
        raise ExchangeError(f"{path.name} is a link to another file. Copy the file itself.")
    if path.is_dir():
        raise ExchangeError(f"There are no Tutor progress files ({EXPORT_SUFFIX}) in {path}.")
    if not path.is_file():
        raise ExchangeError(f"There is no file called {path}.")
    known = batch.known_workstations()
    with SignedArchive(path, domain=PROGRESS_EXPORT, expected_format=EXPORT_FORMAT,
                       newest_version=EXPORT_FORMAT_VERSION, limits=limits,
                       what=WHAT) as archive:
        facts = _export_facts(archive.signed)
        signer = archive.signed.signer
        pinned = next((w for w in known if w.id == facts.workstation_id), None)
        # Keys are kept as their one-line text, which is the same for the same key.
        owner = next((w for w in known if w.public_key == signer.as_line()), None)
        _refuse_wrong_key(facts, pinned, owner, signer.as_line(), signer.fingerprint)
        if pinned is None:
            info = WorkstationInfo(facts.workstation_id, facts.name, signer.fingerprint, signer,
                                   facts.sequence)
            if (info.id, info.fingerprint) in answers:
                trusted = answers[(info.id, info.fingerprint)]
            else:
                with batch.paused():  # never hold the store while a person thinks
                    trusted = decide(info)
            if not trusted:
                raise ExchangeError(
                    f"{facts.name} (fingerprint {signer.fingerprint}) is not trusted here yet, "
                    "so nothing was imported. Check the fingerprint on the workstation, then "
                    "import the file again and say yes to trust it.")
        # Every file is read and checked in full, even one that will add nothing: a damaged
        # file is always refused, never passed off as "already here".
        learners = parse_learners(archive.member(LEARNERS_MEMBER),
                                  workstation_id=facts.workstation_id, limits=limits)
        events = parse_events(archive.member(EVENTS_MEMBER), archive.member(RESULTS_MEMBER),
                              archive.member(CODE_MEMBER), workstation_id=facts.workstation_id,
                              learner_ids={row[0] for row in learners}, limits=limits)
        if (len(learners), len(events)) != (facts.learners, facts.events):
            raise ExchangeError(CHANGED)
        export_hash = archive.signed.manifest_hash
        public_key = signer.as_line()
    return _merge(batch, path, facts, pinned, export_hash, public_key, signer.fingerprint,
                  learners, events)


def _refuse_wrong_key(facts: _Facts, pinned: KnownWorkstation | None,
                      owner: KnownWorkstation | None, key_line: str, fingerprint: str) -> None:
    if pinned is not None and pinned.public_key != key_line:
        raise ExchangeError(
            f"REFUSED. This file says it comes from {pinned.name}, but it was signed with a "
            f"different key (fingerprint {fingerprint}; {pinned.name} uses "
            f"{pinned.fingerprint}). It may be forged. {TELL_SECURITY}")
    if pinned is None and owner is not None:
        raise ExchangeError(
            f"REFUSED. This file was signed with the key of {owner.name}, but it says it comes "
            f"from another workstation ({facts.name}). It may be forged. {TELL_SECURITY}")


def _merge(batch: ImportBatch, path: Path, facts: _Facts, pinned: KnownWorkstation | None,
           export_hash: str, public_key: str, fingerprint: str,
           learners: list[list[Any]], events: list[tuple[Any, ...]]) -> FileReport:
    name, sequence = facts.name, facts.sequence

    def report(status: Any, new: int, message: str, *, new_learners: int = 0,
               warning: str = "", merged: bool = False) -> FileReport:
        return FileReport(path, status, new, len(events) - new, message, facts.workstation_id,
                          name, sequence, new_learners, warning, merged)

    if pinned is not None and sequence == pinned.last_sequence and \
            export_hash == pinned.last_export_hash:
        return report("duplicate", 0, f"This file from {name} was imported before. "
                                      "Nothing new was added.")
    if pinned is not None and sequence < pinned.last_sequence:
        return report("duplicate", 0, f"This is an older file from {name} (number {sequence}). "
                                      f"Number {pinned.last_sequence} is already here, and it "
                                      "holds everything this one does. Nothing was added.")
    notes, warning = [], ""
    if pinned is not None and pinned.last_sequence and (
            sequence == pinned.last_sequence or
            (sequence == pinned.last_sequence + 1 and facts.previous_hash !=
             pinned.last_export_hash)):
        warning = (f"Warning: this file does not follow on from the last file from {name}. "
                   "The workstation may have been copied, or put back from a backup. Its "
                   "records were added, because its key is the right one. If this happens "
                   "again, please tell the security team.")
    elif pinned is not None and pinned.last_sequence and sequence > pinned.last_sequence + 1:
        skipped = sequence - pinned.last_sequence - 1
        notes.append(f"{skipped:,} earlier {'file' if skipped == 1 else 'files'} from {name} "
                     "never came here. Nothing is missing: each file holds everything.")
    incoming = IncomingExport(
        workstation_id=facts.workstation_id, workstation_name=name, public_key=public_key,
        fingerprint=fingerprint, sequence=sequence, export_hash=export_hash,
        enrol=pinned is None, advance=pinned is None or sequence > pinned.last_sequence)
    counts = batch.merge(incoming, learners, events, audit_detail={
        "file": path.name, "warning": warning, "enrolled": pinned is None})
    if pinned is None:
        notes.insert(0, f"{name} (fingerprint {fingerprint}) is now trusted here.")
    if counts.new_events or counts.new_learners or pinned is None:
        message = f"Added {counts.new_events:,} new records from {name}."
        if counts.duplicate_events:
            message += f" {counts.duplicate_events:,} were already here."
        status = "imported"
    else:
        message = f"Nothing new from {name}: every record was already here."
        status = "duplicate"
    if facts.demo:
        notes.append("This file holds demo data, made up for training.")
    message = " ".join([message, *notes, warning]).strip()
    return report(status, counts.new_events, message, new_learners=counts.new_learners,
                  warning=warning, merged=True)
