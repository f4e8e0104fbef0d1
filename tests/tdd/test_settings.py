"""`checks/tests.toml` is data a lesson author writes: mistakes in it are named plainly."""

from __future__ import annotations

import pytest

from sandbox.web.tdd import ExerciseTestsError, load_tests_settings

CODE = "export function total(numbers) { return 0; }\n"
GOOD = """format_version = 1
module = "total.js"
correct = "total.js"

[[mutants]]
file = "mutants/skips-last.js"
description = "`total()` skips the last item"
advice = "Add a test with two or more numbers."
"""


def files(settings: str, **extra: str) -> dict[str, str]:
    return {"tests.toml": settings, "total.js": CODE, "mutants/skips-last.js": CODE, **extra}


def test_good_settings_are_read() -> None:
    settings = load_tests_settings(files(GOOD))
    assert settings.mode == "find-bugs" and settings.module == "total.js"
    assert [m.name for m in settings.mutants] == ["skips-last"]
    assert settings.learner_messages() == (
        "Your tests notice when `total()` skips the last item",
        "Your tests did not notice when `total()` skips the last item. "
        "Add a test with two or more numbers.")


@pytest.mark.parametrize(("settings", "expected"), [
    (GOOD.replace('file = "mutants/skips-last.js"', 'file = "mutants/gone.js"'),
     "names checks/mutants/gone.js, which does not exist"),
    (GOOD.replace("format_version = 1", "format_version = 2"), "format_version must be 1"),
    (GOOD + 'colour = "red"\n', "unknown setting 'colour'"),
    (GOOD.replace('module = "total.js"\n', 'mode = "red"\nmodule = "total.js"\n'),
     "mode must be one of find-bugs, red-green"),
    (GOOD.replace('correct = "total.js"', 'mode = "red-green"'), "starter_code must be set"),
    (GOOD.split("[[mutants]]")[0], "give at least one [[mutants]]"),
    ("format_version = 1\nmodule = \n", "not valid TOML"),
])
def test_mistakes_in_the_settings_are_named(settings: str, expected: str) -> None:
    with pytest.raises(ExerciseTestsError, match=expected.replace("[", r"\[")):
        load_tests_settings(files(settings))


def test_missing_settings_are_named() -> None:
    with pytest.raises(ExerciseTestsError, match="tests.toml is missing"):
        load_tests_settings({"total.js": CODE})

