"""Memory with one preview: Tutor showing an exercise, against a bare window + one web view.

Each run is a fresh process, offscreen. Once the preview has loaded, the child waits a
moment for things to settle; then this script adds up the proportional set size (PSS, from
`/proc/PID/smaps_rollup`) of the child and every process under it (QtWebEngine's zygotes,
GPU and render processes). Tutor shows the first web exercise's starter files in its live
preview, as in the start-up benchmark; the floor is a bare QMainWindow whose QWebEngineView
has loaded a small page with `setHtml`.

PSS shares each shared page among the processes that map it, so other Qt programs running
at the same time lower both figures a little. The two take turns, so they are hit alike.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _measure import (
    STARTUP_CHILD,
    Child,
    Row,
    alternate,
    bare_environment,
    child_environment,
    script_main,
    spread,
)

BUDGET = 1.2
PROC = Path("/proc")


@dataclass(frozen=True)
class Footprint:
    """The memory of one process tree, in MB of PSS."""

    main_process: float
    browser_processes: float
    browser_count: int
    by_kind: tuple[tuple[str, float], ...] = ()
    private: float = 0.0  # the whole tree's private memory, for comparison

    @property
    def total(self) -> float:
        """The whole tree."""
        return self.main_process + self.browser_processes


def parent_ids() -> dict[int, int]:
    """Every running process's parent, by process id."""
    parents = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        # The command name is in brackets and may hold spaces; the parent id follows it.
        fields = stat[stat.rfind(")") + 2:].split()
        parents[int(entry.name)] = int(fields[1])
    return parents


def descendants(pid: int) -> list[int]:
    """Every process started (directly or not) by `pid`."""
    parents = parent_ids()
    found: list[int] = []
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.extend(children)
        frontier.extend(children)
    return found


def rollup(pid: int) -> dict[str, float]:
    """A process's memory figures from smaps_rollup, in MB (empty when it has gone)."""
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text(encoding="ascii")
    except OSError:
        return {}
    figures = {}
    for line in text.splitlines()[1:]:
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            figures[name] = int(parts[0]) / 1024
    return figures


def pss_megabytes(pid: int) -> float:
    """A process's proportional set size in MB, or 0 when it has gone."""
    return rollup(pid).get("Pss", 0.0)


def private_megabytes(pid: int) -> float:
    """Memory only this process uses, in MB: unlike PSS, other programs do not change it."""
    figures = rollup(pid)
    return figures.get("Private_Clean", 0.0) + figures.get("Private_Dirty", 0.0)


def process_kind(pid: int, parents: dict[int, int]) -> str:
    """What a browser process does: its `--type=` argument, or "renderer" under a zygote.

    Render processes are forked from a zygote and keep the zygote's command line.
    """
    kind = _type_argument(pid)
    if kind == "zygote" and _type_argument(parents.get(pid, 0)) == "zygote":
        return "renderer"
    return kind


def _type_argument(pid: int) -> str:
    try:
        arguments = (PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return "gone"
    for argument in arguments:
        if argument.startswith(b"--type="):
            return argument[len(b"--type="):].decode("ascii", "replace")
    return "other"


def footprint(mode: str, env: dict[str, str]) -> Footprint:
    """Start a child in `mode`, let it settle with its page loaded, and weigh its tree."""
    child = Child([str(STARTUP_CHILD), mode, "--hold"], env=env)
    try:
        child.read_until("HOLDING")
        if child.values.get("LOADED_OK") != "1":
            raise RuntimeError(f"The page in '{mode}' did not load.")
        parents = parent_ids()
        tree = descendants(child.process.pid)
        weighed = [(process_kind(pid, parents), pss_megabytes(pid)) for pid in tree]
        return Footprint(main_process=pss_megabytes(child.process.pid),
                         browser_processes=sum(size for _, size in weighed),
                         browser_count=len(weighed), by_kind=tuple(sorted(weighed)),
                         private=sum(private_megabytes(pid)
                                     for pid in (child.process.pid, *tree)))
    finally:
        child.tell("done")
        child.finish()


def measure(runs: int) -> list[Row]:
    """Weigh each kind of window `runs` times, taking turns; return the summary row."""
    if not (PROC / str(os.getpid()) / "smaps_rollup").exists():
        raise SystemExit("This benchmark needs Linux's /proc/PID/smaps_rollup.")
    app_env, bare_env = child_environment(), bare_environment()
    flagged_env = bare_environment(app_flags=True)

    def ours() -> Footprint:
        return footprint("preview-app", app_env)

    def floor() -> Footprint:
        return footprint("preview-bare", bare_env)

    def floor_with_flags() -> Footprint:
        return footprint("preview-bare", flagged_env)

    app_runs, bare_runs, flagged_runs = alternate(runs, [ours, floor, floor_with_flags])
    names = ("Tutor with its preview", "bare web view", "bare web view + app's flags")
    for name, prints in zip(names, (app_runs, bare_runs, flagged_runs), strict=True):
        print(f"{name}: total {spread([p.total for p in prints], 'MB')}; private memory "
              f"median {statistics.median(p.private for p in prints):.0f} MB")
        print(f"{' ' * len(name)}  main process median "
              f"{statistics.median(p.main_process for p in prints):.0f} MB; "
              f"{statistics.median(p.browser_count for p in prints):g} browser processes, "
              f"median {statistics.median(p.browser_processes for p in prints):.0f} MB")
        typical = sorted(prints, key=lambda p: p.total)[len(prints) // 2]
        parts = ", ".join(f"{kind} {size:.0f}" for kind, size in typical.by_kind)
        print(f"{' ' * len(name)}  runs: {', '.join(f'{p.total:.0f}' for p in prints)} MB; "
              f"a typical run's browser processes (MB): {parts}")
    return [Row("memory with one preview (PSS)", statistics.median(p.total for p in app_runs),
                statistics.median(p.total for p in bare_runs), "MB", BUDGET)]


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures."""
    script_main(__doc__, measure, default_runs=5, argv=argv)


if __name__ == "__main__":
    main()
