"""A web check, warm: Tutor's check runner against one reused bare page running the same tests.

Both run in this one process, offscreen, taking turns after one unmeasured warm-up run each.
Tutor's figure is `WebCheckRunner.start` to `check_finished` on an exercise with twenty
DOM and CSS checks, written as a Jest-style check file. The floor is one reused
QWebEnginePage with a bare scheme handler, loading the same page and running the same twenty
assertions through one `runJavaScript`, with no harness.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
from collections.abc import Sequence

from _measure import Row, load_note, report, spread
from _pages import (
    ASSERTIONS,
    CHECK_FILES,
    ENTRY,
    FILES,
    PLAIN_CHECKS,
    BarePage,
    flush_deferred_deletes,
    register_bare_scheme,
    wait_for,
)

BUDGET = 1.5


def measure(runs: int) -> list[Row]:
    """Time `runs` warm checks of each kind, taking turns; return the summary row."""
    from sandbox.web.check_runner import WebCheckRunner
    from sandbox.web.profile import WebSandbox

    sandbox = WebSandbox()
    runner = WebCheckRunner(sandbox)
    bare = BarePage(FILES)
    reports = []

    def ours() -> float:
        seconds, report = wait_for(runner.check_finished, lambda: runner.start(
            FILES, CHECK_FILES, entry=ENTRY))
        reports.append(report)
        return seconds * 1000

    def floor() -> float:
        seconds, result = bare.load_and_run(ENTRY, PLAIN_CHECKS)
        results = json.loads(result) if isinstance(result, str) else []
        if len(results) != len(ASSERTIONS) or not all(r["passed"] for r in results):
            raise RuntimeError(f"The bare page's checks did not all pass: {result}")
        return seconds * 1000

    try:
        ours(), floor()  # warm-up runs; not counted
        reports.clear()
        ours_ms: list[float] = []
        floor_ms: list[float] = []
        for _ in range(runs):
            ours_ms.append(ours())
            floor_ms.append(floor())
    finally:
        runner.close()
        flush_deferred_deletes()
        bare.close()
        sandbox.shutdown()

    print(f"Tutor check runner: {spread(ours_ms, 'ms')}")
    print(f"  its own duration_ms: median "
          f"{statistics.median(r.duration_ms for r in reports):.1f} ms")
    print(f"bare page, one runJavaScript: {spread(floor_ms, 'ms')}")
    passed = sum(r.passed for r in reports)
    tests = statistics.median(len(r.tests) for r in reports)
    note = ""
    if passed < len(reports) or tests != len(ASSERTIONS):
        first = reports[0]
        problem = first.error or next((t.message for t in first.tests if not t.passed), "")
        note = (f"only {passed} of {len(reports)} runs passed, with a median of {tests:g} "
                f"tests ({len(ASSERTIONS)} expected); the figure may not be a real check. "
                f"First problem: {problem[:200]}")
    return [Row("a web check, warm (20 DOM/CSS checks)", statistics.median(ours_ms),
                statistics.median(floor_ms), "ms", BUDGET, note=note)]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each (default 20)")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    register_bare_scheme()
    from tutor.qt_start import start_qt

    app, _chromium = start_qt(headless=True)  # held until the end: Qt needs it alive
    print(__doc__.splitlines()[0])
    print(load_note())
    rows = measure(max(args.runs, 1))
    report(rows)


if __name__ == "__main__":
    main()
