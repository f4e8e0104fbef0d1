"""The order Tab moves through the workspace: one panel after another, as a person reads it.

Qt's own Tab order is the order widgets joined the window, and panels add widgets as the
learner works (a hint, a check's result, a new file). Those would otherwise land at the very
end of the order. Instead, Tab goes through the panels in a fixed order and, inside each
panel, through its controls in Qt's order:

1. the course outline and search (with their tabs),
2. the lesson (Tab first visits its links),
3. the hints,
4. the code editor (Tab indents there; Ctrl+Tab moves on), then Check my code, Start
   again and the other buttons under it,
5. the work area: the page preview, the SQL result, or the git console and graph,
6. the results, console and feedback (with their tabs),
7. the top bar: text size, display, read aloud, tour, change learner, staff, about.

Shift+Tab goes the same way backwards, and both wrap around.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget


class Workspace(Protocol):
    """What the focus order needs of the main window: its panels."""

    @property
    def left_tabs(self) -> QWidget: ...
    @property
    def lesson(self) -> QWidget: ...
    @property
    def hints(self) -> QWidget: ...
    @property
    def editor(self) -> QWidget: ...
    @property
    def work_area(self) -> QWidget: ...
    @property
    def bottom_tabs(self) -> QWidget: ...
    @property
    def workspace(self) -> QWidget: ...


def focus_regions(window: Workspace) -> list[QWidget]:
    """The panels, in the order Tab visits them; the last one holds whatever is left."""
    editor_column = window.editor.parentWidget() or window.editor
    return [window.left_tabs, window.lesson, window.hints, editor_column, window.work_area,
            window.bottom_tabs, window.workspace]


def is_tab_stop(widget: QWidget) -> bool:
    """True for a control that Tab should land on now."""
    return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible()
            and widget.isEnabled() and widget.focusProxy() is None and not widget.isWindow())


def tab_stops(window: Workspace) -> list[QWidget]:
    """Every control Tab lands on in the workspace now, in order."""
    root = window.workspace.window()
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and len(chain) < 10_000:
        if is_tab_stop(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    ordered: list[QWidget] = []
    placed: set[int] = set()
    regions = focus_regions(window)
    for region in regions:
        found = [stop for stop in chain if id(stop) not in placed
                 and (stop is region or region.isAncestorOf(stop))]
        if region is regions[-1]:
            # What is left is the top bar, where controls are added as the app starts:
            # go left to right as it shows them.
            found.sort(key=lambda stop: _position(stop, root))
        ordered.extend(found)
        placed.update(id(stop) for stop in found)
    return ordered


def _position(widget: QWidget, root: QWidget) -> tuple[int, int]:
    middle = widget.mapTo(root, QPoint(0, widget.height() // 2))
    return middle.y() // 16, middle.x()  # a row, then left to right along it


def move_focus(window: Workspace, forward: bool) -> bool:
    """Move the keyboard focus one stop on (or back); False when focus is not in the workspace."""
    focused = QApplication.focusWidget()
    if focused is None or not window.workspace.isVisible() \
            or not window.workspace.isAncestorOf(focused):
        return False
    stops = tab_stops(window)
    if not stops:
        return False
    current: QWidget | None = focused
    # Focus may sit inside a control that is not a stop itself (the page in the preview):
    # count it as the stop around it.
    while current is not None and current not in stops:
        current = current.parentWidget()
    if current is None:
        return False
    index = stops.index(current)
    target = stops[(index + (1 if forward else -1)) % len(stops)]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    target.setFocus(reason)
    return True
