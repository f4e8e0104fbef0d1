"""A learner who starts the app with a broken config sees a window that says it cannot start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tutor.cli import build_parser
from tutor.cli_common import UsageError
from tutor.cli_config import prepare_installation


def test_the_app_shows_why_it_will_not_start(
        qtbot: QtBot, write_config: Callable[[str], Path], tmp_path: Path,
        clean_start: pytest.MonkeyPatch) -> None:
    clean_start.setenv("TUTOR_CONFIG", str(write_config('"<b>colour</b>" = "blue"\n')))
    seen: list[tuple[str, str, Qt.TextFormat]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return  # not shown yet; the timer comes round again
        seen.append((box.text(), box.detailedText(), box.textFormat()))
        box.close()

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(20)
    args = build_parser().parse_args(["--data-dir", str(tmp_path / "data")])  # the app itself
    with pytest.raises(UsageError):
        prepare_installation(args)
    timer.stop()
    [(text, details, text_format)] = seen
    assert text.startswith("Tutor cannot start, because its setup file has a mistake.")
    assert 'tutor-config.toml, line 1: "<b>colour</b>" is not a setting' in details
    assert text_format == Qt.TextFormat.PlainText  # the file's words are never markup
    assert not (tmp_path / "data").exists()
