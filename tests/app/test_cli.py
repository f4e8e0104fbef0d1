"""The `tutor` command, run as a script would run it: JSON out, and the contract's exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.content.loader import load_library

EXERCISES = [exercise.id for exercise in load_library().exercises()]


def tutor(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if data_dir is not None:
        env["TUTOR_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "tutor.cli", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_lessons_list_names_every_exercise_with_its_starter_files() -> None:
    result = tutor("lessons", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == EXERCISES
    for row in rows:
        assert set(row) == {"id", "track", "kind", "title", "folder", "starter_files"}
        assert row["kind"] in {"web", "tests", "sql", "git"} and row["starter_files"]
        assert Path(row["folder"], "exercise.toml").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_starter_fails_and_every_solution_passes(exercise_id: str) -> None:
    starter = tutor("check", exercise_id, "--json")
    assert starter.returncode == 1, starter.stderr
    report = json.loads(starter.stdout)
    assert report["exercise"] == exercise_id and report["passed"] is False
    failed = [t for t in report["tests"] if not t["passed"]]
    assert failed and all(t["message"] for t in failed)
    solution = tutor("check", exercise_id, "--solution", "--json")
    assert solution.returncode == 0, solution.stdout
    report = json.loads(solution.stdout)
    assert report["passed"] is True and report["error"] is None
    assert set(report) >= {"exercise", "passed", "tests", "console", "duration_ms", "error"}
    assert solution.stderr.strip() == ""


@pytest.mark.slow
def test_check_files_from_a_folder_and_by_lesson_folder(tmp_path: Path) -> None:
    exercise = load_library().get("javascript.greet")
    for name, text in exercise.solution_files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    by_folder = tutor("check", str(exercise.folder), "--files", str(tmp_path), "--json")
    assert by_folder.returncode == 0, by_folder.stdout
    name = exercise.file_names[0]
    (tmp_path / name).write_text("export function greet( {", encoding="utf-8")
    broken = tutor("check", exercise.id, "--files", str(tmp_path), "--json")
    assert broken.returncode == 1
    report = json.loads(broken.stdout)
    assert any(name in t["message"] for t in report["tests"] if not t["passed"])


def test_bad_input_exits_2_with_one_line_on_stderr(tmp_path: Path) -> None:
    unknown = tutor("check", "no.such.exercise", "--json")
    assert unknown.returncode == 2
    assert len(unknown.stderr.strip().splitlines()) == 1
    missing = tutor("check", "javascript.greet", "--files", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = tutor("check", "javascript.greet", "--files", str(tmp_path / "empty"))
    assert empty.returncode == 2 and "no file called" in empty.stderr


def test_stats_on_an_empty_data_dir(tmp_path: Path) -> None:
    result = tutor("stats", "--json", data_dir=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"learners": 0, "events": 0,
                                         "exercises_started": 0, "exercises_done": 0}


@pytest.mark.slow
def test_lint_runs_the_whole_curriculum_through_the_real_runner() -> None:
    result = tutor("lessons", "lint", "--json")
    assert result.returncode == 0, result.stdout
    summary = json.loads(result.stdout)
    assert summary["ok"] is True and summary["problems"] == 0
    counts = {track["id"]: track["exercises"] for track in summary["tracks"]}
    assert counts["html"] >= 3 and counts["javascript"] >= 3
    assert sum(counts.values()) == len(EXERCISES)


@pytest.mark.slow
def test_smoke_opens_the_window_offscreen_and_runs_one_check() -> None:
    result = tutor("--smoke")
    assert result.returncode == 0, result.stderr
    assert "a check passed" in result.stdout
    assert "Traceback" not in result.stderr
