"""`tutor instructor`: opens the instructor's window on their own database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tutor.paths import data_dir


def command_instructor(args: argparse.Namespace) -> int:
    """Open the instructor's dashboard."""
    from tutor.instructor_app import run_instructor

    lessons = getattr(args, "lessons", None)
    return run_instructor(data_dir(args.data_dir), lessons_root=Path(lessons) if lessons else None,
                          smoke=args.instructor_smoke)


def add_commands(subparsers: Any) -> None:
    """Add `tutor instructor` to the `tutor` command."""
    parser = subparsers.add_parser(
        "instructor", help="open the instructor's dashboard (learners, exercises, their work)")
    # Accepted after the subcommand too; it keeps the value given before it otherwise.
    parser.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="keep the instructor's data in this folder (or set TUTOR_DATA_DIR)")
    parser.add_argument("--smoke", dest="instructor_smoke", action="store_true",
                        help="open the window offscreen, read the progress once and exit")
    parser.set_defaults(handler=command_instructor)
