"""Shared parts of the benchmark scripts: child processes, medians, and the figures table.

Every benchmark prints rows of the same shape: what was measured, our figure, the floor
measured again in the same run, their ratio, and the budget from the design notes. When the
environment variable BENCHMARK_RESULTS names a file, the rows are also written there as JSON,
so `run_all.py` can gather every script's rows into one summary.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

REPOSITORY = Path(__file__).resolve().parents[1]
RESULTS_VARIABLE = "BENCHMARK_RESULTS"
CHILD_TIMEOUT_SECONDS = 90.0
T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One measured figure beside its floor and its budget.

    `budget` is a ratio (ours / floor) when `budget_is_ratio`, else an absolute limit in
    the row's unit. `floor` may be None where the design names no floor to compare with.
    """

    what: str
    ours: float
    floor: float | None
    unit: str
    budget: float
    budget_is_ratio: bool = True
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Ours divided by the floor, or None without a floor."""
        if self.floor is None or self.floor <= 0:
            return None
        return self.ours / self.floor

    @property
    def within(self) -> bool:
        """True when the figure keeps to its budget."""
        if self.budget_is_ratio:
            ratio = self.ratio
            return ratio is not None and ratio <= self.budget
        return self.ours <= self.budget

    def cells(self) -> list[str]:
        """The row as table cells: what, ours, floor, ratio, budget, within."""
        ratio = self.ratio
        budget = (f"<= {self.budget:g}x" if self.budget_is_ratio
                  else f"<= {format_value(self.budget, self.unit)}")
        return [self.what, format_value(self.ours, self.unit),
                "-" if self.floor is None else format_value(self.floor, self.unit),
                "-" if ratio is None else f"{ratio:.2f}x", budget,
                "yes" if self.within else "NO"]

    def to_json(self) -> dict[str, object]:
        """The row as plain data, with the derived ratio and verdict."""
        data: dict[str, object] = asdict(self)
        data["ratio"] = self.ratio
        data["within"] = self.within
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        """Rebuild a row written by `to_json`."""
        floor = data.get("floor")
        return cls(what=str(data["what"]), ours=float(data["ours"]),
                   floor=None if floor is None else float(floor), unit=str(data.get("unit", "")),
                   budget=float(data["budget"]),
                   budget_is_ratio=bool(data.get("budget_is_ratio", True)),
                   note=str(data.get("note", "")))


def format_value(value: float, unit: str) -> str:
    """A figure with its unit, rounded the way a reader wants to see it."""
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}".strip()


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with columns padded to their widest cell."""
    columns = zip(header, *rows, strict=True)
    widths = [max(len(str(cell)) for cell in column) for column in columns]
    lines = []
    for line in (header, ["-" * width for width in widths], *rows):
        cells = zip(line, widths, strict=True)
        lines.append("  ".join(str(cell).ljust(width) for cell, width in cells).rstrip())
    return "\n".join(lines)


SUMMARY_HEADER = ("what", "ours", "floor", "ratio", "budget", "within?")


def report(rows: Sequence[Row]) -> None:
    """Print the rows as a table, and write them as JSON where BENCHMARK_RESULTS says."""
    print()
    print(table(SUMMARY_HEADER, [row.cells() for row in rows]))
    for row in rows:
        if row.note:
            print(f"  note ({row.what}): {row.note}")
    target = os.environ.get(RESULTS_VARIABLE)
    if target:
        Path(target).write_text(json.dumps([row.to_json() for row in rows], indent=2),
                                encoding="utf-8")


def spread(samples: Sequence[float], unit: str) -> str:
    """Median, lowest and highest of some samples, for the detailed output."""
    return (f"median {format_value(statistics.median(samples), unit)}, "
            f"min {format_value(min(samples), unit)}, max {format_value(max(samples), unit)}, "
            f"n={len(samples)}")


def load_note() -> str:
    """The machine's load average, printed so a noisy run can be told apart."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def child_environment(**extra: str) -> dict[str, str]:
    """The environment for a measured child: offscreen, nothing inherited that changes Qt."""
    env = dict(os.environ)
    env.pop(RESULTS_VARIABLE, None)
    for name in ("QTWEBENGINE_CHROMIUM_FLAGS", "QTWEBENGINE_DISABLE_SANDBOX"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def running_as_root() -> bool:
    """True as the administrator account, where Chromium will not start its own sandbox."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


class Child:
    """A measured Python child process that reports by printing `KEY value` lines.

    `args` follow the interpreter: a script and its arguments, or `-c` and some code.
    """

    def __init__(self, args: Sequence[str], *, env: dict[str, str] | None = None) -> None:
        # Errors go to a file, not a pipe: Chromium can write a lot, and a full pipe that
        # nobody reads would stall the child.
        self._errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self.started = time.monotonic()
        # A process group of its own, so the child and any browser processes it starts can be
        # stopped together if it hangs.
        self.process = subprocess.Popen(
            [sys.executable, *args], cwd=REPOSITORY, env=env or child_environment(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._errors, text=True,
            start_new_session=True)
        self.values: dict[str, str] = {}

    def read_until(self, key: str | None, timeout: float = CHILD_TIMEOUT_SECONDS) -> str:
        """Read reported lines until `key` arrives (None: until the end); return its value."""
        assert self.process.stdout is not None
        # A child that hangs without a word is stopped, which ends the reading below.
        alarm = threading.Timer(timeout, self._kill)
        alarm.start()
        try:
            for line in iter(self.process.stdout.readline, ""):
                name, _, value = line.strip().partition(" ")
                if name:
                    self.values[name] = value
                if name == key:
                    return value
        finally:
            alarm.cancel()
        if key is None:
            return ""
        self.stop()
        raise RuntimeError(f"The child never reported {key}. Its errors:\n{self.errors()[-3000:]}")

    def errors(self) -> str:
        """What the child wrote to its standard error."""
        self._errors.seek(0)
        return self._errors.read()

    def tell(self, text: str) -> None:
        """Send one line to the child (it waits on its standard input to finish)."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(text + "\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            pass

    def finish(self, timeout: float = 30.0) -> None:
        """Wait for the child to exit, keeping what else it reported; stop it if it hangs."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        self.read_until(None, timeout)
        self.stop()

    def stop(self) -> None:
        """Stop the child and everything it started, and wait for it."""
        self._kill()
        self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._errors.close()

    def _kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def alternate(runs: int, makers: Sequence[Callable[[], T]]) -> list[list[T]]:
    """Run each measurement `runs` times, taking turns, so drift hits them alike."""
    samples: list[list[T]] = [[] for _ in makers]
    for _ in range(runs):
        for index, make in enumerate(makers):
            samples[index].append(make())
    return samples


STARTUP_CHILD = Path(__file__).resolve().with_name("_startup_child.py")


def bare_environment(*, app_flags: bool = False) -> dict[str, str]:
    """The environment for a floor child: offscreen, and Chromium able to start here.

    With `app_flags`, the floor also gets the Chromium flags the app sets for itself, so a
    difference the flags make can be told apart from one the app's own code makes.
    """
    extra: dict[str, str] = {}
    if app_flags:
        from sandbox.web.environment import prepare_chromium

        flags: dict[str, str] = {}
        prepare_chromium(flags)
        extra.update(flags)
    elif running_as_root():
        # Chromium refuses to start its sandbox as root; the app turns it off there too.
        extra["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return child_environment(**extra)


@dataclass(frozen=True)
class StartupTiming:
    """One start-up child's times, in seconds, and everything else it reported."""

    from_launch: float  # includes starting Python itself: what a learner waits for
    from_first_statement: float
    values: dict[str, str]


def time_startup(mode: str, key: str, env: dict[str, str]) -> StartupTiming:
    """Time one start-up child from its launch to its `key` report."""
    child = Child([str(STARTUP_CHILD), mode], env=env)
    try:
        reached = float(child.read_until(key))
    finally:
        child.finish()
    first_statement = float(child.values["STARTED"])
    return StartupTiming(reached - child.started, reached - first_statement, dict(child.values))


def imports(timing: StartupTiming) -> float:
    """Seconds from a start-up child's first statement until its modules were loaded."""
    return float(timing.values["IMPORTED"]) - float(timing.values["STARTED"])


def time_startups(runs: int, makers: Sequence[Callable[[], StartupTiming]],
                  names: Sequence[str]) -> list[list[StartupTiming]]:
    """Warm each start-up once (not counted), time them taking turns, and print each spread."""
    for make in makers:
        make()  # warm the disk cache; not counted
    samples = alternate(runs, makers)
    for name, timings in zip(names, samples, strict=True):
        print(f"{name}: from launch {spread([t.from_launch for t in timings], 's')}")
        print(f"{' ' * len(name)}  from first statement: median "
              f"{statistics.median(t.from_first_statement for t in timings):.3f} s, of which "
              f"importing {statistics.median(imports(t) for t in timings):.3f} s")
    return samples


def script_main(doc: str, measure: Callable[[int], Sequence[Row]], *, default_runs: int,
                argv: Sequence[str] | None = None) -> None:
    """The command line every benchmark script shares: `--runs N`, then the table."""
    import argparse

    title = doc.splitlines()[0]
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--runs", type=int, default=default_runs,
                        help=f"runs of each (default {default_runs})")
    args = parser.parse_args(argv)
    print(title)
    print(load_note())
    report(measure(max(args.runs, 1)))
