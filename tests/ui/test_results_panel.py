"""The results panel: a headline a learner can act on, and every check in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sandbox.results import CheckReport
from sandbox.results import TestOutcome as Outcome  # not collected as a test class
from tutor.ui.results_panel import FAIL_MARK, PASS_MARK, ResultsPanel


def outcomes(passed: int, failed: int) -> tuple[Outcome, ...]:
    good = [Outcome(f"Check {n}", "passed") for n in range(passed)]
    bad = [Outcome(f"Check {passed + n}", "failed", "Your page needs an <h1> heading")
           for n in range(failed)]
    return tuple(good + bad)


def make_panel(qtbot: QtBot) -> ResultsPanel:
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    return panel


def test_all_checks_pass(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_report(CheckReport(passed=True, tests=outcomes(4, 0)))
    assert panel.headline() == "All 4 checks pass. Well done!"
    assert all(row.title_label.text().startswith(PASS_MARK) for row in panel.check_rows())


def test_some_checks_fail(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_report(CheckReport(passed=False, tests=outcomes(2, 3)))
    assert panel.headline() == "2 of 5 checks pass. Fix the first one next."
    titles = [row.title_label.text() for row in panel.check_rows()]
    assert titles[0] == f"{PASS_MARK}: Check 0"
    assert titles[2] == f"{FAIL_MARK}: Check 2"


def test_a_run_that_could_not_finish_shows_why(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_report(CheckReport.failed_with("Your code ran for too long. Is there a loop "
                                              "that never ends?"))
    assert panel.headline() == "Your code ran for too long. Is there a loop that never ends?"
    assert panel.check_rows() == []


def test_markup_in_a_message_shows_literally_with_its_detail_in_monospace(
        qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    message = "Use <b>bold</b> here\nExpected: <strong>\nReceived: <b>"
    panel.show_report(CheckReport(passed=False, tests=(
        Outcome("<i>The heading</i>", "failed", message),)))
    row = panel.check_rows()[0]
    assert row.message_label is not None and row.detail_label is not None
    for label in (row.title_label, row.message_label, row.detail_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert row.title_label.text() == f"{FAIL_MARK}: <i>The heading</i>"
    assert row.message_label.text() == "Use <b>bold</b> here"
    assert row.message_label.font().bold()
    assert row.detail_label.text() == "Expected: <strong>\nReceived: <b>"
    assert row.detail_label.font().fixedPitch() or "mono" in row.detail_label.font().family().lower()


def test_running_and_clear_remove_old_results(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.show_report(CheckReport(passed=True, tests=outcomes(1, 0)))
    assert panel.headline() == "The check passes. Well done!"
    panel.show_running()
    assert panel.headline() == "Checking your work…"
    assert panel.check_rows() == []
    panel.show_report(CheckReport(passed=False, tests=outcomes(0, 1)))
    panel.clear()
    assert panel.check_rows() == []
    assert "Run the checks" in panel.headline()
