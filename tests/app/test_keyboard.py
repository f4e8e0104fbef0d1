"""Everything a learner needs is reachable with the keyboard alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt


def test_tab_reaches_every_control_of_the_learner_loop(qtbot: QtBot, tmp_path: Path) -> None:
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=tmp_path, library=load_library(), chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    tutor.start_services()
    assert tutor.store is not None and tutor.controller is not None
    tutor.controller.set_learner(tutor.store.create_learner("Kim", "1234"))
    tutor.window.show_workspace()
    with qtbot.waitSignal(tutor.controller.exercise_opened, timeout=10_000):
        pass
    tutor.window.activateWindow()
    tutor.window.outline.setFocus()
    window = tutor.window
    wanted: dict[str, QWidget] = {
        "course outline": window.outline, "lesson": window.lesson,
        "check button": window.check_button, "start again": window.start_again_button,
        "change learner": window.switch_button,
    }
    reached: set[str] = set()
    saw_editor = False
    for _ in range(80):
        focused = QApplication.focusWidget()
        for name, widget in wanted.items():
            if focused is widget or (focused is not None and widget.isAncestorOf(focused)):
                reached.add(name)
        if isinstance(focused, QPlainTextEdit) and not focused.isReadOnly():
            saw_editor = True
            # The editor keeps Tab for indenting; Ctrl+Tab moves on, as its tooltip says.
            qtbot.keyClick(focused, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        elif focused is not None:
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        if reached == set(wanted) and saw_editor:
            break
    assert saw_editor, "Tab never reached the code editor"
    assert reached == set(wanted), f"not reached: {set(wanted) - reached}"
    tutor.window.close()
