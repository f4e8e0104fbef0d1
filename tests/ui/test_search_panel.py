"""The search panel finds lessons and words as the learner types; the glossary view shows a word."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from tutor.content.glossary import Glossary, load_glossary
from tutor.content.loader import load_library
from tutor.content.search import SearchIndex
from tutor.ui.glossary_view import NOT_FOUND, GlossaryDialog, GlossaryView
from tutor.ui.lesson_view import LessonView
from tutor.ui.search_panel import GETTING_READY, NOTHING_FOUND, SearchPanel

GLOSSARY = '''format_version = 1

[[terms]]
term = "flexbox"
meaning = "Flexbox puts boxes in a row. Use <b>display: flex</b>."
example = ".menu {\\n  display: flex;\\n}"
see_also = ["margin"]

[[terms]]
term = "margin"
meaning = "A margin is the space outside a box."
'''



def _write_exercise(root: Path, folder: str, exercise_id: str, title: str, lesson: str) -> None:
    place = root / "html" / folder
    files = {
        "exercise.toml": f'format_version = 1\nid = "{exercise_id}"\ntitle = "{title}"\n'
                         'kind = "web"\nentry = "index.html"\nfiles = ["index.html"]\n',
        "lesson.md": lesson,
        "starter/index.html": "<!-- TODO: Add a heading. -->\n",
        "solution/index.html": "<h1>Hi</h1>\n",
        "checks/page.test.js": "test('A heading', () => {});\n",
    }
    for name, text in files.items():
        (place / name).parent.mkdir(parents=True, exist_ok=True)
        (place / name).write_text(text, encoding="utf-8")


@pytest.fixture
def lessons_root(tmp_path: Path) -> Path:
    """A lessons folder with one track and no exercises yet."""
    root = tmp_path / "lessons"
    (root / "html").mkdir(parents=True)
    (root / "html" / "track.toml").write_text(
        'format_version = 1\nid = "html"\ntitle = "HTML"\n', encoding="utf-8")
    return root


@pytest.fixture
def glossary(lessons_root: Path) -> Glossary:
    """A two-word glossary."""
    (lessons_root / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    return load_glossary(lessons_root)


@pytest.fixture
def index(lessons_root: Path, glossary: Glossary) -> Iterator[SearchIndex]:
    """Two exercises (one with markup in its title) and the glossary."""
    _write_exercise(lessons_root, "01-heading", "html.heading", "Your first heading",
                    "# Heading\n\nA page needs a title.\n")
    _write_exercise(lessons_root, "02-bold", "html.bold", "The <b> tag",
                    "# Bold\n\nThe `<b>` tag makes text bold. Boxes can be bold too.\n")
    built = SearchIndex.build(load_library(lessons_root), glossary)
    yield built
    built.close()


def _panel(qtbot: QtBot, index: SearchIndex | None) -> SearchPanel:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.set_index(index)
    return panel


def test_typing_shows_matching_lessons_and_words(qtbot: QtBot, index: SearchIndex) -> None:
    panel = _panel(qtbot, index)
    qtbot.keyClicks(panel.findChild(QLineEdit), "flex")
    texts = panel.result_texts()
    assert len(texts) == 1 and texts[0].startswith("Word: flexbox\nFlexbox puts boxes")
    assert panel.status_text() == "1 result"
    panel.set_query("giraffe")
    assert panel.result_texts() == [] and panel.status_text() == NOTHING_FOUND
    panel.set_query("")
    assert panel.result_texts() == [] and panel.status_text() == ""


def test_titles_from_lessons_are_shown_as_plain_text(qtbot: QtBot, index: SearchIndex) -> None:
    panel = _panel(qtbot, index)
    panel.set_query("bold")
    assert panel.result_texts()[0].startswith("Lesson: The <b> tag\n")
    status = panel.findChild(QLabel)
    assert status.textFormat() == Qt.TextFormat.PlainText


def test_enter_opens_the_best_result(qtbot: QtBot, index: SearchIndex) -> None:
    panel = _panel(qtbot, index)
    field = panel.findChild(QLineEdit)
    panel.set_query("heading")
    with qtbot.waitSignal(panel.exercise_chosen, timeout=1000) as chosen:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert chosen.args == ["html.heading"]


def test_arrow_keys_then_enter_open_a_chosen_result(qtbot: QtBot, index: SearchIndex) -> None:
    panel = _panel(qtbot, index)
    field = panel.findChild(QLineEdit)
    results = panel.findChild(QListWidget)
    panel.set_query("box")
    first_lines = [text.split("\n")[0] for text in panel.result_texts()]
    assert sorted(first_lines) == ["Lesson: The <b> tag", "Word: flexbox", "Word: margin"]
    chosen: list[str] = []
    panel.exercise_chosen.connect(lambda exercise_id: chosen.append(f"Lesson: {exercise_id}"))
    panel.term_chosen.connect(lambda key: chosen.append(f"Word: {key}"))
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Down)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    ids = {"Lesson: The <b> tag": "Lesson: html.bold"}
    assert chosen == [ids.get(first_lines[1], first_lines[1])]


def test_a_click_opens_that_result(qtbot: QtBot, index: SearchIndex) -> None:
    panel = _panel(qtbot, index)
    results = panel.findChild(QListWidget)
    panel.set_query("bold")
    rect = results.visualItemRect(results.item(0))
    with qtbot.waitSignal(panel.exercise_chosen, timeout=1000) as chosen:
        qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == ["html.bold"]


def test_search_waits_for_its_index_then_shows_results(qtbot: QtBot,
                                                      index: SearchIndex) -> None:
    panel = _panel(qtbot, None)
    panel.set_query("margin")
    assert panel.status_text() == GETTING_READY and panel.result_texts() == []
    panel.set_index(index)
    assert panel.result_texts()[0].startswith("Word: margin")


def test_focus_search_puts_the_keyboard_in_the_box_and_escape_clears_it(
        qtbot: QtBot, index: SearchIndex, show: Callable) -> None:
    panel = show(_panel(qtbot, index))
    field = panel.findChild(QLineEdit)
    panel.findChild(QListWidget).setFocus()
    panel.set_query("margin")
    panel.focus_search()
    qtbot.waitUntil(field.hasFocus)
    assert field.selectedText() == "margin"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert panel.query() == "" and panel.result_texts() == []


def test_a_word_shows_its_meaning_example_and_related_words(qtbot: QtBot,
                                                           glossary: Glossary) -> None:
    view = GlossaryView(glossary)
    qtbot.addWidget(view)
    assert view.show_term("Flexbox")
    assert view.title_text() == "flexbox"
    assert view.meaning_text() == "Flexbox puts boxes in a row. Use <b>display: flex</b>."
    assert all(label.textFormat() == Qt.TextFormat.PlainText
               for label in view.findChildren(QLabel))
    assert view.example_text() == ".menu {\n  display: flex;\n}"
    [button] = view.see_also_buttons()
    assert button.text() == "margin"
    with qtbot.waitSignal(view.term_shown, timeout=1000) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert shown.args == ["margin"]
    assert view.title_text() == "margin" and view.example_text() == ""
    assert view.see_also_buttons() == []


def test_an_unknown_word_says_so_plainly(qtbot: QtBot, glossary: Glossary) -> None:
    view = GlossaryView(glossary)
    qtbot.addWidget(view)
    assert not view.show_term("giraffe")
    assert view.meaning_text() == NOT_FOUND and view.shown_key() is None


def test_a_glossary_link_in_a_lesson_opens_the_word(qtbot: QtBot, glossary: Glossary) -> None:
    lesson = LessonView()
    dialog = GlossaryDialog(glossary)
    qtbot.addWidget(lesson)
    qtbot.addWidget(dialog)
    lesson.glossary_link_clicked.connect(dialog.show_term)
    lesson.anchorClicked.emit(QUrl("glossary:margin"))
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.view.title_text() == "margin"
    dialog.close()
    QApplication.processEvents()
    assert not dialog.isVisible()
