"""The linter finds each kind of problem in a crafted bad exercise, and none in the real ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome  # not collected as a test class
from tutor.content.lint import Problem, lint_lessons_folder, lint_library, lint_summary
from tutor.content.loader import load_library
from tutor.content.model import Exercise

WriteExercise = Callable[..., Path]

HARD_WORDS = ("Comprehensive institutional accountability necessitates considerable "
              "organizational commitment.")


def _problems(root: Path) -> list[Problem]:
    return lint_library(load_library(root), run_check=None)


def _found(problems: list[Problem], file: str, *words: str) -> bool:
    return any(p.file == file and all(w in p.message for w in words) for p in problems)


def test_the_real_lessons_have_no_problems() -> None:
    problems = lint_library(load_library(), run_check=None)
    assert problems == [], "\n".join(str(p) for p in problems)


def test_a_good_exercise_has_no_problems(lessons_root: Path,
                                         write_exercise: WriteExercise) -> None:
    write_exercise()
    assert _problems(lessons_root) == []


def test_one_hint_is_not_enough(lessons_root: Path, write_exercise: WriteExercise) -> None:
    write_exercise(hints=["Add a heading."])
    problems = _problems(lessons_root)
    assert _found(problems, "exercise.toml", "1 hint", "at least 2")
    assert problems[0].exercise_id == "html.heading"


def test_web_addresses_are_found_everywhere(lessons_root: Path,
                                            write_exercise: WriteExercise) -> None:
    write_exercise(
        hints=["Look at http://example.com for help.", "Write an h1 tag."],
        lesson="# Links\n\nRead more at https://example.com/help today.\n",
        disk={
            "starter/index.html": "<!-- TODO: -->\n<a href='ftp://files.example.com/a'>x</a>\n",
            "solution/index.html": "<p>See file:///etc/passwd</p>\n",
        },
    )
    problems = _problems(lessons_root)
    assert _found(problems, "lesson.md", "https://example.com/help")
    assert _found(problems, "exercise.toml", "a hint", "http://example.com")
    assert _found(problems, "starter/index.html", "line 2", "ftp://files.example.com/a")
    assert _found(problems, "solution/index.html", "file:///etc/passwd")


def test_css_imports_from_the_network_are_found(lessons_root: Path,
                                                write_exercise: WriteExercise) -> None:
    css = ("/* TODO: style it */\n@import url(http://evil.example/a.css);\n"
           "body { background: url(//evil.example/b.png); }\n"
           "h1 { background: url('../../../secret.png'); }\n")
    write_exercise(files=["index.html", "style.css"],
                   disk={"starter/style.css": css, "solution/style.css": "h1 {}\n"})
    problems = _problems(lessons_root)
    assert _found(problems, "starter/style.css", "http://evil.example/a.css")
    assert _found(problems, "starter/style.css", "@import", "points outside")
    assert _found(problems, "starter/style.css", "url()", "//evil.example/b.png")
    assert _found(problems, "starter/style.css", "url()", "climbs out of the exercise")


def test_scripts_styles_and_frames_must_point_into_the_exercise(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    page = ("<!-- TODO: finish -->\n"
            '<link rel="stylesheet" href="theme.css">\n'
            '<script src="//cdn.example.net/lib.js"></script>\n'
            '<iframe src="other.html"></iframe>\n'
            '<img src="cat.png" alt="A cat">\n'
            '<a href="#top" ping="/track">Top</a>\n'
            "<style>@import 'missing.css';</style>\n")
    write_exercise(disk={"starter/index.html": page, "starter/cat.png": "not really a png"})
    problems = _problems(lessons_root)
    assert _found(problems, "starter/index.html", "line 2", "<link href>", "'theme.css'",
                  "does not have")
    assert _found(problems, "starter/index.html", "line 3", "<script src>", "points outside")
    assert _found(problems, "starter/index.html", "line 4", "<iframe src>", "'other.html'")
    assert _found(problems, "starter/index.html", "line 6", "ping")
    assert _found(problems, "starter/index.html", "@import", "'missing.css'")
    assert not _found(problems, "starter/index.html", "cat.png")


def test_checks_may_not_use_the_network(lessons_root: Path,
                                        write_exercise: WriteExercise) -> None:
    check = ("import { test, expect } from '@jest/globals';\n"
             "// fetch in a comment is not code\n"
             "test('The page has a heading', async () => {\n"
             "  const answer = await fetch('/answers.json');\n"
             "  new WebSocket('ws' + 's:' + '//example.com');\n"
             "  navigator.sendBeacon('/log', 'data');\n"
             "  expect(answer, 'Add a heading.').toBeTruthy();\n"
             "});\n")
    write_exercise(disk={"checks/page.test.js": check})
    problems = _problems(lessons_root)
    assert _found(problems, "checks/page.test.js", "line 4", "fetch")
    assert _found(problems, "checks/page.test.js", "line 5", "WebSocket")
    assert _found(problems, "checks/page.test.js", "line 6", "sendBeacon")
    assert not _found(problems, "checks/page.test.js", "line 2")


def test_imports_must_be_exercise_files_or_the_check_helpers(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    check = ("import { test, expect } from '@jest/globals';\n"
             "import _ from 'lodash';\n"
             "import { greet } from './greet';\n"
             "import { helper } from './helpers';\n"
             "test('The page has a heading', () => { expect(1, 'Add one.').toBe(1); });\n")
    write_exercise(files=["index.html", "greet.js"],
                   disk={"checks/page.test.js": check, "checks/helpers.js": "export {}\n",
                         "starter/greet.js": "// TODO: greet\n", "solution/greet.js": "\n"})
    problems = _problems(lessons_root)
    assert _found(problems, "checks/page.test.js", "line 2", "'lodash'")
    assert not _found(problems, "checks/page.test.js", "./greet")
    assert not _found(problems, "checks/page.test.js", "./helpers")


def test_hard_words_are_found_in_lessons_hints_and_checks(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    check = ("import { test, expect } from '@jest/globals';\n"
             f"test('{HARD_WORDS}', () => {{\n"
             f"  expect(1, 'Add a heading.').toBe(1);\n"
             f"  expect(2, '{HARD_WORDS}').toBe(2);\n"
             "});\n")
    write_exercise(
        lesson=f"# Hard\n\n{HARD_WORDS} {HARD_WORDS}\n\n```html\n<h1>x</h1>\n```\n",
        hints=["Add a heading.", HARD_WORDS],
        disk={"checks/page.test.js": check},
    )
    problems = _problems(lessons_root)
    assert _found(problems, "lesson.md", "reads at grade", "hardest sentence")
    assert _found(problems, "exercise.toml", "hint 2 reads at grade")
    assert not _found(problems, "exercise.toml", "hint 1")
    assert _found(problems, "checks/page.test.js", "line 2", "test name")
    assert _found(problems, "checks/page.test.js", "line 4", "expect message")
    assert not _found(problems, "checks/page.test.js", "line 3")


def test_a_starter_needs_a_todo(lessons_root: Path, write_exercise: WriteExercise) -> None:
    write_exercise(disk={"starter/index.html": "<body></body>\n"})
    assert _found(_problems(lessons_root), "starter", "TODO:")


def test_other_kinds_of_extra_file_are_refused(lessons_root: Path,
                                               write_exercise: WriteExercise) -> None:
    write_exercise(disk={"starter/tool.exe": "MZ"})
    assert _found(_problems(lessons_root), "starter/tool.exe", "not allowed")


# With a runner: the starter must fail and the solution must pass.

def _runner(starter: CheckReport, solution: CheckReport
            ) -> Callable[[Exercise, dict[str, str]], CheckReport]:
    def run_check(exercise: Exercise, files: dict[str, str]) -> CheckReport:
        return solution if files == exercise.solution_files else starter
    return run_check


PASSED = CheckReport(passed=True, tests=(Outcome("The page has a heading", "passed"),))
FAILED = CheckReport(passed=False, tests=(
    Outcome("The page has a heading", "failed", "Your page needs an <h1> heading."),))


def test_a_runner_proves_starter_fails_and_solution_passes(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    write_exercise()
    library = load_library(lessons_root)
    assert lint_library(library, run_check=_runner(FAILED, PASSED)) == []


def test_a_starter_that_passes_is_a_problem(lessons_root: Path,
                                            write_exercise: WriteExercise) -> None:
    write_exercise()
    problems = lint_library(load_library(lessons_root), run_check=_runner(PASSED, PASSED))
    assert _found(problems, "starter", "passes every check")


def test_a_solution_that_fails_names_the_failed_check(lessons_root: Path,
                                                      write_exercise: WriteExercise) -> None:
    write_exercise()
    problems = lint_library(load_library(lessons_root), run_check=_runner(FAILED, FAILED))
    assert _found(problems, "solution", "'The page has a heading'", "needs an <h1> heading")


def test_checks_that_break_on_the_starter_are_a_problem(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    write_exercise()
    broken = CheckReport.failed_with("SyntaxError: Unexpected token '}'")
    problems = lint_library(load_library(lessons_root), run_check=_runner(broken, PASSED))
    assert _found(problems, "starter", "broke", "SyntaxError")


def test_a_runner_that_crashes_is_reported(lessons_root: Path,
                                           write_exercise: WriteExercise) -> None:
    write_exercise()

    def crash(exercise: Exercise, files: dict[str, str]) -> CheckReport:
        raise RuntimeError("the page would not start")

    problems = lint_library(load_library(lessons_root), run_check=crash)
    assert _found(problems, "starter", "could not be run", "would not start")
    assert _found(problems, "solution", "could not be run")


# Folders and the JSON summary.

def test_broken_data_is_one_problem_not_a_crash(lessons_root: Path,
                                                write_exercise: WriteExercise) -> None:
    folder = write_exercise(format_version=9)
    library, problems = lint_lessons_folder(lessons_root)
    assert library is None
    assert len(problems) == 1
    assert str(folder / "exercise.toml") in problems[0].message


def test_summary_counts_problems_per_track(lessons_root: Path,
                                           write_exercise: WriteExercise) -> None:
    write_exercise("01-one", "html.one", hints=["Only one hint."])
    write_exercise("02-two", "html.two")
    library, problems = lint_lessons_folder(lessons_root)
    summary = lint_summary(library, problems)
    assert summary["ok"] is False
    assert summary["exercises"] == 2
    assert summary["problems"] == 1
    assert summary["tracks"] == [
        {"id": "html", "title": "HTML and CSS", "exercises": 2, "problems": 1}]
    assert summary["items"][0]["exercise"] == "html.one"
    assert summary["items"][0]["file"] == "exercise.toml"


def test_one_exercise_folder_can_be_linted_alone(write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    library, problems = lint_lessons_folder(folder)
    assert library is not None and [e.id for e in library.exercises()] == ["html.heading"]
    assert problems == []


def test_svg_pictures_may_name_their_vocabulary_but_not_load_from_outside(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    good = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>\n'
    bad = ('<svg xmlns="http://www.w3.org/2000/svg">\n'
           '<image href="https://example.com/spy.png"/></svg>\n')
    write_exercise(disk={"starter/good.svg": good, "starter/bad.svg": bad})
    problems = _problems(lessons_root)
    assert not _found(problems, "starter/good.svg")
    assert _found(problems, "starter/bad.svg", "line 2", "https://example.com/spy.png")
