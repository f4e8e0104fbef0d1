"""The staff "Settings" window: computer name, learners' own PINs, the staff passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import tutor.exchange
from tutor.store import Store
from tutor.store.learner_admin import LEARNERS_MAY_CHANGE_PIN, WORKSTATION_NAME
from tutor.ui.operations import Operations
from tutor.ui.settings_dialog import PASSPHRASE_CHANGED, PASSPHRASES_DIFFER, SettingsDialog

from .conftest import STAFF_PASSPHRASE, rich_labels


def open_settings(qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
                  data_folder: Path) -> SettingsDialog:
    with qtbot.waitSignal(operations.job_finished, timeout=5000):
        dialog = SettingsDialog(store, operations, data_folder, parent)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    return dialog


def actions(store: Store) -> list[str]:
    return [entry.action for entry in store.audit_entries()]


def test_settings_show_what_is_set_and_save_only_changes(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        data_folder: Path) -> None:
    store.set_setting(WORKSTATION_NAME, "Library <b>3</b>")
    dialog = open_settings(qtbot, store, operations, parent, data_folder)
    assert dialog.workstation_name.text() == "Library <b>3</b>"
    assert not dialog.may_change_pin.isChecked()  # the default: staff change PINs
    assert dialog.workstation_id.text() == store.workstation_id
    assert rich_labels(dialog) == []

    with qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved:
        dialog.save_button.click()
    assert saved.args == ["Nothing was changed."]
    assert "setting changed" not in actions(store)

    dialog.workstation_name.setText("  Wing  B, desk 4 ")
    dialog.may_change_pin.setChecked(True)
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved:
        dialog.save_button.click()
    assert saved.args == ["Saved."] and dialog.settings_message.text() == "Saved."
    assert store.setting(WORKSTATION_NAME) == "Wing B, desk 4"
    assert store.setting(LEARNERS_MAY_CHANGE_PIN) == "true"
    details = [e.detail for e in store.audit_entries() if e.action == "setting changed"]
    assert details == [{"setting": WORKSTATION_NAME, "value": "Wing B, desk 4"},
                       {"setting": LEARNERS_MAY_CHANGE_PIN, "value": "true"}]


def test_a_name_with_hidden_characters_is_refused(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        data_folder: Path) -> None:
    dialog = open_settings(qtbot, store, operations, parent, data_folder)
    dialog.workstation_name.setText("Desk\u202e4")
    dialog.save_button.click()
    assert "hidden characters" in dialog.settings_message.text()
    assert store.setting(WORKSTATION_NAME) is None


def test_changing_the_passphrase_needs_the_one_in_use(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        data_folder: Path) -> None:
    store.set_staff_passphrase(STAFF_PASSPHRASE)
    dialog = open_settings(qtbot, store, operations, parent, data_folder)
    dialog.current.setText(STAFF_PASSPHRASE)
    dialog.new.setText("a new passphrase 7")
    dialog.again.setText("a new passphrase 8")
    dialog.change_button.click()
    assert dialog.passphrase_message.text() == PASSPHRASES_DIFFER

    dialog.current.setText("not the one in use")
    dialog.again.setText("a new passphrase 7")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: "not right" in dialog.passphrase_message.text(), timeout=5000)
    assert store.verify_staff_passphrase(STAFF_PASSPHRASE)
    assert actions(store)[-1] == "wrong staff passphrase"

    dialog.current.setText(STAFF_PASSPHRASE)
    dialog.again.setText("a new passphrase 7")
    with qtbot.waitSignal(dialog.passphrase_changed, timeout=5000):
        dialog.change_button.click()
    assert dialog.passphrase_message.text() == PASSPHRASE_CHANGED
    assert dialog.current.text() == dialog.new.text() == dialog.again.text() == ""
    assert store.verify_staff_passphrase("a new passphrase 7")
    assert actions(store)[-1] == "staff passphrase set"


def test_the_workstation_key_is_shown_only_when_the_exchange_code_offers_it(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        data_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(tutor.exchange, "workstation_fingerprint", raising=False)
    dialog = open_settings(qtbot, store, operations, parent, data_folder)
    assert not dialog.fingerprint.isVisible()

    asked: list[Path] = []

    def fingerprint(folder: Path) -> str:
        asked.append(folder)
        return "7ADA-6203-6456-4E82-E3FD"

    monkeypatch.setattr(tutor.exchange, "workstation_fingerprint", fingerprint, raising=False)
    dialog = open_settings(qtbot, store, operations, parent, data_folder)
    assert dialog.fingerprint.isVisible() and asked == [data_folder]
    assert dialog.fingerprint.text() == "7ADA-6203-6456-4E82-E3FD"
