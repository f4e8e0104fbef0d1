"""Fixtures for store tests: a migrated template database, copied fresh for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tutor.store import Learner, Store


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with every migration applied, made once per test session."""
    path = tmp_path_factory.mktemp("template") / "tutor.db"
    Store.open(path).close()
    # Closing checkpoints the log into the main file, so copying that one file is enough.
    assert not path.with_name("tutor.db-wal").exists()
    return path


@pytest.fixture
def database_path(template_database: Path, tmp_path: Path) -> Path:
    """A private copy of the template database for one test."""
    path = tmp_path / "data" / "tutor.db"
    path.parent.mkdir()
    shutil.copyfile(template_database, path)
    return path


@pytest.fixture
def store(database_path: Path) -> Iterator[Store]:
    """An open store on the test's own database copy."""
    with Store.open(database_path) as opened:
        yield opened


@pytest.fixture
def learner(store: Store) -> Learner:
    """One learner, Sam, whose PIN is 1234."""
    return store.create_learner("Sam", "1234")
