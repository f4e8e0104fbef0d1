"""Search and the glossary in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt


def test_search_opens_an_exercise_and_a_glossary_link_explains_a_word(
        qtbot: QtBot, tmp_path: Path) -> None:
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=tmp_path, library=load_library(), chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    tutor.start_services()
    assert tutor.store is not None and tutor.controller is not None
    with qtbot.waitSignal(tutor.controller.exercise_opened, timeout=10_000):
        tutor.controller.set_learner(tutor.store.create_learner("Ali", "4321"))
    tutor.window.show_workspace()
    qtbot.waitUntil(lambda: tutor.search_index is not None, timeout=10_000)

    # Ctrl+K, type part of a word, Enter: the best match opens. Here it is a glossary word.
    qtbot.keyClick(tutor.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = tutor.window.search
    assert tutor.window.left_tabs.currentWidget() is search
    qtbot.keyClicks(search._field, "flexb")
    qtbot.waitUntil(lambda: any("Flex" in text for text in search.result_texts()),
                    timeout=5_000)
    qtbot.keyClick(search._field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tutor.glossary_dialog.isVisible(), timeout=5_000)
    assert tutor.glossary_dialog.view.shown_key() == "flexbox"
    tutor.glossary_dialog.close()

    # More words find the lesson itself.
    search._field.clear()
    qtbot.keyClicks(search._field, "flexbox rows")
    qtbot.waitUntil(lambda: bool(search.result_texts()), timeout=5_000)
    with qtbot.waitSignal(tutor.controller.exercise_opened, timeout=10_000) as opened:
        qtbot.keyClick(search._field, Qt.Key.Key_Return)
    assert opened.args[0] == "css.flex-direction"

    # A glossary link in the lesson text opens the word's meaning, without backtick marks.
    tag = tutor.glossary.get("tag")
    assert tag is not None
    tutor.window.lesson.anchorClicked.emit(QUrl("glossary:tag"))
    qtbot.waitUntil(lambda: tutor.glossary_dialog.isVisible(), timeout=5_000)
    assert tutor.glossary_dialog.view.shown_key() == "tag"
    assert tutor.glossary_dialog.view.meaning_text() == tag.meaning.replace("`", "")
    tutor.glossary_dialog.close()
    tutor.window.close()
