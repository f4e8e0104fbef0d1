"""Start to preview ready: Tutor showing an exercise, against a bare window + QWebEngineView.

Each run is a fresh process, offscreen. The time runs from just before the process is
launched to the first `loadFinished` of the preview page. Tutor paints its window, starts
its services (the store and the web sandbox), then shows the first web exercise's starter
files in the live preview, as the exercise screen does. The floor is a bare QMainWindow
whose QWebEngineView loads a small page with `setHtml`.

A third figure, printed but not compared, is the same bare window given the Chromium flags
the app sets for itself: it shows how much of any gap the flags explain.
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
    """Time each start `runs` times, taking turns, after one unmeasured start each."""
    app_env, bare_env = child_environment(), bare_environment()
    flagged_env = bare_environment(app_flags=True)

    def ours() -> StartupTiming:
        return time_startup("preview-app", "READY", app_env)

    def floor() -> StartupTiming:
        return time_startup("preview-bare", "READY", bare_env)

    def floor_with_flags() -> StartupTiming:
        return time_startup("preview-bare", "READY", flagged_env)

    app_runs, bare_runs, flagged_runs = time_startups(
        runs, [ours, floor, floor_with_flags],
        ("Tutor preview", "bare web view", "bare web view + app's flags"))
    failed = sum(t.values.get("LOADED_OK") != "1" for t in app_runs)
    note = f"the preview page failed to load in {failed} of {runs} runs" if failed else ""
    return [Row("start to preview ready", statistics.median(t.from_launch for t in app_runs),
                statistics.median(t.from_launch for t in bare_runs), "s", BUDGET, note=note)]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures."""
    script_main(__doc__, measure, default_runs=7, argv=argv)


if __name__ == "__main__":
    main()
