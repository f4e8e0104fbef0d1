"""The instructor's window, driven as an instructor would: the grid, clicks, pages, refresh."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tutor.content.loader import Library, load_library
from tutor.instructor_app import InstructorApp
from tutor.ui.code_editor import CodeEditor
from tutor.ui.instructor.dashboard_page import EMPTY
from tutor.ui.instructor.grid_model import STATUS_ROLE
from tutor.ui.instructor.window import DEMO_TITLE

from .conftest import LogWriter

FIRST = "html.first-heading"
SECOND = "html.links-and-images"
HOSTILE = '<img src="file:///etc/hostname"><b>Bold</b> &amp; <table><tr><td>x'

Opener = Callable[[Path], InstructorApp]


@pytest.fixture(scope="session")
def library() -> Library:
    """The built-in lessons, loaded once."""
    return load_library()


@pytest.fixture
def open_app(qtbot: QtBot, library: Library) -> Iterator[Opener]:
    """Opens the instructor's app on a data folder and waits for its first overview."""
    opened: list[InstructorApp] = []

    def open_on(folder: Path) -> InstructorApp:
        app = InstructorApp(data_dir=folder, library=library)
        opened.append(app)
        qtbot.addWidget(app.window)
        app.window.show()
        qtbot.waitUntil(lambda: app.data.overview is not None, timeout=15_000)
        return app

    yield open_on
    for app in opened:
        app.window.close()
        app.shut_down()


@pytest.fixture
def crafted(log: LogWriter) -> dict[str, str]:
    """Four learners: done, stuck, started and not started on the first exercise."""
    ids = {name: log.learner(name) for name in ("Dana", "Gary", "Sam", "Zoe")}
    log.event(ids["Dana"], FIRST, 0, files={"index.html": "<h1>Try one</h1>"})
    log.event(ids["Dana"], FIRST, 3, passed=True, files={"index.html": "<h1>Hello</h1>"},
              results=[{"name": "Has a heading", "status": "passed", "message": ""}])
    for minute in range(6):
        log.event(ids["Gary"], FIRST, minute, files={"index.html": f"<p>try {minute}</p>"},
                  results=[{"name": "Has a heading", "status": "failed",
                            "message": "Add an <h1> heading."}])
    log.event(ids["Sam"], FIRST, 1, "hint_shown")
    log.event(ids["Sam"], SECOND, 2, passed=True)
    return ids


def row_of(app: InstructorApp, name: str) -> int:
    model = app.window.dashboard.model
    return next(row for row in range(model.rowCount())
                if model.learner_at(row).display_name == name)


def column_of(app: InstructorApp, exercise_id: str) -> int:
    model = app.window.dashboard.model
    return next(column for column in range(model.columnCount())
                if model.exercise_at(column).id == exercise_id)


def test_the_grid_shows_each_status_in_colour_and_symbol(
        open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    model = app.window.dashboard.model
    column = column_of(app, FIRST)
    seen = {}
    for name in ("Dana", "Gary", "Sam", "Zoe"):
        index = model.index(row_of(app, name), column)
        seen[name] = (index.data(STATUS_ROLE), index.data(),
                      index.data(Qt.ItemDataRole.BackgroundRole).color().name())
    assert seen["Dana"][:2] == ("done", "✓")
    assert seen["Gary"][:2] == ("stuck", "!")
    assert seen["Sam"][:2] == ("started", "◐")
    assert seen["Zoe"][:2] == ("not started", "")
    assert len({colour for _, _, colour in seen.values()}) == 4
    assert model.headerData(column, Qt.Orientation.Horizontal) == "H1"
    assert "Your first heading" in model.headerData(column, Qt.Orientation.Horizontal,
                                                    Qt.ItemDataRole.ToolTipRole)
    assert model.columnCount() == len(load_library().exercises())
    assert "2 learners are stuck" not in app.window.dashboard.summary.text()
    assert "1 learner is stuck" in app.window.dashboard.summary.text()


def test_clicking_a_cell_opens_that_learners_work(
        qtbot: QtBot, open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    grid = app.window.dashboard.grid
    rect = grid.visualRect(grid.model().index(row_of(app, "Gary"), column_of(app, FIRST)))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = app.window.submission
    assert app.window.current_page() is view
    qtbot.waitUntil(lambda: len(view.events) == 6, timeout=5000)

    assert view.title.text() == "Gary: H1: Your first heading"
    assert view.attempts.currentRow() == 5  # the latest
    editor = view.code.widget(0)
    assert isinstance(editor, CodeEditor) and editor.isReadOnly()
    assert editor.toPlainText() == "<p>try 5</p>"
    assert view.results.item(0).text() == "✗ Not yet: Has a heading\nAdd an <h1> heading."
    view.earlier.click()
    assert view.code.widget(0).toPlainText() == "<p>try 4</p>"
    assert view.later.isEnabled()


def test_clicking_a_name_opens_the_learner_page(
        qtbot: QtBot, open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    header = app.window.dashboard.grid.verticalHeader()
    y = header.sectionViewportPosition(row_of(app, "Dana")) + 4
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(10, y))
    page = app.window.learner_page
    assert app.window.current_page() is page
    assert page.name.text() == "Dana"
    assert crafted["Dana"] in page.identity.text()
    assert "H1: Your first heading (HTML): done" in page.where.text()
    qtbot.waitUntil(lambda: page.history.model().rowCount() == 2, timeout=5000)
    assert page.history.shown_text(0, 2) == "✓ Check passed (all 1)"
    assert page.history.shown_text(1, 2) == "✗ Check did not pass"

    page.history.choose_row(1)  # the older attempt opens in the work view
    view = app.window.submission
    qtbot.waitUntil(lambda: len(view.events) == 2, timeout=5000)
    assert view.attempts.currentRow() == 0
    app.window.go_back()
    assert app.window.current_page() is page
    learners_item = app.window.navigation.item(1)
    assert learners_item.isSelected()  # the learner's page belongs to the Learners list
    qtbot.mouseClick(app.window.navigation.viewport(), Qt.MouseButton.LeftButton,
                     pos=app.window.navigation.visualItemRect(learners_item).center())
    assert app.window.current_page() is app.window.learners


def test_clicking_a_column_heading_opens_the_exercise_page(
        qtbot: QtBot, open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    header = app.window.dashboard.grid.horizontalHeader()
    x = header.sectionViewportPosition(column_of(app, FIRST)) + 4
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    page = app.window.exercise_page
    assert app.window.current_page() is page
    assert page.title.text() == "H1: Your first heading"
    assert page.figures.text().split() == ["Done:", "1", "Started:", "1", "Stuck:", "1",
                                           "Not", "started:", "1"]
    assert page.stuck.model().rowCount() == 1
    assert page.stuck.shown_text(0, 0).startswith("Gary")
    assert page.stuck.shown_text(0, 1) == "6"
    assert [bar.value for bar in page.chart.bars][:2] == [0, 1]  # Dana passed on check 2
    with qtbot.waitSignal(page.work_chosen) as chosen:
        page.stuck.choose_row(0)
    assert chosen.args == [crafted["Gary"], FIRST, ""]


def test_a_hostile_name_is_shown_as_plain_text(
        qtbot: QtBot, open_app: Opener, log: LogWriter) -> None:
    learner = log.learner(HOSTILE)
    for minute in range(6):
        log.event(learner, FIRST, minute)
    app = open_app(log.path.parent)
    model = app.window.dashboard.model
    assert model.headerData(0, Qt.Orientation.Vertical).startswith(HOSTILE)
    tooltip = model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tooltip and "&lt;img src=&quot;file" in tooltip
    assert "<img" not in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)

    app.window.show_learner(learner)
    page = app.window.learner_page
    assert page.name.text() == HOSTILE
    for label in page.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    app.window.show_exercise(FIRST)
    stuck = app.window.exercise_page.stuck
    assert stuck.shown_text(0, 0).startswith(HOSTILE)
    assert "<img" not in stuck.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    app.window.show_work(learner, FIRST)
    assert app.window.submission.title.textFormat() == Qt.TextFormat.PlainText
    assert app.window.submission.title.text().startswith(HOSTILE)


def test_an_empty_store_says_what_to_do(open_app: Opener, tmp_path: Path) -> None:
    app = open_app(tmp_path / "new-folder")
    dashboard = app.window.dashboard
    assert dashboard.stack.currentWidget() is dashboard.message
    assert dashboard.message.text() == EMPTY
    assert dashboard.tools.isHidden() and dashboard.help.isHidden()  # nothing to find yet
    assert "Import progress from a USB stick to see your learners here." in EMPTY
    assert DEMO_TITLE not in app.window.windowTitle()
    assert not app.window.banner.isVisible()
    assert (tmp_path / "new-folder" / "instructor.sqlite3").is_file()


def test_the_window_follows_changes_to_the_store(
        qtbot: QtBot, open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    column = column_of(app, FIRST)
    assert app.window.dashboard.model.status_at(row_of(app, "Gary"), column) == "stuck"
    app.window.show_learner(crafted["Gary"])
    with qtbot.waitSignal(app.data.overview_changed, timeout=5000):
        app.store.record_check(crafted["Gary"], FIRST, "v1", passed=True, results=[],
                               files={}, duration_ms=5.0)
    assert app.window.dashboard.model.status_at(row_of(app, "Gary"), column) == "done"
    assert "Done: 1" in app.window.learner_page.figures.text()
    page = app.window.learner_page
    qtbot.waitUntil(lambda: page.history.model().rowCount() == 7, timeout=5000)


def test_a_big_demo_class_is_marked_and_can_be_searched(
        qtbot: QtBot, open_app: Opener, big_class_dir: Path) -> None:
    app = open_app(big_class_dir)
    assert app.window.windowTitle().endswith(DEMO_TITLE)
    assert app.window.banner.isVisible() and "DEMO DATA" in app.window.banner.text()
    dashboard = app.window.dashboard
    assert dashboard.tools.isVisible() and dashboard.grid.isVisible()
    assert dashboard.model.rowCount() == 300
    dashboard.filter.setText("Femi B.")
    assert [dashboard.model.learner_at(row).display_name
            for row in range(dashboard.model.rowCount())] == ["Femi B."]
    dashboard.filter.clear()
    dashboard.order.setCurrentIndex(dashboard.order.findData("stuck"))
    first, last = dashboard.model.learner_at(0), dashboard.model.learner_at(299)
    assert first.stuck >= last.stuck and first.stuck > 0
    dashboard.fit.setChecked(True)  # the whole course without scrolling sideways
    qtbot.waitUntil(lambda: not dashboard.grid.horizontalScrollBar().isVisible(), timeout=3000)
    assert dashboard.model.headerData(0, Qt.Orientation.Horizontal) == "H"
    assert dashboard.model.headerData(1, Qt.Orientation.Horizontal) == ""
    dashboard.fit.setChecked(False)
    assert dashboard.model.headerData(1, Qt.Orientation.Horizontal) == "H2"
    app.window.navigation.setCurrentRow(1)
    assert app.window.current_page() is app.window.learners
    assert app.window.learners.table.model().rowCount() == 300
    app.window.navigation.setCurrentRow(2)
    assert app.window.exercises.table.model().rowCount() == 98


def test_pages_can_be_added_and_back_goes_back(
        open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    extra = QLabel("Questions go here")
    app.window.add_page("Questions", extra)
    app.window.navigation.setCurrentRow(app.window.navigation.count() - 1)
    assert app.window.current_page() is extra
    app.window.show_exercise(FIRST)
    app.window.go_back()
    assert app.window.current_page() is extra
    assert app.window.navigation.currentItem().text() == "Questions"
    app.window.go_back()
    assert app.window.current_page() is app.window.dashboard
    assert not app.window.back_button.isEnabled()


def test_changes_for_others_leave_the_open_page_alone(
        qtbot: QtBot, open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    app.window.show_learner(crafted["Dana"])
    page = app.window.learner_page
    qtbot.waitUntil(lambda: page.history.model().rowCount() == 2, timeout=5000)
    resets: list[bool] = []
    page.history.source.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(app.data.overview_changed, timeout=5000):
        app.store.record_check(crafted["Gary"], FIRST, "v1", passed=True, results=[],
                               files={}, duration_ms=5.0)
    # Reads run in order: once this one is back, any history read asked for is back too.
    finished: list[bool] = []
    app.data.read(lambda store: None, lambda _result: finished.append(True))
    qtbot.waitUntil(lambda: finished == [True], timeout=5000)
    assert resets == []
    with qtbot.waitSignal(app.data.overview_changed, timeout=5000):
        app.store.record_check(crafted["Dana"], SECOND, "v1", passed=True, results=[],
                               files={}, duration_ms=5.0)
    qtbot.waitUntil(lambda: page.history.model().rowCount() == 3, timeout=5000)


def test_new_attempts_appear_in_the_open_work_without_losing_the_place(
        qtbot: QtBot, open_app: Opener, log: LogWriter, crafted: dict[str, str]) -> None:
    app = open_app(log.path.parent)
    app.window.show_work(crafted["Gary"], FIRST)
    view = app.window.submission
    qtbot.waitUntil(lambda: len(view.events) == 6, timeout=5000)
    view.step(-2)
    assert view.code.widget(0).toPlainText() == "<p>try 3</p>"
    with qtbot.waitSignal(app.data.overview_changed, timeout=5000):
        app.store.record_check(crafted["Gary"], FIRST, "v1", passed=True, results=[],
                               files={"index.html": "<h1>At last</h1>"}, duration_ms=5.0)
    qtbot.waitUntil(lambda: len(view.events) == 7, timeout=5000)
    assert view.attempts.currentRow() == 3
    assert view.code.widget(0).toPlainText() == "<p>try 3</p>"
    assert view.attempts.item(6).text().startswith("7. ✓ passed")
