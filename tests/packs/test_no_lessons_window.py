"""Someone who starts Tutor when it has no lessons sees a window saying why and what to do."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tutor.cli import main
from tutor.content.packs import build_pack, sign_pack

from .conftest import Keys, Places, write_lessons


@dataclass(frozen=True)
class Seen:
    """What the message box showed."""

    title: str
    text: str
    details: str
    text_format: Qt.TextFormat


def start_tutor(*args: str) -> tuple[int, list[Seen]]:
    """Run `tutor` as a learner starts it; read and close any message box that opens."""
    seen: list[Seen] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(Seen(box.windowTitle(), box.text(), box.detailedText(),
                             box.textFormat()))
            box.close()

    timer = QTimer()
    timer.timeout.connect(read_and_close)
    timer.start(20)
    try:
        code = main(list(args))
    finally:
        timer.stop()
    return code, seen


def test_a_pack_signed_by_a_key_nobody_trusts_is_explained_in_a_window(
        qtbot: QtBot, only_these_places: Places, keys: Keys,
        capsys: pytest.CaptureFixture[str]) -> None:
    places = only_these_places
    pack = places.bundled / "curriculum.tutorpack"
    build_pack(write_lessons(places.bundled.parent / "source"), pack)
    sign_pack(pack, keys.stranger)

    code, seen = start_tutor("--data-dir", str(places.data))

    assert code == 2
    assert "tutor: No lessons are installed." in capsys.readouterr().err  # for a terminal
    [box] = seen
    assert box.title == "Tutor has no lessons"
    assert "The lesson pack was not signed by a key this computer trusts." in box.text
    assert "Ask IT to install the lessons." in box.text
    assert "trusted_keys" in box.text  # what IT changes
    assert keys.stranger.public_key().fingerprint in box.details  # the key to ask about
    assert box.text_format == Qt.TextFormat.PlainText


def test_no_pack_at_all_is_explained_in_a_window(
        qtbot: QtBot, only_these_places: Places, capsys: pytest.CaptureFixture[str]) -> None:
    code, seen = start_tutor("--data-dir", str(only_these_places.data))

    assert code == 2
    assert "tutor: No lessons are installed." in capsys.readouterr().err
    [box] = seen
    assert "No lessons are installed on this computer." in box.text
    assert "Ask IT to install the lessons." in box.text
    assert box.text_format == Qt.TextFormat.PlainText


def test_a_smoke_run_says_it_on_the_terminal_only(
        qtbot: QtBot, only_these_places: Places, capsys: pytest.CaptureFixture[str]) -> None:
    code, seen = start_tutor("--smoke", "--data-dir", str(only_these_places.data))

    assert code == 2
    assert seen == []  # nobody is at the screen of a smoke run to close a window
    assert "No lessons are installed." in capsys.readouterr().err
