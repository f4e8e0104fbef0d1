"""About this installation: version, the browser sandbox, and the promise of no network."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def about_text(*, version: str, sandbox_reason: str, exercises: int) -> str:
    """The plain text shown in the About box."""
    return "\n\n".join([
        f"Tutor version {version}",
        f"Lessons installed: {exercises} exercises.",
        sandbox_reason,
        "Tutor makes no network connections. Learner pages can only load files that "
        "Tutor gives them from memory.",
    ])


class AboutDialog(QDialog):
    """A small window with facts about this installation, as plain text."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About this installation")
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(420)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
