"""The top-bar controls for seeing and hearing the lesson: text size, colours, read aloud, tour."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QWidget

from tutor.ui.themes import THEMES

SMALLER = "A−"
BIGGER = "A+"
READ_ALOUD = "Read aloud"
STOP_READING = "Stop reading"
TOUR = "Tour"
DISPLAY = "Display"
EASY_READING = "Easy reading"
READ_HELP = "Read the lesson to me. Select some text first to hear only that part."


def _button(text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    return button


class ViewControls(QWidget):
    """A-, the size, A+; the Display menu (colours, easy reading); Read aloud; Tour."""

    smaller_requested = Signal()
    bigger_requested = Signal()
    theme_chosen = Signal(str)
    easy_reading_toggled = Signal(bool)
    read_aloud_requested = Signal()
    tour_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Text size, display and help")
        self.smaller_button = _button(SMALLER, "Make the text smaller",
                                      "Make the text smaller (Ctrl and -)")
        self.size_label = QLabel("100%")
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_label.setAccessibleName("Text size 100 per cent")
        # Never narrower than its text, whatever else wants the room in the top bar.
        self.size_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.bigger_button = _button(BIGGER, "Make the text bigger",
                                     "Make the text bigger (Ctrl and +)")
        self.smaller_button.clicked.connect(self.smaller_requested)
        self.bigger_button.clicked.connect(self.bigger_requested)
        # The three size controls sit together so the tour can point at them as one.
        self.size_group = QWidget()
        self.size_group.setAccessibleName("Text size")
        size_row = QHBoxLayout(self.size_group)
        size_row.setContentsMargins(0, 0, 0, 0)
        size_row.setSpacing(2)
        size_row.addWidget(self.smaller_button)
        size_row.addWidget(self.size_label)
        size_row.addWidget(self.bigger_button)

        self.display_button = _button(DISPLAY, "Display: colours and easy reading",
                                      "Change the colours, or make the lesson easier to read")
        self.display_menu = QMenu(DISPLAY, self)
        self.display_menu.setAccessibleName("Display")
        self._theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for key, theme in THEMES.items():
            action = self.display_menu.addAction(f"{theme.label} colours"
                                                 if key != "high-contrast" else theme.label)
            action.setCheckable(True)
            action.setData(key)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.theme_chosen.emit(k))
            self._theme_actions[key] = action
        self.display_menu.addSeparator()
        self.easy_reading_action = self.display_menu.addAction(EASY_READING)
        self.easy_reading_action.setCheckable(True)
        self.easy_reading_action.setToolTip("A clear font, with more space between letters "
                                            "and lines")
        self.easy_reading_action.toggled.connect(self.easy_reading_toggled)
        self.display_button.setMenu(self.display_menu)

        self.read_button = _button(READ_ALOUD, "Read the lesson aloud", READ_HELP)
        self.read_button.clicked.connect(self.read_aloud_requested)
        self.read_button.hide()  # shown only when the computer has a voice
        self.tour_button = _button(TOUR, "Tour: show me around",
                                   "A short tour of where to read, type and check")
        self.tour_button.clicked.connect(self.tour_requested)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.size_group)
        row.addWidget(self.display_button)
        row.addWidget(self.read_button)
        row.addWidget(self.tour_button)

    def show_size(self, percent: int, *, can_shrink: bool, can_grow: bool) -> None:
        """Show the text size, and grey out A- or A+ at the ends of the scale."""
        self.size_label.setText(f"{percent}%")
        self.size_label.setAccessibleName(f"Text size {percent} per cent")
        self.smaller_button.setEnabled(can_shrink)
        self.bigger_button.setEnabled(can_grow)

    def show_theme(self, key: str) -> None:
        """Tick the theme in use."""
        action = self._theme_actions.get(key)
        if action is not None:
            action.setChecked(True)

    def theme_action(self, key: str) -> QAction:
        """The menu item that picks a theme."""
        return self._theme_actions[key]

    def show_easy_reading(self, on: bool) -> None:
        """Tick (or untick) Easy reading without announcing a change."""
        blocked = self.easy_reading_action.blockSignals(True)
        self.easy_reading_action.setChecked(on)
        self.easy_reading_action.blockSignals(blocked)

    def set_read_aloud_available(self, available: bool) -> None:
        """Show the Read aloud button only when the computer has a voice."""
        self.read_button.setVisible(available)

    def show_speaking(self, speaking: bool) -> None:
        """Turn the Read aloud button into a Stop button while the voice reads."""
        self.read_button.setText(STOP_READING if speaking else READ_ALOUD)
        self.read_button.setAccessibleName(STOP_READING if speaking
                                           else "Read the lesson aloud")
