"""Fixtures for the instructor's side of the exchange: workstations with real work and real
exports, an instructor's data folder, and the instructor's window opened on it.

Stores are copies of one migrated template, made once per session; each copy gets its own
workstation id, since a copy would otherwise share the template's.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tutor.content.loader import Library, load_library
from tutor.exchange import write_export
from tutor.exchange.identity import WORKSTATION_NAME_SETTING
from tutor.instructor_app import InstructorApp
from tutor.paths import database_path, instructor_database_path
from tutor.store import Learner, Store
from tutor.store.ids import new_id
from tutor.ui.staff_gate import StaffPassphraseDialog

FIRST = "html.first-heading"
PASSPHRASE = "river stones 42"


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in lessons, loaded once."""
    return load_library()


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with every migration applied, made once per session."""
    path = tmp_path_factory.mktemp("instructor2-template") / "template.sqlite3"
    Store.open(path).close()
    return path


def copy_store(template: Path, path: Path) -> Store:
    """A fresh store at path, copied from the template, with its own workstation id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    store = Store.open(path)
    with store._writing() as database:
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
        """Write a progress export to the stick; return its path."""
        return write_export(self.store, self.folder, stick).path


def add_work(store: Store, name: str, exercise_ids: list[str], *, passed: bool = True,
             code: str = "<h1>Hello</h1>") -> Learner:
    """A learner who failed once, then (if `passed`) passed, on each exercise in turn."""
    learner = store.create_learner(name, "1234")
    for exercise_id in exercise_ids:
        for outcome in ((False, True) if passed else (False,)):
            store.record_check(learner.id, exercise_id, "v1", passed=outcome,
                               results=[{"name": "The page has a heading", "passed": outcome,
                                         "status": "passed" if outcome else "failed",
                                         "message": "" if outcome else "Add a heading."}],
                               files={"index.html": code}, duration_ms=12.0)
    return learner


@pytest.fixture
def make_workstation(template_database: Path, tmp_path: Path) -> Iterator[Any]:
    """Makes workstations with a name, each in its own data folder; closed at the end."""
    made: list[Store] = []

    def make(name: str) -> Workstation:
        folder = tmp_path / "workstations" / new_id()
        store = copy_store(template_database, database_path(folder))
        store.set_setting(WORKSTATION_NAME_SETTING, name)
        made.append(store)
        return Workstation(folder, store)

    yield make
    for store in made:
        store.close()


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """A folder standing in for a USB stick."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


@pytest.fixture
def instructor_dir(template_database: Path, tmp_path: Path) -> Path:
    """An instructor's data folder with an empty, migrated database in it."""
    folder = tmp_path / "instructor"
    copy_store(template_database, instructor_database_path(folder)).close()
    return folder


Opener = Callable[[Path], InstructorApp]


@pytest.fixture
def open_app(qtbot: QtBot, library: Library) -> Iterator[Opener]:
    """Opens the instructor's app on a data folder and waits for its first overview."""
    opened: list[InstructorApp] = []

    def open_on(folder: Path) -> InstructorApp:
        app = InstructorApp(data_dir=folder, library=library)
        opened.append(app)
        qtbot.addWidget(app.window)
        app.window.show()
        qtbot.waitUntil(lambda: app.data.overview is not None, timeout=15_000)
        return app

    yield open_on
    for app in opened:
        app.window.close()
        app.shut_down()


def unlock(qtbot: QtBot, app: InstructorApp, start: Callable[[], None]) -> None:
    """Start a staff action and give the staff passphrase (choosing it the first time)."""
    with qtbot.waitSignal(app.staff_gate.dialog_opened, timeout=5000) as opened:
        start()
    dialog: StaffPassphraseDialog = opened.args[0]
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE)
    with qtbot.waitSignal(app.staff_gate.unlocked, timeout=5000):
        dialog.buttons.accepted.emit()


def wait_for_reads(qtbot: QtBot, app: InstructorApp) -> None:
    """Wait until every store read asked for so far is back (reads run in order)."""
    finished: list[bool] = []
    app.data.read(lambda _store: None, lambda _result: finished.append(True))
    qtbot.waitUntil(lambda: finished == [True], timeout=10_000)


def run_now(_action: str, then: Callable[[], None]) -> None:
    """A staff gate that lets every action through (for pages tested on their own)."""
    then()
