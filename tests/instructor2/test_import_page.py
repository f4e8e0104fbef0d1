"""Importing progress files in the instructor's window, as staff would: a USB stick, new
workstations to trust, a tampered file, a forged key, and the staff passphrase."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tutor.exchange import WorkstationInfo
from tutor.exchange.drives import Drive
from tutor.exchange.identity import WORKSTATION_KEY_FILE, workstation_fingerprint
from tutor.ui.instructor.import_page import REFUSED_COLOUR, ImportPage
from tutor.ui.instructor.trust_dialog import TrustWorkstationDialog

from .conftest import FIRST, Opener, add_work, run_now, unlock

TIMEOUT = 15_000


class Staff:
    """Answers the "new workstation" question, and remembers what it was asked."""

    def __init__(self, trust: bool = True) -> None:
        self.trust = trust
        self.asked: list[WorkstationInfo] = []

    def __call__(self, _parent: Any, info: WorkstationInfo) -> bool:
        self.asked.append(info)
        return self.trust


def make_page(app: Any, stick: Path, staff: Staff) -> ImportPage:
    page = ImportPage(app.data, staff_action=run_now, confirm_workstation=staff,
                      find_drives=lambda: [Drive(stick, "TUTOR STICK", 8_000_000)])
    app.window.add_page("Test import", page)
    app.window.show_page(page)
    return page


def import_and_wait(qtbot: QtBot, page: ImportPage, paths: list[Path]) -> Any:
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT) as finished:
        page.start_import(paths)
    return finished.args[0]


def test_a_stick_with_two_new_workstations_imports_both_after_staff_trust_them(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, make_workstation: Any,
        stick: Path) -> None:
    wing_a, education = make_workstation("Wing A, PC 1"), make_workstation("Education, PC 4")
    add_work(wing_a.store, "Ann", [FIRST])
    add_work(wing_a.store, "Ben", [FIRST], passed=False)
    add_work(education.store, "Cal", [FIRST])
    wing_a.export(stick)
    education.export(stick)
    app = open_app(instructor_dir)
    staff = Staff()
    page = make_page(app, stick, staff)
    with qtbot.waitSignal(page.drives_listed, timeout=TIMEOUT):
        page.look()
    assert page.drive_list.item(0).text().endswith(": 2 progress files")
    assert page.import_drive_button.isEnabled()
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT):
        page.import_drive_button.click()

    assert sorted(info.name for info in staff.asked) == ["Education, PC 4", "Wing A, PC 1"]
    assert {info.fingerprint for info in staff.asked} == {
        workstation_fingerprint(wing_a.folder), workstation_fingerprint(education.folder)}
    rows = page.shown_rows()
    assert [row[1] for row in rows] == ["Imported", "Imported"]
    assert sorted(row[2] for row in rows) == ["2", "3"]
    assert page.summary.text().startswith("2 files imported, 0 files already here, "
                                          "0 files refused. 5 new records were added.")
    qtbot.waitUntil(lambda: app.data.overview is not None
                    and len(app.data.overview.learners) == 3, timeout=TIMEOUT)

    report = import_and_wait(qtbot, page, [stick])  # the same stick again
    assert report.count("duplicate") == 2 and len(staff.asked) == 2
    assert [row[1] for row in page.shown_rows()] == ["Already here", "Already here"]


def test_a_tampered_file_is_refused_with_its_reason_and_adds_nothing(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, make_workstation: Any,
        stick: Path, tmp_path: Path) -> None:
    wing_a, wing_b = make_workstation("Wing A, PC 1"), make_workstation("Wing B, PC 2")
    add_work(wing_a.store, "Ann", [FIRST])
    add_work(wing_b.store, "Mallory", [FIRST])
    good = wing_a.export(stick)
    tampered = tmp_path / "tampered.tutorexport"
    original = wing_b.export(tmp_path)
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith(".jsonl"):
                data = data.replace(b"Mallory", b"Mallorx")
            target.writestr(info, data)
    app = open_app(instructor_dir)
    page = make_page(app, stick, Staff())
    report = import_and_wait(qtbot, page, [tampered, good])

    assert [item.status for item in report.files] == ["refused", "imported"]
    rows = page.shown_rows()
    assert rows[0][:3] == ["tampered.tutorexport", "REFUSED", "0"]
    assert "The file has been changed since it was made, or it is damaged." in rows[0][3]
    colour = page.results.proxy.index(0, 1).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour.red() > 120 and colour.green() < 60  # red, whatever the theme
    assert page.results.proxy.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "1 file refused" in page.summary.text()
    assert "Read why each refused file was refused." in page.summary.text()
    assert REFUSED_COLOUR in page.summary.styleSheet()
    qtbot.waitUntil(lambda: app.data.overview is not None
                    and [learner.display_name for learner in app.data.overview.learners]
                    == ["Ann"], timeout=TIMEOUT)


def test_a_refused_workstation_adds_nothing_and_a_changed_key_is_refused_loudly(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, make_workstation: Any,
        stick: Path, tmp_path: Path) -> None:
    wing_a = make_workstation("Wing A, PC 1")
    add_work(wing_a.store, "Ann", [FIRST])
    first = wing_a.export(stick)
    app = open_app(instructor_dir)
    staff = Staff(trust=False)
    page = make_page(app, stick, staff)
    report = import_and_wait(qtbot, page, [first])
    assert report.files[0].status == "refused"
    assert "is not trusted here yet, so nothing was imported" in page.shown_rows()[0][3]

    staff.trust = True
    assert import_and_wait(qtbot, page, [first]).files[0].status == "imported"
    # Someone makes a new key for that workstation (or copies its id) and exports again.
    (wing_a.folder / WORKSTATION_KEY_FILE).unlink()
    add_work(wing_a.store, "Eve", [FIRST])
    forged_folder = tmp_path / "later"
    forged_folder.mkdir()
    forged = wing_a.export(forged_folder)
    report = import_and_wait(qtbot, page, [forged])
    row = page.shown_rows()[0]
    assert row[1] == "REFUSED"
    assert row[3].startswith("REFUSED. This file says it comes from Wing A, PC 1, but it was "
                             "signed with a different key")
    assert "Please tell the security team." in row[3]
    assert len(staff.asked) == 2  # never asked to trust the new key


def test_the_window_button_opens_the_page_and_imports_behind_the_staff_passphrase(
        qtbot: QtBot, open_app: Opener, instructor_dir: Path, make_workstation: Any,
        stick: Path) -> None:
    wing_a = make_workstation("Wing A, PC 1")
    add_work(wing_a.store, "Ann", [FIRST])
    path = wing_a.export(stick)
    app = open_app(instructor_dir)
    page = app.exchange.importer
    button = next(button for button in app.window.findChildren(type(page.look_button))
                  if button.text() == "Import from USB stick…")
    button.click()
    assert app.window.current_page() is page
    assert app.window.navigation.currentItem().text() == "Import progress"

    seen: list[str] = []

    def answer_the_trust_question() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, TrustWorkstationDialog):
            seen.append(dialog.name.text() + " " + dialog.fingerprint.text() + " "
                        + dialog.compare.text())
            assert dialog.refuse_button.isDefault()
            dialog.trust_button.click()
        else:
            QTimer.singleShot(20, answer_the_trust_question)

    QTimer.singleShot(20, answer_the_trust_question)
    with qtbot.waitSignal(page.import_finished, timeout=TIMEOUT):
        unlock(qtbot, app, lambda: page.start_import([path]))
    fingerprint = workstation_fingerprint(wing_a.folder)
    assert seen == [f"A new workstation: Wing A, PC 1. Fingerprint: {fingerprint} Only press "
                    "Trust if this matches the fingerprint shown in that workstation's "
                    "settings. If it does not match, press Refuse and tell the security team."]
    assert page.shown_rows()[0][1] == "Imported"
    assert app.store.verify_staff_passphrase("river stones 42")
