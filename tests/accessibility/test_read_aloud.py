"""Read aloud: the lesson's words without its code, with Stop; no button without a voice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.ui.read_aloud import CODE_SPOKEN, PRETEND_ENGINE, ReadAloud, lesson_speech_text
from tutor.ui.view_menu import READ_ALOUD, STOP_READING


def qt_test_voice() -> str:
    """Qt's own pretend engine (it speaks in silence), or skip when Qt's speech cannot load."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:  # a library Qt's speech module needs is missing here
        pytest.skip(f"Qt's speech module does not load here: {error}")
    if PRETEND_ENGINE not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's pretend speech engine is not installed here")
    return PRETEND_ENGINE


def test_the_words_to_speak_leave_out_code_blocks() -> None:
    document = QTextDocument()
    document.setHtml("<h1>Your first heading</h1><p>A tag is a word in <code>&lt;h1&gt;</code>"
                     " brackets.</p><pre>&lt;body&gt;\n  &lt;h1&gt;Rex&lt;/h1&gt;\n&lt;/body&gt;"
                     "</pre><p>The browser shows it.</p>")
    spoken = lesson_speech_text(document).splitlines()
    assert spoken == ["Your first heading", "A tag is a word in <h1> brackets.", CODE_SPOKEN,
                      "The browser shows it."]


def test_with_no_voice_the_button_never_shows(qtbot: QtBot, workspace: TutorApp) -> None:
    read_aloud = workspace.accessibility.read_aloud
    button = workspace.accessibility.controls.read_button
    qtbot.waitUntil(read_aloud.searched, timeout=10_000)
    # Whatever this computer has: the button shows exactly when a real voice started.
    assert button.isVisible() == read_aloud.available()
    assert read_aloud.engine() != PRETEND_ENGINE

    read_aloud.close()
    with qtbot.waitSignal(read_aloud.availability_found, timeout=10_000) as found:
        workspace.accessibility.start(speech_engines=[])  # as on a computer with no voice
    assert found.args == [False]
    assert button.isHidden() and not read_aloud.available()
    workspace.accessibility.toggle_reading_aloud()  # nothing to do, and no harm
    assert not read_aloud.is_speaking()


def test_reading_starts_and_stops_with_a_real_engine(qtbot: QtBot) -> None:
    voice = qt_test_voice()
    read_aloud = ReadAloud()
    try:
        with qtbot.waitSignal(read_aloud.availability_found, timeout=10_000) as found:
            read_aloud.start(engines=[voice])
        assert found.args == [True] and read_aloud.engine() == voice
        with qtbot.waitSignal(read_aloud.speaking_changed, timeout=5_000) as started:
            read_aloud.read("Read the lesson here. " * 20)
        assert started.args == [True] and read_aloud.is_speaking()
        with qtbot.waitSignal(read_aloud.speaking_changed, timeout=5_000) as stopped:
            read_aloud.stop()
        assert stopped.args == [False] and not read_aloud.is_speaking()
    finally:
        read_aloud.close()


def test_the_button_reads_the_lesson_and_then_stops(qtbot: QtBot, workspace: TutorApp) -> None:
    voice = qt_test_voice()
    accessibility = workspace.accessibility
    accessibility.read_aloud.close()
    with qtbot.waitSignal(accessibility.read_aloud.availability_found, timeout=10_000):
        accessibility.start(speech_engines=[voice])
    button = accessibility.controls.read_button
    assert button.isVisible() and button.text() == READ_ALOUD
    with qtbot.waitSignal(accessibility.read_aloud.speaking_changed, timeout=5_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == STOP_READING and button.accessibleName() == STOP_READING
    with qtbot.waitSignal(accessibility.read_aloud.speaking_changed, timeout=5_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == READ_ALOUD
