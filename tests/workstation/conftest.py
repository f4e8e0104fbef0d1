"""Fixtures for the workstation's exchange tests: a real store, and folders for USB sticks."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tutor.exchange import import_exports, write_export, write_feedback
from tutor.paths import database_path, instructor_database_path
from tutor.store import Learner, Store
from tutor.store.feedback import add_feedback
from tutor.ui.operations import Operations

PASSPHRASE = "river stones 42"


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with every migration applied, made once per test run."""
    folder = tmp_path_factory.mktemp("workstation-template")
    path = database_path(folder)
    Store.open(path).close()
    return path


@pytest.fixture
def data_folder(template_database: Path, tmp_path: Path) -> Path:
    """The workstation's data folder, holding a fresh copy of the template database."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    return folder


@pytest.fixture
def store(data_folder: Path) -> Iterator[Store]:
    """An open store in the workstation's data folder."""
    with Store.open(database_path(data_folder)) as opened:
        yield opened


@pytest.fixture
def sam(store: Store) -> Learner:
    """One learner, Sam."""
    return store.create_learner("Sam", "1234")


@pytest.fixture
def usb_stick(tmp_path: Path) -> Path:
    """A folder standing in for a USB stick."""
    folder = tmp_path / "media" / "staff" / "STICK"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def operations(qtbot: QtBot) -> Iterator[Operations]:
    """The store's worker thread, as the app has it."""
    worker = Operations()
    yield worker
    worker.stop()


@pytest.fixture
def instructor(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """The instructor's own store and data folder, on their own machine."""
    folder = tmp_path / "instructor"
    with Store.open(instructor_database_path(folder)) as opened:
        yield opened, folder


@pytest.fixture
def instructor_answers(instructor: tuple[Store, Path], data_folder: Path, store: Store,
                       usb_stick: Path) -> Callable[..., Path]:
    """The round trip: export this workstation, import it at the instructor's, answer the
    learner's questions and comment on their checks, and write the feedback file to the stick.
    """

    def answer(*, answers: dict[str, str], comments: dict[str, str],
               author: str = "Ms Khan") -> Path:
        their_store, their_folder = instructor
        export = write_export(store, data_folder, usb_stick)
        report = import_exports(their_store, [export.path], enrol=lambda _info: True)
        assert [file.status for file in report.files] == ["imported"]
        export.path.unlink()  # the stick now carries only the feedback file
        for question_id, text in answers.items():
            event = _event(their_store, question_id)
            add_feedback(their_store, learner_id=event[0], exercise_id=event[1], text=text,
                         question_id=question_id, author=author)
        for event_id, text in comments.items():
            event = _event(their_store, event_id)
            add_feedback(their_store, learner_id=event[0], exercise_id=event[1], text=text,
                         event_id=event_id, author=author)
        return write_feedback(their_store, their_folder, store.workstation_id, usb_stick)

    return answer


def _event(store: Store, event_id: str) -> tuple[str, str]:
    with store._reading() as database:
        row = database.conn.execute(
            "SELECT learner_id, exercise_id FROM events WHERE id = ?", [event_id]).fetchone()
    assert row is not None, "the instructor has not got that event"
    return str(row[0]), str(row[1])
