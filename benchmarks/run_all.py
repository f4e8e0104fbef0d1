"""Runs every benchmark in this folder, one after another, and prints one summary table.

Each script runs in its own process with its output shown as it comes. A script that
reports through `_measure.report` (the environment variable BENCHMARK_RESULTS names a file
for its rows) joins the summary; one that does not is listed with a pointer to its output.
These are measurements, not tests: a figure over its budget does not fail the run. The exit
code is 1 only when a script could not finish.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _measure import RESULTS_VARIABLE, SUMMARY_HEADER, Row, load_note, table

HERE = Path(__file__).resolve().parent
# The order a learner meets these costs; any other benchmark script found here runs after.
FIRST = ("startup_paint.py", "startup_preview.py", "web_check.py", "recovery.py",
         "memory.py", "highlighting.py")
SCRIPT_TIMEOUT_SECONDS = 600


def scripts() -> list[Path]:
    """The benchmark scripts: the known ones in order, then any others, by name."""
    found = {path.name: path for path in HERE.glob("*.py")
             if not path.name.startswith("_") and path.name != Path(__file__).name}
    ordered = [found.pop(name) for name in FIRST if name in found]
    return ordered + [found[name] for name in sorted(found)]


def run_script(script: Path) -> tuple[list[Row], str | None]:
    """Run one script, showing its output; its rows, and what went wrong if it failed."""
    with tempfile.TemporaryDirectory(prefix="benchmark-") as folder:
        results = Path(folder) / "rows.json"
        env = dict(os.environ, **{RESULTS_VARIABLE: str(results)})
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        try:
            finished = subprocess.run([sys.executable, str(script)], env=env, cwd=HERE.parent,
                                      timeout=SCRIPT_TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            return [], f"did not finish within {SCRIPT_TIMEOUT_SECONDS} s"
        rows = []
        if results.exists():
            rows = [Row.from_json(item) for item in json.loads(results.read_text("utf-8"))]
        if finished.returncode != 0:
            return rows, f"ended with exit code {finished.returncode}"
        return rows, None


def main() -> int:
    """Run everything; print the summary; 1 if a script could not finish."""
    began = time.monotonic()
    print(f"Benchmarks, offscreen; {load_note()}")
    summary: list[list[str]] = []
    notes: list[str] = []
    problems = 0
    for script in scripts():
        print(f"\n=== {script.name} ===", flush=True)
        rows, problem = run_script(script)
        for row in rows:
            summary.append(row.cells())
            if row.note:
                notes.append(f"{row.what}: {row.note}")
        if problem:
            problems += 1
            summary.append([script.name, "-", "-", "-", "-", f"FAILED ({problem})"])
        elif not rows:
            summary.append([script.name, "(see its output above)", "-", "-", "-", "-"])
    minutes = (time.monotonic() - began) / 60
    print(f"\n=== Summary ({minutes:.1f} min; {load_note()}) ===")
    print(table(SUMMARY_HEADER, summary))
    for note in notes:
        print(f"  note: {note}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
