"""Helpers for the accessibility tests: the real app, signed in, and a clean look after."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt
from tutor.ui.themes import THEME_PROPERTY

FIRST_EXERCISE = "html.first-heading"


@pytest.fixture(autouse=True)
def _application_look_restored(qapp: QApplication) -> Iterator[None]:
    """Text size and theme are the whole application's: put them back after each test."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    theme = qapp.property(THEME_PROPERTY)
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setProperty(THEME_PROPERTY, theme)


def build_app(qtbot: QtBot, data_dir: Path) -> TutorApp:
    """The app as `run_app` makes it, with its services started."""
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=data_dir, library=load_library(), chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    qtbot.waitExposed(tutor.window)
    tutor.start_services()
    return tutor


def sign_in(qtbot: QtBot, tutor: TutorApp, learner_id: str) -> None:
    """Sign a learner in as the sign-in screen does, and wait for their lesson."""
    assert tutor.controller is not None
    with qtbot.waitSignal(tutor.controller.exercise_opened, timeout=15_000):
        tutor.open_learner(learner_id)
        tutor.window.show_workspace()
    tutor.window.activateWindow()
    qtbot.waitUntil(tutor.window.isActiveWindow)


@pytest.fixture
def make_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[], TutorApp]]:
    """Build apps on one data folder; each is closed at the end of the test."""
    made: list[TutorApp] = []

    def make() -> TutorApp:
        tutor = build_app(qtbot, tmp_path / "data")
        made.append(tutor)
        return tutor

    yield make
    for tutor in made:
        tutor.window.close()


@pytest.fixture
def workspace(qtbot: QtBot, make_app: Callable[[], TutorApp]) -> TutorApp:
    """The app with a learner who has already had the tour, on the first lesson."""
    tutor = make_app()
    assert tutor.store is not None
    learner = tutor.store.create_learner("Kim", "1234")
    tutor.store.set_learner_setting(learner.id, "tour_done", "yes")
    sign_in(qtbot, tutor, learner.id)
    assert not tutor.accessibility.tour.is_running()
    return tutor


def press(qtbot: QtBot, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a person would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)
