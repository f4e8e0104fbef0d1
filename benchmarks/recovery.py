"""Recovery from `while(true){}`: how soon Tutor notices a runaway page, and how soon it is back.

In this one process, offscreen. Each cycle starts a check run whose page loops forever and
times it until `check_finished` (detection), then at once starts a normal run of the
benchmark exercise and times it until `check_finished`, running again if a run ends
differently from a warm run (as a learner would press Check again). Recovery is that time
less the median of normal warm runs measured just before. The floor kills the render process of a
bare page and times until a trivial `runJavaScript` answers again, after loading a small
page (a killed page answers nothing until it loads again).
"""

from __future__ import annotations

import argparse
import os
import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING

from _measure import Row, load_note, report, spread
from _pages import (
    CHECK_FILES,
    ENTRY,
    FILES,
    LOOPING_FILES,
    SMALL_PAGE,
    BarePage,
    flush_deferred_deletes,
    register_bare_scheme,
    wait_for,
)

if TYPE_CHECKING:
    from sandbox.results import CheckReport

DETECT_BUDGET_SECONDS = 1.0
RECOVER_BUDGET_SECONDS = 0.5
WARM_RUNS = 10
MAX_ATTEMPTS = 5


def measure(cycles: int) -> list[Row]:
    """Time `cycles` runaway runs and the normal run after each; return the summary rows."""
    from sandbox.web.check_runner import WebCheckRunner
    from sandbox.web.profile import WebSandbox

    sandbox = WebSandbox()
    runner = WebCheckRunner(sandbox)
    bare = BarePage({"index.html": SMALL_PAGE})

    def normal_run() -> tuple[float, str]:
        seconds, report = wait_for(runner.check_finished, lambda: runner.start(
            FILES, CHECK_FILES, entry=ENTRY))
        return seconds, outcome(report)

    def runaway_run() -> tuple[float, str]:
        seconds, report = wait_for(runner.check_finished, lambda: runner.start(
            LOOPING_FILES, CHECK_FILES, entry=ENTRY))
        return seconds, str(report.error or "")

    try:
        normal_run()  # warm-up; not counted
        warm_runs = [normal_run() for _ in range(WARM_RUNS)]
        warm = [seconds for seconds, _ in warm_runs]
        warm_median = statistics.median(warm)
        usual = statistics.mode(result for _, result in warm_runs)
        detections: list[float] = []
        after: list[float] = []
        unusual: list[str] = []
        reasons: set[str] = set()
        for _ in range(cycles):
            seconds, reason = runaway_run()
            detections.append(seconds)
            reasons.add(reason)
            # A learner whose check came back broken presses Check again: count every run
            # until one ends the way a warm run does.
            total = 0.0
            for _attempt in range(MAX_ATTEMPTS):
                seconds, result = normal_run()
                total += seconds
                if result == usual:
                    break
                unusual.append(result)
            after.append(total)
        bare.load_and_run("index.html", "1")  # the bare page's first render process
        floor = [bare.kill_and_recover("index.html") for _ in range(cycles)]
    finally:
        runner.close()
        flush_deferred_deletes()
        bare.close()
        sandbox.shutdown()

    recoveries = [seconds - warm_median for seconds in after]
    print(f"normal warm run: {spread(warm, 's')}")
    print(f"detection (start to check_finished): {spread(detections, 's')}")
    print(f"normal run right after: {spread(after, 's')}")
    print(f"recovery (that, less a warm run): {spread(recoveries, 's')}")
    print(f"floor, bare page killed until a script answers: {spread(floor, 's')}")
    print(f"what the learner was told: {' / '.join(sorted(reasons))}")
    print(f"a warm run's usual outcome: {usual}")
    note = ""
    if unusual:
        note = (f"after the {cycles} runaways, {len(unusual)} normal run(s) ended differently "
                f"from a warm run, and were run again (the recovery figure includes that): "
                f"{unusual[0]}")
    floor_median = statistics.median(floor)
    return [
        Row("runaway loop: detection", statistics.median(detections), None, "s",
            DETECT_BUDGET_SECONDS, budget_is_ratio=False),
        Row("runaway loop: recovery after detection", statistics.median(recoveries),
            floor_median, "s", RECOVER_BUDGET_SECONDS, budget_is_ratio=False, note=note),
    ]


def outcome(report: CheckReport) -> str:
    """A short account of how a run ended, to tell a normal run from a broken one."""
    if report.passed:
        return "passed"
    return f"not passed ({len(report.tests)} tests; {(report.error or '')[:120]})"


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=6, help="runaway cycles (default 6)")
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    register_bare_scheme()
    from tutor.qt_start import start_qt

    app, _chromium = start_qt(headless=True)  # held until the end: Qt needs it alive
    print(__doc__.splitlines()[0])
    print(load_note())
    rows = measure(max(args.cycles, 1))
    report(rows)


if __name__ == "__main__":
    main()
