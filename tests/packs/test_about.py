""""About this installation" warns when a development key signed the lessons."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.packs import build_pack, sign_pack
from tutor.content.packs.startup import open_pack_lessons
from tutor.qt_start import start_qt
from tutor.trust.keys import PrivateKey, add_trusted_key

from .conftest import write_lessons


def test_the_about_box_warns_of_a_development_key(
        qtbot: QtBot, tmp_path: Path) -> None:
    development = PrivateKey.generate()
    bundled = tmp_path / "build" / "packs"
    add_trusted_key(bundled, development.public_key("development key"))
    pack = bundled / "curriculum.tutorpack"
    build_pack(write_lessons(tmp_path / "lessons", version=3), pack)
    sign_pack(pack, development)
    lessons = open_pack_lessons(tmp_path / "data", bundled_folder=bundled,
                                development_keys_folder=bundled)

    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=tmp_path / "data", library=lessons.library, chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.lessons_summary = lessons.summary()
    text = tutor.about_text()
    assert f"A development key ({development.public_key().fingerprint})" in text
    assert "Do not use this installation with learners." in text
