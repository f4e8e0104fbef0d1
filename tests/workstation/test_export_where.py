"""Export, step 1: choosing where the file goes, without ever freezing the window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tutor.exchange.drives import Drive
from tutor.store import Store
from tutor.ui.export_dialog import (
    FOLDER_MISSING,
    LOOKING,
    NO_DRIVE,
    NO_FOLDER,
    PICK_DRIVE,
    ExportDialog,
)
from tutor.ui.operations import Operations


def make_dialog(qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
                drives: list[Drive], **options: object) -> ExportDialog:
    dialog = ExportDialog(store=store, data_folder=data_folder, operations=operations,
                          find_drives=lambda: list(drives), **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_with_no_stick_staff_are_told_and_can_choose_a_folder(
        qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
        usb_stick: Path) -> None:
    asked: list[str] = []

    def choose_folder(_parent: object, start: str) -> str:
        asked.append(start)
        return str(usb_stick)

    dialog = make_dialog(qtbot, store, data_folder, operations, [],
                         choose_folder=choose_folder)
    qtbot.waitUntil(lambda: dialog.drive_status.text() == NO_DRIVE, timeout=5_000)
    assert dialog.drive_list.count() == 0
    assert dialog.choose_button.text() == "Choose a folder..."
    assert dialog.look_again_button.text() == "Look again"
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and dialog.folder_field.text() == str(usb_stick)
    assert dialog.folder() == usb_stick


def test_a_stick_that_is_found_is_chosen_for_staff(
        qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
        usb_stick: Path) -> None:
    drives = [Drive(usb_stick, "STICK", 2 * 1024**3)]
    dialog = make_dialog(qtbot, store, data_folder, operations, drives)
    qtbot.waitUntil(lambda: dialog.drive_status.text() == PICK_DRIVE, timeout=5_000)
    assert dialog.drive_list.item(0).text() == f"STICK ({usb_stick}): 2.0 GB free"
    assert dialog.folder() == usb_stick


def test_next_refuses_an_empty_or_missing_folder_in_plain_words(
        qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
        tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, store, data_folder, operations, [])
    qtbot.waitUntil(lambda: dialog.drive_status.text() == NO_DRIVE, timeout=5_000)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.where_message.text() == NO_FOLDER
    dialog.folder_field.setText(str(tmp_path / "not-there"))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.where_message.text() == FOLDER_MISSING
    assert dialog.steps.currentIndex() == 0


@pytest.fixture
def stuck_drive() -> Iterator[threading.Event]:
    """A drive listing that hangs, like a half-pulled stick, until the test lets it go."""
    release = threading.Event()
    yield release
    release.set()


def test_a_drive_listing_that_hangs_never_freezes_the_window(
        qtbot: QtBot, store: Store, data_folder: Path, operations: Operations,
        usb_stick: Path, stuck_drive: threading.Event) -> None:
    def hanging() -> list[Drive]:
        stuck_drive.wait(30)
        return []

    dialog = ExportDialog(store=store, data_folder=data_folder, operations=operations,
                          find_drives=hanging)
    qtbot.addWidget(dialog)
    dialog.show()
    # The window still answers: staff type a folder while the listing hangs.
    assert dialog.drive_status.text() == LOOKING
    qtbot.keyClicks(dialog.folder_field, str(usb_stick))
    assert dialog.folder() == usb_stick
    with qtbot.waitSignal(dialog.finder.drives_found, timeout=5_000):
        stuck_drive.set()
    assert dialog.drive_status.text() == NO_DRIVE
    assert dialog.folder() == usb_stick  # what staff typed is kept
