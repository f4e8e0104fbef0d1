"""The Staff menu opens review mode, only after the staff passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt
from tutor.store import Store
from tutor.ui.review_window import ReviewWindow
from tutor.ui.staff_gate import StaffPassphraseDialog

from .conftest import write_pack_file

pytestmark = pytest.mark.slow
PASSPHRASE = "river stones 42"


@pytest.fixture
def tutor(qtbot: QtBot, tmp_path: Path) -> Iterator[TutorApp]:
    data_dir = tmp_path / "data"
    with Store.open(data_dir / "progress.sqlite3") as store:
        store.set_staff_passphrase(PASSPHRASE)
    _app, chromium = start_qt(headless=True)
    app = TutorApp(data_dir=data_dir, library=load_library(), chromium=chromium)
    qtbot.addWidget(app.window)
    app.window.show()
    app.start_services()
    yield app
    app.window.close()


def test_review_a_lesson_pack_asks_for_staff_then_a_file_then_opens_the_window(
        qtbot: QtBot, tutor: TutorApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = write_pack_file(tmp_path / "a.tutorpack", {"a.js": "// net\nfetch('/x');\n"})
    # The system's file picker is modal; answer it as a person would.
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(pack), "")))
    found = [a for a in tutor.window.staff_menu.actions() if a.text() == "Review a lesson pack..."]
    assert len(found) == 1
    with qtbot.waitSignal(tutor.staff_gate.dialog_opened, timeout=5000) as opened:
        found[0].trigger()
    dialog: StaffPassphraseDialog = opened.args[0]
    assert "Only staff can review a lesson pack." in dialog.intro.text()
    assert tutor.window.findChild(ReviewWindow) is None
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(tutor.staff_gate.unlocked, timeout=5000):
        dialog.buttons.accepted.emit()
    window = tutor.window.findChild(ReviewWindow)
    assert window is not None
    qtbot.waitUntil(lambda: window.review is not None, timeout=10_000)
    assert window.isWindow() and window.isVisible()
    assert window.flag_list.count() == 1
    window.close()
