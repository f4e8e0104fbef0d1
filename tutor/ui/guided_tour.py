"""A short guided tour of the workspace for a learner's first time, and again on request.

Each step puts a thick frame around one area, dims the rest, and says one short sentence
beside it. The tour is driven by the keyboard as well as the mouse: Enter or the right
arrow goes on, the left arrow goes back, Esc skips the rest. Tab moves between the tour's
own buttons only, and focus goes back where it was when the tour ends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tutor.ui.themes import current_theme

NEXT = "Next"
BACK = "Back"
FINISH = "Finish"
SKIP = "Skip the tour"
FINISHED = "finished"
SKIPPED = "skipped"
FRAME_GAP = 4  # pixels between the area and its frame
_PAGE_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


@dataclass(frozen=True)
class TourStep:
    """One stop of the tour: the area to frame, and what to say about it."""

    text: str
    target: Callable[[], QWidget | None]


class GuidedTour(QWidget):
    """The tour, drawn over the window it explains; `start()` runs it from the first step."""

    step_shown = Signal(int)
    tour_ended = Signal(str)  # FINISHED or SKIPPED

    def __init__(self, window: QWidget, steps: Sequence[TourStep]) -> None:
        super().__init__(window)
        self.setAccessibleName("Tour")
        self._window = window
        self._steps = list(steps)
        self._index = 0
        self._return_focus: QWidget | None = None

        self.bubble = QFrame(self)
        self.bubble.setObjectName("tour_bubble")
        self.bubble.setAutoFillBackground(True)
        self.bubble.setFrameShape(QFrame.Shape.Box)
        self.bubble.setLineWidth(2)
        self.counter = QLabel()
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence = QLabel()
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setObjectName("tour_sentence")
        bigger = QFont(self.sentence.font())
        bigger.setPointSizeF(bigger.pointSizeF() * 1.25)  # scaled again with the text size
        bigger.setBold(True)
        self.sentence.setFont(bigger)
        self.back_button = QPushButton(BACK)
        self.next_button = QPushButton(NEXT)
        self.skip_button = QPushButton(SKIP)
        for button in (self.back_button, self.next_button, self.skip_button):
            button.setAutoDefault(False)
            # Buttons use the arrow keys to move between themselves; here they turn pages.
            button.installEventFilter(self)
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.skip_button.clicked.connect(self.skip)

        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self.bubble)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.counter)
        layout.addWidget(self.sentence)
        layout.addLayout(buttons)
        # Tab order inside the bubble: what to do next comes first.
        QWidget.setTabOrder(self.next_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.skip_button)

        window.installEventFilter(self)
        self.hide()

    # -- running the tour --------------------------------------------------------------

    def start(self, *, return_to: QWidget | None = None) -> None:
        """Show the first step. At the end the keyboard goes back to `return_to`, or else
        to where it was before."""
        if not self._steps:
            return
        focused = return_to or QApplication.focusWidget()
        if not self.isVisible():
            self._return_focus = focused if focused is not None and not self.isAncestorOf(
                focused) else None
        self.setGeometry(self._window.rect())
        self.show()
        self.raise_()
        self._show_step(0)

    def is_running(self) -> bool:
        """True while the tour is on screen."""
        return self.isVisible()

    def step_index(self) -> int:
        """The step on show, counting from 0."""
        return self._index

    def step_count(self) -> int:
        """How many steps the tour has."""
        return len(self._steps)

    def step_text(self) -> str:
        """The sentence on show."""
        return self.sentence.text()

    def target_rect(self) -> QRect:
        """Where the framed area is, in the tour's own coordinates (empty when hidden)."""
        target = self._steps[self._index].target() if self._steps else None
        if target is None or not target.isVisible():
            return QRect()
        top_left = target.mapTo(self._window, QPoint(0, 0))
        return QRect(top_left, target.size())

    def next_step(self) -> None:
        """Go on to the next step, or end the tour after the last one."""
        if self._index + 1 < len(self._steps):
            self._show_step(self._index + 1)
        else:
            self._end(FINISHED)

    def previous_step(self) -> None:
        """Go back one step."""
        if self._index > 0:
            self._show_step(self._index - 1)

    def skip(self) -> None:
        """End the tour now."""
        self._end(SKIPPED)

    # -- Qt events -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter, the arrows and Esc drive the tour."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.skip()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
                focused.click()
            else:
                self.next_step()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.next_step()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.previous_step()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802,A002 (Qt's names)
        """Tab stays among the tour's buttons while it runs."""
        stops = [button for button in (self.next_button, self.back_button, self.skip_button)
                 if button.isVisible() and button.isEnabled()]
        if not self.isVisible() or not stops:
            return super().focusNextPrevChild(next)
        focused = QApplication.focusWidget()
        index = stops.index(focused) if focused in stops else -1
        target = stops[(index + (1 if next else -1)) % len(stops)]
        target.setFocus(Qt.FocusReason.TabFocusReason if next
                        else Qt.FocusReason.BacktabFocusReason)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Follow the window's size; the arrow keys on the tour's buttons turn the page."""
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
            self._place_bubble()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _PAGE_KEYS and watched in (
                    self.back_button, self.next_button, self.skip_button):
            self.keyPressEvent(event)
            return True
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """Dim everything but the framed area, and draw the frame in the focus colour."""
        theme = current_theme()
        painter = QPainter(self)
        area = self.target_rect().adjusted(-FRAME_GAP, -FRAME_GAP, FRAME_GAP, FRAME_GAP)
        shade = QColor(0, 0, 0, 110)
        if area.isEmpty():
            painter.fillRect(self.rect(), shade)
        else:
            for part in _around(self.rect(), area):
                painter.fillRect(part, shade)
            width = max(4, theme.focus_width + 1)
            painter.setPen(QPen(QColor(theme.focus), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(area.adjusted(width // 2, width // 2, -width // 2, -width // 2))
        painter.end()

    # -- inside ----------------------------------------------------------------------

    def _show_step(self, index: int) -> None:
        self._index = index
        total = len(self._steps)
        text = self._steps[index].text
        self.counter.setText(f"Step {index + 1} of {total}")
        self.sentence.setText(text)
        last = index + 1 == total
        self.next_button.setText(FINISH if last else NEXT)
        self.next_button.setAccessibleName(FINISH if last else NEXT)
        # A screen reader reads the focused button's name and then its description.
        self.next_button.setAccessibleDescription(f"Step {index + 1} of {total}. {text}")
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(not last)  # on the last step, Finish does the same
        self.bubble.setAccessibleName(f"Tour, step {index + 1} of {total}")
        self._place_bubble()
        self.update()
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step_shown.emit(index)

    def _place_bubble(self) -> None:
        metrics = self.sentence.fontMetrics()
        width = min(max(320, metrics.averageCharWidth() * 36), self.width() - 24)
        layout = self.bubble.layout()
        assert layout is not None
        layout.activate()
        # The sentence wraps, so the bubble's height depends on its width.
        height = max(layout.totalHeightForWidth(width), layout.totalMinimumSize().height())
        self.bubble.setFixedSize(width, height)
        size = self.bubble.size()
        area = self.target_rect().adjusted(-FRAME_GAP - 8, -FRAME_GAP - 8,
                                           FRAME_GAP + 8, FRAME_GAP + 8)
        bounds = self.rect().adjusted(12, 12, -12, -12)
        if area.isEmpty():
            spot = QPoint(bounds.center().x() - size.width() // 2,
                          bounds.center().y() - size.height() // 2)
        else:
            # Beside the area where there is room: right, left, below, above; else inside.
            choices = [QPoint(area.right() + 1, area.top()),
                       QPoint(area.left() - size.width(), area.top()),
                       QPoint(area.left(), area.bottom() + 1),
                       QPoint(area.left(), area.top() - size.height())]
            spot = next((point for point in choices
                         if bounds.contains(QRect(point, size).adjusted(0, 0, -1, -1))
                         or _fits_after_clamping(QRect(point, size), bounds, area)),
                        QPoint(area.left() + 12, area.top() + 12))
        spot.setX(min(max(spot.x(), bounds.left()), bounds.right() - size.width()))
        spot.setY(min(max(spot.y(), bounds.top()), bounds.bottom() - size.height()))
        self.bubble.move(spot)

    def _end(self, how: str) -> None:
        if not self.isVisible():
            return
        # Give the keyboard back before hiding, so Qt need not find a new home for it.
        back_to, self._return_focus = self._return_focus, None
        try:
            if back_to is not None and back_to.isVisible():
                back_to.setFocus(Qt.FocusReason.OtherFocusReason)
        except RuntimeError:
            pass  # the control went away while the tour ran (a new exercise opened)
        self.hide()
        self.tour_ended.emit(how)


def _fits_after_clamping(box: QRect, bounds: QRect, area: QRect) -> bool:
    """True when sliding `box` inside `bounds` leaves it clear of `area`."""
    moved = QRect(box)
    moved.moveLeft(min(max(box.left(), bounds.left()), bounds.right() - box.width()))
    moved.moveTop(min(max(box.top(), bounds.top()), bounds.bottom() - box.height()))
    return bounds.contains(moved) and not moved.intersects(area)


def _around(whole: QRect, hole: QRect) -> list[QRect]:
    """Four rectangles that cover `whole` except `hole`."""
    hole = hole.intersected(whole)
    return [QRect(whole.left(), whole.top(), whole.width(), hole.top() - whole.top()),
            QRect(whole.left(), hole.bottom() + 1, whole.width(), whole.bottom() - hole.bottom()),
            QRect(whole.left(), hole.top(), hole.left() - whole.left(), hole.height()),
            QRect(hole.right() + 1, hole.top(), whole.right() - hole.right(), hole.height())]
