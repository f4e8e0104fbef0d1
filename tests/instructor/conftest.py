"""Fixtures for the instructor's dashboard: stores with crafted events, and a big class."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tutor.store import Store

from .populate import START, Filled, fill_instructor_store, id_at, time_text


class LogWriter:
    """Writes learners and events with chosen times, the way an import would."""

    def __init__(self, path: Path) -> None:
        Store.open(path).close()
        self.path = path
        self._random = random.Random(1)
        self._connection = sqlite3.connect(str(path), isolation_level=None)

    def learner(self, name: str, *, is_demo: bool = False, workstation: str = "ws-1") -> str:
        """Add a learner (no PIN, as on an instructor's machine); return their id."""
        learner_id = id_at(START, self._random)
        self._connection.execute(
            "INSERT INTO learners (id, display_name, created_at, is_demo, workstation_id) "
            "VALUES (?, ?, ?, ?, ?)", [learner_id, name, time_text(START), int(is_demo),
                                       workstation])
        return learner_id

    def event(self, learner_id: str, exercise_id: str, minutes: float, kind: str = "check", *,
              passed: bool | None = None, results: list[dict[str, object]] | None = None,
              files: dict[str, str] | None = None, workstation: str = "ws-1") -> str:
        """Add an event `minutes` after START; checks fail unless `passed` says otherwise."""
        moment = START + timedelta(minutes=minutes)
        if kind == "check" and passed is None:
            passed = False
        event_id = id_at(moment, self._random)
        self._connection.execute(
            "INSERT INTO events (id, learner_id, exercise_id, content_version, kind, created_at, "
            "passed, results, files, duration_ms, workstation_id) "
            "VALUES (?, ?, ?, 'v1', ?, ?, ?, ?, ?, 12.0, ?)",
            [event_id, learner_id, exercise_id, kind, time_text(moment),
             None if passed is None else int(passed), json.dumps(results or []),
             json.dumps(files or {}), workstation])
        return event_id

    def at(self, minutes: float) -> datetime:
        """The moment `minutes` after START."""
        return START + timedelta(minutes=minutes)

    def close(self) -> None:
        """Close the writer's own connection."""
        self._connection.close()


@pytest.fixture
def log(tmp_path: Path) -> Iterator[LogWriter]:
    """A fresh instructor's database to write crafted learners and events into."""
    writer = LogWriter(tmp_path / "instructor.sqlite3")
    yield writer
    writer.close()


@pytest.fixture(scope="session")
def big_class(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Filled]:
    """An instructor's database with 300 made-up learners, made once per test session."""
    path = tmp_path_factory.mktemp("big-class") / "instructor.sqlite3"
    filled = fill_instructor_store(path, learners=300, demo=True)
    return path, filled


@pytest.fixture
def big_class_dir(big_class: tuple[Path, Filled], tmp_path: Path) -> Path:
    """A data folder holding a private copy of the big class's database."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(big_class[0], folder / "instructor.sqlite3")
    return folder
