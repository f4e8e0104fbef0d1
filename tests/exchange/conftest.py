"""Fixtures for exchange tests: a workstation with real work, an instructor, and forged files.

Stores are copies of one migrated template, made once per session. A forged file is built
from the parts of a real export, changed, and (where the attack needs it) signed again with
whatever key and domain the test chooses, so each test attacks one thing at a time.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tutor.exchange import write_export
from tutor.exchange.identity import workstation_key
from tutor.paths import database_path, instructor_database_path
from tutor.store import Learner, Store
from tutor.trust.keys import PrivateKey
from tutor.trust.signing import PROGRESS_EXPORT, sign
from tutor.trust.strict_json import dumps

EXERCISE = "html.first-heading"


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with every migration applied, made once per session."""
    path = tmp_path_factory.mktemp("exchange-template") / "template.sqlite3"
    Store.open(path).close()
    return path


def _copy_store(template: Path, path: Path) -> Store:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    store = Store.open(path)
    # A copy keeps the template's workstation id; each test's workstation needs its own.
    with store._writing() as database:
        from tutor.store.ids import new_id

        database.conn.execute("UPDATE meta SET value = ? WHERE key = 'workstation_id'",
                              [new_id()])
    store.close()
    return Store.open(path)


@dataclass
class Workstation:
    """A workstation's data folder and open store."""

    folder: Path
    store: Store

    def export(self, stick: Path) -> Path:
        """Write an export to the stick and return its path."""
        return write_export(self.store, self.folder, stick).path


def add_work(store: Store, name: str, *, checks: int = 2, pin: str = "1234") -> Learner:
    """A learner with some failed checks, a hint, then a pass."""
    learner = store.create_learner(name, pin)
    for attempt in range(checks):
        store.record_check(learner.id, EXERCISE, "v1", passed=attempt == checks - 1,
                           results=[{"name": "The page has a heading", "passed": False}],
                           files={"index.html": f"<h1>Try {attempt}</h1>"}, duration_ms=12.5)
    store.record_event(learner.id, EXERCISE, "v1", "hint_shown")
    return learner


@pytest.fixture
def make_workstation(template_database: Path, tmp_path: Path) -> Iterator[Any]:
    """Make workstations, each in its own data folder; all closed at the end."""
    made: list[Store] = []

    def make(name: str = "ws") -> Workstation:
        folder = tmp_path / name
        store = _copy_store(template_database, database_path(folder))
        made.append(store)
        return Workstation(folder, store)

    yield make
    for store in made:
        store.close()


@pytest.fixture
def workstation(make_workstation: Any) -> Workstation:
    """A workstation with two learners' work on it."""
    made: Workstation = make_workstation("workstation")
    add_work(made.store, "Ann")
    add_work(made.store, "Ben", checks=3)
    return made


@pytest.fixture
def instructor(template_database: Path, tmp_path: Path) -> Iterator[Store]:
    """An empty instructor's store."""
    store = _copy_store(template_database, instructor_database_path(tmp_path / "instructor"))
    yield store
    store.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A folder standing in for a USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def trust_all(_info: Any) -> bool:
    return True


def trust_none(_info: Any) -> bool:
    return False


def parts(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The manifest (without its member list) and data members of an archive."""
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        members = {name: archive.read(name) for name in archive.namelist()
                   if name not in ("manifest.json", "manifest.sig")}
    manifest.pop("members")
    return manifest, members


def raw_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    """Write a zip holding exactly these (name, bytes) pairs, in order, names unchecked."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    return path


def forge(path: Path, *, key: PrivateKey, manifest: dict[str, Any], members: dict[str, bytes],
          listed: dict[str, bytes] | None = None, domain: str = PROGRESS_EXPORT,
          manifest_bytes: bytes | None = None,
          extra: list[tuple[str, bytes]] | None = None) -> Path:
    """Write a signed archive; `listed` are the members the manifest names (default: all)."""
    named = members if listed is None else listed
    entries = {name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
               for name, data in named.items()}
    text = manifest_bytes if manifest_bytes is not None else dumps({**manifest,
                                                                   "members": entries})
    pairs = [("manifest.json", text), ("manifest.sig", sign(domain, text, key))]
    pairs += sorted(members.items()) + (extra or [])
    return raw_zip(path, pairs)


def key_of(workstation: Workstation) -> PrivateKey:
    """The workstation's own signing key (a forger who stole it)."""
    return workstation_key(workstation.folder)


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Everything an import may change, to compare before and after a refused file."""
    tables = ("learners", "events", "workstations", "feedback", "settings")
    with store._reading() as database:
        return {table: sorted(database.conn.execute(f"SELECT * FROM {table}").fetchall(),
                              key=repr) for table in tables}
