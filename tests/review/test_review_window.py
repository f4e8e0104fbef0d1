"""The review window: files, flags that open their line, changes, approve, install, report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tutor.content.packs import install_pack, sign_pack, verify_pack
from tutor.store import Store
from tutor.trust.keys import PrivateKey, add_trusted_key, write_key_pair
from tutor.ui.operations import Operations
from tutor.ui.review_window import ReviewWindow
from tutor.ui.staff_gate import StaffGate, StaffPassphraseDialog

from .conftest import LessonPackMaker, write_pack_file

PASSPHRASE = "river stones 42"
HOSTILE_TITLE = "Pack <b>bold</b><img src=file:///etc/passwd>"


def _png() -> bytes:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[ReviewWindow]:
    data_folder = tmp_path / "data"
    store = Store.open(data_folder / "progress.sqlite3")
    store.set_staff_passphrase(PASSPHRASE)
    operations = Operations()
    review_window = ReviewWindow(data_folder=data_folder, store=store, operations=operations)
    review_window.set_staff_gate(StaffGate(store, operations, review_window))
    qtbot.addWidget(review_window)
    review_window.show()
    yield review_window
    operations.stop()
    store.close()


def _open(qtbot: QtBot, window: ReviewWindow, path: Path) -> None:
    with qtbot.waitSignal(window.review_loaded, timeout=10_000):
        window.open_pack(path)


def _unlock(qtbot: QtBot, window: ReviewWindow, action: object) -> None:
    """Run a gated action and type the staff passphrase into the dialog it opens."""
    gate = window.decisions.staff_gate
    assert gate is not None
    with qtbot.waitSignal(gate.dialog_opened, timeout=5000) as opened:
        action()  # type: ignore[operator]
    dialog: StaffPassphraseDialog = opened.args[0]
    dialog.passphrase.setText(PASSPHRASE)
    dialog.buttons.accepted.emit()


def _flagged_pack(tmp_path: Path) -> Path:
    return write_pack_file(tmp_path / "flagged.tutorpack", {
        "site/index.html": "<!DOCTYPE html>\n<title>x</title>\n"
                           "<script src=\"https://cdn.x.io/a.js\"></script>\n",
        "notes/a.md": "# Notes\n",
        "pictures/dot.png": _png(),
        "checks/t.js": "// check\nfetch('/x');\n" + "const a = 1;\n" * 200,
    }, title=HOSTILE_TITLE)


def test_the_window_lists_every_file_and_shows_the_flags(
        qtbot: QtBot, window: ReviewWindow, tmp_path: Path) -> None:
    _open(qtbot, window, _flagged_pack(tmp_path))
    assert window.file_list.shown_paths() == ["checks/t.js", "notes/a.md", "pictures/dot.png", "site/index.html"]
    flags = [window.flag_list.item(i).text() for i in range(window.flag_list.count())]
    assert len(flags) == 2
    assert flags[0].startswith("site/index.html line 3") and "https://cdn.x.io/a.js" in flags[0]
    assert flags[1].startswith("checks/t.js line 2") and "fetch" in flags[1]
    assert window.flag_summary.text() == (
        "Flags (2). Loads something from outside: 1; "
        "Code that could reach out or run hidden code: 1.")
    assert window.install_button.isEnabled() and window.approve_button.isEnabled()


def test_clicking_a_flag_opens_its_file_at_the_flagged_line(
        qtbot: QtBot, window: ReviewWindow, tmp_path: Path) -> None:
    _open(qtbot, window, _flagged_pack(tmp_path))
    item = window.flag_list.item(1)
    with qtbot.waitSignal(window.file_shown, timeout=5000) as shown:
        qtbot.mouseClick(window.flag_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.flag_list.visualItemRect(item).center())
    assert shown.args == ["checks/t.js"]
    editor = window.file_view.editor
    assert editor is not None and editor.isReadOnly()
    assert window.file_view.current_line() == 2
    assert editor.textCursor().block().text() == "fetch('/x');"
    assert window.file_list.current_path() == "checks/t.js"


def test_pictures_are_shown_and_pack_text_stays_plain_text(
        qtbot: QtBot, window: ReviewWindow, tmp_path: Path) -> None:
    _open(qtbot, window, _flagged_pack(tmp_path))
    window.show_file("pictures/dot.png")
    assert window.file_view.currentWidget() is window.file_view.picture
    assert not window.file_view.picture.pixmap().isNull()
    for label in (window.title, window.header, window.flag_summary, window.status):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE_TITLE in window.title.text()
    assert HOSTILE_TITLE in window.windowTitle()


def test_a_pack_that_cannot_be_read_says_so_plainly(
        qtbot: QtBot, window: ReviewWindow, tmp_path: Path) -> None:
    broken = tmp_path / "broken.tutorpack"
    broken.write_bytes(b"this is not a zip archive at all")
    with qtbot.waitSignal(window.loading_failed, timeout=10_000) as failed:
        window.open_pack(broken)
    assert "cannot be used" in window.status.text()
    assert failed.args[0] and "Traceback" not in failed.args[0]
    assert not window.install_button.isEnabled()


def test_the_changes_view_shows_the_diff_against_the_installed_version(
        qtbot: QtBot, window: ReviewWindow, lesson_pack: LessonPackMaker,
        reviewer_key: PrivateKey) -> None:
    folder = window.decisions.data_folder
    add_trusted_key(folder, reviewer_key.public_key("reviewer"))
    first = lesson_pack(1)
    sign_pack(first, reviewer_key)
    install_pack(first, folder, [reviewer_key.public_key()])
    _open(qtbot, window, lesson_pack(2, heading="All about me"))
    path = "html/01-first-heading/solution/index.html"
    assert window.changes.change_list.count() == 1
    assert window.changes.change_list.item(0).text() == f"changed: {path}"
    window.show_file(path)
    diff = window.changes.diff.toPlainText()
    assert "-<h1>About me</h1>" in diff and "+<h1>All about me</h1>" in diff
    assert "1 changed" in window.changes.summary.text()


def test_approve_and_sign_asks_for_staff_then_signs_and_logs_it(
        qtbot: QtBot, window: ReviewWindow, tmp_path: Path) -> None:
    pack = _flagged_pack(tmp_path)
    key_path, _public, key = write_key_pair(tmp_path / "vetting", comment="Vetting team")
    _open(qtbot, window, pack)
    with qtbot.waitSignal(window.decisions.pack_approved, timeout=10_000) as approved:
        _unlock(qtbot, window, lambda: window.decisions.approve_with_key(key_path))
    assert approved.args == [key.public_key().fingerprint]
    assert verify_pack(pack, [key.public_key()]).signers[0].raw == key.public_key().raw
    store = window.decisions.store
    entry = store.audit_entries()[-1]
    assert entry.action == "pack approved"
    report = tmp_path / "report.html"
    with qtbot.waitSignal(window.decisions.report_saved, timeout=10_000):
        window.decisions.save_report_to(report)
    text = report.read_text(encoding="utf-8")
    assert "Approved." in text and key.public_key().fingerprint in text
    assert "Vetting team" in text


def test_install_refuses_an_unsigned_pack_with_a_plain_message_and_installs_a_trusted_one(
        qtbot: QtBot, window: ReviewWindow, lesson_pack: LessonPackMaker,
        reviewer_key: PrivateKey) -> None:
    pack = lesson_pack(1)
    _open(qtbot, window, pack)
    with qtbot.waitSignal(window.decisions.action_failed, timeout=10_000) as failed:
        _unlock(qtbot, window, window.decisions.install)
    assert failed.args[0].startswith("Not installed.") and "not signed" in failed.args[0]
    add_trusted_key(window.decisions.data_folder, reviewer_key.public_key())
    sign_pack(pack, reviewer_key)
    with qtbot.waitSignal(window.decisions.pack_installed, timeout=10_000) as installed:
        _unlock(qtbot, window, window.decisions.install)
    assert installed.args[0].version == 1
    assert "Installed version 1" in window.status.text()


def test_the_built_in_curriculum_opens_with_its_few_flags(
        qtbot: QtBot, window: ReviewWindow, curriculum_pack: Path) -> None:
    _open(qtbot, window, curriculum_pack)
    review = window.review
    assert review is not None
    assert len(window.file_list.shown_paths()) == len(review.files) > 500
    assert window.flag_list.count() == len(review.flags) <= 20
    window.file_list.find_box.setText("sql/13-")
    shown = window.file_list.shown_paths()
    assert shown and all("sql/13-" in path for path in shown)
    window.file_list.find_box.clear()
    window.file_list.only_noteworthy.setChecked(True)
    assert set(window.file_list.shown_paths()) == {flag.path for flag in review.flags}
