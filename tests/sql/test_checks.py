"""Checks compare the learner's SQL with the solution's and say what differs, in words."""

from __future__ import annotations

import threading

import pytest

from sandbox.results import CheckReport
from sandbox.sql import run_sql_check

RESULT_CHECK = """
format_version = 1

[[checks]]
name = "Your query lists the pets in Leeds"
compare = "result"
ordered = {ordered}
hint = "Did you filter by city?"
"""

TABLE_CHECK = """
format_version = 1

[[checks]]
name = "The new pet is in the table"
compare = "table"
table = "pets"
hint = "Check the values you gave."
"""

UNORDERED = RESULT_CHECK.format(ordered="false")
ORDERED = RESULT_CHECK.format(ordered="true")


def check(pets: dict[str, str], learner_sql: str, solution_sql: str, checks_toml: str
          ) -> CheckReport:
    return run_sql_check({**pets, "sql.toml": checks_toml},
                         {"query.sql": learner_sql}, {"query.sql": solution_sql},
                         time_limit_seconds=1.0)


def only_message(report: CheckReport) -> str:
    assert not report.passed
    (outcome,) = report.tests
    assert outcome.status == "failed"
    return outcome.message


LEEDS = "SELECT name, age FROM pets WHERE city = 'Leeds' ORDER BY name;"


def test_the_same_rows_pass_and_the_result_is_reported(pets: dict[str, str]) -> None:
    report = check(pets, "select name, age from pets where city='Leeds' order by name",
                   LEEDS, ORDERED)
    assert report.passed and report.error is None
    assert report.extra["result"] == {
        "columns": ["name", "age"],
        "rows": [["Bella", 2], ["Luna", 5], ["Rex", 4]],
        "row_count": 3,
    }


def test_too_many_rows_says_how_many_and_adds_the_authors_hint(pets: dict[str, str]) -> None:
    report = check(pets, "SELECT name, age FROM pets;", LEEDS, UNORDERED)
    assert only_message(report) == ("You returned 5 rows; 3 were expected. "
                                    "Did you filter by city?")


def test_wrong_columns_are_named(pets: dict[str, str]) -> None:
    report = check(pets, "SELECT name, city FROM pets WHERE city = 'Leeds';", LEEDS,
                   UNORDERED)
    assert only_message(report) == ("Your result has the columns name, city; "
                                    "it should have name, age.")


def test_a_wrong_row_is_shown(pets: dict[str, str]) -> None:
    report = check(pets, "SELECT name, age FROM pets WHERE city = 'Leeds' AND age > 2 "
                   "UNION ALL SELECT 'Tom', 3;", LEEDS, UNORDERED)
    assert only_message(report) == ("Your result has the row (Tom, 3), which should not be "
                                    "there. It should have the row (Bella, 2). "
                                    "Did you filter by city?")


def test_order_counts_only_when_the_check_says_so(pets: dict[str, str]) -> None:
    unsorted = "SELECT name, age FROM pets WHERE city = 'Leeds' ORDER BY age DESC;"
    assert check(pets, unsorted, LEEDS, UNORDERED).passed
    message = only_message(check(pets, unsorted, LEEDS, ORDERED))
    assert message.startswith("Your result has the right rows, but not in the right order.")


def test_a_query_with_no_rows_is_asked_for_a_select(pets: dict[str, str]) -> None:
    report = check(pets, "-- TODO: write a query\n", LEEDS, UNORDERED)
    assert only_message(report) == ("Your SQL does not give back any rows yet. "
                                    "Write a SELECT query.")


def test_the_last_query_is_the_one_checked(pets: dict[str, str]) -> None:
    report = check(pets, "SELECT * FROM pets;\n" + LEEDS, LEEDS, ORDERED)
    assert report.passed


def test_a_mistake_fails_every_check_and_says_where(pets: dict[str, str]) -> None:
    report = check(pets, "SELECT name, age\nFORM pets;", LEEDS, UNORDERED)
    assert only_message(report) == "Fix the mistake in your SQL first. Then run the checks again."
    assert report.error is not None
    first_line, _, rest = report.error.partition("\n")
    assert first_line == ("There is a mistake near 'FORM pets' on line 2. "
                          "Did you mean FROM instead of FORM?")
    assert rest == 'SQLite says: near "pets": syntax error'


def test_a_missing_insert_says_how_many_rows_the_table_should_have(pets: dict[str, str]) -> None:
    solution = "INSERT INTO pets (name, age, city) VALUES ('Polly', 12, 'Hull');"
    report = check(pets, "SELECT * FROM pets;", solution, TABLE_CHECK)
    assert only_message(report) == ("The table pets should have 6 rows after your INSERT; "
                                    "it has 5. Check the values you gave.")


def test_a_wrong_update_shows_the_row_as_it_is_and_as_it_should_be(pets: dict[str, str]) -> None:
    solution = "UPDATE pets SET age = 5 WHERE name = 'Rex';"
    report = check(pets, "UPDATE pets SET age = 5 WHERE name = 'Tom';", solution, TABLE_CHECK)
    message = only_message(report)
    assert message == ("The table pets has the row (1, Rex, 4, Leeds). "
                       "It should be (1, Rex, 5, Leeds). Check the values you gave.")
    assert check(pets, solution, solution, TABLE_CHECK).passed


def test_a_dropped_table_is_noticed(pets: dict[str, str]) -> None:
    solution = "DELETE FROM pets WHERE name = 'Max';"
    report = check(pets, "DROP TABLE pets;", solution, TABLE_CHECK)
    assert only_message(report) == "The table pets is gone. Your SQL should not delete it."


def test_a_table_to_create_is_checked_by_its_columns(pets: dict[str, str]) -> None:
    checks = TABLE_CHECK.replace('"pets"', '"owners"')
    solution = "CREATE TABLE owners (id INTEGER PRIMARY KEY, name TEXT);"
    assert only_message(check(pets, "SELECT 1;", solution, checks)) == (
        "There is no table called owners yet. Make it with CREATE TABLE.")
    assert only_message(check(pets, "CREATE TABLE owners (id INTEGER, full_name TEXT);",
                              solution, checks)) == (
        "The table owners has the columns id, full_name; it should have id, name.")
    assert check(pets, solution, solution, checks).passed


def test_each_run_starts_from_the_same_data(pets: dict[str, str]) -> None:
    solution = "INSERT INTO pets (name, age, city) VALUES ('Polly', 12, 'Hull');"
    for _ in range(2):
        assert check(pets, solution, solution, TABLE_CHECK).passed


def test_decimals_that_differ_only_in_the_last_digits_match(pets: dict[str, str]) -> None:
    checks = UNORDERED
    assert check(pets, "SELECT AVG(age) * 3 / 3 FROM pets;", "SELECT AVG(age) FROM pets;",
                 checks.replace("ordered = false", "ordered = false\ncolumn_names = false")
                 ).passed


@pytest.mark.parametrize(("checks_toml", "words"), [
    ("format_version = 2\n[[checks]]\nname='x'\ncompare='result'", "format_version"),
    ("format_version = 1\n[[checks]]\nname='x'\ncompare='rows'", "compare must be"),
    ("format_version = 1\n[[checks]]\nname='x'\ncompare='table'", "needs table"),
    ("format_version = 1\n[[checks]]\nname='x'\ncompare='result'\norder=true", "'order'"),
    ("format_version = 1\n", "at least one"),
    ("format_version = = 1", "not valid TOML"),
])
def test_a_badly_written_check_file_is_reported_not_raised(
        pets: dict[str, str], checks_toml: str, words: str) -> None:
    report = check(pets, LEEDS, LEEDS, checks_toml)
    assert not report.passed and report.tests == ()
    assert report.error is not None and words in report.error


def test_broken_exercise_data_is_reported(pets: dict[str, str]) -> None:
    report = run_sql_check({"fixture.sql": "ATTACH 'x.db' AS x;",
                            "sql.toml": UNORDERED},
                           {"query.sql": LEEDS}, {"query.sql": LEEDS}, time_limit_seconds=1)
    assert report.error is not None
    assert report.error.startswith("The exercise's data (checks/fixture.sql) could not be loaded")


def test_a_check_can_run_off_the_main_thread(pets: dict[str, str]) -> None:
    # The app runs checks in a worker thread so the window never waits.
    reports: list[CheckReport] = []
    worker = threading.Thread(target=lambda: reports.append(check(pets, LEEDS, LEEDS, ORDERED)))
    worker.start()
    worker.join(timeout=10)
    assert [report.passed for report in reports] == [True]
