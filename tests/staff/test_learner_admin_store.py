"""Staff work on learners in the store: every change lands with its audit entry, PINs never do."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tutor.store import (
    DuplicateNameError,
    InvalidPinError,
    Store,
    StoreError,
    UnknownLearnerError,
)
from tutor.store.learner_admin import (
    LEARNERS_MAY_CHANGE_PIN,
    add_learner,
    audit_csv,
    audit_table,
    change_own_pin,
    change_setting,
    learner_summaries,
    learners_may_change_pin,
    remove_learner,
    remove_practice_folder,
    rename_learner,
    reset_pin,
    safe_cell,
)


def _last_entry(store: Store) -> tuple[str, str, dict[str, object]]:
    entry = store.audit_entries()[-1]
    return entry.role, entry.action, entry.detail


def _whole_log(store: Store) -> str:
    return json.dumps([entry.detail for entry in store.audit_entries()])


def test_adding_a_learner_logs_who_was_added_but_not_their_pin(store: Store) -> None:
    learner = add_learner(store, "  Sam   Smith ", "246810", via="sign-in")
    assert learner.display_name == "Sam Smith"
    assert store.verify_pin(learner.id, "246810")
    assert _last_entry(store) == ("staff", "learner added",
                                  {"learner_id": learner.id, "name": "Sam Smith",
                                   "via": "sign-in"})
    assert "246810" not in _whole_log(store)


def test_a_second_learner_with_the_same_name_is_refused_and_nothing_is_logged(
        store: Store) -> None:
    add_learner(store, "Sam", "1234")
    entries = len(store.audit_entries())
    with pytest.raises(DuplicateNameError):
        add_learner(store, "SAM", "5678")
    assert len(store.audit_entries()) == entries and len(store.list_learners()) == 1


def test_renaming_keeps_the_work_and_logs_old_and_new_names(store: Store) -> None:
    sam = add_learner(store, "Sam", "1234")
    store.save_draft(sam.id, "html.first-heading", {"index.html": "<h1>Hi</h1>"})
    add_learner(store, "Alex", "1234")
    with pytest.raises(DuplicateNameError):
        rename_learner(store, sam.id, "alex")
    assert rename_learner(store, sam.id, " Sam  Jones ") == "Sam Jones"
    assert store.get_learner(sam.id).display_name == "Sam Jones"  # type: ignore[union-attr]
    assert store.load_draft(sam.id, "html.first-heading") == {"index.html": "<h1>Hi</h1>"}
    assert _last_entry(store) == ("staff", "learner renamed",
                                  {"learner_id": sam.id, "old_name": "Sam",
                                   "name": "Sam Jones"})


def test_staff_reset_a_forgotten_pin(store: Store) -> None:
    sam = add_learner(store, "Sam", "1234")
    with pytest.raises(InvalidPinError):
        reset_pin(store, sam.id, "12")
    assert store.verify_pin(sam.id, "1234")
    reset_pin(store, sam.id, "97531")
    assert store.verify_pin(sam.id, "97531") and not store.verify_pin(sam.id, "1234")
    assert _last_entry(store)[:2] == ("staff", "learner PIN reset")
    assert "97531" not in _whole_log(store)
    with pytest.raises(UnknownLearnerError):
        reset_pin(store, "no-such-learner", "1111")


def test_a_learner_changes_their_own_pin_only_with_the_current_one(store: Store) -> None:
    sam = add_learner(store, "Sam", "1234")
    with pytest.raises(StoreError, match="Only staff"):
        change_own_pin(store, sam.id, "1234", "2468")  # not allowed until staff say so
    change_setting(store, LEARNERS_MAY_CHANGE_PIN, "true")
    assert change_own_pin(store, sam.id, "9999", "2468") is False
    assert store.verify_pin(sam.id, "1234")
    assert change_own_pin(store, sam.id, "1234", "2468") is True
    assert store.verify_pin(sam.id, "2468")
    assert _last_entry(store)[:2] == ("learner", "learner changed own PIN")
    assert "2468" not in _whole_log(store)


def test_removing_a_learner_deletes_their_work_and_only_theirs(
        store: Store, tmp_path: Path) -> None:
    sam = add_learner(store, "Sam", "1234")
    alex = add_learner(store, "Alex", "1234")
    for learner in (sam, alex):
        store.record_check(learner.id, "html.first-heading", "1", passed=False, results=[],
                           files={"index.html": ""}, duration_ms=5)
        store.save_draft(learner.id, "html.first-heading", {"index.html": "draft"})
        store.set_learner_setting(learner.id, "text_size", "large")
    practice = tmp_path / "practice"
    (practice / sam.id / "git.first-commit").mkdir(parents=True)
    (practice / alex.id).mkdir(parents=True)

    assert [s.checks for s in learner_summaries(store)] == [1, 1]
    removed = remove_learner(store, sam.id)
    remove_practice_folder(practice, sam.id)

    assert (removed.display_name, removed.checks, removed.drafts) == ("Sam", 1, 1)
    assert [learner.display_name for learner in store.list_learners()] == ["Alex"]
    assert store.events_for(sam.id) == [] and store.load_draft(sam.id, "html.first-heading") is None
    assert store.learner_setting(sam.id, "text_size") is None
    assert len(store.events_for(alex.id)) == 1 and store.load_draft(alex.id, "html.first-heading")
    assert not (practice / sam.id).exists() and (practice / alex.id).exists()
    assert _last_entry(store) == ("staff", "learner removed",
                                  {"learner_id": sam.id, "name": "Sam", "checks_deleted": 1,
                                   "drafts_deleted": 1})
    with pytest.raises(UnknownLearnerError):
        remove_learner(store, sam.id)


def test_a_practice_folder_outside_the_practice_root_is_never_deleted(tmp_path: Path) -> None:
    keep = tmp_path / "keep"
    keep.mkdir()
    with pytest.raises(ValueError):
        remove_practice_folder(tmp_path / "practice", "../keep")
    assert keep.exists()


def test_settings_changes_are_logged_once(store: Store) -> None:
    assert learners_may_change_pin(store) is False
    assert change_setting(store, LEARNERS_MAY_CHANGE_PIN, "true") is True
    assert change_setting(store, LEARNERS_MAY_CHANGE_PIN, "true") is False
    assert learners_may_change_pin(store) is True
    actions = [e.action for e in store.audit_entries()]
    assert actions.count("setting changed") == 1
    assert _last_entry(store)[2] == {"setting": LEARNERS_MAY_CHANGE_PIN, "value": "true"}


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_that_a_spreadsheet_would_run_are_made_text(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell("Sam") == "Sam"


def test_the_audit_log_as_csv_is_newest_first_and_formula_safe(store: Store) -> None:
    add_learner(store, "=HYPERLINK(\"http://x\")", "1234")
    sam = add_learner(store, "Sam, \"the\" cook", "1234")
    rename_learner(store, sam.id, "@Sam")
    store.record_audit("=cmd|' /C calc'!A0", "-2+3", {"note": "ok"})
    data = audit_csv(store.audit_entries())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["When", "Role", "What", "Details", "Workstation"]
    assert rows[1][1:4] == ["'=cmd|' /C calc'!A0", "'-2+3", "note: ok"]
    assert [row[2] for row in rows[2:]] == ["learner renamed", "learner added", "learner added"]
    assert "Sam, \"the\" cook" in rows[3][3]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert audit_table(store.audit_entries())[1][2] == "learner renamed"
