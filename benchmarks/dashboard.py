"""The instructor's dashboard on a big class: reading the whole event log, then refreshing.

Builds (once, in a temporary folder) an instructor's database with 500 learners who have all
been through all 98 exercises, about twenty events each: close to a million events, with
code and results in every check, as imports leave them. Then times:
- the first overview (`DashboardCache.refresh` on a cold cache: every learner worked out);
- a refresh after five learners sent new events (only they are worked out again);
- one learner's history (their page), and filling the grid model with the overview.
The floor for the first overview is a bare query that reads the same columns of every event
in the same order (learner, then time), with nothing worked out.

Run with `.venv/bin/python benchmarks/dashboard.py` (building the data takes a minute or two;
`--learners` and `--scale` make it smaller).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _measure import REPOSITORY, Row, load_note, report, spread  # noqa: E402

FIRST_BUDGET_RATIO = 3.0
REFRESH_BUDGET_SECONDS = 0.25
BARE_SQL = ("SELECT exercise_id, created_at, kind, passed, workstation_id FROM events "
            "WHERE learner_id = ? ORDER BY created_at, id")


def _filler() -> object:
    """The test suite's filler of instructor databases, loaded by its path."""
    path = REPOSITORY / "tests" / "instructor" / "populate.py"
    spec = importlib.util.spec_from_file_location("instructor_populate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def measure(runs: int, learners: int, scale: float) -> list[Row]:
    """Build the class, then time each step `runs` times; return the summary rows."""
    from PySide6.QtWidgets import QApplication

    from tutor.content.loader import load_library
    from tutor.store import Store
    from tutor.store.dashboard import DashboardCache, learner_history
    from tutor.ui.instructor.catalog import ExerciseCatalog
    from tutor.ui.instructor.grid_model import DashboardModel

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the model needs one
    populate = _filler()
    with tempfile.TemporaryDirectory(prefix="dashboard-benchmark-") as folder:
        path = Path(folder) / "instructor.sqlite3"
        started = time.perf_counter()
        filled = populate.fill_instructor_store(  # type: ignore[attr-defined]
            path, learners=learners, attempts_scale=scale, full_course=True)
        print(f"built {learners} learners, {filled.events:,} events in "
              f"{time.perf_counter() - started:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
        store = Store.open(path)
        learner_ids = list(filled.learner_ids)
        exercise = load_library().exercises()[0]
        first, floor, again, history, grid = [], [], [], [], []
        for _ in range(runs):
            began = time.perf_counter()
            with store._reading() as database:
                for learner_id in learner_ids:
                    database.conn.execute(BARE_SQL, [learner_id]).fetchall()
            floor.append(time.perf_counter() - began)
            cache = DashboardCache(store)
            began = time.perf_counter()
            overview = cache.refresh()
            first.append(time.perf_counter() - began)
            for learner_id in learner_ids[:5]:
                store.record_check(learner_id, exercise.id, exercise.content_version,
                                   passed=True, results=[], files=exercise.solution_files,
                                   duration_ms=10.0)
            began = time.perf_counter()
            overview = cache.refresh()
            again.append(time.perf_counter() - began)
            began = time.perf_counter()
            learner_history(store, learner_ids[0])
            history.append(time.perf_counter() - began)
            model = DashboardModel(ExerciseCatalog(load_library()))
            began = time.perf_counter()
            model.set_overview(overview)
            grid.append(time.perf_counter() - began)
        store.close()
    print(f"bare read of every event, learner by learner: {spread(floor, 's')}")
    print(f"first overview: {spread(first, 's')}")
    print(f"refresh after 5 learners' new events: {spread(again, 's')}")
    print(f"one learner's history: {spread(history, 's')}")
    print(f"grid model filled: {spread(grid, 's')}")
    events = f"{filled.events:,} events, {learners} learners"
    return [
        Row("dashboard: first overview", statistics.median(first), statistics.median(floor),
            "s", FIRST_BUDGET_RATIO, note=events),
        Row("dashboard: refresh after new events", statistics.median(again), None, "s",
            REFRESH_BUDGET_SECONDS, budget_is_ratio=False),
        Row("dashboard: one learner's history", statistics.median(history), None, "s",
            REFRESH_BUDGET_SECONDS, budget_is_ratio=False),
        Row("dashboard: grid model filled", statistics.median(grid), None, "s",
            REFRESH_BUDGET_SECONDS, budget_is_ratio=False),
    ]


def main() -> None:
    """Parse the options and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each (default 3)")
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--scale", type=float, default=4.5,
                        help="attempts per exercise, relative to a usual class (default 4.5, "
                             "about twenty events per exercise)")
    args = parser.parse_args()
    print(__doc__.splitlines()[0])
    print(load_note())
    report(measure(max(args.runs, 1), args.learners, args.scale))


if __name__ == "__main__":
    main()
