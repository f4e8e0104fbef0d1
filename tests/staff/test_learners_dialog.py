"""The staff "Learners" window: list, add, rename, set a new PIN and remove, each logged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tutor.store import Store
from tutor.store.learner_admin import add_learner
from tutor.ui.learner_admin import LearnerForm, LearnersDialog
from tutor.ui.operations import Operations

from .conftest import rich_labels, visible_text

HOSTILE = "<img src='file:///etc/passwd'><b>Bo</b>"


def open_learners(qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
                  practice: Path) -> LearnersDialog:
    dialog = LearnersDialog(store, operations, practice, parent)
    with qtbot.waitSignal(dialog.learners_shown, timeout=5000):
        dialog.show()
    return dialog


def open_form(qtbot: QtBot, dialog: LearnersDialog, button: QPushButton) -> LearnerForm:
    with qtbot.waitSignal(dialog.form_opened, timeout=5000) as opened:
        button.click()
    form: LearnerForm = opened.args[0]
    return form


def submit(qtbot: QtBot, dialog: LearnersDialog, form: LearnerForm, *, name: str | None = None,
           pin: str | None = None, again: str | None = None) -> None:
    if name is not None:
        form.name.setText(name)
    if pin is not None:
        form.pin.setText(pin)
        form.again.setText(pin if again is None else again)
    form.buttons.accepted.emit()


def actions(store: Store) -> list[str]:
    return [entry.action for entry in store.audit_entries()]


@pytest.fixture
def practice(tmp_path: Path) -> Path:
    return tmp_path / "practice"


def test_names_are_listed_as_plain_text(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        practice: Path) -> None:
    add_learner(store, HOSTILE, "1234")
    add_learner(store, "Alex", "1234")
    dialog = open_learners(qtbot, store, operations, parent, practice)
    assert dialog.names() == [HOSTILE, "Alex"]  # sorted by name, shown as typed
    assert dialog.message.text() == "2 learners."
    assert rich_labels(dialog) == []


def test_staff_add_a_learner_and_the_log_says_so(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        practice: Path) -> None:
    dialog = open_learners(qtbot, store, operations, parent, practice)
    assert "no learners yet" in dialog.message.text()
    form = open_form(qtbot, dialog, dialog.add_button)
    submit(qtbot, dialog, form, name="Sam", pin="2468", again="2469")
    assert "not the same" in form.message.text()
    with qtbot.waitSignal(dialog.learners_shown, timeout=5000):
        submit(qtbot, dialog, form, name="  Sam  ", pin="2468")
    assert dialog.names() == ["Sam"] and dialog.message.text() == "Sam was added."
    sam = store.list_learners()[0]
    assert store.verify_pin(sam.id, "2468")
    assert actions(store)[-1] == "learner added"
    assert "2468" not in str([entry.detail for entry in store.audit_entries()])


def test_a_name_already_in_use_is_explained_in_the_form(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        practice: Path) -> None:
    add_learner(store, HOSTILE, "1234")
    dialog = open_learners(qtbot, store, operations, parent, practice)
    form = open_form(qtbot, dialog, dialog.add_button)
    submit(qtbot, dialog, form, name=HOSTILE, pin="2468")
    qtbot.waitUntil(lambda: "already uses that name" in form.message.text(), timeout=5000)
    assert form.isVisible() and len(store.list_learners()) == 1


def test_rename_and_new_pin_act_on_the_chosen_learner(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        practice: Path) -> None:
    sam = add_learner(store, "Sam", "1234")
    add_learner(store, "Alex", "1234")
    dialog = open_learners(qtbot, store, operations, parent, practice)
    assert not dialog.rename_button.isEnabled()  # nothing chosen yet
    dialog.choose("Sam")
    form = open_form(qtbot, dialog, dialog.rename_button)
    assert form.name.text() == "Sam"
    with qtbot.waitSignal(dialog.learner_renamed, timeout=5000) as renamed:
        submit(qtbot, dialog, form, name=HOSTILE)
    assert renamed.args == [sam.id, HOSTILE]
    qtbot.waitUntil(lambda: HOSTILE in dialog.names(), timeout=5000)
    assert dialog.message.text() == f"Sam is now called {HOSTILE}."

    dialog.choose(HOSTILE)
    form = open_form(qtbot, dialog, dialog.pin_button)
    assert rich_labels(form) == [] and HOSTILE in visible_text(form)
    with qtbot.waitSignal(dialog.learners_shown, timeout=5000):
        submit(qtbot, dialog, form, pin="8642")
    assert store.verify_pin(sam.id, "8642") and not store.verify_pin(sam.id, "1234")
    assert actions(store)[-2:] == ["learner renamed", "learner PIN reset"]


def test_removing_asks_first_names_what_is_lost_and_keep_keeps(
        qtbot: QtBot, store: Store, operations: Operations, parent: QWidget,
        practice: Path) -> None:
    bo = add_learner(store, HOSTILE, "1234")
    store.record_check(bo.id, "html.first-heading", "1", passed=True, results=[],
                       files={"index.html": "x"}, duration_ms=3)
    store.save_draft(bo.id, "css.colours", {"style.css": "p {}"})
    (practice / bo.id / "git.first-commit").mkdir(parents=True)
    dialog = open_learners(qtbot, store, operations, parent, practice)
    dialog.choose(HOSTILE)

    with qtbot.waitSignal(dialog.form_opened, timeout=5000) as opened:
        dialog.remove_button.click()
    box: QMessageBox = opened.args[0]
    assert box.text() == f"Remove {HOSTILE} from this computer?"
    warning = box.informativeText()
    assert "1 check run," in warning and "1 piece of saved work" in warning
    assert "git practice folders" in warning and "cannot be undone" in warning
    assert rich_labels(box) == []
    keep = next(b for b in box.buttons() if b.text() == "Keep")
    keep.click()
    assert len(store.list_learners()) == 1

    with qtbot.waitSignal(dialog.form_opened, timeout=5000) as opened:
        dialog.remove_button.click()
    box = opened.args[0]
    remove = next(b for b in box.buttons() if b.text() == f"Remove {HOSTILE}")
    with qtbot.waitSignal(dialog.learner_removed, timeout=5000) as removed:
        remove.click()
    assert removed.args == [bo.id]
    qtbot.waitUntil(lambda: dialog.names() == [], timeout=5000)
    assert dialog.message.text() == f"{HOSTILE} was removed."
    assert store.events_for(bo.id) == [] and store.load_draft(bo.id, "css.colours") is None
    assert not (practice / bo.id).exists()
    assert actions(store)[-1] == "learner removed"
