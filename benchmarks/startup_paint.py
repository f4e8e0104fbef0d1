"""Start to first paint: the Tutor main window against a bare QMainWindow + QPlainTextEdit.

Each run is a fresh process, offscreen. The time runs from just before the process is
launched to the end of the main window's first paint pass (the last widget paint event of
that pass), the same way for both. The window is built as `run_app` builds it, with a
temporary data folder and no learner dialog.

A third figure, printed but not compared, holds back the services `run_app` starts on a
zero timer until the window has painted: it shows what the first paint costs on its own.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from _measure import (
    Row,
    StartupTiming,
    bare_environment,
    child_environment,
    script_main,
    time_startup,
    time_startups,
)

BUDGET = 1.3


def measure(runs: int) -> list[Row]:
    """Time both windows `runs` times each, taking turns, after one unmeasured start each."""
    app_env, bare_env = child_environment(), bare_environment()

    def ours() -> StartupTiming:
        return time_startup("paint-app", "PAINTED", app_env)

    def floor() -> StartupTiming:
        return time_startup("paint-bare", "PAINTED", bare_env)

    def ours_services_waiting() -> StartupTiming:
        return time_startup("paint-app-services-wait", "PAINTED", app_env)

    app_runs, bare_runs, waiting_runs = time_startups(
        runs, [ours, floor, ours_services_waiting],
        ("Tutor window", "bare window", "Tutor window, services held until it paints"))
    early = sum(t.values.get("SERVICES_BEFORE_PAINT") == "1" for t in app_runs)
    note = ""
    if early:
        note = (f"in {early} of {runs} runs the services (store, web engine) started before "
                "the window painted, so the first paint waited for them")
    return [Row("start to first paint", statistics.median(t.from_launch for t in app_runs),
                statistics.median(t.from_launch for t in bare_runs), "s", BUDGET, note=note)]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures."""
    script_main(__doc__, measure, default_runs=7, argv=argv)


if __name__ == "__main__":
    main()
