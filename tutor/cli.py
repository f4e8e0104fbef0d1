"""The `tutor` command: opens the app, or does one job headless and prints the result.

Exit codes follow the command-line contract: 0 success, 1 a negative result (checks failed,
lint found problems), 2 bad input or an error, with a one-line message on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from sandbox.results import CheckReport
from tutor import __version__
from tutor.cli_common import (
    EXIT_ERROR,
    EXIT_NEGATIVE,
    EXIT_OK,
    NegativeResult,
    UsageError,
    print_json,
)
from tutor.content.errors import ContentError
from tutor.content.loader import Library, load_library
from tutor.content.model import Exercise
from tutor.paths import data_dir, database_path

# Each of these modules has `add_commands(subparsers)`, which adds its own subcommands.
COMMAND_MODULES: tuple[str, ...] = (
    "tutor.cli_packs", "tutor.cli_config", "tutor.cli_staff", "tutor.cli_review",
    "tutor.cli_instructor", "tutor.cli_exchange", "tutor.cli_reports",
)

_print_json = print_json


def _library(args: argparse.Namespace) -> Library:
    """The lessons a command works on: --lessons, else the source folder, else installed packs.

    An installed program has no lessons/ folder: it uses the packs the app shows.
    """
    from tutor.content import loader

    if args.lessons:
        return load_library(Path(args.lessons))
    if loader.default_lessons_root().is_dir():
        return load_library(None)
    from tutor.content.packs.startup import app_lessons

    return app_lessons(data_dir(args.data_dir)).library


def _read_submission(exercise: Exercise, folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        raise UsageError(f"There is no folder called {folder}.")
    files = {}
    for name in exercise.file_names:
        path = folder / name
        if not path.is_file():
            raise UsageError(f"The folder {folder} has no file called {name}.")
        if path.stat().st_size > 2_000_000:
            raise UsageError(f"The file {name} is too big to check (over 2 MB).")
        try:
            files[name] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise UsageError(f"The file {name} is not plain text (UTF-8).") from error
    return files


def command_lessons_list(args: argparse.Namespace) -> int:
    """Print every exercise: id, track, kind, title, folder and starter files."""
    library = _library(args)
    rows = [{"id": e.id, "track": e.track_id, "kind": e.kind, "title": e.title,
             "folder": str(e.folder), "starter_files": list(e.file_names)}
            for e in library.exercises()]
    if args.json:
        _print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<32} {row['kind']:<6} {row['title']}")
    return EXIT_OK


def command_check(args: argparse.Namespace) -> int:
    """Run one exercise's checks on the starter, the solution or a folder of files."""
    library = _library(args)
    try:
        exercise = library.resolve(args.exercise)
    except KeyError as error:
        raise UsageError(str(error.args[0] if error.args else error)) from error
    if exercise.kind == "git":
        return _check_git(exercise, args)
    if args.commands:
        raise UsageError("--commands is only for git exercises.")
    if args.solution and args.files:
        raise UsageError("Use --files or --solution, not both.")
    if args.solution:
        files = dict(exercise.solution_files)
    elif args.files:
        files = _read_submission(exercise, Path(args.files))
    else:
        files = dict(exercise.starter_files)
    from tutor.checking import run_check_blocking
    from tutor.qt_start import start_qt

    start_qt(headless=True)
    report = run_check_blocking(exercise, files)
    _close_runner()
    return _print_report(exercise, report, args)


def _check_git(exercise: Exercise, args: argparse.Namespace) -> int:
    """Type the commands of a file (or the solution's, or none) into a git console."""
    from sandbox.git import solution_commands
    from sandbox.git.practice import command_lines
    from tutor.checking import run_git_exercise

    if args.files:
        raise UsageError("A git exercise takes --commands FILE, not --files.")
    if args.solution:
        commands = solution_commands(exercise.check_files)
    elif args.commands:
        path = Path(args.commands)
        if not path.is_file():
            raise UsageError(f"There is no file called {path}.")
        if path.stat().st_size > 200_000:
            raise UsageError(f"The file {path} is too big (over 200 KB).")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise UsageError(f"The file {path} is not plain text (UTF-8).") from error
        commands = command_lines(text)
    else:
        commands = []
    return _print_report(exercise, run_git_exercise(exercise, commands), args)


def _print_report(exercise: Exercise, report: CheckReport, args: argparse.Namespace) -> int:
    if args.json:
        _print_json(report.to_json(exercise.id))
    else:
        for test in report.tests:
            mark = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIP"}[test.status]
            print(f"{mark}  {test.name}")
            if test.status == "failed" and test.message:
                print("      " + test.message.splitlines()[0])
        if report.error:
            print(report.error)
        print("All checks pass." if report.passed else "Some checks do not pass yet.")
    return EXIT_OK if report.passed else EXIT_NEGATIVE


def command_lessons_lint(args: argparse.Namespace) -> int:
    """Check the curriculum: starters fail, solutions pass, hints, plain English, no URLs."""
    from tutor.content.lint import lint_library, lint_summary
    from tutor.content.loader import load_lessons

    # A path may be the whole lessons folder, one track or one exercise.
    library = load_lessons(Path(args.path)) if args.path else _library(args)
    run_check = None
    if not args.static:
        from tutor.checking import run_check_blocking
        from tutor.qt_start import start_qt

        start_qt(headless=True)
        run_check = run_check_blocking
    problems = lint_library(library, run_check=run_check)
    if not args.path:
        from tutor.content.glossary import load_glossary
        from tutor.content.glossary_lint import glossary_problems
        from tutor.content.lint import Problem

        try:
            problems += glossary_problems(library, load_glossary(library.root))
        except ContentError as error:
            problems.append(Problem("", "glossary.toml", str(error)))
    if run_check is not None:
        _close_runner()
    if args.json:
        summary = lint_summary(library, problems)
        _print_json(summary)
    else:
        for problem in problems:
            print(f"{problem.exercise_id}: {problem.file}: {problem.message}")
        count = len(library.exercises())
        print(f"{count} exercises, {len(problems)} problems.")
    return EXIT_OK if not problems else EXIT_NEGATIVE


def command_stats(args: argparse.Namespace) -> int:
    """Print how many learners, events and exercises started and done a data folder holds."""
    from tutor.store.store import Store

    path = database_path(data_dir(args.data_dir))
    if not path.exists():
        stats = {"learners": 0, "events": 0, "exercises_started": 0, "exercises_done": 0}
    else:
        with Store.open(path) as store:
            stats = store.stats()
    if args.json:
        _print_json(stats)
    else:
        for key, value in stats.items():
            print(f"{key.replace('_', ' ')}: {value}")
    return EXIT_OK


def command_gui(args: argparse.Namespace) -> int:
    """Open the desktop app."""
    from tutor.app import run_app

    return run_app(data_dir(args.data_dir), lessons_root=Path(args.lessons) if args.lessons
                   else None, smoke=args.smoke)


def _close_runner() -> None:
    from sandbox.web.check_runner import close_shared_runner

    close_shared_runner()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every `tutor` command."""
    parser = argparse.ArgumentParser(prog="tutor", description="An offline coding tutor.")
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    parser.add_argument("--data-dir", help="keep all data in this folder (or set TUTOR_DATA_DIR)")
    parser.add_argument("--lessons", help=argparse.SUPPRESS)
    parser.add_argument("--smoke", action="store_true",
                        help="open the main window offscreen, run one check and exit")
    parser.set_defaults(handler=command_gui)
    commands = parser.add_subparsers(dest="command")

    lessons = commands.add_parser("lessons", help="list or lint the lessons")
    lesson_commands = lessons.add_subparsers(dest="lessons_command", required=True)
    listing = lesson_commands.add_parser("list", help="list every exercise")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=command_lessons_list)
    lint = lesson_commands.add_parser("lint", help="check the whole curriculum")
    lint.add_argument("path", nargs="?",
                      help="a lessons folder (default: the built-in or installed lessons)")
    lint.add_argument("--json", action="store_true")
    lint.add_argument("--static", action="store_true",
                      help="skip running starters and solutions through the checks")
    lint.set_defaults(handler=command_lessons_lint)

    check = commands.add_parser("check", help="run one exercise's checks")
    check.add_argument("exercise", help="an exercise id or a lesson folder")
    source = check.add_mutually_exclusive_group()
    source.add_argument("--files", help="check the files in this folder")
    source.add_argument("--solution", action="store_true", help="check the reference solution")
    source.add_argument("--commands", help="git exercises: type each line of this file")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=command_check)

    stats = commands.add_parser("stats", help="count learners, events and exercises")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=command_stats)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_commands(commands)
    return parser




def main(argv: Sequence[str] | None = None) -> int:
    """Run the `tutor` command and return its exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code in (0, None) else EXIT_ERROR
    try:
        from tutor.cli_config import prepare_installation

        prepare_installation(args)  # the installer config: data folder, keys, passphrase
        code: int = args.handler(args)
        return code
    except NegativeResult as error:
        sys.stderr.write(f"tutor: {error}\n")
        return EXIT_NEGATIVE
    except (UsageError, ContentError) as error:
        sys.stderr.write(f"tutor: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("tutor: stopped.\n")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
