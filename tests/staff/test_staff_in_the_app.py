"""The staff tools in the real window: nothing opens or changes without the staff passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt
from tutor.store import Store
from tutor.store.learner_admin import add_learner
from tutor.ui.audit_view import AuditLogDialog
from tutor.ui.learner_admin import LearnersDialog
from tutor.ui.learner_dialog import (
    ADD_FIRST,
    FIRST_START,
    NEW_HERE,
    LearnerDialog,
    MyPinDialog,
)
from tutor.ui.settings_dialog import SettingsDialog
from tutor.ui.staff_gate import StaffPassphraseDialog

from .conftest import STAFF_PASSPHRASE

pytestmark = pytest.mark.slow


@pytest.fixture
def apps(qtbot: QtBot) -> Iterator[list[TutorApp]]:
    """Apps made by the test; each window is closed at the end, which shuts the app down."""
    made: list[TutorApp] = []
    yield made
    for tutor in made:
        tutor.window.close()


def start(qtbot: QtBot, apps: list[TutorApp], data_dir: Path) -> TutorApp:
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=data_dir, library=load_library(), chromium=chromium)
    apps.append(tutor)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    tutor.start_services()
    return tutor


def sign_in_screen(tutor: TutorApp) -> LearnerDialog:
    tutor.ask_for_learner()
    dialog = tutor.window.findChild(LearnerDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def gate_dialog(qtbot: QtBot, tutor: TutorApp, trigger: object) -> StaffPassphraseDialog:
    with qtbot.waitSignal(tutor.staff_gate.dialog_opened, timeout=5000) as opened:
        trigger()  # type: ignore[operator]
    dialog: StaffPassphraseDialog = opened.args[0]
    return dialog


def unlock(qtbot: QtBot, tutor: TutorApp, dialog: StaffPassphraseDialog, text: str) -> None:
    dialog.passphrase.setText(text)
    dialog.again.setText(text)
    with qtbot.waitSignal(tutor.staff_gate.unlocked, timeout=5000):
        dialog.buttons.accepted.emit()


def staff_action(tutor: TutorApp, text: str) -> object:
    found = [a for a in tutor.window.staff_menu.actions() if a.text() == text]
    assert len(found) == 1, [a.text() for a in tutor.window.staff_menu.actions()]
    return found[0].trigger


def in_workspace(tutor: TutorApp) -> bool:
    return tutor.window.pages.currentWidget() is tutor.window.workspace


def actions(data_dir: Path) -> list[str]:
    with Store.open(data_dir / "progress.sqlite3") as store:
        return [entry.action for entry in store.audit_entries()]


def test_a_new_workstation_says_what_to_do_and_staff_add_the_first_learner(
        qtbot: QtBot, apps: list[TutorApp], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    tutor = start(qtbot, apps, data_dir)
    dialog = sign_in_screen(tutor)
    assert dialog._notice.text() == FIRST_START and dialog._notice.isVisible()
    assert not dialog._names.isVisible() and dialog._new_button.text() == ADD_FIRST

    gate = gate_dialog(qtbot, tutor, dialog._new_button.click)
    assert gate.first_time and "Only staff can add a learner." in gate.intro.text()
    gate.reject()  # a learner cannot get past this
    assert not dialog._new_page.isVisible() and not tutor.store.has_staff_passphrase()

    gate = gate_dialog(qtbot, tutor, dialog._new_button.click)
    unlock(qtbot, tutor, gate, STAFF_PASSPHRASE)
    assert dialog._new_page.isVisible()
    qtbot.keyClicks(dialog._new_name, "Sam")
    qtbot.keyClicks(dialog._new_pin, "2468")
    qtbot.keyClicks(dialog._new_pin_again, "2468")
    # Let the first exercise and its preview finish opening before the test ends.
    with qtbot.waitSignal(tutor.preview.reloaded, timeout=10_000):
        qtbot.keyClick(dialog._new_pin_again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: in_workspace(tutor), timeout=10_000)
    assert tutor.window.learner_label.text() == "Learner: Sam"
    entries = tutor.store.audit_entries()
    assert [e.action for e in entries] == ["staff passphrase set", "learner added"]
    assert entries[-1].detail["via"] == "sign-in"


def test_a_learner_cannot_add_themselves_without_the_passphrase(
        qtbot: QtBot, apps: list[TutorApp], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir / "progress.sqlite3") as store:
        store.set_staff_passphrase(STAFF_PASSPHRASE)
        add_learner(store, "Sam", "1234")
    tutor = start(qtbot, apps, data_dir)
    dialog = sign_in_screen(tutor)
    assert dialog._names.isVisible() and dialog._new_button.text() == NEW_HERE
    gate = gate_dialog(qtbot, tutor, dialog._new_button.click)
    assert not gate.first_time
    gate.passphrase.setText("let me in please")
    gate.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "not the staff passphrase" in gate.message.text(), timeout=5000)
    assert not dialog._new_page.isVisible()
    assert [learner.display_name for learner in tutor.store.list_learners()] == ["Sam"]
    assert tutor.store.audit_entries()[-1].action == "wrong staff passphrase"


def test_the_staff_menu_opens_nothing_until_the_passphrase_is_right(
        qtbot: QtBot, apps: list[TutorApp], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir / "progress.sqlite3") as store:
        store.set_staff_passphrase(STAFF_PASSPHRASE)
        sam = add_learner(store, "Sam", "1234")
        add_learner(store, "Alex", "1234")
    tutor = start(qtbot, apps, data_dir)
    tutor.open_learner(sam.id)
    tutor.window.show_workspace()

    for text, kind, action in (("Learners...", LearnersDialog, "manage learners"),
                               ("Settings...", SettingsDialog, "change settings"),
                               ("Audit log...", AuditLogDialog, "read the audit log")):
        gate = gate_dialog(qtbot, tutor, staff_action(tutor, text))
        assert f"Only staff can {action}." in gate.intro.text()
        gate.reject()
        assert tutor.window.findChild(kind) is None
        gate = gate_dialog(qtbot, tutor, staff_action(tutor, text))
        unlock(qtbot, tutor, gate, STAFF_PASSPHRASE)
        opened = tutor.window.findChild(kind)
        assert opened is not None and opened.isVisible()
        opened.close()
        qtbot.waitUntil(lambda kind=kind: tutor.window.findChild(kind) is None, timeout=5000)


def test_staff_allow_my_pin_and_removing_the_learner_signed_in_ends_their_session(
        qtbot: QtBot, apps: list[TutorApp], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir / "progress.sqlite3") as store:
        store.set_staff_passphrase(STAFF_PASSPHRASE)
        sam = add_learner(store, "Sam", "1234")
        add_learner(store, "Alex", "1234")
    tutor = start(qtbot, apps, data_dir)
    tutor.open_learner(sam.id)
    tutor.window.show_workspace()
    button = tutor.my_pin_button
    qtbot.waitUntil(lambda: button.learner_id == sam.id, timeout=5000)
    assert button.isHidden()  # learners may not change their PIN until staff allow it

    unlock(qtbot, tutor, gate_dialog(qtbot, tutor, staff_action(tutor, "Settings...")),
           STAFF_PASSPHRASE)
    settings = tutor.window.findChild(SettingsDialog)
    qtbot.waitUntil(settings.save_button.isEnabled, timeout=5000)
    settings.may_change_pin.setChecked(True)
    settings.save_button.click()
    qtbot.waitUntil(lambda: not button.isHidden(), timeout=5000)
    settings.close()

    with qtbot.waitSignal(button.dialog_opened, timeout=5000) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    my_pin: MyPinDialog = opened.args[0]
    my_pin.current.setText("1234")
    my_pin.new_pin.setText("97531")
    my_pin.again.setText("97531")
    with qtbot.waitSignal(my_pin.pin_changed, timeout=5000):
        my_pin.change_button.click()
    assert tutor.store.verify_pin(sam.id, "97531")
    assert "PIN is changed" in tutor.window.statusBar().currentMessage()

    unlock(qtbot, tutor, gate_dialog(qtbot, tutor, staff_action(tutor, "Learners...")),
           STAFF_PASSPHRASE)
    learners = tutor.window.findChild(LearnersDialog)
    qtbot.waitUntil(lambda: learners.names() == ["Alex", "Sam"], timeout=5000)
    learners.choose("Sam")
    with qtbot.waitSignal(learners.form_opened, timeout=5000) as opened:
        learners.remove_button.click()
    remove = next(b for b in opened.args[0].buttons() if b.text() == "Remove Sam")
    with qtbot.waitSignal(learners.learner_removed, timeout=5000):
        remove.click()
    assert not in_workspace(tutor) and tutor.controller.learner is None
    assert button.isHidden()
    sign_in = tutor.window.findChild(LearnerDialog)
    assert sign_in is not None
    assert [sign_in._names.item(i).text() for i in range(sign_in._names.count())] == ["Alex"]
    assert tutor.store.audit_entries()[-1].action == "learner removed"
