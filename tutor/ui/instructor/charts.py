"""Small charts drawn with QPainter: a bar chart, and a timeline of a learner's days.

Both label their axes in plain words and carry a text summary as their accessible
description, so what a chart shows can also be read aloud. Words and axes are in the theme's
text colour; bars start from the colours below and are made lighter on a dark theme until
they stand out from the background by at least 3 to 1 (WCAG's measure for graphics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from tutor.store.dashboard import DayActivity
from tutor.ui.highlighter import readable_color
from tutor.ui.instructor.wording import plain_tooltip

BAR_COLOUR = QColor("#4a7ab5")
PASS_COLOUR = QColor("#1b7a3a")
FAIL_COLOUR = QColor("#e0a040")
# Under the hatching of checks that did not pass: a pale wash of FAIL_COLOUR.
FAIL_WASH = 0.3
GRAPHICS_CONTRAST = 3.0


def nice_step(largest: float, ticks: int = 4) -> int:
    """A round step for axis ticks (1, 2, 5, 10, 20, 50...) so about `ticks` of them fit."""
    rough = max(largest / ticks, 1)
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= rough:
                return step * factor
        step *= 10


@dataclass(frozen=True)
class Bar:
    """One bar: its label under the axis, its height, and what hovering it says."""

    label: str
    value: int
    description: str = ""


class _Chart(QWidget):
    """What both charts share: margins, axis titles, the y axis and an empty message."""

    def __init__(self, *, x_title: str, y_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.x_title, self.y_title = x_title, y_title
        self.empty_text = "Nothing to show yet."
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader can reach it

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(480, 220)

    def text_colour(self) -> QColor:
        """The colour for words and axes: the theme's text colour, so it reads in any theme."""
        return self.palette().color(QPalette.ColorRole.WindowText)

    def shape_colour(self, colour: QColor) -> QColor:
        """`colour` for a bar, made to stand out from the chart's background in this theme."""
        return readable_color(colour, self.palette().color(QPalette.ColorRole.Window),
                              GRAPHICS_CONTRAST)

    def fail_wash(self) -> QColor:
        """The pale fill under the hatching of checks that did not pass, in this theme."""
        background = self.palette().color(QPalette.ColorRole.Window)
        return QColor.fromRgbF(*(FAIL_WASH * a + (1 - FAIL_WASH) * b for a, b in (
            (FAIL_COLOUR.redF(), background.redF()), (FAIL_COLOUR.greenF(), background.greenF()),
            (FAIL_COLOUR.blueF(), background.blueF()))))

    def _plot_area(self, metrics: QFontMetrics, largest: int) -> QRectF:
        left = metrics.height() + 8 + metrics.horizontalAdvance(str(largest)) + 6
        bottom = metrics.height() * 2 + 10
        return QRectF(left, 8, max(10, self.width() - left - 10),
                      max(10, self.height() - bottom - 8))

    def _draw_frame(self, painter: QPainter, area: QRectF, largest: int) -> int:
        """Draw the y axis with round ticks, and both axis titles; return the axis top value."""
        metrics = painter.fontMetrics()
        step = nice_step(largest)
        top = max(step, ((largest + step - 1) // step) * step)
        painter.setPen(self.text_colour())
        for value in range(0, top + 1, step):
            y = area.bottom() - area.height() * value / top
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid)))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(self.text_colour())
            painter.drawText(QRectF(0, y - metrics.height() / 2, area.left() - 4,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(value))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawText(QRectF(area.left(), self.height() - metrics.height() - 2,
                                area.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, self.x_title)
        painter.save()
        painter.translate(2, area.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-area.height() / 2, 0, area.height(), metrics.height()),
                         Qt.AlignmentFlag.AlignCenter, self.y_title)
        painter.restore()
        return top

    def _draw_empty(self, painter: QPainter) -> None:
        painter.setPen(self.text_colour())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)


class BarChart(_Chart):
    """Bars with a label under each, such as learners by checks needed to pass.

    Hovering a bar shows its description; clicking it says which bar it was.
    """

    bar_clicked = Signal(int)

    def __init__(self, *, x_title: str, y_title: str, parent: QWidget | None = None) -> None:
        super().__init__(x_title=x_title, y_title=y_title, parent=parent)
        self.bars: tuple[Bar, ...] = ()
        self.setMouseTracking(True)

    def bar_at(self, x: float) -> int | None:
        """The number of the bar drawn at this x position, or None."""
        if not self.bars:
            return None
        area = self._plot_area(self.fontMetrics(), max(bar.value for bar in self.bars))
        if not area.left() <= x < area.right():
            return None
        return min(len(self.bars) - 1, int((x - area.left()) / (area.width() / len(self.bars))))

    def bar_centre(self, number: int) -> QPointF:
        """Where the middle of a bar's column is, half way up the plot."""
        area = self._plot_area(self.fontMetrics(), max((bar.value for bar in self.bars),
                                                       default=1))
        slot = area.width() / max(1, len(self.bars))
        return QPointF(area.left() + slot * (number + 0.5), area.center().y())

    def event(self, event: QEvent) -> bool:
        """Show the description of the bar under the mouse as its tooltip."""
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            number = self.bar_at(event.pos().x())
            if number is not None and self.bars[number].description:
                QToolTip.showText(event.globalPos(),
                                  plain_tooltip(self.bars[number].description), self)
                return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        number = self.bar_at(event.position().x())
        if number is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(number)
        super().mousePressEvent(event)

    def set_bars(self, bars: Sequence[Bar], summary: str) -> None:
        """Show these bars; `summary` says in words what they show."""
        self.bars = tuple(bars)
        self.setAccessibleDescription(summary)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.bars or not any(bar.value for bar in self.bars):
            self._draw_empty(painter)
            painter.end()
            return
        largest = max(bar.value for bar in self.bars)
        metrics = painter.fontMetrics()
        area = self._plot_area(metrics, largest)
        top = self._draw_frame(painter, area, largest)
        slot = area.width() / len(self.bars)
        label_every = max(1, int((metrics.horizontalAdvance("000") + 4) // max(slot, 1)) + 1)
        bar_colour = self.shape_colour(BAR_COLOUR)
        for number, bar in enumerate(self.bars):
            height = area.height() * bar.value / top
            rect = QRectF(area.left() + slot * number + slot * 0.15, area.bottom() - height,
                          slot * 0.7, height)
            painter.fillRect(rect, bar_colour)
            if bar.value and slot >= metrics.horizontalAdvance(str(bar.value)) + 2:
                painter.setPen(self.text_colour())
                painter.drawText(QRectF(rect.left() - 10, rect.top() - metrics.height() - 1,
                                        rect.width() + 20, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, str(bar.value))
            if number % label_every == 0:
                painter.setPen(self.text_colour())
                painter.drawText(QRectF(area.left() + slot * number - 10, area.bottom() + 2,
                                        slot + 20, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, bar.label)
        painter.end()


class TimelineChart(_Chart):
    """A learner's days from first to last: checks run each day, the passing ones marked.

    Each day's bar is split: checks that passed at the bottom, solid green; checks that did
    not pass above, light orange with hatching, so the two differ without colour too.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(x_title="Day", y_title="Checks run", parent=parent)
        self.days: tuple[DayActivity, ...] = ()
        self.empty_text = "No checks yet."

    def set_days(self, days: Sequence[DayActivity]) -> None:
        """Show these days (oldest first); days with nothing in between are left empty."""
        self.days = tuple(days)
        checks = sum(day.checks for day in self.days)
        passes = sum(day.passes for day in self.days)
        summary = (f"{checks} checks on {len(self.days)} days, {passes} of them passed."
                   if self.days else self.empty_text)
        if self.days:
            summary += f" From {self.days[0].day:%d %b %Y} to {self.days[-1].day:%d %b %Y}."
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        if not self.days or not any(day.checks for day in self.days):
            self._draw_empty(painter)
            painter.end()
            return
        first, last = self.days[0].day, self.days[-1].day
        span = (last - first).days + 1
        by_day = {day.day: day for day in self.days}
        largest = max(day.checks for day in self.days)
        metrics = painter.fontMetrics()
        area = self._plot_area(metrics, largest)
        area.setTop(area.top() + metrics.height() + 4)  # room for the key above
        top = self._draw_frame(painter, area, largest)
        slot = area.width() / span
        hatched = QBrush(self.shape_colour(FAIL_COLOUR), Qt.BrushStyle.BDiagPattern)
        wash, passed = self.fail_wash(), self.shape_colour(PASS_COLOUR)
        for offset in range(span):
            day = by_day.get(first + timedelta(days=offset))
            if day is None or not day.checks:
                continue
            x = area.left() + slot * offset + (slot * 0.1 if slot > 4 else 0)
            width = max(1.0, slot * 0.8 if slot > 4 else slot)
            pass_height = area.height() * day.passes / top
            fail_height = area.height() * (day.checks - day.passes) / top
            failing = QRectF(x, area.bottom() - pass_height - fail_height, width, fail_height)
            painter.fillRect(failing, wash)
            painter.fillRect(failing, hatched)
            painter.fillRect(QRectF(x, area.bottom() - pass_height, width, pass_height),
                             passed)
        self._draw_dates(painter, area, first, span, slot)
        self._draw_key(painter, area)
        painter.end()

    def _draw_dates(self, painter: QPainter, area: QRectF, first: date, span: int,
                    slot: float) -> None:
        metrics = painter.fontMetrics()
        label_width = metrics.horizontalAdvance("00 Mmm") + 12
        every = max(1, int(label_width // max(slot, 0.1)) + 1)
        painter.setPen(self.text_colour())
        for offset in range(0, span, every):
            x = area.left() + slot * offset
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 3))
            painter.drawText(QRectF(x - label_width / 2 + slot / 2, area.bottom() + 3,
                                    label_width, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter,
                             f"{(first + timedelta(days=offset)):%d %b}")

    def _draw_key(self, painter: QPainter, area: QRectF) -> None:
        metrics = painter.fontMetrics()
        y = 2
        box = metrics.height() - 4
        x = area.right() - metrics.horizontalAdvance("passed   did not pass") - box * 2 - 24
        painter.fillRect(QRectF(x, y + 2, box, box), self.shape_colour(PASS_COLOUR))
        painter.setPen(self.text_colour())
        painter.drawText(QPointF(x + box + 4, y + metrics.ascent()), "passed")
        x += box + 10 + metrics.horizontalAdvance("passed")
        painter.fillRect(QRectF(x, y + 2, box, box), self.fail_wash())
        painter.fillRect(QRectF(x, y + 2, box, box), QBrush(self.shape_colour(FAIL_COLOUR),
                                                             Qt.BrushStyle.BDiagPattern))
        painter.drawText(QPointF(x + box + 4, y + metrics.ascent()), "did not pass")
