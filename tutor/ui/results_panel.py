"""Shows how a check run went: a headline, then each check with what to fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from sandbox.results import CheckReport, TestOutcome
from tutor.ui.text_size import fixed_pitch_font
from tutor.ui.themes import set_tone

PASS_MARK = "✓ Pass"
FAIL_MARK = "✗ Not yet"


def headline_for(report: CheckReport) -> str:
    """The one line a learner reads first about a check run."""
    if report.error:
        return report.error
    total = len(report.tests)
    passed = sum(1 for test in report.tests if test.passed)
    if total == 0:
        return "Well done! It all works." if report.passed else "No checks ran."
    if passed == total:
        return "The check passes. Well done!" if total == 1 else (
            f"All {total} checks pass. Well done!")
    if total == 1:
        return "The check does not pass yet. Read what to fix below."
    return f"{passed} of {total} checks pass. Fix the first one next."


def _plain_label(text: str) -> QLabel:
    # A label's accessible name is its text, so screen readers read what is shown.
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never read outside text as markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class _CheckRow(QFrame):
    """One check: a mark in symbol and words, its name, and its message."""

    def __init__(self, outcome: TestOutcome) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        mark = PASS_MARK if outcome.passed else FAIL_MARK
        if outcome.status == "skipped":
            mark = "– Skipped"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        title = _plain_label(f"{mark}: {outcome.name}")
        # Green or red by theme (each keeps its contrast there); the words say it too.
        set_tone(title, "passed" if outcome.passed else "failed")
        layout.addWidget(title)
        first_line, _, detail = outcome.message.strip().partition("\n")
        self.message_label: QLabel | None = None
        self.detail_label: QLabel | None = None
        if first_line:
            self.message_label = _plain_label(first_line)
            bold = QFont(self.message_label.font())
            bold.setBold(True)
            self.message_label.setFont(bold)
            layout.addWidget(self.message_label)
        if detail.strip():
            self.detail_label = _plain_label(detail.strip("\n"))
            self.detail_label.setFont(fixed_pitch_font())
            layout.addWidget(self.detail_label)
        self.title_label = title


class ResultsPanel(QWidget):
    """The results of the last check run, in words a learner can act on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Check results")
        self._headline = _plain_label("")
        headline_font = QFont(self._headline.font())
        headline_font.setBold(True)
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.2)
        self._headline.setFont(headline_font)
        self._headline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        # The headline scrolls with the checks, so at any text size none of it is cut off.
        self._rows = QWidget()
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.addWidget(self._headline)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._rows)
        scroll.setAccessibleName("Checks")
        # Tab goes to the headline and each check (the area scrolls to show them).
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll, 1)
        self.clear()

    def headline(self) -> str:
        """The headline as the learner sees it."""
        return self._headline.text()

    def check_rows(self) -> list[_CheckRow]:
        """The rows on show, one per check, in order."""
        items = (self._rows_layout.itemAt(i) for i in range(self._rows_layout.count()))
        return [row for item in items
                if item is not None and isinstance(row := item.widget(), _CheckRow)]

    def clear(self) -> None:
        """Show nothing but a line saying how to get results."""
        self._set_rows(())
        self._headline.setText("Run the checks to see how your work is doing.")

    def show_running(self) -> None:
        """Say that the checks are running."""
        self._set_rows(())
        self._headline.setText("Checking your work…")

    def show_report(self, report: CheckReport) -> None:
        """Show a finished run: the headline, then every check in order."""
        self._headline.setText(headline_for(report))
        self._set_rows(report.tests)

    def _set_rows(self, outcomes: tuple[TestOutcome, ...]) -> None:
        for row in self.check_rows():
            self._rows_layout.removeWidget(row)
            row.hide()  # deleteLater waits for the event loop; it must vanish now
            row.deleteLater()
        for index, outcome in enumerate(outcomes, start=1):  # after the headline
            self._rows_layout.insertWidget(index, _CheckRow(outcome))
