"""Search and the glossary in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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

    qtbot.keyClick(tutor.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = tutor.window.search
    assert tutor.window.left_tabs.currentWidget() is search
    search.set_query("flexb")
    qtbot.waitUntil(lambda: any("Flex" in text for text in search.result_texts()),
                    timeout=5_000)
    with qtbot.waitSignal(tutor.controller.exercise_opened, timeout=10_000) as opened:
        search.exercise_chosen.emit(next(
            hit.id for hit in tutor.search_index.search("flexbox") if hit.kind == "exercise"))
    assert opened.args[0].startswith("css.")

    term = next(iter(tutor.glossary.terms)) if hasattr(tutor.glossary, "terms") else "tag"
    key = getattr(term, "key", term)
    tutor.window.lesson.glossary_link_clicked.emit(key)
    qtbot.waitUntil(lambda: tutor.glossary_dialog.isVisible(), timeout=5_000)
    tutor.glossary_dialog.close()
    tutor.window.close()
