"""`tutor instructor`: the command opens the window on the instructor's own database."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tutor.cli import build_parser, main


@pytest.mark.parametrize("argv", [
    ["--data-dir", "FOLDER", "instructor"],
    ["instructor", "--data-dir", "FOLDER"],
])
def test_the_data_folder_may_come_before_or_after_the_command(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.data_dir == "FOLDER"
    assert args.handler.__name__ == "command_instructor"


def test_the_command_opens_the_window_on_its_own_database(
        qtbot: QtBot, tmp_path: Path, big_class_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["instructor", "--data-dir", str(big_class_dir), "--smoke"]) == 0
    assert "opened with 300 learners" in capsys.readouterr().out
    # A learner's database in the same folder is left alone, and an empty folder opens too.
    assert not (big_class_dir / "progress.sqlite3").exists()
    assert main(["--data-dir", str(tmp_path / "empty"), "instructor", "--smoke"]) == 0
    assert "opened with 0 learners" in capsys.readouterr().out
