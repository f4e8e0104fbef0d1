"""Importing 200 signed exports of 5,000 events each, beside a bare SQLite insert of the rows.

Ours: `tutor.exchange.import_exports` on a folder holding every export, into an empty
instructor's store: each file's archive opened with limits, its signature and hashes
checked, every line parsed and checked, then merged in one transaction per file.

Floor: the same learner and event rows, already in memory as tuples, inserted with one
`executemany` each into an empty database with the same schema, in one transaction, by a
bare `sqlite3` connection with SQLite's default settings.

The exports are made once, before timing, by the real export writer from made-up rows:
200 workstations, each with 25 learners and 5,000 events (mostly checks carrying code and
results, some hints) with time-ordered ids.
"""

from __future__ import annotations

import gc
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _measure import Row, alternate, script_main, spread  # noqa: E402

from tutor.exchange import import_exports  # noqa: E402
from tutor.exchange.export_file import encode_export, export_file_name  # noqa: E402
from tutor.store import Store  # noqa: E402
from tutor.store.ids import new_id  # noqa: E402
from tutor.store.merge import EVENT_COLUMNS, LEARNER_COLUMNS  # noqa: E402
from tutor.store.rows import to_json, utc_now_text  # noqa: E402
from tutor.trust.keys import PrivateKey  # noqa: E402

EXPORTS = 200
EVENTS_PER_EXPORT = 5_000
LEARNERS_PER_EXPORT = 25
EXERCISES = ("html.first-heading", "html.links-and-images", "css.colours", "javascript.greet",
             "sql.select-all", "git.first-commit")
PAGE = ("<!doctype html>\n<html>\n  <head>\n    <title>{title}</title>\n  </head>\n  <body>\n"
        "    <h1>{title}</h1>\n    <p>Attempt {attempt} by learner {learner}.</p>\n"
        "  </body>\n</html>\n")


def made_up_rows(rng: random.Random) -> tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """One workstation's learners and events, as store rows."""
    workstation_id = new_id()
    now = utc_now_text()
    learners = [(new_id(), f"Learner {number}", now, 0, workstation_id)
                for number in range(LEARNERS_PER_EXPORT)]
    events = []
    for attempt in range(EVENTS_PER_EXPORT):
        learner = learners[attempt % LEARNERS_PER_EXPORT][0]
        exercise = EXERCISES[(attempt // 40) % len(EXERCISES)]
        if attempt % 9 == 8:
            events.append((new_id(), learner, exercise, "0121f45e9c1d", "hint_shown", now,
                           None, None, None, None, workstation_id))
            continue
        passed = rng.random() < 0.3
        results = [{"name": "The page has a main heading", "passed": passed,
                    "status": "passed" if passed else "failed",
                    "message": "" if passed else "Your page needs an <h1> heading.",
                    "duration_ms": round(rng.uniform(1, 30), 1)}]
        files = {"index.html": PAGE.format(title=f"My page {rng.randrange(1000)}",
                                           attempt=attempt, learner=learner[-4:])}
        events.append((new_id(), learner, exercise, "0121f45e9c1d", "check", now, int(passed),
                       to_json(results), to_json(files), round(rng.uniform(20, 400), 1),
                       workstation_id))
    return workstation_id, learners, events


def make_exports(folder: Path, exports: int) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Write the signed exports into folder; return every learner and event row."""
    rng = random.Random(2024)
    all_learners: list[tuple[Any, ...]] = []
    all_events: list[tuple[Any, ...]] = []
    for _ in range(exports):
        workstation_id, learners, events = made_up_rows(rng)
        encoded = encode_export(key=PrivateKey.generate(), workstation_id=workstation_id,
                                workstation_name=f"PC {workstation_id[-4:]}", sequence=1,
                                previous_hash="", learners=learners, events=events)
        (folder / export_file_name(workstation_id, 1)).write_bytes(encoded.data)
        all_learners += learners
        all_events += events
    return all_learners, all_events


def fresh_copy(template: Path, folder: Path) -> Path:
    """A new copy of the empty database, with no log files beside it."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    path = folder / template.name
    shutil.copyfile(template, path)
    return path


def time_ours(template: Path, work: Path, exports: Path) -> float:
    """Seconds for import_exports to take in the whole folder of exports."""
    path = fresh_copy(template, work / "ours")
    with Store.open(path) as store:
        began = time.perf_counter()
        report = import_exports(store, [exports], enrol=lambda _info: True)
        elapsed = time.perf_counter() - began
    if report.count("imported") != len(report.files):
        raise RuntimeError("Some exports were not imported: " + report.files[0].message)
    return elapsed


def time_floor(template: Path, work: Path, learners: Sequence[tuple[Any, ...]],
               events: Sequence[tuple[Any, ...]]) -> float:
    """Seconds for a bare sqlite3 connection to insert the same rows in one transaction."""
    path = fresh_copy(template, work / "floor")
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        began = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(
            f"INSERT INTO learners ({', '.join(LEARNER_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
            learners)
        connection.executemany(
            f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
        connection.execute("COMMIT")
        return time.perf_counter() - began
    finally:
        connection.close()


def measure(runs: int, exports: int = EXPORTS) -> list[Row]:
    """Make the exports once, then time ours and the floor, taking turns."""
    with tempfile.TemporaryDirectory(prefix="import-benchmark-") as name:
        work = Path(name)
        template = work / "template" / "instructor.sqlite3"
        Store.open(template).close()
        folder = work / "stick"
        folder.mkdir()
        began = time.perf_counter()
        learners, events = make_exports(folder, exports)
        # The floor's rows must stay in memory; frozen, Python's cycle collector skips them,
        # so they do not slow down whatever runs beside them (an app holds no such list).
        gc.freeze()
        size = sum(path.stat().st_size for path in folder.iterdir())
        print(f"made {exports} exports, {len(events):,} events, {size / 1e6:.0f} MB in "
              f"{time.perf_counter() - began:.1f} s (not timed)")
        ours, floor = alternate(runs, [lambda: time_ours(template, work, folder),
                                       lambda: time_floor(template, work, learners, events)])
    print(f"ours (import_exports): {spread(ours, 's')}")
    print(f"floor (bare executemany): {spread(floor, 's')}")
    ratio = statistics.median(ours) / statistics.median(floor)
    print(f"ratio of medians: {ratio:.2f}x (budget <= 2x)")
    return [Row(f"merge {exports} exports x {EVENTS_PER_EXPORT:,} events",
                statistics.median(ours), statistics.median(floor), "s", 2.0,
                note="floor: the same rows from memory, one bare executemany transaction")]


if __name__ == "__main__":
    script_main(__doc__ or "", measure, default_runs=3)
