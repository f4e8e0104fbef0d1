"""Shows what a glossary word means, with its example and related words, as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.content.glossary import Glossary, GlossaryTerm
from tutor.ui.text_size import fixed_pitch_font

NOT_FOUND = "This word is not in the glossary yet. Ask your instructor what it means."
SEE_ALSO = "See also:"


def _plain_label(accessible_name: str) -> QLabel:
    label = QLabel("")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(accessible_name)
    return label


class GlossaryView(QWidget):
    """One glossary word: its meaning, an example, and buttons for related words."""

    term_shown = Signal(str)

    def __init__(self, glossary: Glossary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Glossary word")
        self._glossary = glossary
        self._term: GlossaryTerm | None = None

        self._title = _plain_label("Word")
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        self._title.setFont(title_font)
        self._meaning = _plain_label("Meaning")

        self._example = QPlainTextEdit()
        self._example.setReadOnly(True)
        self._example.setAccessibleName("Example")
        self._example.setFont(fixed_pitch_font())
        self._example.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._example.setMaximumHeight(140)

        self._see_also_label = QLabel(SEE_ALSO)
        self._see_also_label.setTextFormat(Qt.TextFormat.PlainText)
        self._see_also_row = QHBoxLayout()
        self._see_also_row.setContentsMargins(0, 0, 0, 0)
        self._see_also_row.addWidget(self._see_also_label)
        self._see_also_row.addStretch(1)
        self._see_also_buttons: list[QPushButton] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._title)
        layout.addWidget(self._meaning)
        layout.addWidget(self._example)
        layout.addLayout(self._see_also_row)
        layout.addStretch(1)
        self._show(None, "")

    def show_term(self, key: str) -> bool:
        """Show the word a `glossary:` link names; say so plainly when there is no such word."""
        term = self._glossary.get(key)
        self._show(term, key)
        if term is not None:
            self.term_shown.emit(term.key)
        return term is not None

    def shown_key(self) -> str | None:
        """The key of the word on show, or None when none is."""
        return self._term.key if self._term else None

    def title_text(self) -> str:
        """The word on show."""
        return self._title.text()

    def meaning_text(self) -> str:
        """What the word means, as shown."""
        return self._meaning.text()

    def example_text(self) -> str:
        """The example code, or "" when the word has none."""
        return self._example.toPlainText() if self._example.isVisibleTo(self) else ""

    def see_also_buttons(self) -> list[QPushButton]:
        """One button for each related word, in order."""
        return list(self._see_also_buttons)

    def _show(self, term: GlossaryTerm | None, key: str) -> None:
        self._term = term
        for button in self._see_also_buttons:
            self._see_also_row.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; it must vanish now
            button.deleteLater()
        self._see_also_buttons = []
        if term is None:
            self._title.setText(key)
            self._meaning.setText(NOT_FOUND if key else "")
            self._example.setPlainText("")
            self._example.setVisible(False)
            self._see_also_label.setVisible(False)
            return
        self._title.setText(term.term)
        # Meanings mark code with backticks, as lesson text does; shown as plain text, the
        # marks would only get in the way.
        self._meaning.setText(term.meaning.replace("`", ""))
        self._example.setPlainText(term.example)
        self._example.setVisible(bool(term.example))
        related = [other for other in (self._glossary.get(k) for k in term.see_also) if other]
        for position, other in enumerate(related, start=1):
            button = QPushButton(other.term)
            button.setAutoDefault(False)
            button.setAccessibleName(f"See also {other.term}")
            button.clicked.connect(lambda _checked=False, k=other.key: self.show_term(k))
            self._see_also_row.insertWidget(position, button)
            self._see_also_buttons.append(button)
        self._see_also_label.setVisible(bool(related))


class GlossaryDialog(QDialog):
    """A small window beside the lesson that shows glossary words; it does not block."""

    def __init__(self, glossary: Glossary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Glossary")
        self.setModal(False)
        self.view = GlossaryView(glossary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(420, 320)

    def show_term(self, key: str) -> None:
        """Show a word, opening the window (or bringing it to the front) to do so."""
        self.view.show_term(key)
        self.show()
        self.raise_()
        self.activateWindow()
