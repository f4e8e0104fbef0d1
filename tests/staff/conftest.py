"""Fixtures for the staff tools: a fresh store for each test, and the store's worker thread."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from tutor.store import Store
from tutor.ui.operations import Operations

STAFF_PASSPHRASE = "river stones 42"


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with every migration applied, made once per test session."""
    path = tmp_path_factory.mktemp("staff-template") / "progress.sqlite3"
    Store.open(path).close()
    return path


@pytest.fixture
def data_folder(template_database: Path, tmp_path: Path) -> Path:
    """A data folder holding a private copy of the template database."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template_database, folder / "progress.sqlite3")
    return folder


@pytest.fixture
def store(data_folder: Path) -> Iterator[Store]:
    """An open store in the test's own data folder."""
    with Store.open(data_folder / "progress.sqlite3") as opened:
        yield opened


@pytest.fixture
def operations() -> Iterator[Operations]:
    """The store's worker thread, stopped at the end of the test."""
    worker = Operations()
    yield worker
    worker.stop()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """A window for dialogs to belong to."""
    window = QWidget()
    qtbot.addWidget(window)
    return window


def rich_labels(widget: QWidget) -> list[str]:
    """The text of every label under widget that Qt may read as markup (there should be none
    showing text from outside)."""
    return [label.text() for label in widget.findChildren(QLabel)
            if label.textFormat() != Qt.TextFormat.PlainText and label.text()]


def visible_text(widget: QWidget) -> str:
    """Every label's and table cell's text under widget, one per line."""
    texts = [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]
    for table in widget.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    texts.append(item.text())
    return "\n".join(texts)
