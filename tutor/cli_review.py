"""`tutor review FILE`: see every file of a lesson pack before it is installed.

With no options it opens the review window. `--json` prints the review; `--report OUT.html`
writes a printable report; `--approve --key KEYFILE` signs the pack with the reviewer's key
(a staff action, written to the audit log as "pack approved").

Exit codes: flags are information for the reviewer, not a failure, so a review that ran
exits 0 whatever it flagged (`--fail-on-flags` makes any flag exit 1, for scripts). A pack
that installing would refuse for a file type or a file size is still reviewed (exit 0),
and the output says "This pack cannot be installed" with the reasons; approving it exits 1.
A pack that cannot be read safely or does not check out (a changed file, a broken archive)
exits 1; bad input exits 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tutor.cli_common import EXIT_NEGATIVE, EXIT_OK, NegativeResult, UsageError, print_json
from tutor.content.packs import PackError
from tutor.content.review import (
    FLAG_KINDS,
    Decision,
    Review,
    approve_pack,
    key_comment,
    report_html,
    review_pack_file,
)
from tutor.paths import data_dir, database_path
from tutor.trust.atomic import write_atomically
from tutor.trust.keys import KeyFileError, PrivateKey, read_private_key

APPROVE_ACTION = "approve a lesson pack"


def load_review(path: Path, data_folder: Path) -> Review:
    """Read a pack and review it against the installed version; NegativeResult if it is bad."""
    try:
        return review_pack_file(path, data_folder).review
    except PackError as error:
        raise NegativeResult(str(error)) from error


def _read_key(args: argparse.Namespace) -> tuple[Path, PrivateKey] | None:
    if args.key and not args.approve:
        raise UsageError("--key goes with --approve.")
    if not args.approve:
        return None
    if not args.key:
        raise UsageError("To approve a pack, give your signing key: --approve --key KEYFILE.")
    try:
        return Path(args.key), read_private_key(Path(args.key))
    except KeyFileError as error:
        raise UsageError(str(error)) from error


def _approve(args: argparse.Namespace, path: Path, review: Review, key_path: Path,
             key: PrivateKey) -> Decision:
    from tutor.cli_common import require_staff
    from tutor.store.store import Store

    folder = data_dir(args.data_dir)
    with Store.open(database_path(folder)) as store:
        require_staff(store, APPROVE_ACTION)
        try:
            signer = approve_pack(path, key, reviewed_manifest_sha256=review.manifest_sha256)
        except PackError as error:
            raise NegativeResult(str(error)) from error
        comment = key_comment(key_path, signer)
        store.record_audit("staff", "pack approved", {
            "pack_id": review.pack_id, "version": review.version,
            "fingerprint": signer.fingerprint, "manifest_sha256": review.manifest_sha256})
    return Decision(signer.fingerprint, comment)


def _write_report(target: Path, review: Review, decision: Decision) -> None:
    if target.is_dir():
        raise UsageError(f"{target} is a folder. Give a file name such as report.html.")
    try:
        write_atomically(target, report_html(review, decision).encode("utf-8"))
    except OSError as error:
        raise UsageError(f"The report could not be written to {target}: {error}") from error


def _summary(review: Review) -> list[str]:
    lines = [f"{review.title} ({review.pack_id}), version {review.version}: "
             f"{len(review.files)} files, {review.total_size():,} bytes."]
    if not review.installable:
        lines.append("This pack cannot be installed:")
        lines += [f"  {problem}" for problem in review.install_problems]
    counts = review.flag_counts()
    if counts:
        lines.append(f"{len(review.flags)} flags:")
        lines += [f"  {counts[kind]:>4}  {label}" for kind, label in FLAG_KINDS.items()
                  if kind in counts]
        lines += [f"  {flag.where()}: {flag.message} [{flag.text}]" for flag in review.flags]
    else:
        lines.append("Nothing was flagged.")
    if review.installed_version_compared:
        done = {s: sum(1 for c in review.changes if c.status == s)
                for s in ("added", "removed", "changed")}
        lines.append(f"Since the installed version: {done['added']} added, "
                     f"{done['removed']} removed, {done['changed']} changed.")
    else:
        lines.append("No version of this pack is installed here.")
    return lines


def command_review(args: argparse.Namespace) -> int:
    """Review a pack: open the window, or print, report on and approve it headless."""
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"There is no pack file called {path}.")
    key = _read_key(args)
    if not (args.json or args.report or args.approve):
        return _open_window(path, data_dir(args.data_dir))
    review = load_review(path, data_dir(args.data_dir))
    decision = Decision()
    if key is not None:
        decision = _approve(args, path, review, *key)
    if args.report:
        _write_report(Path(args.report), review, decision)
    if args.json:
        result: dict[str, Any] = review.to_json()
        result["decision"] = {"approved": decision.approved, "fingerprint": decision.fingerprint,
                              "date": decision.decided_at.isoformat(timespec="seconds")}
        result["report"] = str(args.report) if args.report else None
        print_json(result)
    else:
        for line in _summary(review):
            print(line)
        if decision.approved:
            print(f"Approved: signed with the key {decision.fingerprint}.")
        if args.report:
            print(f"Report written to {args.report}.")
    return EXIT_NEGATIVE if args.fail_on_flags and review.flags else EXIT_OK


def _open_window(path: Path, data_folder: Path) -> int:
    """Open the review window on its own, with the store for the staff gate and audit log."""
    from tutor.qt_start import start_qt

    app, _chromium = start_qt(headless=False)
    from tutor.store.store import Store
    from tutor.ui.operations import Operations
    from tutor.ui.review_window import ReviewWindow
    from tutor.ui.staff_gate import StaffGate

    with Store.open(database_path(data_folder)) as store:
        operations = Operations()
        window = ReviewWindow(data_folder=data_folder, store=store, operations=operations)
        window.set_staff_gate(StaffGate(store, operations, window))
        window.open_pack(path)
        window.show()
        code = app.exec()
        operations.stop()
    return code


def add_commands(subparsers: Any) -> None:
    """Add `tutor review` to the command line."""
    review = subparsers.add_parser(
        "review", help="see every file of a lesson pack, report on it, approve it",
        description="Review a lesson pack before it is installed. With no options, open the "
                    "review window. Flags do not change the exit code unless you ask with "
                    "--fail-on-flags; a pack that cannot be read exits 1.")
    review.add_argument("file", help="the .tutorpack file")
    review.add_argument("--report", metavar="OUT.html", help="write a printable report")
    review.add_argument("--approve", action="store_true",
                        help="sign the pack with your key (staff passphrase needed)")
    review.add_argument("--key", metavar="KEYFILE", help="your private key file, for --approve")
    review.add_argument("--json", action="store_true", help="print the review as JSON")
    review.add_argument("--fail-on-flags", action="store_true",
                        help="exit 1 when anything is flagged")
    review.set_defaults(handler=command_review)
