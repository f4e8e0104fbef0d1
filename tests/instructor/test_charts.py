"""The charts: what their bars stand for, what hovering and clicking say, what they draw."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from tutor.store.dashboard import DayActivity
from tutor.ui.instructor.charts import PASS_COLOUR, Bar, BarChart, TimelineChart
from tutor.ui.instructor.exercise_page import checks_to_pass_bars


def test_checks_to_pass_has_a_bar_per_count_then_one_for_ten_or_more() -> None:
    bars = checks_to_pass_bars({1: 2, 3: 1, 10: 1, 14: 2})
    assert [bar.label for bar in bars] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"]
    assert [bar.value for bar in bars] == [2, 0, 1, 0, 0, 0, 0, 0, 0, 3]


def test_a_bar_says_what_it_is_when_hovered_and_when_clicked(qtbot: QtBot) -> None:
    chart = BarChart(x_title="Exercise", y_title="Stuck")
    qtbot.addWidget(chart)
    chart.resize(500, 240)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_bars([Bar("H1", 3, "H1: <b>3</b> stuck"), Bar("H2", 0, "H2: nobody"),
                    Bar("H3", 5, "H3: 5 stuck")], "Most stuck: H3")
    centre = chart.bar_centre(2).toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, centre,
                                             chart.mapToGlobal(centre)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert "H3: 5 stuck" in QToolTip.text()
    centre = chart.bar_centre(0).toPoint()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, centre,
                                             chart.mapToGlobal(centre)))
    qtbot.waitUntil(lambda: "H1" in QToolTip.text(), timeout=3000)
    assert "&lt;b&gt;" in QToolTip.text()  # the description is shown as it is, not as markup
    QToolTip.hideText()
    with qtbot.waitSignal(chart.bar_clicked) as clicked:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_centre(1).toPoint())
    assert clicked.args == [1]
    assert chart.accessibleDescription() == "Most stuck: H3"


def test_the_timeline_marks_passes_in_their_own_colour(qtbot: QtBot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(600, 240)
    chart.set_days([DayActivity(date(2025, 3, 3), 6, 2, 1),
                    DayActivity(date(2025, 3, 7), 3, 0, 0)])
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert QColor(PASS_COLOUR).name() in colours
    assert chart.accessibleDescription() == (
        "9 checks on 2 days, 2 of them passed. From 03 Mar 2025 to 07 Mar 2025.")
    chart.set_days([])
    assert chart.accessibleDescription() == "No checks yet."
    chart.grab()  # an empty chart draws its message without trouble


def test_an_empty_bar_chart_draws_its_message(qtbot: QtBot) -> None:
    chart = BarChart(x_title="Checks", y_title="Learners")
    qtbot.addWidget(chart)
    chart.empty_text = "Nobody has passed this exercise yet."
    chart.set_bars([Bar("1", 0)], "Nobody has passed this exercise yet.")
    chart.resize(300, 200)
    assert not chart.grab().isNull()
    assert chart.bar_at(-5) is None
