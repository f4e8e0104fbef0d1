"""The staff "Audit log" window: newest first, plain text, saved as a formula-safe CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tutor.store import Store
from tutor.store.learner_admin import add_learner
from tutor.ui.audit_view import AuditLogDialog
from tutor.ui.operations import Operations

from .conftest import rich_labels

HOSTILE = "=HYPERLINK(\"http://x\",\"<b>click</b>\")"


def open_log(qtbot: QtBot, store: Store, operations: Operations,
             parent: QWidget) -> AuditLogDialog:
    dialog = AuditLogDialog(store, operations, parent)
    with qtbot.waitSignal(dialog.entries_shown, timeout=5000):
        dialog.show()
    return dialog


def test_the_log_is_shown_newest_first_as_plain_text(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget) -> None:
    store.record_audit("staff", "pack installed", {"pack": "html.basics"})
    add_learner(store, HOSTILE, "1234")
    dialog = open_log(qtbot, store, operations, parent)
    assert dialog.table.rowCount() == 2
    assert (dialog.cell(0, 1), dialog.cell(0, 2)) == ("staff", "learner added")
    assert f"name: {HOSTILE}" in dialog.cell(0, 3)
    assert dialog.cell(1, 2) == "pack installed" and dialog.cell(1, 3) == "pack: html.basics"
    assert dialog.cell(0, 0)[0].isdigit()  # a date, such as "3 Mar 2025, 14:05"
    assert rich_labels(dialog) == []


def test_save_as_csv_writes_a_checked_file_and_logs_it(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        tmp_path: Path) -> None:
    store.record_audit(HOSTILE, "-1+1", {"why": "@SUM(A1)"})
    dialog = open_log(qtbot, store, operations, parent)
    path = tmp_path / "usb" / "audit.csv"
    path.parent.mkdir()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_csv(path)
    assert saved.args == ["Saved 1 entries to audit.csv."]
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[1][1:4] == ["'" + HOSTILE, "'-1+1", "why: @SUM(A1)"]
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind
    qtbot.waitUntil(lambda: dialog.cell(0, 2) == "audit log saved", timeout=5000)
    assert dialog.message.text() == saved.args[0]


def test_a_failed_save_says_so_and_writes_nothing(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        tmp_path: Path) -> None:
    dialog = open_log(qtbot, store, operations, parent)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save_csv(tmp_path / "no such stick" / "audit.csv")
    assert saved.args[0].startswith("The log was not saved:")
    assert "Try another place." in saved.args[0]
    assert not (tmp_path / "no such stick").exists()
    assert dialog.save_button.isEnabled()
