"""`tutor lessons list`, `tutor check` and `tutor lessons lint` where there is no lessons/ folder.

An installed program has no source lessons/ folder, only the lesson packs installed in its
data folder: the commands use those, the same lessons the app shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tutor.cli import main
from tutor.content.packs import build_pack, install_pack, sign_pack

from .conftest import Keys, Places, write_lessons


def install_tiny_pack(places: Places, keys: Keys) -> None:
    """Install a signed pack with one exercise (html.first-heading) in the data folder."""
    pack = places.data.parent / "installed.tutorpack"
    build_pack(write_lessons(places.data.parent / "pack-source"), pack)
    sign_pack(pack, keys.trusted)
    install_pack(pack, places.data, keys.trusted_public)


def test_lessons_list_shows_the_installed_packs_lessons(
        only_these_places: Places, keys: Keys, capsys: pytest.CaptureFixture[str]) -> None:
    places = only_these_places
    install_tiny_pack(places, keys)

    assert main(["--data-dir", str(places.data), "lessons", "list", "--json"]) == 0

    [row] = json.loads(capsys.readouterr().out)
    assert row["id"] == "html.first-heading" and row["starter_files"] == ["index.html"]
    assert Path(row["folder"]).resolve().is_relative_to(places.data.resolve())


def test_check_runs_an_installed_exercise(
        qtbot: QtBot, only_these_places: Places, keys: Keys,
        capsys: pytest.CaptureFixture[str]) -> None:
    places = only_these_places
    install_tiny_pack(places, keys)
    data = ["--data-dir", str(places.data)]

    assert main([*data, "check", "html.first-heading", "--solution", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["passed"] is True
    assert main([*data, "check", "html.first-heading", "--json"]) == 1  # the starter
    assert json.loads(capsys.readouterr().out)["passed"] is False


def test_lint_without_a_path_reads_the_installed_lessons(
        only_these_places: Places, keys: Keys, capsys: pytest.CaptureFixture[str]) -> None:
    places = only_these_places
    install_tiny_pack(places, keys)

    main(["--data-dir", str(places.data), "lessons", "lint", "--static", "--json"])

    summary = json.loads(capsys.readouterr().out)
    assert summary["exercises"] == 1 and [t["id"] for t in summary["tracks"]] == ["html"]


def test_a_source_lessons_folder_still_comes_first(
        only_these_places: Places, keys: Keys, capsys: pytest.CaptureFixture[str]) -> None:
    places = only_these_places
    install_tiny_pack(places, keys)
    write_lessons(places.source, track_id="css", version=None)

    assert main(["--data-dir", str(places.data), "lessons", "list", "--json"]) == 0

    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == ["css.first-heading"]


def test_with_no_lessons_anywhere_the_commands_say_so(
        only_these_places: Places, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(only_these_places.data), "lessons", "list"]) == 2
    assert "No lessons are installed." in capsys.readouterr().err
