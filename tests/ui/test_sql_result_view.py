"""The SQL result view: rows as plain text, NULL in grey, a count line, errors, the tables."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sandbox.sql import fixture_tables, run_sql_query
from tutor.ui.sql_result_view import HIDE_TABLES, NULL_COLOR, SHOW_TABLES, SqlResultView

PETS = {"fixture.sql": "CREATE TABLE pets (name TEXT, age INTEGER);"
                       "INSERT INTO pets VALUES ('Rex', 4), ('<b>Tom</b>', NULL);"
                       "CREATE TABLE owners (name TEXT);"}


def make_view(qtbot: QtBot) -> SqlResultView:
    view = SqlResultView()
    qtbot.addWidget(view)
    return view


def cells(view: SqlResultView) -> list[list[str]]:
    grid = view.result_grid
    return [[grid.item(row, column).text() for column in range(grid.columnCount())]
            for row in range(grid.rowCount())]


def headers(view: SqlResultView) -> list[str]:
    grid = view.result_grid
    return [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())]


def test_a_result_is_shown_as_a_table_with_a_count(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    result = run_sql_query(PETS, "SELECT name, age FROM pets;")
    view.show_result(result.columns, result.rows, result.row_count)
    assert headers(view) == ["name", "age"]
    assert cells(view) == [["Rex", "4"], ["<b>Tom</b>", "NULL"]]
    assert view.status_text() == "2 rows"


def test_null_is_grey_and_markup_shows_literally(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_result(["<i>name</i>", "age"], [("<b>bold</b>", None), ("NULL", 3)], 2)
    null_cell = view.result_grid.item(0, 1)
    assert null_cell.text() == "NULL"
    assert null_cell.foreground().color() == QColor(NULL_COLOR)
    text_null = view.result_grid.item(1, 0)  # the word NULL as data is not greyed
    assert text_null.foreground().color() != QColor(NULL_COLOR)
    assert cells(view)[0][0] == "<b>bold</b>"
    assert headers(view)[0] == "<i>name</i>"


def test_a_capped_result_says_how_many_rows_there_were(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_result(["n"], [(n,) for n in range(10)], 57)
    assert view.status_text() == "Showing 10 of 57 rows"
    assert view.result_grid.rowCount() == 10


def test_an_error_replaces_the_rows_and_is_plain_text(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show()
    view.show_result(["n"], [(1,)], 1)
    message = "There is a mistake near '<b>' on line 1.\nSQLite says: near \"<b>\""
    view.show_error(message)
    assert view.error_label.textFormat() == Qt.TextFormat.PlainText
    assert view.error_label.text() == message
    assert view.error_label.isVisible() and not view.result_grid.isVisible()
    view.show_result(["n"], [(1,)], 1)
    assert not view.error_label.isVisible() and view.result_grid.isVisible()


def test_the_tables_toggle_lists_the_exercises_tables(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show()
    view.show_tables(fixture_tables(PETS))
    assert not view.tables_area.isVisible()
    qtbot.mouseClick(view.tables_button, Qt.MouseButton.LeftButton)
    assert view.tables_area.isVisible()
    assert view.tables_button.text() == HIDE_TABLES
    grids = view.table_grids()
    assert [grid.accessibleName() for grid in grids] == ["Table pets", "Table owners"]
    assert grids[0].item(1, 0).text() == "<b>Tom</b>"
    qtbot.mouseClick(view.tables_button, Qt.MouseButton.LeftButton)
    assert not view.tables_area.isVisible() and view.tables_button.text() == SHOW_TABLES


def test_every_part_can_be_reached_with_the_keyboard(
        qtbot: QtBot, show: Callable[[QWidget], QWidget]) -> None:
    view = SqlResultView()
    show(view)
    view.show_result(["n"], [(1,)], 1)
    view.show_tables(fixture_tables(PETS))
    view.tables_button.setChecked(True)
    view.status_label.setFocus()
    reached = []
    for _ in range(8):
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert view.result_grid in reached and view.tables_button in reached
    assert view.table_grids()[0] in reached
    qtbot.keyClick(view.tables_button, Qt.Key.Key_Space)
    assert not view.tables_area.isVisible()
    for widget in (view, view.result_grid, view.tables_button, view.tables_area):
        assert widget.accessibleName()
