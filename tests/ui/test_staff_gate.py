"""The staff passphrase gate: chosen on first use, asked every time after, wrong tries logged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tutor.store import Store
from tutor.ui.operations import Operations
from tutor.ui.staff_gate import DIFFERENT, WRONG, StaffGate, StaffPassphraseDialog


@pytest.fixture
def gate(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[StaffGate, Store]]:
    store = Store.open(tmp_path / "progress.sqlite3")
    operations = Operations()
    window = QWidget()
    qtbot.addWidget(window)
    yield StaffGate(store, operations, window), store
    operations.stop()
    store.close()


def _open(qtbot: QtBot, gate: StaffGate, done: list[str]) -> StaffPassphraseDialog:
    with qtbot.waitSignal(gate.dialog_opened, timeout=5000) as opened:
        gate.run("export progress", lambda: done.append("ran"))
    dialog: StaffPassphraseDialog = opened.args[0]
    return dialog


def _submit(qtbot: QtBot, dialog: StaffPassphraseDialog, text: str, again: str | None = None) -> None:
    dialog.passphrase.setText(text)
    dialog.again.setText(text if again is None else again)
    dialog.buttons.accepted.emit()


def test_first_use_sets_the_passphrase_then_runs_the_action(
        qtbot: QtBot, gate: tuple[StaffGate, Store]) -> None:
    staff_gate, store = gate
    done: list[str] = []
    dialog = _open(qtbot, staff_gate, done)
    assert dialog.first_time and "No staff passphrase is set" in dialog.intro.text()
    _submit(qtbot, dialog, "river stones 42", again="river stones 43")
    assert dialog.message.text() == DIFFERENT and done == []
    with qtbot.waitSignal(staff_gate.unlocked, timeout=5000):
        _submit(qtbot, dialog, "river stones 42")
    assert done == ["ran"]
    assert store.verify_staff_passphrase("river stones 42")


def test_a_wrong_passphrase_is_refused_logged_and_can_be_tried_again(
        qtbot: QtBot, gate: tuple[StaffGate, Store]) -> None:
    staff_gate, store = gate
    store.set_staff_passphrase("river stones 42")
    done: list[str] = []
    dialog = _open(qtbot, staff_gate, done)
    assert not dialog.first_time
    _submit(qtbot, dialog, "guessing 12345")
    qtbot.waitUntil(lambda: dialog.message.text() == WRONG, timeout=5000)
    assert done == [] and dialog.isVisible()
    with qtbot.waitSignal(staff_gate.unlocked, timeout=5000):
        _submit(qtbot, dialog, "river stones 42")
    assert done == ["ran"]
    actions = [entry.action for entry in store.audit_entries()]
    assert actions[-2:] == ["wrong staff passphrase", "staff unlocked"]


def test_cancelling_does_nothing(qtbot: QtBot, gate: tuple[StaffGate, Store]) -> None:
    staff_gate, store = gate
    done: list[str] = []
    dialog = _open(qtbot, staff_gate, done)
    dialog.reject()
    assert done == [] and not store.has_staff_passphrase()
