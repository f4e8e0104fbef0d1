"""`tutor report`: class data as CSV, and class, learner and certificate reports as PDF.

Reports read the instructor's database in the data folder (the progress imported from
workstations). Nothing is changed there.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.cli_common import EXIT_OK, NegativeResult, UsageError, print_json
from tutor.paths import data_dir, instructor_database_path

if TYPE_CHECKING:
    from tutor.content.loader import Library
    from tutor.exchange.reports import ClassReport

SHORTEST_ID_PART = 6


def add_commands(subparsers: Any) -> None:
    """Add `tutor report` to the `tutor` command."""
    parser = subparsers.add_parser(
        "report", help="write a class, learner or certificates report (PDF) or class data (CSV)")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--class", dest="class_report", action="store_true",
                      help="the whole class: every learner on every track")
    what.add_argument("--learner", action="append", metavar="ID",
                      help="one learner (their id, the end of it, or their name); give it "
                           "again for more learners, each on new pages")
    what.add_argument("--certificates", action="store_true",
                      help="a certificate for every track a learner has finished")
    out = parser.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", metavar="OUT", help="write a printable PDF file here")
    out.add_argument("--csv", metavar="OUT", help="write class data for a spreadsheet here "
                                                  "(with --class only)")
    parser.add_argument("--json", action="store_true", help="print what was written as JSON")
    parser.set_defaults(handler=command_report)


def _library(args: argparse.Namespace) -> Library | None:
    from tutor.content.errors import ContentError
    from tutor.content.loader import load_library

    lessons = getattr(args, "lessons", None)
    try:
        return load_library(Path(lessons) if lessons else None)
    except ContentError:
        return None  # exercises are then named by their ids, and no certificates are made


def find_learner(report: ClassReport, wanted: str) -> str:
    """The id of the one learner that `wanted` names: an id, the end of one, or a name."""
    text = wanted.strip()
    learners = report.overview.learners
    exact = [learner for learner in learners if learner.id == text.lower()]
    if not exact and len(text) >= SHORTEST_ID_PART:
        part = text.lower().replace("-", "")
        exact = [learner for learner in learners
                 if learner.id.replace("-", "").endswith(part)
                 or learner.id.replace("-", "").startswith(part)]
    if not exact:
        exact = [learner for learner in learners
                 if learner.display_name.casefold() == text.casefold()]
    if len(exact) == 1:
        return exact[0].id
    if not exact:
        raise UsageError(f"There is no learner called {wanted!r} here.")
    raise UsageError(f"{wanted!r} could be {len(exact)} learners. Give their id instead.")


def _output(text: str) -> Path:
    path = Path(text).expanduser()
    if not path.parent.is_dir():
        raise UsageError(f"There is no folder called {path.parent}.")
    if path.is_dir():
        raise UsageError(f"{path} is a folder. Give a file name.")
    return path


def command_report(args: argparse.Namespace) -> int:
    """Write the report asked for; say what was written."""
    from tutor.exchange import reports
    from tutor.store import Store, StoreError
    from tutor.store.dashboard import learner_history

    if args.csv and not args.class_report:
        raise UsageError("--csv works with --class only. Use --pdf for this report.")
    folder = data_dir(args.data_dir)
    database = instructor_database_path(folder)
    if not database.exists():
        raise UsageError(f"There is no instructor data in {folder}. "
                         "Import progress first with `tutor import`.")
    path = _output(args.pdf or args.csv)
    library = _library(args)
    try:
        with Store.open(database) as store:
            report = reports.gather_class(store, library)
            learner_ids = [find_learner(report, text) for text in args.learner or []]
            histories = [learner_history(store, learner_id) for learner_id in learner_ids]
    except StoreError as error:
        raise UsageError(str(error)) from error
    summary: dict[str, Any] = {"file": str(path), "format": "csv" if args.csv else "pdf",
                               "demo_data": report.demo}
    if args.class_report and not report.overview.learners:
        raise NegativeResult("There are no learners here yet, so no report was written.")
    if args.csv:
        summary.update(report="class", rows=_write(lambda: reports.write_class_csv(report, path)))
    else:
        if args.class_report:
            document = reports.class_document(report)
            summary.update(report="class", learners=document.items)
        elif learner_ids:
            document = reports.learners_document(report, learner_ids, histories)
            summary.update(report="learner", learners=document.items)
        else:
            document = reports.certificates_document(report)
            if not document.items:
                raise NegativeResult("No learner has finished a whole track yet, "
                                     "so no certificates were written.")
            summary.update(report="certificates", certificates=document.items)
        summary["pages"] = _write(lambda: _pdf(document, path))
    if args.json:
        print_json(summary)
    else:
        size = (f"{summary['pages']} pages" if "pages" in summary
                else f"{summary['rows']} rows")
        demo = " It holds DEMO DATA, made up for training." if report.demo else ""
        print(f"Saved {path} ({size}). It was read back and checked.{demo}")
    return EXIT_OK


def _pdf(document: Any, path: Path) -> int:
    from tutor.report_pdf import write_pdf

    pages: int = write_pdf(document, path)
    return pages


def _write(write: Any) -> int:
    from tutor.trust.atomic import VerifyError

    try:
        count: int = write()
    except (OSError, VerifyError) as error:
        raise UsageError(f"The report could not be saved: {error}") from error
    return count
