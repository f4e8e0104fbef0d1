"""`tutor staff ...`: read or save the audit log, and set or change the staff passphrase.

Both are staff actions. `staff audit` asks for the staff passphrase (TUTOR_STAFF_PASSPHRASE
or the terminal). `staff passphrase` asks for the passphrase now, when one is set, then for
the new one (TUTOR_NEW_STAFF_PASSPHRASE, or typed twice at the terminal).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.cli_common import (
    EXIT_OK,
    STAFF_PASSPHRASE_VARIABLE,
    UsageError,
    print_json,
    require_staff,
)
from tutor.paths import data_dir, database_path

if TYPE_CHECKING:
    from tutor.store import Store

NEW_PASSPHRASE_VARIABLE = "TUTOR_NEW_STAFF_PASSPHRASE"


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `tutor staff audit` and `tutor staff passphrase`."""
    staff = subparsers.add_parser("staff", help="the audit log and the staff passphrase")
    commands = staff.add_subparsers(dest="staff_command", required=True)
    audit = commands.add_parser("audit", help="print the audit log, or save it as CSV")
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--csv", metavar="FILE", help="save the log as CSV for a spreadsheet")
    audit.set_defaults(handler=command_audit)
    passphrase = commands.add_parser("passphrase", help="set or change the staff passphrase")
    passphrase.add_argument("--json", action="store_true")
    passphrase.set_defaults(handler=command_passphrase)


def _open_existing_store(args: argparse.Namespace) -> Store:
    from tutor.store import Store, StoreError

    path = database_path(data_dir(args.data_dir))
    if not path.exists():
        raise UsageError(f"There is no Tutor data in {path.parent}.")
    try:
        return Store.open(path)
    except StoreError as error:
        raise UsageError(str(error)) from error


def command_audit(args: argparse.Namespace) -> int:
    """Print the audit log (newest first), or save it as a formula-safe CSV file."""
    from tutor.store.learner_admin import audit_table, save_audit_csv

    with _open_existing_store(args) as store:
        require_staff(store, "read the audit log")
        if args.csv:
            path = Path(args.csv)
            try:
                count = save_audit_csv(store, path)
            except OSError as error:
                reason = error.strerror or str(error)
                raise UsageError(f"The audit log could not be saved to {path}: {reason}.") \
                    from error
            if args.json:
                print_json({"file": str(path), "entries": count})
            else:
                print(f"Saved {count} audit log entries to {path}.")
            return EXIT_OK
        entries = store.audit_entries()
        if args.json:
            print_json([_entry_json(entry) for entry in reversed(entries)])  # newest first
        else:
            for when, role, action, details, _workstation in audit_table(entries):
                print(f"{when}  {role:<9} {action}" + (f"  ({details})" if details else ""))
            print(f"{len(entries)} entries.")
    return EXIT_OK


def _entry_json(entry: Any) -> dict[str, Any]:
    return {"id": entry.id, "created_at": entry.created_at, "role": entry.role,
            "action": entry.action, "detail": entry.detail,
            "workstation_id": entry.workstation_id}


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f"Set {NEW_PASSPHRASE_VARIABLE} and {STAFF_PASSPHRASE_VARIABLE}, "
                         "or run this at a terminal.")
    return getpass.getpass(prompt)


def _new_passphrase(*, first_time: bool) -> str:
    given = os.environ.get(NEW_PASSPHRASE_VARIABLE)
    if given is None and first_time:
        given = os.environ.get(STAFF_PASSPHRASE_VARIABLE)
    if given is None:
        given = _ask("Choose the new staff passphrase: ")
        if _ask("Type it again: ") != given:
            raise UsageError("The two passphrases are not the same. Nothing was changed.")
    return given


def command_passphrase(args: argparse.Namespace) -> int:
    """Set the staff passphrase, or change it after the one in use now is given."""
    from tutor.store import StaffPassphraseError, Store, StoreError

    try:
        store = Store.open(database_path(data_dir(args.data_dir)))
    except StoreError as error:
        raise UsageError(str(error)) from error
    with store:
        first_time = not store.has_staff_passphrase()
        current = None
        if not first_time:
            current = os.environ.get(STAFF_PASSPHRASE_VARIABLE)
            if current is None:
                current = _ask("Staff passphrase now: ")
            if not store.verify_staff_passphrase(current):
                store.record_audit("unknown", "wrong staff passphrase",
                                   {"action": "change the staff passphrase"})
                raise UsageError("That is not the staff passphrase. Nothing was changed.")
        new = _new_passphrase(first_time=first_time)
        try:
            store.set_staff_passphrase(new, current=current)
        except StaffPassphraseError as error:
            raise UsageError(str(error)) from error
        except StoreError as error:
            raise UsageError(f"{error} Nothing was changed.") from error
    if args.json:
        print_json({"changed": True, "first_time": first_time})
    else:
        print("The staff passphrase is set." if first_time
              else "The staff passphrase is changed.")
    return EXIT_OK
