"""Writing a progress export: every learner and event of this workstation, signed, on a stick.

The file is `tutor-progress-<workstation short id>-<number>.tutorexport`, a signed archive
(see archive.py) holding learners.jsonl, events.jsonl, and the results.jsonl and code.jsonl
that go line for line with it (see records.py). Each export is full, so any one
of them can be imported on its own, in any order. Its number goes up by one each time, and
it carries the hash of the export before it; the instructor's import uses both to notice a
replayed or copied workstation (docs/decisions/0006-progress-exports.md).

Written to a temporary name, flushed, synced and renamed, then read back from the device
and compared. Only then is the new number remembered; a failed or killed export leaves no
file that looks finished and does not use up a number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor.store import Store
from tutor.store.merge import (
    ExportRaceError,
    export_snapshot,
    export_state,
    record_export_written,
)
from tutor.store.rows import utc_now_text
from tutor.trust.atomic import VerifyError, write_atomically
from tutor.trust.keys import PrivateKey
from tutor.trust.signing import PROGRESS_EXPORT

from .archive import build_archive
from .errors import ExchangeError
from .identity import short_id, workstation_key, workstation_name
from .records import (
    EVENT_LINE_FIELDS,
    LEARNER_FIELDS,
    encode_events,
    encode_lines,
    learner_line_values,
)

EXPORT_FORMAT = "tutor-progress-export"
EXPORT_FORMAT_VERSION = 1
EXPORT_SUFFIX = ".tutorexport"
LEARNERS_MEMBER = "learners.jsonl"
EVENTS_MEMBER = "events.jsonl"
RESULTS_MEMBER = "results.jsonl"
CODE_MEMBER = "code.jsonl"
# What each data file holds, line by line; results.jsonl and code.jsonl go with events.jsonl.
MEMBER_FIELDS: dict[str, list[str]] = {
    LEARNERS_MEMBER: list(LEARNER_FIELDS), EVENTS_MEMBER: list(EVENT_LINE_FIELDS),
    RESULTS_MEMBER: ["results"], CODE_MEMBER: ["files"],
}
DEMO_SETTING = "demo_data"

Progress = Callable[[int, int], None]
"""Called now and then with (done, total); total stays the same through one job."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file, how many learners and events, and its number."""

    path: Path
    learners: int
    events: int
    sequence: int
    fingerprint: str = ""
    export_hash: str = ""


@dataclass(frozen=True)
class EncodedExport:
    """An export's bytes with the facts staff and the store need about it."""

    data: bytes
    export_hash: str
    learners: int
    events: int
    attempts: int


def export_file_name(workstation_id: str, sequence: int) -> str:
    """The file name for export number `sequence` of a workstation."""
    return f"tutor-progress-{short_id(workstation_id)}-{sequence:06d}{EXPORT_SUFFIX}"


def encode_export(
    *,
    key: PrivateKey,
    workstation_id: str,
    workstation_name: str,
    sequence: int,
    previous_hash: str,
    learners: Sequence[Sequence[Any]],
    events: Sequence[Sequence[Any]],
    demo: bool = False,
) -> EncodedExport:
    """Build a signed export from store rows (learners and events tables' column order)."""
    learner_lines = encode_lines([learner_line_values(row) for row in learners])
    event_lines, result_lines, code_lines = encode_events(events)
    attempts = sum(1 for row in events if row[4] == "check")
    public = key.public_key()
    manifest = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "app_version": __version__,
        "created_at": utc_now_text(),
        "public_key": public.as_line(),
        "fingerprint": public.fingerprint,
        "workstation": {"id": workstation_id, "name": workstation_name},
        "sequence": sequence,
        "previous_export_hash": previous_hash,
        "demo_data": demo,
        "counts": {"learners": len(learners), "events": len(events), "attempts": attempts},
        "fields": MEMBER_FIELDS,
    }
    data, export_hash = build_archive(
        domain=PROGRESS_EXPORT,
        manifest=manifest,
        members={LEARNERS_MEMBER: learner_lines, EVENTS_MEMBER: event_lines,
                 RESULTS_MEMBER: result_lines, CODE_MEMBER: code_lines},
        key=key,
    )
    return EncodedExport(data, export_hash, len(learners), len(events), attempts)


def write_export(
    store: Store, data_folder: Path, folder: Path, *, progress: Progress | None = None
) -> ExportResult:
    """Write this workstation's full, signed export into folder; read it back; remember it.

    Raises ExchangeError (or OSError from the device) with nothing left that looks finished.
    """
    report = progress or (lambda _done, _total: None)
    report(0, 100)
    folder = Path(folder)
    if not folder.is_dir():
        raise ExchangeError(f"There is no folder called {folder}.")
    key = workstation_key(data_folder)
    state = export_state(store)
    snapshot = export_snapshot(store)
    report(20, 100)
    sequence = state.sequence + 1
    encoded = encode_export(
        key=key, workstation_id=store.workstation_id, workstation_name=workstation_name(store),
        sequence=sequence, previous_hash=state.last_hash, learners=snapshot.learners,
        events=snapshot.events, demo=store.setting(DEMO_SETTING) == "true",
    )
    report(40, 100)
    path = folder / export_file_name(store.workstation_id, sequence)
    if path.exists():
        raise ExchangeError(f"The folder already holds a file called {path.name}. "
                            "Nothing was written.")

    def writing(done: int, total: int) -> None:
        report(40 + (55 * done) // max(total, 1), 100)

    try:
        write_atomically(path, encoded.data, verify=True, progress=writing)
    except VerifyError as error:
        path.unlink(missing_ok=True)
        raise ExchangeError("The USB stick did not keep the file safely, so it was removed. "
                            "Try again, or try another USB stick.") from error
    try:
        record_export_written(store, sequence=sequence, export_hash=encoded.export_hash)
    except ExportRaceError as error:
        path.unlink(missing_ok=True)
        raise ExchangeError(str(error)) from error
    fingerprint = key.public_key().fingerprint
    store.record_audit("staff", "progress exported", {
        "file": path.name, "sequence": sequence, "learners": encoded.learners,
        "events": encoded.events, "export_hash": encoded.export_hash,
    })
    report(100, 100)
    return ExportResult(path, encoded.learners, encoded.events, sequence, fingerprint,
                        encoded.export_hash)
