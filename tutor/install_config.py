"""The installer config that IT edits before imaging a workstation, read strictly.

The file is TOML: `tutor-config.toml` beside the bundled program, and only that file there.
TUTOR_CONFIG, an environment variable naming a config file, counts only when Tutor runs from
its source folder: anyone who can start the bundled program can set a variable, and their
own config could add a trusted key of theirs. Every setting is optional. A file with
any mistake is refused as a whole, with messages that name the line, and the app will not
start: a broken config must never start a workstation without its staff passphrase.
`tutor.workstation_setup` applies a config to a workstation's data at every start.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.paths import is_frozen

if TYPE_CHECKING:
    from tutor.trust.keys import PublicKey

CONFIG_FILE_NAME = "tutor-config.toml"
CONFIG_VARIABLE = "TUTOR_CONFIG"
MAX_CONFIG_BYTES = 64_000

SETTING_NAMES = (
    "workstation_name", "data_dir", "staff_passphrase_hash", "learners_may_reset_pin",
    "trusted_keys",
)
_HASH_ADVICE = 'Make a new one with "tutor config hash-passphrase".'


class InstallConfigError(ValueError):
    """The config has mistakes (or cannot be used); `problems` lists each one in plain words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = tuple(problems)


class ConfigFileMissingError(InstallConfigError):
    """The config file named cannot be found or opened at all."""


@dataclass(frozen=True)
class InstallConfig:
    """What an installer config says; a setting left out of the file is None (or no keys)."""

    path: Path
    workstation_name: str | None = None
    data_dir: Path | None = None
    staff_passphrase_hash: str | None = None
    learners_may_reset_pin: bool | None = None
    trusted_keys: tuple[PublicKey, ...] = ()

    def summary(self) -> dict[str, Any]:
        """The settings as plain data (the passphrase hash shows only as "set")."""
        return {
            "file": str(self.path),
            "workstation_name": self.workstation_name,
            "data_dir": None if self.data_dir is None else str(self.data_dir),
            "staff_passphrase_hash": None if self.staff_passphrase_hash is None else "set",
            "learners_may_reset_pin": self.learners_may_reset_pin,
            "trusted_keys": [{"fingerprint": key.fingerprint, "comment": key.comment}
                             for key in self.trusted_keys],
        }


def program_folder() -> Path | None:
    """The folder the bundled program is in (where IT puts the config), or None from source."""
    return Path(sys.executable).resolve().parent if is_frozen() else None


def config_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where this run's config is: beside the bundled program, or TUTOR_CONFIG from source."""
    folder = program_folder()
    if folder is not None:
        # Bundled, only IT's file beside the program counts, never TUTOR_CONFIG (see above).
        beside = folder / CONFIG_FILE_NAME
        return beside if beside.is_file() else None
    env = os.environ if environ is None else environ
    named = env.get(CONFIG_VARIABLE)
    return Path(named).expanduser() if named else None


def config_variable_ignored(environ: Mapping[str, str] | None = None) -> bool:
    """True when TUTOR_CONFIG is set but not used, because Tutor runs as a bundled program."""
    env = os.environ if environ is None else environ
    return bool(env.get(CONFIG_VARIABLE)) and program_folder() is not None


def read_install_config(path: Path) -> InstallConfig:
    """Read and check a config file; raise InstallConfigError naming every mistake."""
    try:
        if not path.is_file():
            raise ConfigFileMissingError([f"There is no config file at {path}."])
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise InstallConfigError([f"{path.name}: the file is too big to be a Tutor config."])
        data = path.read_bytes()
    except OSError as error:
        raise ConfigFileMissingError([f"The config file {path} cannot be opened."]) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InstallConfigError([f"{path.name}: the file is not plain text (UTF-8)."]) from error
    return parse_install_config(text, path=path)


def parse_install_config(text: str, *, path: Path) -> InstallConfig:
    """Check the text of a config file; raise InstallConfigError naming every mistake."""
    try:
        values = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InstallConfigError([_syntax_problem(path, str(error))]) from error
    checker = _Checker(text, path)
    return checker.check(values)


def _syntax_problem(path: Path, message: str) -> str:
    """Say where TOML's reader stopped, without its jargon."""
    found = re.search(r"at line (\d+)", message)
    if found is None:
        return (f"{path.name}: the file ends too soon. A list, a quote or a bracket is "
                "opened and never closed.")
    return (f"{path.name}, line {found.group(1)}: this line is not written the way a config "
            "file needs. Check its quotes, brackets and commas, and that no setting is given "
            "twice.")


class _Checker:
    """Checks each setting's type and value, collecting a message for every mistake."""

    def __init__(self, text: str, path: Path) -> None:
        self.lines = text.splitlines()
        self.path = path
        self.problems: list[str] = []

    def line_of(self, name: str) -> int | None:
        pattern = re.compile(rf"""^\s*(?:{re.escape(name)}|"{re.escape(name)}"|'{re.escape(name)}')\s*=""")
        table = re.compile(rf"^\s*\[+\s*{re.escape(name)}\s*\]")
        for number, line in enumerate(self.lines, 1):
            if pattern.match(line) or table.match(line):
                return number
        return None

    def line_containing(self, fragment: str, fallback: int | None) -> int | None:
        if fragment:
            for number, line in enumerate(self.lines, 1):
                if fragment in line:
                    return number
        return fallback

    def problem(self, line: int | None, message: str) -> None:
        where = f", line {line}" if line is not None else ""
        self.problems.append(f"{self.path.name}{where}: {message}")

    def check(self, values: dict[str, Any]) -> InstallConfig:
        for name in values:
            if name not in SETTING_NAMES:
                close = difflib.get_close_matches(name, SETTING_NAMES, n=1)
                hint = f' Did you mean "{close[0]}"?' if close else ""
                self.problem(self.line_of(name), f'"{name}" is not a setting Tutor knows.{hint} '
                             f"The settings are: {', '.join(SETTING_NAMES)}.")
        config = InstallConfig(
            path=self.path,
            workstation_name=self.workstation_name(values.get("workstation_name")),
            data_dir=self.data_dir(values.get("data_dir")),
            staff_passphrase_hash=self.passphrase_hash(values.get("staff_passphrase_hash")),
            learners_may_reset_pin=self.reset_pin(values.get("learners_may_reset_pin")),
            trusted_keys=self.trusted_keys(values.get("trusted_keys")),
        )
        if self.problems:
            raise InstallConfigError(self.problems)
        return config

    def text(self, name: str, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.problem(self.line_of(name), f"{name} must be text in quotes.")
            return None
        if not value.strip():
            self.problem(self.line_of(name), f"{name} is empty. Fill it in, or leave the line out.")
            return None
        return value

    def workstation_name(self, value: Any) -> str | None:
        from tutor.store import InvalidNameError
        from tutor.store.learner_admin import clean_workstation_name

        text = self.text("workstation_name", value)
        if text is None:
            return None
        try:
            return clean_workstation_name(text)
        except InvalidNameError as error:
            self.problem(self.line_of("workstation_name"), str(error))
            return None

    def data_dir(self, value: Any) -> Path | None:
        text = self.text("data_dir", value)
        if text is None:
            return None
        folder = Path(text).expanduser()
        # A relative folder is read from where the config file is, not from wherever the
        # program happened to be started.
        return folder if folder.is_absolute() else self.path.parent.absolute() / folder

    def passphrase_hash(self, value: Any) -> str | None:
        from tutor.store.secret_hashing import decode_secret_hash

        text = self.text("staff_passphrase_hash", value)
        if text is None:
            return None
        try:
            decode_secret_hash(text)
        except ValueError as error:
            self.problem(self.line_of("staff_passphrase_hash"),
                         f"the staff passphrase hash is not right. {error} {_HASH_ADVICE}")
            return None
        return text.strip()

    def reset_pin(self, value: Any) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        self.problem(self.line_of("learners_may_reset_pin"),
                     "learners_may_reset_pin must be true or false, with no quotes.")
        return None

    def trusted_keys(self, value: Any) -> tuple[PublicKey, ...]:
        from tutor.trust.keys import KeyFileError, parse_public_key

        if value is None:
            return ()
        start = self.line_of("trusted_keys")
        if not isinstance(value, list):
            self.problem(start, 'trusted_keys must be a list in square brackets: '
                         '["tutor-ed25519-public ...", "tutor-ed25519-public ..."].')
            return ()
        keys: list[PublicKey] = []
        for item in value:
            if not isinstance(item, str):
                self.problem(start, "each trusted key must be one line of text in quotes.")
                continue
            parts = item.split()
            line = self.line_containing(parts[1] if len(parts) > 1 else item.strip(), start)
            try:
                keys.append(parse_public_key(item))
            except KeyFileError as error:
                self.problem(line, f"this trusted key is not right. {error}")
        return tuple(keys)
