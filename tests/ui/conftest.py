"""Helpers for driving the learner's widgets as a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


@pytest.fixture
def show(qtbot: QtBot) -> Iterator[Callable[[QWidget], QWidget]]:
    """Show a widget in its own active window, so it can take keyboard focus."""
    kept: list[QWidget] = []  # qtbot holds widgets weakly; the test may not keep the window

    def shown(widget: QWidget) -> QWidget:
        kept.append(widget)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
        return widget

    yield shown
    kept.clear()
