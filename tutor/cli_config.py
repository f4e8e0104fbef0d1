"""`tutor config ...` for IT, and the start-up step that applies the installer config.

`tutor config hash-passphrase` makes the line for the staff passphrase; `tutor config check
FILE` says whether a config is right before it goes on a workstation image. Every other run
of `tutor` calls `prepare_installation` first, which reads this run's config, picks the data
folder and applies the config to it, or refuses to go on when the config has a mistake.
The bundled program reads only the config beside it, never one named by TUTOR_CONFIG.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from tutor.cli_common import (
    EXIT_NEGATIVE,
    EXIT_OK,
    STAFF_PASSPHRASE_VARIABLE,
    UsageError,
    print_json,
)

if TYPE_CHECKING:
    from tutor.install_config import InstallConfig

IGNORED_VARIABLE = ("TUTOR_CONFIG is not used by the installed program. Only the "
                    "tutor-config.toml file beside the program counts.")
REFUSAL = ("Tutor cannot start, because its setup file has a mistake. "
           "Staff need to fix the file, then start Tutor again.")


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `tutor config hash-passphrase` and `tutor config check FILE`."""
    config = subparsers.add_parser("config", help="make and check the installer config")
    commands = config.add_subparsers(dest="config_command", required=True)
    making = commands.add_parser(
        "hash-passphrase", help="print the staff_passphrase_hash line for the installer config")
    making.add_argument("--json", action="store_true")
    making.set_defaults(handler=command_hash_passphrase, install_config_skipped=True)
    checking = commands.add_parser("check", help="say whether an installer config is right")
    checking.add_argument("file", help="the config file, such as tutor-config.toml")
    checking.add_argument("--json", action="store_true")
    checking.set_defaults(handler=command_check_config, install_config_skipped=True)


def _new_passphrase() -> str:
    from tutor.store.store import MIN_PASSPHRASE_LENGTH

    given = os.environ.get(STAFF_PASSPHRASE_VARIABLE)
    if given is None:
        if not sys.stdin.isatty():
            raise UsageError(f"Set {STAFF_PASSPHRASE_VARIABLE} or run this at a terminal.")
        given = getpass.getpass("Choose the staff passphrase: ")
        if getpass.getpass("Type it again: ") != given:
            raise UsageError("The two passphrases are not the same. Nothing was made.")
    if len(given) < MIN_PASSPHRASE_LENGTH:
        raise UsageError(f"The staff passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.")
    return given


def command_hash_passphrase(args: argparse.Namespace) -> int:
    """Print the staff passphrase's hash as a line to paste into the installer config."""
    from tutor.store.secret_hashing import encode_secret_hash, hash_secret

    encoded = encode_secret_hash(*hash_secret(_new_passphrase()))
    if args.json:
        print_json({"staff_passphrase_hash": encoded})
    else:
        print(f'staff_passphrase_hash = "{encoded}"')
    return EXIT_OK


def command_check_config(args: argparse.Namespace) -> int:
    """Check an installer config: exit 0 when right, 1 with its mistakes, 2 if it cannot be read."""
    from pathlib import Path

    from tutor.install_config import (
        ConfigFileMissingError,
        InstallConfigError,
        read_install_config,
    )

    path = Path(args.file)
    try:
        config = read_install_config(path)
    except ConfigFileMissingError as error:
        raise UsageError(str(error)) from error
    except InstallConfigError as error:
        if args.json:
            print_json({"file": str(path), "valid": False, "problems": list(error.problems),
                        "settings": None})
        else:
            for problem in error.problems:
                print(problem)
            count = len(error.problems)
            print(f"{count} {'mistake' if count == 1 else 'mistakes'}. "
                  "Tutor will not start with this file.")
        return EXIT_NEGATIVE
    if args.json:
        print_json({"file": str(path), "valid": True, "problems": [],
                    "settings": config.summary()})
    else:
        for line in describe(config):
            print(line)
        print("The config is right.")
    return EXIT_OK


def describe(config: InstallConfig) -> list[str]:
    """What a config will do at start, one plain line per setting it has."""
    lines = []
    if config.workstation_name is not None:
        lines.append(f"Workstation name: {config.workstation_name}")
    if config.data_dir is not None:
        lines.append(f"Data folder: {config.data_dir}")
    if config.staff_passphrase_hash is not None:
        lines.append("Staff passphrase: set at the first start")
    if config.learners_may_reset_pin is not None:
        lines.append("Learners may reset their own PIN: "
                     + ("yes" if config.learners_may_reset_pin else "no"))
    for key in config.trusted_keys:
        who = f" ({key.comment})" if key.comment else ""
        lines.append(f"Trusted key: {key.fingerprint}{who}")
    if not lines:
        lines.append("This config changes nothing: every setting is left out.")
    return lines


def prepare_installation(args: argparse.Namespace) -> None:
    """Read this run's installer config, choose the data folder and apply the config to it.

    Runs before every command but `tutor config ...`. A config with a mistake stops the run
    with a UsageError (and, when the app was to open, a message box saying so).
    """
    from tutor.install_config import config_path, config_variable_ignored

    if getattr(args, "install_config_skipped", False):
        return
    if config_variable_ignored():
        sys.stderr.write(f"tutor: {IGNORED_VARIABLE}\n")
    path = config_path()
    if path is None:
        return
    import sqlite3

    from tutor.install_config import InstallConfigError, read_install_config
    from tutor.paths import data_dir
    from tutor.store import StoreError
    from tutor.workstation_setup import apply_to_data_folder

    try:
        config = read_install_config(path)
        chosen = getattr(args, "data_dir", None) or os.environ.get("TUTOR_DATA_DIR")
        if config.data_dir is not None and not chosen:
            args.data_dir = str(config.data_dir)
        folder = data_dir(getattr(args, "data_dir", None))
        try:
            apply_to_data_folder(config, folder)
        except (OSError, sqlite3.Error, StoreError) as error:
            reason = getattr(error, "strerror", None) or error
            raise InstallConfigError(
                [f"The data folder {folder} cannot be used ({reason})."]) from error
    except InstallConfigError as error:
        if getattr(args, "command", None) is None and not getattr(args, "smoke", False):
            _show_refusal(list(error.problems))
        raise UsageError(f"{REFUSAL} {error}") from error


def _show_refusal(problems: list[str]) -> None:
    """Say in a window why the app will not start: a learner started it, not a terminal."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from tutor.qt_start import start_qt

    start_qt(headless=False)
    box = QMessageBox(QMessageBox.Icon.Critical, "Tutor cannot start", REFUSAL)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the details quote the file: never markup
    box.setDetailedText("\n".join(problems))
    box.exec()
