"""The Git track: every starter fails, every solution passes, through the real console."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sandbox.git import (
    PracticeSetupError,
    git_available,
    practice_files,
    prepare_practice_area,
    run_git_check,
    solution_commands,
)
from tutor.content.git_exercise_lint import git_exercise_problems
from tutor.content.lint import lint_exercise
from tutor.content.loader import load_library
from tutor.content.model import Exercise

pytestmark = pytest.mark.skipif(not git_available(), reason="git is not installed")

GIT_EXERCISES = load_library().track("git").exercises


def test_the_track_goes_from_a_first_commit_to_a_team_workflow() -> None:
    ids = [e.id for e in GIT_EXERCISES]
    assert ids[:4] == ["git.first-commit", "git.branch-and-merge", "git.resolve-a-conflict",
                       "git.push-and-pull"]
    assert len(ids) >= 12 and ids[-1] == "git.team-workflow"
    assert all(e.kind == "git" for e in GIT_EXERCISES)


@pytest.mark.parametrize("exercise", GIT_EXERCISES, ids=lambda e: e.id)
def test_starter_fails_and_solution_passes(exercise: Exercise, tmp_path: Path) -> None:
    starter = run_git_check(exercise.check_files, [], workdir=tmp_path,
                            time_limit_seconds=exercise.time_limit_seconds)
    assert not starter.passed and starter.error is None
    assert all(test.passed or test.message for test in starter.tests)
    commands = solution_commands(exercise.check_files)
    solution = run_git_check(exercise.check_files, commands, workdir=tmp_path,
                             time_limit_seconds=exercise.time_limit_seconds)
    failed = [(t.name, t.message) for t in solution.tests if not t.passed]
    assert solution.passed, failed
    assert [c["command"] for c in solution.extra["commands"]] == commands
    assert all(c["allowed"] for c in solution.extra["commands"])
    assert list(tmp_path.iterdir()) == []  # the practice area is cleaned up


@pytest.mark.parametrize("exercise", GIT_EXERCISES, ids=lambda e: e.id)
def test_the_editor_files_match_the_practice_area(exercise: Exercise, tmp_path: Path) -> None:
    # The solution's files differ from the starter's, so a caller given only files can tell
    # which one it was asked to check.
    assert exercise.starter_files != exercise.solution_files
    names = list(exercise.starter_files)
    with prepare_practice_area(exercise.check_files, tmp_path / "area") as console:
        assert practice_files(console, names) == exercise.starter_files
        for line in solution_commands(exercise.check_files):
            assert console.run(line).allowed
        assert practice_files(console, names) == exercise.solution_files


@pytest.mark.parametrize("exercise", GIT_EXERCISES, ids=lambda e: e.id)
def test_the_lesson_passes_the_static_lint(exercise: Exercise) -> None:
    assert [str(problem) for problem in lint_exercise(exercise)] == []


def test_refused_and_messageless_commands_are_reported(tmp_path: Path) -> None:
    exercise = GIT_EXERCISES[0]
    report = run_git_check(exercise.check_files,
                           ["git init", "git add notes.txt", "git commit", "vim notes.txt"],
                           workdir=tmp_path)
    assert not report.passed
    commit, vim = report.extra["commands"][2:]
    assert commit["exit_code"] == 1 and "-m" in commit["output"]
    assert not vim["allowed"] and "editor tab" in vim["output"]
    data = report.to_json(exercise.id)
    assert data["commands"][0] == {"command": "git init", "allowed": True,
                                   "output": data["commands"][0]["output"], "exit_code": 0}


def test_a_practice_folder_that_is_not_empty_is_not_reused(tmp_path: Path) -> None:
    (tmp_path / "area").mkdir()
    (tmp_path / "area" / "work.txt").write_text("keep me")
    with pytest.raises(PracticeSetupError):
        prepare_practice_area(GIT_EXERCISES[0].check_files, tmp_path / "area")
    assert (tmp_path / "area" / "work.txt").read_text() == "keep me"


def test_a_failing_setup_command_is_an_error(tmp_path: Path) -> None:
    files = {"git.toml": 'format_version = 1\n[[check]]\nname = "x"\nclean_working_tree = '
                         'true\n', "setup.commands": "git init\ncat missing.txt\n"}
    report = run_git_check(files, [], workdir=tmp_path)
    assert not report.passed and "cat missing.txt" in (report.error or "")


@pytest.mark.parametrize("exercise", GIT_EXERCISES, ids=lambda e: e.id)
def test_the_check_messages_are_plain_english(exercise: Exercise) -> None:
    assert git_exercise_problems(exercise, 8.0) == []


def test_a_hard_check_message_or_broken_git_toml_is_reported() -> None:
    exercise = GIT_EXERCISES[0]
    hard = dataclasses.replace(exercise, check_files={
        **exercise.check_files,
        "git.toml": 'format_version = 1\n[[check]]\nname = "Repository initialisation '
                    'necessitates comprehensive configuration considerations"\n'
                    'clean_working_tree = true\n'})
    problems = git_exercise_problems(hard, 8.0)
    assert [file for file, _ in problems] == ["checks/git.toml"]
    assert "grade" in problems[0][1]
    broken = dataclasses.replace(exercise, check_files={"git.toml": "format_version = 2\n"})
    assert git_exercise_problems(broken, 8.0) == [
        ("checks/git.toml", "checks/git.toml: format_version must be 1.")]
