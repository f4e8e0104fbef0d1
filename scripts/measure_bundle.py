"""Measure the built bundle as a workstation runs it: start-up time and memory, offscreen.

    python scripts/measure_bundle.py [BUNDLE_FOLDER] [--runs N] [--program PATH]

BUNDLE_FOLDER defaults to dist/tutor (`make installer` makes it). Each run is a fresh
process with a clean environment (no Python or virtual environment on PATH). The script
trusts the key in the bundle's packs/trusted-keys.txt through an installer config of its own,
as IT would, so the bundled curriculum pack installs.

Times come from Qt's own paint log (its messages carry the system's monotonic clock, which
this script also reads), so the bundle needs no code of its own for measuring:

- first paint: launch until the main window is first drawn and flushed;
- sign-in ready: launch until the window is drawn again with the sign-in screen in it
  (the store, the lessons and the web engine have started by then);
- smoke: launch until `tutor --smoke` exits, having opened the window and run one check.

Memory is the proportional set size (PSS) and resident size (RSS) of the program and every
process it started (QtWebEngine's helpers), from /proc: settled at the sign-in screen, and the
peak while the smoke check runs. Linux only.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAMP = re.compile(r"^\s*(\d+\.\d+) ")
SETTLE_SECONDS = 3.0
TIMEOUT_SECONDS = 60.0


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """What a workstation's session gives the program: no Python, no virtual environment."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen", **extra}


def write_config(folder: Path, bundle: Path) -> Path:
    """An installer config beside the program (the only place a bundle reads one from).

    It trusts the key the bundled packs were signed with; `main` removes it afterwards.
    """
    keys = [line.strip() for line in
            (bundle / "packs" / "trusted-keys.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    path = folder / "tutor-config.toml"
    if path.exists():
        raise SystemExit(f"{path} already exists; measure a copy of the bundle instead.")
    quoted = ", ".join(f'"{key}"' for key in keys)
    path.write_text(f'workstation_name = "Measuring"\ntrusted_keys = [{quoted}]\n',
                    encoding="utf-8")
    return path


def tree(pid: int) -> list[int]:
    """The process and every process under it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[stat.rfind(")") + 2:].split()[1])
    found, frontier = [pid], [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found += children
        frontier += children
    return found


def memory(pid: int) -> tuple[float, float, int]:
    """PSS and RSS in MB of a process tree, and how many processes it has."""
    pss = rss = 0.0
    pids = tree(pid)
    for each in pids:
        try:
            text = Path(f"/proc/{each}/smaps_rollup").read_text(encoding="ascii")
        except OSError:
            continue
        for line in text.splitlines():
            name, _, rest = line.partition(":")
            if name in ("Pss", "Rss"):
                value = int(rest.split()[0]) / 1024
                pss, rss = (pss + value, rss) if name == "Pss" else (pss, rss + value)
    return pss, rss, len(pids)


def stop(process: subprocess.Popen[str]) -> None:
    """End the program and its helper processes."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def start_up(program: Path, data: Path, env: dict[str, str]) -> dict[str, float]:
    """Open the app; time its first paint and the sign-in screen; read its settled memory."""
    env = dict(env, QT_LOGGING_RULES="qt.widgets.painting=true",
               QT_MESSAGE_PATTERN="%{time boot} %{message}")
    launched = time.monotonic()
    process = subprocess.Popen([str(program), "--data-dir", str(data)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    alarm = threading.Timer(TIMEOUT_SECONDS, stop, [process])
    alarm.start()
    figures: dict[str, float] = {}
    sign_in_shown = False
    assert process.stderr is not None
    try:
        for line in process.stderr:
            found = STAMP.match(line)
            if "LearnerDialog" in line:
                sign_in_shown = True
            if not found or not re.search(r"Flushing QRegion\(.*\) of MainWindow", line):
                continue
            moment = float(found.group(1)) - launched
            figures.setdefault("first_paint", moment)
            if sign_in_shown:
                figures["sign_in_ready"] = moment
                break
        if "sign_in_ready" not in figures:
            raise RuntimeError("The app never showed its sign-in screen.")
        # Keep reading the log, or a full pipe would stall the app.
        threading.Thread(target=lambda: [None for _ in process.stderr or ()], daemon=True).start()
        time.sleep(SETTLE_SECONDS)
        figures["pss"], figures["rss"], figures["processes"] = memory(process.pid)
    finally:
        alarm.cancel()
        stop(process)
    return figures


def smoke(program: Path, data: Path, env: dict[str, str]) -> dict[str, float]:
    """Run `tutor --smoke`; time it and sample its memory while its check runs."""
    launched = time.monotonic()
    process = subprocess.Popen([str(program), "--smoke", "--data-dir", str(data)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               start_new_session=True)
    peak_pss = peak_rss = 0.0
    while process.poll() is None and time.monotonic() - launched < TIMEOUT_SECONDS:
        pss, rss, _ = memory(process.pid)
        peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
        time.sleep(0.05)
    took = time.monotonic() - launched
    output = process.stdout.read() if process.stdout else ""
    stop(process)
    if process.returncode != 0 or "a check passed" not in output:
        raise RuntimeError(f"The smoke run failed ({process.returncode}): {output.strip()}")
    return {"smoke": took, "peak_pss": peak_pss, "peak_rss": peak_rss}


def middle(runs: list[dict[str, float]], key: str) -> str:
    values = [run[key] for run in runs]
    return f"median {statistics.median(values):.3f}, min {min(values):.3f}, max {max(values):.3f}"


def main() -> None:
    """Measure the bundle and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "tutor"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--program", help="measure this program instead (such as .venv/bin/tutor, "
                        "to compare); the bundle still gives the packs' key")
    args = parser.parse_args()
    bundle = Path(args.bundle).resolve()
    program = Path(args.program).resolve() if args.program else bundle / "tutor"
    size = sum(path.stat().st_size for path in bundle.rglob("*")
               if path.is_file() and not path.is_symlink()) / 2**20
    print(f"bundle {bundle}: {size:.0f} MB; {os.cpu_count()} cores; "
          f"load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="tutor-measure-") as scratch:
        folder = Path(scratch)
        (folder / "home").mkdir()
        env = clean_environment(folder / "home")
        config = write_config(program.parent, bundle)
        try:
            first = start_up(program, folder / "data", env)  # installs the pack: counted apart
            print(f"first start (installs the curriculum pack): sign-in ready after "
                  f"{first['sign_in_ready']:.3f} s")
            starts, smokes = [], []
            for _ in range(args.runs):
                starts.append(start_up(program, folder / "data", env))
                shutil.rmtree(folder / "smoke-data", ignore_errors=True)
                smokes.append(smoke(program, folder / "smoke-data", env))
        finally:
            config.unlink()
    print(f"first paint (s):          {middle(starts, 'first_paint')}")
    print(f"sign-in ready (s):        {middle(starts, 'sign_in_ready')}")
    print(f"smoke, start to exit (s): {middle(smokes, 'smoke')}")
    print(f"processes at sign-in:     {middle(starts, 'processes')}")
    print(f"memory at sign-in, PSS (MB): {middle(starts, 'pss')}")
    print(f"memory at sign-in, RSS (MB): {middle(starts, 'rss')}")
    print(f"peak during smoke check, PSS (MB): {middle(smokes, 'peak_pss')}")
    print(f"peak during smoke check, RSS (MB): {middle(smokes, 'peak_rss')}")


if __name__ == "__main__":
    main()
