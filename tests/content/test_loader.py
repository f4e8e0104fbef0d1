"""Loading the curriculum: the real lessons, stable ids, and clear errors for bad data."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tutor.content.errors import ContentError
from tutor.content.loader import default_lessons_root, load_exercise, load_lessons, load_library

WriteExercise = Callable[..., Path]


def test_real_lessons_load_in_course_order() -> None:
    library = load_library()
    assert library.root == default_lessons_root()
    tracks = [(t.id, t.title) for t in library.tracks]
    assert tracks[:3] == [("html", "HTML"), ("css", "CSS"), ("javascript", "JavaScript")]
    assert [t.id for t in library.tracks] == ["html", "css", "javascript", "git", "testing",
                                              "sql"]
    assert [t.order for t in library.tracks] == sorted(t.order for t in library.tracks)
    ids = [e.id for e in library.exercises()]
    assert ids[:3] == ["html.first-heading", "html.links-and-images", "html.colour-and-boxes"]
    assert ids.index("javascript.greet") < ids.index("git.first-commit") < ids.index(
        "testing.fix-a-test") < ids.index("sql.find-rows")


def test_real_exercises_have_what_a_learner_needs() -> None:
    for exercise in load_library().exercises():
        assert exercise.lesson_markdown.startswith("# ")
        assert exercise.file_names, exercise.id
        assert set(exercise.solution_files) == set(exercise.starter_files)
        if exercise.kind == "web":
            assert exercise.test_file_names, exercise.id
        assert len(exercise.hints) >= 2
        assert len(exercise.content_version) == 12
        if exercise.kind != "git":
            assert any("TODO:" in text for text in exercise.starter_files.values()), exercise.id


def test_files_keep_their_tab_order_and_extra_files_are_not_tabs() -> None:
    library = load_library()
    css = library.get("html.colour-and-boxes")
    assert css.file_names == ("index.html", "style.css")
    assert css.entry == "index.html"
    pictures = library.get("html.links-and-images")
    assert pictures.file_names == ("index.html",)
    assert set(pictures.asset_files) == {"cat.png", "facts.html"}
    assert pictures.asset_files["cat.png"].startswith(b"\x89PNG")
    plain_js = library.get("javascript.lists-and-loops")
    assert plain_js.entry is None
    assert plain_js.file_names == ("scores.js", "report.js")


def test_get_names_the_unknown_id() -> None:
    with pytest.raises(KeyError) as raised:
        load_library().get("html.no-such-thing")
    assert str(raised.value) == "There is no exercise with the id 'html.no-such-thing'."


def test_resolve_takes_an_id_or_a_folder() -> None:
    library = load_library()
    folder = library.get("javascript.greet").folder
    assert library.resolve("javascript.greet").folder == folder
    assert library.resolve(str(folder)).id == "javascript.greet"
    assert library.resolve(str(folder / "exercise.toml")).id == "javascript.greet"
    relative = os.path.relpath(folder)
    assert library.resolve(relative).id == "javascript.greet"
    with pytest.raises(KeyError, match="no exercise with the id or folder"):
        library.resolve("nowhere/at/all")


def test_resolve_loads_a_folder_outside_the_library(lessons_root: Path,
                                                    write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    assert load_library().resolve(str(folder)).id == "html.heading"


def test_ids_stay_when_a_folder_is_renamed(lessons_root: Path,
                                           write_exercise: WriteExercise) -> None:
    folder = write_exercise("01-heading", "html.heading")
    before = load_library(lessons_root).get("html.heading")
    folder.rename(folder.parent / "07-a-new-name")
    after = load_library(lessons_root).get("html.heading")
    assert after.folder.name == "07-a-new-name"
    assert after.starter_files == before.starter_files
    assert after.content_version == before.content_version


def test_content_version_changes_with_the_files_but_not_the_solution(
        lessons_root: Path, write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    first = load_library(lessons_root).get("html.heading").content_version
    assert load_library(lessons_root).get("html.heading").content_version == first
    (folder / "solution" / "index.html").write_text("<h1>Another answer</h1>\n")
    assert load_library(lessons_root).get("html.heading").content_version == first
    (folder / "lesson.md").write_text("# A heading\n\nNew words.\n")
    second = load_library(lessons_root).get("html.heading").content_version
    assert second != first
    (folder / "checks" / "page.test.js").write_text("// changed\n")
    assert load_library(lessons_root).get("html.heading").content_version not in (first, second)


def test_load_lessons_takes_one_exercise_or_one_track(lessons_root: Path,
                                                      write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    write_exercise("02-more", "html.more")
    assert [e.id for e in load_lessons(folder).exercises()] == ["html.heading"]
    assert [e.id for e in load_lessons(folder.parent).exercises()] == [
        "html.heading", "html.more"]
    assert load_exercise(folder).track_id == "html"


# Broken data: each error names the file that is wrong.

def _error(root: Path) -> str:
    with pytest.raises(ContentError) as raised:
        load_library(root)
    return str(raised.value)


def test_bad_toml_names_the_file(lessons_root: Path, write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    (folder / "exercise.toml").write_text('id = "html.heading\n')
    message = _error(lessons_root)
    assert str(folder / "exercise.toml") in message
    assert "not valid TOML" in message


def test_unknown_format_version_is_refused(lessons_root: Path,
                                           write_exercise: WriteExercise) -> None:
    folder = write_exercise(format_version=2)
    message = _error(lessons_root)
    assert str(folder / "exercise.toml") in message
    assert "format_version must be 1, not 2" in message


def test_a_track_with_a_new_format_is_refused(lessons_root: Path) -> None:
    track = lessons_root / "html" / "track.toml"
    track.write_text('format_version = 3\nid = "html"\ntitle = "HTML"\n')
    assert str(track) in _error(lessons_root)


def test_missing_starter_file_names_the_file(lessons_root: Path,
                                             write_exercise: WriteExercise) -> None:
    folder = write_exercise(files=["index.html", "style.css"])
    message = _error(lessons_root)
    assert str(folder / "starter" / "style.css") in message
    assert "missing" in message


def test_missing_lesson_names_the_file(lessons_root: Path,
                                       write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    (folder / "lesson.md").unlink()
    assert str(folder / "lesson.md") in _error(lessons_root)


def test_missing_checks_names_the_folder(lessons_root: Path,
                                         write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    shutil.rmtree(folder / "checks")
    assert str(folder / "checks") in _error(lessons_root)


def test_duplicate_ids_name_both_files(lessons_root: Path,
                                       write_exercise: WriteExercise) -> None:
    first = write_exercise("01-one", "html.same")
    second = write_exercise("02-two", "html.same")
    message = _error(lessons_root)
    assert str(second / "exercise.toml") in message
    assert str(first / "exercise.toml") in message
    assert "already used" in message


@pytest.mark.parametrize("bad_name", ["/etc/passwd", "../secret.txt", "css/../../x.css",
                                      "C:/windows/x.html", ".hidden.js"])
def test_unsafe_file_names_are_refused(lessons_root: Path, write_exercise: WriteExercise,
                                       bad_name: str) -> None:
    folder = write_exercise(files=[bad_name])
    message = _error(lessons_root)
    assert str(folder / "exercise.toml") in message
    assert repr(bad_name) in message


def test_a_link_to_a_file_elsewhere_is_refused(lessons_root: Path, tmp_path: Path,
                                               write_exercise: WriteExercise) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for learners")
    folder = write_exercise()
    (folder / "starter" / "notes.txt").symlink_to(secret)
    message = _error(lessons_root)
    assert str(folder / "starter" / "notes.txt") in message
    assert "links" in message


def test_unknown_setting_is_refused(lessons_root: Path, write_exercise: WriteExercise) -> None:
    folder = write_exercise(hint="one hint, misspelt")
    message = _error(lessons_root)
    assert str(folder / "exercise.toml") in message
    assert "'hint'" in message


def test_solution_may_hold_only_the_learner_files(lessons_root: Path,
                                                  write_exercise: WriteExercise) -> None:
    folder = write_exercise(disk={"solution/extra.js": "// not listed\n"})
    assert str(folder / "solution" / "extra.js") in _error(lessons_root)


def test_text_must_be_utf8(lessons_root: Path, write_exercise: WriteExercise) -> None:
    folder = write_exercise()
    (folder / "starter" / "index.html").write_bytes(b"<h1>caf\xe9</h1>")
    message = _error(lessons_root)
    assert str(folder / "starter" / "index.html") in message
    assert "UTF-8" in message


def test_entry_must_be_a_learner_file(lessons_root: Path,
                                      write_exercise: WriteExercise) -> None:
    folder = write_exercise(entry="home.html")
    assert str(folder / "exercise.toml") in _error(lessons_root)


def test_a_folder_without_settings_is_refused(lessons_root: Path) -> None:
    (lessons_root / "html" / "01-empty").mkdir()
    assert str(lessons_root / "html" / "01-empty") in _error(lessons_root)
