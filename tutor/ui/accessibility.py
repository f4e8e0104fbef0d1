"""Seeing, hearing and finding the way: text size, colours, easy reading, read aloud, the tour.

`TutorApp` makes one of these with the main window. It puts its controls in the top bar and
its keys on the window, and keeps each learner's choices in their own settings (through
`Operations`, never on the GUI thread). A learner's choices come back when they sign in;
the sign-in screen keeps whatever was in use last.

Keys: Ctrl and + (or =) for bigger text, Ctrl and - for smaller, Ctrl and 0 for the usual
size. In the code editor, Tab indents; Ctrl+Tab and Ctrl+Shift+Tab move out of it (so does
Esc and then Tab). In the page preview, Enter goes into the page and Ctrl+Tab comes out.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontInfo, QKeySequence
from PySide6.QtWidgets import QApplication

from tutor.ui.guided_tour import GuidedTour, TourStep
from tutor.ui.main_window import MainWindow
from tutor.ui.read_aloud import ReadAloud, lesson_speech_text
from tutor.ui.reading_style import EASY, USUAL, ReadingStyle, parse_reading_style, style_for
from tutor.ui.reading_style import reading_font as make_reading_font
from tutor.ui.text_size import TextSize, parse_text_size
from tutor.ui.themes import (
    THEME_PROPERTY,
    THEMES,
    Theme,
    apply_theme,
    current_theme,
    theme_named,
)
from tutor.ui.view_menu import ViewControls

TEXT_SIZE_SETTING = "text_size"
THEME_SETTING = "theme"
READING_SETTING = "reading_style"
TOUR_DONE_SETTING = "tour_done"
SETTINGS = (TEXT_SIZE_SETTING, THEME_SETTING, READING_SETTING, TOUR_DONE_SETTING)

# How wide the course, lesson, editor and right-hand column are from each text size up: as
# the text grows, the lesson gets the room it needs to keep whole words on a line.
PANEL_WIDTHS = ((0, (270, 310, 430, 356)), (150, (250, 380, 410, 326)),
                (200, (240, 420, 390, 316)))

TOUR_STEPS_TEXT = (
    "Read the lesson here.",
    "Type your code here.",
    "Press Check my code to see if it works. Or press Ctrl+Enter.",
    "Stuck? Open a hint.",
    "Make the text bigger or smaller with these buttons, or Ctrl + and Ctrl -.",
    "Want to see this again? Press Tour.",
)


def _keypad(key: Qt.Key) -> QKeySequence:
    """Ctrl and a key of the number pad (Qt tells those apart from the main keys)."""
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(QKeyCombination(modifiers, key))


class LearnerSettings(Protocol):
    """The part of the store that keeps a learner's own settings."""

    def learner_setting(self, learner_id: str, key: str) -> str | None: ...

    def set_learner_setting(self, learner_id: str, key: str, value: str) -> None: ...


class JobRunner(Protocol):
    """Runs store work off the GUI thread (`Operations`)."""

    def run(self, job: Any, on_done: Any = None) -> None: ...


class Accessibility(QObject):
    """Text size, colours, easy reading, read aloud and the tour for one main window."""

    # A signed-in learner's saved choices are now in use.
    learner_settings_applied = Signal()

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._store: LearnerSettings | None = None
        self._operations: JobRunner | None = None
        self._learner_id: str | None = None
        self._tour_pending = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # What the application looked like before, to put back on close (tests build many
        # windows in one application).
        self._app = app
        self._app_before = (app.palette(), app.styleSheet(), app.property(THEME_PROPERTY))
        self.text_size = TextSize(self)
        self.theme: Theme = current_theme()
        self.reading_style: ReadingStyle = style_for(USUAL)
        self.controls = ViewControls()
        window.add_top_bar_widget(self.controls)
        self.read_aloud = ReadAloud(self)
        self.tour = GuidedTour(window, self._tour_steps())
        self._connect()
        self._add_keys()
        self._show_size()
        self.controls.show_theme(self.theme.key)

    # -- wiring ------------------------------------------------------------------------

    def _connect(self) -> None:
        controls = self.controls
        controls.smaller_requested.connect(self.text_size.smaller)
        controls.bigger_requested.connect(self.text_size.bigger)
        controls.theme_chosen.connect(self.set_theme)
        controls.easy_reading_toggled.connect(
            lambda on: self.set_reading_style(EASY if on else USUAL))
        controls.read_aloud_requested.connect(self.toggle_reading_aloud)
        controls.tour_requested.connect(lambda: self.tour.start())
        self.text_size.size_changed.connect(self._size_changed)
        self.read_aloud.availability_found.connect(controls.set_read_aloud_available)
        self.read_aloud.speaking_changed.connect(controls.show_speaking)
        self.tour.tour_ended.connect(self._tour_ended)
        self._window.switch_learner_requested.connect(self.read_aloud.stop)

    def _add_keys(self) -> None:
        keys = (
            ("Bigger text", self.text_size.bigger,
             [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+="),
              QKeySequence("Ctrl++"),
              _keypad(Qt.Key.Key_Plus)]),
            ("Smaller text", self.text_size.smaller,
             [QKeySequence(QKeySequence.StandardKey.ZoomOut), QKeySequence("Ctrl+-"),
              _keypad(Qt.Key.Key_Minus)]),
            ("Usual text size", self.text_size.reset,
             [QKeySequence("Ctrl+0"),
              _keypad(Qt.Key.Key_0)]),
        )
        for text, slot, sequences in keys:
            action = QAction(text, self._window)
            # The platform's zoom keys may repeat one given here; Qt calls a repeat ambiguous.
            unique = {sequence.toString(): sequence for sequence in sequences
                      if not sequence.isEmpty()}
            action.setShortcuts(list(unique.values()))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self._window.addAction(action)

    def _tour_steps(self) -> list[TourStep]:
        window, controls = self._window, self.controls
        targets = (lambda: window.lesson, lambda: window.editor, lambda: window.check_button,
                   lambda: window.hints, lambda: controls.size_group,
                   lambda: controls.tour_button)
        return [TourStep(text, target) for text, target in zip(TOUR_STEPS_TEXT, targets,
                                                                strict=True)]

    # -- services and learners ---------------------------------------------------------

    @property
    def learner_id(self) -> str | None:
        """The learner whose choices are in use (None on the sign-in screen at first)."""
        return self._learner_id

    def attach(self, *, store: LearnerSettings, operations: JobRunner) -> None:
        """Use this store (through `operations`) to remember each learner's choices."""
        self._store = store
        self._operations = operations

    def start(self, *, speech_engines: list[str] | None = None) -> None:
        """Put the theme on, and look for the computer's voice off the GUI thread (the Read
        aloud button shows if one is found). Call after the window has first painted: a
        style sheet makes the first paint slower, and the voice takes a while to start."""
        apply_theme(self.theme)
        self.read_aloud.start(engines=speech_engines)

    def learner_signed_in(self, learner_id: str) -> None:
        """Bring back this learner's choices; plan the tour if they have never seen it."""
        self.read_aloud.stop()
        self._learner_id = learner_id
        self._tour_pending = False
        store, operations = self._store, self._operations
        if store is None or operations is None:
            return

        def load() -> dict[str, str | None]:
            return {key: store.learner_setting(learner_id, key) for key in SETTINGS}

        operations.run(load, lambda saved: self._apply_saved(learner_id, saved))

    def exercise_opened(self, _exercise_id: str = "") -> None:
        """Stop reading the old lesson; start the tour if this learner is new here."""
        self.read_aloud.stop()
        if self._tour_pending and self._window.workspace.isVisible():
            self._tour_pending = False
            self.tour.start(return_to=self._window.lesson)  # then start where they read

    def _apply_saved(self, learner_id: str, saved: dict[str, str | None]) -> None:
        if learner_id != self._learner_id:
            return  # another learner signed in meanwhile
        size = parse_text_size(saved.get(TEXT_SIZE_SETTING))
        if size is not None:
            self.text_size.set_percent(size)
        theme_key = saved.get(THEME_SETTING)
        if theme_key in THEMES:
            self.set_theme(str(theme_key), remember=False)
        reading = parse_reading_style(saved.get(READING_SETTING))
        if reading is not None:
            self.set_reading_style(reading, remember=False)
        self._tour_pending = not saved.get(TOUR_DONE_SETTING)
        self.learner_settings_applied.emit()

    def _remember(self, key: str, value: str) -> None:
        store, operations, learner_id = self._store, self._operations, self._learner_id
        if store is None or operations is None or learner_id is None:
            return  # on the sign-in screen: the choice stays for whoever signs in next
        operations.run(lambda: store.set_learner_setting(learner_id, key, value))

    # -- the choices -------------------------------------------------------------------

    def set_theme(self, key: str, *, remember: bool = True) -> None:
        """Show the app in the theme with this key ("light", "dark", "high-contrast")."""
        theme = theme_named(key)
        if theme.key != self.theme.key:
            self.theme = theme
            apply_theme(theme)
        self.controls.show_theme(theme.key)
        if remember:
            self._remember(THEME_SETTING, theme.key)

    def set_reading_style(self, key: str, *, remember: bool = True) -> None:
        """Turn easy reading on ("easy") or off ("usual") for the lesson and the hints."""
        self.reading_style = style_for(key)
        self._apply_reading_style()
        self.controls.show_easy_reading(self.reading_style.easy)
        if remember:
            self._remember(READING_SETTING, self.reading_style.key)

    def _apply_reading_style(self) -> None:
        style = self.reading_style
        # The application font is the text size (the window follows it a moment later).
        pixels = QFontInfo(QApplication.font()).pixelSize()
        font = make_reading_font(style, pixels)
        self._window.lesson.set_reading_style(font, style.line_height)
        self._window.hints.set_reading_style(font, style.line_height)

    def _size_changed(self, percent: int) -> None:
        self._show_size()
        # After the new font has reached the widgets (Qt passes it on through the event
        # loop), so the widths are shared out with the new minimum sizes in force.
        QTimer.singleShot(0, self._fit_panels)
        if self.reading_style.easy:
            self._apply_reading_style()  # the space between words follows the size
        self._remember(TEXT_SIZE_SETTING, str(percent))

    def _fit_panels(self) -> None:
        QApplication.sendPostedEvents()  # the font and layout changes still queued
        percent = self.text_size.percent()
        widths = [sizes for start, sizes in PANEL_WIDTHS if percent >= start][-1]
        self._window.set_panel_widths(*widths)

    def _show_size(self) -> None:
        size = self.text_size
        self.controls.show_size(size.percent(), can_shrink=size.can_shrink(),
                                can_grow=size.can_grow())

    # -- reading aloud and the tour ------------------------------------------------------

    def toggle_reading_aloud(self) -> None:
        """Read the lesson (or the part selected in it) aloud; stop if already reading."""
        if self.read_aloud.is_speaking():
            self.read_aloud.stop()
            return
        lesson = self._window.lesson
        selected = lesson.textCursor().selectedText().replace("\u2029", "\n")
        self.read_aloud.read(selected or lesson_speech_text(lesson.document()))

    def _tour_ended(self, _how: str) -> None:
        self._remember(TOUR_DONE_SETTING, "yes")

    def close(self) -> None:
        """Stop the voice and its thread, and put the application's look back as it was."""
        self.tour.hide()
        self.read_aloud.close()
        palette, sheet, theme_key = self._app_before
        self.text_size.restore_usual_font()
        self._app.setProperty(THEME_PROPERTY, theme_key)
        self._app.setPalette(palette)
        if self._app.styleSheet() != sheet:
            self._app.setStyleSheet(sheet)
