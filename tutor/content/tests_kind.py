"""Lint rules for exercises where the learner writes the tests (`kind = "tests"`).

Such an exercise keeps what it runs in `checks/tests.toml` (read by `sandbox.web.tdd`). This
module says, for the lesson linter, what is wrong with those settings and which sentences in
them a learner will read. It runs nothing.
"""

from __future__ import annotations

from sandbox.web.tdd import TEST_FILE_ENDINGS, ExerciseTestsError, load_tests_settings
from tutor.content.model import Exercise


def lint_tests_exercise(exercise: Exercise) -> list[tuple[str, str]]:
    """Problems in a tests exercise's settings, as (file, message) pairs for the linter."""
    if exercise.kind != "tests":
        return []
    try:
        settings = load_tests_settings(exercise.check_files)
    except ExerciseTestsError as error:
        return [("checks/tests.toml", str(error))]
    found: list[tuple[str, str]] = []
    if not any(name.endswith(TEST_FILE_ENDINGS) for name in exercise.starter_files):
        found.append(("exercise.toml", "files must name the learner's test file "
                      "(a name ending in .test.js)"))
    module = settings.module
    if settings.mode == "red-green":
        if module not in exercise.starter_files:
            found.append(("exercise.toml", f"a red-green exercise needs {module} in files"))
        elif settings.starter_code is not None and \
                exercise.check_files[settings.starter_code] != exercise.starter_files[module]:
            found.append((f"checks/{settings.starter_code}",
                          f"this must be the same as starter/{module}"))
    elif module in exercise.starter_files:
        found.append(("exercise.toml", f"{module} is the code under test; leave it out of files"))
    # The copy in starter/ is what the learner reads; it must be the code the checks run.
    shown = exercise.asset_files.get(module)
    if settings.correct is not None and shown is not None and \
            shown.decode("utf-8", "replace") != exercise.check_files[settings.correct]:
        found.append((f"starter/{module}", f"this must be the same as checks/{settings.correct}"))
    return found


def learner_sentences_of_tests(exercise: Exercise) -> tuple[str, ...]:
    """The sentences in a tests exercise's settings that a learner reads (for plain English)."""
    if exercise.kind != "tests":
        return ()
    try:
        return load_tests_settings(exercise.check_files).learner_messages()
    except ExerciseTestsError:
        return ()
