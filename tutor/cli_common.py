"""What every `tutor` subcommand shares: exit codes, bad-input errors, JSON and staff checks."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.store import Store

EXIT_OK, EXIT_NEGATIVE, EXIT_ERROR = 0, 1, 2
STAFF_PASSPHRASE_VARIABLE = "TUTOR_STAFF_PASSPHRASE"


class UsageError(Exception):
    """Bad input from the person at the command line; the message says what to fix."""


class NegativeResult(Exception):
    """The command ran but the answer is no (a refused file, a failed check): exit code 1."""


def print_json(data: Any) -> None:
    """Print data as indented JSON on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            f"This is a staff action. Set {STAFF_PASSPHRASE_VARIABLE} or run it at a terminal."
        )
    return getpass.getpass(prompt)


def require_staff(store: Store, action: str) -> None:
    """Check the staff passphrase (from the environment or the terminal) before a staff action.

    On a data folder with no passphrase yet, the first staff action sets it. Every staff
    action that passes is written to the audit log by the caller, not here.
    """
    from tutor.store import StoreError

    given = os.environ.get(STAFF_PASSPHRASE_VARIABLE)
    if not store.has_staff_passphrase():
        if given is None:
            given = _ask("Choose a staff passphrase for this workstation: ")
            if _ask("Type it again: ") != given:
                raise UsageError("The two passphrases are not the same. Nothing was changed.")
        try:
            store.set_staff_passphrase(given)
        except StoreError as error:
            raise UsageError(str(error)) from error
        return
    if given is None:
        given = _ask(f"Staff passphrase (to {action}): ")
    if not store.verify_staff_passphrase(given):
        store.record_audit("unknown", "wrong staff passphrase", {"action": action})
        raise UsageError("That is not the staff passphrase. Nothing was changed.")
