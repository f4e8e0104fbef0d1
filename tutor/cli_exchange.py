"""`tutor export`, `tutor import`, `tutor feedback ...`, `tutor demo`, and `tutor stats --instructor`.

Exports and feedback imports happen on a workstation, against its progress store, and need
the staff passphrase. Imports and feedback exports happen on the instructor's machine,
against the instructor's database in the same data folder.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.cli_common import EXIT_NEGATIVE, EXIT_OK, UsageError, print_json, require_staff
from tutor.paths import data_dir, database_path, instructor_database_path

if TYPE_CHECKING:
    from tutor.exchange import WorkstationInfo
    from tutor.store import Store

_FINGERPRINT = re.compile(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){4}")


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the exchange subcommands, and --instructor to `tutor stats`."""
    export = subparsers.add_parser("export", help="save this workstation's progress (staff)")
    export.add_argument("--to", required=True, metavar="DIR", help="the folder to save it in")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=command_export)

    imports = subparsers.add_parser("import", help="add progress files to the instructor's data")
    imports.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    imports.add_argument("--enrol", nargs="+", action="extend", default=[], metavar="FINGERPRINT",
                         help="trust new workstations with these fingerprints")
    imports.add_argument("--json", action="store_true")
    imports.set_defaults(handler=command_import)

    feedback = subparsers.add_parser("feedback", help="send instructor comments to a workstation")
    feedback_commands = feedback.add_subparsers(dest="feedback_command", required=True)
    send = feedback_commands.add_parser("export", help="save the comments for one workstation")
    send.add_argument("--workstation", required=True, metavar="ID",
                      help="the workstation's id, short id or name")
    send.add_argument("--to", required=True, metavar="DIR")
    send.add_argument("--json", action="store_true")
    send.set_defaults(handler=command_feedback_export)
    take = feedback_commands.add_parser("import", help="add a feedback file here (staff)")
    take.add_argument("file", metavar="FILE")
    take.add_argument("--enrol", metavar="FINGERPRINT", help="trust this instructor key")
    take.add_argument("--json", action="store_true")
    take.set_defaults(handler=command_feedback_import)

    demo = subparsers.add_parser("demo", help="fill an empty data folder with made-up progress")
    demo.add_argument("--learners", type=int, required=True, metavar="N")
    demo.add_argument("--workstations", type=int, default=1, metavar="K")
    demo.add_argument("--instructor", action="store_true",
                      help="fill the instructor's database instead")
    demo.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    demo.add_argument("--json", action="store_true")
    demo.set_defaults(handler=command_demo)

    stats = subparsers.choices.get("stats")
    if stats is not None:
        stats.add_argument("--instructor", action="store_true",
                           help="count the instructor's database instead")
        stats.set_defaults(handler=command_stats)


def _open(path: Path) -> Store:
    from tutor.store import Store, StoreError

    try:
        return Store.open(path)
    except StoreError as error:
        raise UsageError(str(error)) from error


def _fingerprint(text: str) -> str:
    cleaned = text.strip().upper()
    if not _FINGERPRINT.fullmatch(cleaned):
        raise UsageError(f"{text!r} is not a fingerprint (it looks like 7ADA-6203-6456-4E82-E3FD).")
    return cleaned


def _ask_yes(question: str) -> bool:
    sys.stderr.write(question + " Type yes to trust it: ")
    sys.stderr.flush()
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _trust(given: set[str], describe: Callable[[str], str]) -> Callable[[str], bool]:
    """Trust a fingerprint given on the command line, or one staff confirm at a terminal."""
    def decide(fingerprint: str) -> bool:
        if fingerprint in given:
            return True
        return sys.stdin.isatty() and _ask_yes(describe(fingerprint))
    return decide


def command_export(args: argparse.Namespace) -> int:
    """Write this workstation's signed progress export into a folder."""
    from tutor.exchange import ExchangeError, write_export
    from tutor.store import StoreError

    folder = data_dir(args.data_dir)
    with _open(database_path(folder)) as store:
        require_staff(store, "export progress")
        try:
            result = write_export(store, folder, Path(args.to))
        except (ExchangeError, StoreError, OSError) as error:
            raise UsageError(f"{error} The export was not saved.") from error
    if args.json:
        print_json({"file": str(result.path), "learners": result.learners,
                    "events": result.events, "sequence": result.sequence,
                    "fingerprint": result.fingerprint})
    else:
        print(f"Saved {result.path}: {result.learners:,} learners, {result.events:,} records "
              f"(export number {result.sequence}). It was read back and checked.")
        print(f"It is signed by this workstation, fingerprint {result.fingerprint}.")
        print("You can remove the USB stick now.")
    return EXIT_OK


def command_import(args: argparse.Namespace) -> int:
    """Import progress files (or every one in a folder) into the instructor's database."""
    from tutor.exchange import import_exports

    given = {_fingerprint(text) for text in args.enrol}
    not_asked: list[str] = []

    def enrol(info: WorkstationInfo) -> bool:
        if info.fingerprint in given:
            return True
        if not sys.stdin.isatty():
            not_asked.append(info.fingerprint)
            return False
        return _ask_yes(f"Trust workstation {info.name} with fingerprint {info.fingerprint}?")

    with _open(instructor_database_path(data_dir(args.data_dir))) as store:
        report = import_exports(store, [Path(path) for path in args.paths], enrol=enrol)
    if args.json:
        print_json(report.to_json())
    else:
        for item in report.files:
            print(f"{item.status.upper():<9}  {item.path.name}: {item.message}")
        print(report.summary())
    refused = report.count("refused")
    if refused:
        hint = (" To trust a new workstation here, give its fingerprint with --enrol."
                if not_asked else "")
        sys.stderr.write(f"tutor: {refused} of {len(report.files)} files were refused.{hint}\n")
        return EXIT_NEGATIVE
    return EXIT_OK


def _find_workstation(store: Store, wanted: str) -> Any:
    from tutor.exchange.identity import short_id
    from tutor.store.merge import known_workstations

    text = wanted.strip().lower()
    known = known_workstations(store)
    exact = [w for w in known if text in (w.id, short_id(w.id), w.name.lower())]
    matches = exact or [w for w in known if w.id.startswith(text) or w.id.endswith(text)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise UsageError(f"No workstation called {wanted!r} has sent progress here.")
    raise UsageError(f"{wanted!r} could be {len(matches)} workstations. Give more of the id.")


def command_feedback_export(args: argparse.Namespace) -> int:
    """Write the signed feedback file for one workstation into a folder."""
    from tutor.exchange import ExchangeError, write_feedback
    from tutor.store.feedback import feedback_for_workstation

    folder = data_dir(args.data_dir)
    with _open(instructor_database_path(folder)) as store:
        workstation = _find_workstation(store, args.workstation)
        count = len(feedback_for_workstation(store, workstation.id))
        try:
            path = write_feedback(store, folder, workstation.id, Path(args.to))
        except (ExchangeError, OSError) as error:
            raise UsageError(f"{error} The feedback file was not saved.") from error
    if args.json:
        print_json({"file": str(path), "workstation": workstation.id,
                    "workstation_name": workstation.name, "feedback": count})
    else:
        print(f"Saved {path}: {count:,} comments for {workstation.name}. "
              "It was read back and checked.")
    return EXIT_OK


def command_feedback_import(args: argparse.Namespace) -> int:
    """Check a feedback file and add its comments to this workstation (staff)."""
    from tutor.exchange import ExchangeError, import_feedback

    given = {_fingerprint(args.enrol)} if args.enrol else set()
    decide = _trust(given, lambda fingerprint:
                    f"Trust the instructor key with fingerprint {fingerprint}?")
    folder = data_dir(args.data_dir)
    with _open(database_path(folder)) as store:
        require_staff(store, "import feedback")
        try:
            report = import_feedback(store, folder, Path(args.file), enrol_instructor=decide)
        except ExchangeError as error:
            if args.json:
                print_json({"file": args.file, "status": "refused", "new_feedback": 0,
                            "message": str(error)})
            else:
                print(f"REFUSED  {Path(args.file).name}: {error}")
            sys.stderr.write("tutor: the feedback file was refused.\n")
            return EXIT_NEGATIVE
    if args.json:
        print_json(report.to_json())
    else:
        print(report.message)
    return EXIT_OK


def command_demo(args: argparse.Namespace) -> int:
    """Fill the data folder's store (or the instructor's) with made-up, marked progress."""
    from tutor.content.loader import load_library
    from tutor.exchange import ExchangeError
    from tutor.exchange.demo import fill_demo

    folder = data_dir(args.data_dir)
    path = instructor_database_path(folder) if args.instructor else database_path(folder)
    library = load_library(Path(args.lessons) if args.lessons else None)
    with _open(path) as store:
        try:
            summary = fill_demo(store, library, learners=args.learners,
                                workstations=args.workstations, instructor=args.instructor,
                                seed=args.seed)
        except ExchangeError as error:
            raise UsageError(str(error)) from error
    if args.json:
        print_json({"database": str(path), "learners": summary.learners,
                    "events": summary.events, "workstations": summary.workstations,
                    "pin": summary.pin, "demo_data": True})
    else:
        stations = "1 workstation" if summary.workstations == 1 else \
            f"{summary.workstations} workstations"
        print(f"Added {summary.learners:,} made-up learners and {summary.events:,} records "
              f"on {stations}. They are marked as demo data.")
        if summary.pin:
            print(f"Demo learners sign in with the PIN {summary.pin}.")
    return EXIT_OK


def command_stats(args: argparse.Namespace) -> int:
    """Count learners, events and exercises in the progress store or the instructor's."""
    folder = data_dir(args.data_dir)
    path = instructor_database_path(folder) if args.instructor else database_path(folder)
    stats: dict[str, Any] = {"learners": 0, "events": 0, "exercises_started": 0,
                             "exercises_done": 0}
    if path.exists():
        with _open(path) as store:
            stats = dict(store.stats())
            if store.setting("demo_data") == "true":
                stats["demo_data"] = True
    if args.json:
        print_json(stats)
    else:
        for key, value in stats.items():
            if key != "demo_data":
                print(f"{key.replace('_', ' ')}: {value}")
        if stats.get("demo_data"):
            print("This is demo data. It was made up for training.")
    return EXIT_OK
