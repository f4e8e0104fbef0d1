"""Small data sets for SQL tests, and a working folder that must stay empty."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

PETS_FIXTURE = """
CREATE TABLE pets (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER, city TEXT);
INSERT INTO pets (name, age, city) VALUES
  ('Rex', 4, 'Leeds'), ('Tom', 3, 'York'), ('Bella', 2, 'Leeds'),
  ('Max', 7, 'Hull'), ('Luna', 5, 'Leeds');
"""


@pytest.fixture
def pets() -> dict[str, str]:
    """Check files holding only the pets fixture."""
    return {"fixture.sql": PETS_FIXTURE}


@pytest.fixture
def empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run the test from an empty folder, so any file SQLite wrote would show up in it."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    assert sorted(p.name for p in tmp_path.rglob("*")) == []
