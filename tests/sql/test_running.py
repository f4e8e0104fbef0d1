"""Running SQL to see its rows: fresh data each time, a capped result, plain mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.sql import fixture_tables, run_sql_query
from sandbox.sql.statements import split_statements


def test_rows_are_capped_but_the_true_count_is_kept(pets: dict[str, str]) -> None:
    sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 500) " \
          "SELECT i FROM n;"
    result = run_sql_query(pets, sql)
    assert result.error is None
    assert len(result.rows) == 200 and result.row_count == 500
    assert result.summary() == "Showing 200 of 500 rows."


def test_changes_are_counted_and_forgotten_before_the_next_run(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "INSERT INTO pets (name) VALUES ('A'), ('B');\n"
                                 "UPDATE pets SET city = 'Bath' WHERE city = 'Leeds';")
    assert result.error is None and not result.returned_rows
    assert result.summary() == "5 rows were changed."
    again = run_sql_query(pets, "SELECT count(*) FROM pets WHERE city = 'Bath';")
    assert again.rows == ((0,),)


def test_a_misspelt_column_gets_a_suggestion(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "SELECT nmae FROM pets;")
    assert result.error == ("There is no column called 'nmae'. Did you mean name?\n"
                            "SQLite says: no such column: nmae")


def test_a_misspelt_table_gets_a_suggestion(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "SELECT *\nFROM pet;")
    assert result.error is not None
    assert result.error.startswith("There is no table called 'pet'. Did you mean pets?")


def test_a_mistake_on_a_later_line_names_that_line(pets: dict[str, str]) -> None:
    sql = "SELECT name FROM pets;\n\nSELECT name\nFROM pets\nWHER age > 3;"
    result = run_sql_query(pets, sql)
    assert result.error is not None
    assert result.error == ("There is a mistake near 'WHER age' on line 5. "
                            "Did you mean WHERE instead of WHER?\n"
                            'SQLite says: near "age": syntax error')


def test_a_broken_rule_is_explained(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "INSERT INTO pets (age) VALUES (3);")
    assert result.error is not None
    assert result.error.startswith("Give a value for pets.name. It cannot be empty (NULL).")


def test_semicolons_inside_quotes_and_comments_do_not_split() -> None:
    statements = split_statements("SELECT 'a;b'; -- one; two\nSELECT 2 /* ; */;;\n-- end")
    assert [s.text.strip() for s in statements] == [
        "SELECT 'a;b';", "-- one; two\nSELECT 2 /* ; */;"]


def test_the_tables_of_the_exercise_are_listed(pets: dict[str, str]) -> None:
    (table,) = fixture_tables(pets)
    name, columns, rows = table
    assert (name, columns, len(rows)) == ("pets", ("id", "name", "age", "city"), 5)
    assert rows[0] == (1, "Rex", 4, "Leeds")


def test_a_misspelt_first_word_is_pointed_at(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "SELEC name FROM pets;")
    assert result.error is not None
    assert result.error.startswith("There is a mistake near 'SELEC' on line 1. "
                                   "Did you mean SELECT?")


def test_a_dot_command_points_to_the_tables_button(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, ".tables")
    assert result.error is not None
    assert result.error.startswith("Commands that start with a dot, like .tables, work only")


def test_changes_made_inside_a_with_statement_are_counted(pets: dict[str, str]) -> None:
    result = run_sql_query(pets, "WITH young AS (SELECT id FROM pets WHERE age < 4) "
                                 "DELETE FROM pets WHERE id IN (SELECT id FROM young);")
    assert result.error is None and result.summary() == "2 rows were changed."


def test_a_syntax_error_names_the_line_where_it_is_not_the_first_use_of_the_word(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sandbox.sql import run_sql_query

    monkeypatch.chdir(tmp_path)
    check_files = {"fixture.sql": "CREATE TABLE pets (name TEXT, age INTEGER);",
                   "sql.toml": '[[checks]]\nname = "x"\ncompare = "result"\n'}
    result = run_sql_query(check_files, "SELECT name, age\nFROM pets\nWHERE age age > 2;",
                           time_limit_seconds=2)
    assert result.error is not None
    assert result.error.splitlines()[0] == "There is a mistake near 'age' on line 3."
    # Finding the place parses parts of the learner's SQL; nothing of it may run.
    run_sql_query(check_files, "ATTACH 'other.db' AS other nonsense;", time_limit_seconds=2)
    assert list(tmp_path.iterdir()) == []
