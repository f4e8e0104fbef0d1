"""Draws a repository's commits as a graph, the way a teacher draws one on a whiteboard."""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedLayout, QWidget

EMPTY_TEXT = "No commits yet. Make your first commit with git commit."
ROW_HEIGHT = 30
LANE_WIDTH = 22
NODE_RADIUS = 6
MARGIN = 12
LANE_COLORS = [QColor(name) for name in  # a palette that colour-blind people can tell apart
               ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")]
# Label kinds: (fill, text). The text colours read well (over 4.5:1) on their fills.
LABEL_COLORS = {
    "head": (QColor("#0b3d91"), QColor("#ffffff")),
    "local": (QColor("#d8f2de"), QColor("#135e2a")),
    "remote": (QColor("#fde0db"), QColor("#9c1c10")),
    "tag": (QColor("#fff0bf"), QColor("#5c4300")),
}
SHA_COLOR = QColor("#555555")  # the light theme's; a theme's own grey is used when drawn


@dataclass(frozen=True)
class GraphLabel:
    """A name shown beside a commit: HEAD, a branch, a remote branch or a tag."""

    text: str
    kind: str  # "head", "local", "remote" or "tag"


@dataclass
class GraphRow:
    """One commit on its own row, in the column (lane) it is drawn in."""

    sha: str
    short: str
    summary: str
    column: int
    labels: list[GraphLabel] = field(default_factory=list)
    is_head: bool = False


@dataclass(frozen=True)
class GraphEdge:
    """A line from a commit down to one of its parents, travelling in one lane between them.

    A parent that is not in the list (older history left out) has parent_row equal to the
    number of rows, so the line runs off the bottom.
    """

    child_row: int
    parent_row: int
    child_column: int
    parent_column: int
    lane: int


@dataclass
class GraphLayout:
    """Where every commit and line goes."""

    rows: list[GraphRow] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    lane_count: int = 0


def order_children_first(commits: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Keep the given order (newest first) but make sure no commit comes before its children."""
    unique = list({commit["sha"]: commit for commit in commits}.values())
    index_of = {commit["sha"]: index for index, commit in enumerate(unique)}
    children_left = [0] * len(unique)
    for commit in unique:
        for parent in set(commit["parents"]):
            if parent in index_of:
                children_left[index_of[parent]] += 1
    ready = [index for index, count in enumerate(children_left) if count == 0]
    heapq.heapify(ready)
    ordered: list[Mapping[str, Any]] = []
    while ready:
        index = heapq.heappop(ready)
        ordered.append(unique[index])
        for parent in set(unique[index]["parents"]):
            parent_index = index_of.get(parent)
            if parent_index is not None:
                children_left[parent_index] -= 1
                if children_left[parent_index] == 0:
                    heapq.heappush(ready, parent_index)
    placed = {commit["sha"] for commit in ordered}
    return ordered + [commit for commit in unique if commit["sha"] not in placed]


def _free_lane(lanes: list[str | None]) -> int:
    # Reusing the leftmost free lane keeps the drawing narrow.
    for index, wanted in enumerate(lanes):
        if wanted is None:
            return index
    lanes.append(None)
    return len(lanes) - 1


def _labels_by_sha(head: str | None, head_branch: str | None, branches: Mapping[str, str],
                   remote_branches: Mapping[str, str],
                   tags: Mapping[str, str]) -> dict[str, list[GraphLabel]]:
    labels: dict[str, list[GraphLabel]] = {}
    head_sha = head or (branches.get(head_branch) if head_branch else None)
    if head_sha:
        text = f"HEAD -> {head_branch}" if head_branch else "HEAD"
        labels.setdefault(head_sha, []).append(GraphLabel(text, "head"))
    for names, kind, prefix in ((branches, "local", ""), (remote_branches, "remote", ""),
                                (tags, "tag", "tag: ")):
        for name in sorted(names):
            if kind == "local" and name == head_branch:
                continue  # already shown as "HEAD -> name"
            labels.setdefault(names[name], []).append(GraphLabel(prefix + name, kind))
    return labels


def lay_out(commits: Sequence[Mapping[str, Any]], *, head: str | None = None,
            head_branch: str | None = None, branches: Mapping[str, str] | None = None,
            remote_branches: Mapping[str, str] | None = None,
            tags: Mapping[str, str] | None = None) -> GraphLayout:
    """Give each commit a row and a lane, so that lines between them cross as little as can be."""
    ordered = order_children_first(commits)
    labels = _labels_by_sha(head, head_branch, branches or {}, remote_branches or {}, tags or {})
    head_sha = head or (branches or {}).get(head_branch or "")
    layout = GraphLayout()
    lanes: list[str | None] = []  # the sha each lane is waiting to reach
    waiting_lines: dict[str, list[tuple[int, int, int]]] = {}  # parent -> (row, column, lane)
    for row, commit in enumerate(ordered):
        sha = commit["sha"]
        expected_in = [index for index, wanted in enumerate(lanes) if wanted == sha]
        column = expected_in[0] if expected_in else _free_lane(lanes)
        for index in expected_in:
            lanes[index] = None
        for child_row, child_column, lane in waiting_lines.pop(sha, []):
            layout.edges.append(GraphEdge(child_row, row, child_column, column, lane))
        for number, parent in enumerate(dict.fromkeys(commit["parents"])):
            if number == 0:
                lane = column  # the first parent carries straight on down, as a teacher draws
            elif parent in lanes:
                lane = lanes.index(parent)  # join the line already heading there
            else:
                lane = _free_lane(lanes)
            lanes[lane] = parent
            waiting_lines.setdefault(parent, []).append((row, column, lane))
        layout.lane_count = max(layout.lane_count, len(lanes))
        while lanes and lanes[-1] is None:
            lanes.pop()
        message = str(commit.get("message", ""))
        layout.rows.append(GraphRow(
            sha=sha, short=str(commit.get("short") or sha[:7]),
            summary=message.strip().splitlines()[0] if message.strip() else "",
            column=column, labels=labels.get(sha, []), is_head=sha == head_sha))
    for waiting in waiting_lines.values():
        for child_row, child_column, lane in waiting:
            layout.edges.append(GraphEdge(child_row, len(ordered), child_column, lane, lane))
    return layout


def describe(layout: GraphLayout, head_branch: str | None) -> str:
    """A short summary for screen readers, such as "3 commits. HEAD is on main."."""
    count = len(layout.rows)
    if count == 0:
        return EMPTY_TEXT
    summary = "1 commit." if count == 1 else f"{count} commits."
    head_row = next((row for row in layout.rows if row.is_head), None)
    if head_branch:
        return f"{summary} HEAD is on {head_branch}."
    if head_row is not None:
        return f"{summary} HEAD is not on a branch. It is at commit {head_row.short}."
    return summary


def node_center(column: float, row: float) -> QPointF:
    """Where the circle for a commit in this lane and row sits on the drawing."""
    return QPointF(MARGIN + column * LANE_WIDTH + LANE_WIDTH / 2,
                   MARGIN + row * ROW_HEIGHT + ROW_HEIGHT / 2)


def edge_path(edge: GraphEdge, row_count: int) -> QPainterPath:
    """The line for one edge: down its lane, with soft bends where it changes lane."""
    start = node_center(edge.child_column, edge.child_row)
    if edge.parent_row >= row_count:  # the parent is older than the history shown
        end = QPointF(node_center(edge.lane, 0).x(), MARGIN + row_count * ROW_HEIGHT + MARGIN)
    else:
        end = node_center(edge.parent_column, edge.parent_row)
    points = [start]
    if edge.parent_row - edge.child_row > 1:
        points.append(node_center(edge.lane, edge.child_row + 1))
        if edge.parent_row < row_count:
            points.append(node_center(edge.lane, edge.parent_row - 1))
    points.append(end)
    path = QPainterPath(start)
    for before, after in zip(points, points[1:], strict=False):
        if before.x() == after.x():
            path.lineTo(after)
        else:
            middle = (before.y() + after.y()) / 2
            path.cubicTo(QPointF(before.x(), middle), QPointF(after.x(), middle), after)
    return path


class _GraphCanvas(QWidget):
    """Paints the rows that are in view; the scroll area around it does the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.layout_data = GraphLayout()
        self.setAccessibleName("Commit graph drawing")
        self._text_font = QFont(self.font())
        self._sha_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._label_font = QFont(self.font())
        self._label_font.setBold(True)

    def set_layout_data(self, layout: GraphLayout) -> None:
        self.layout_data = layout
        self.setMinimumHeight(2 * MARGIN + len(layout.rows) * ROW_HEIGHT)
        self.setMinimumWidth(self.text_left() + 360)
        self.update()

    def text_left(self) -> int:
        return MARGIN + max(self.layout_data.lane_count, 1) * LANE_WIDTH + 8

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(event.rect(), self.palette().base())
        rows = self.layout_data.rows
        first = max(0, (event.rect().top() - MARGIN) // ROW_HEIGHT - 1)
        last = min(len(rows), (event.rect().bottom() - MARGIN) // ROW_HEIGHT + 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for edge in self.layout_data.edges:
            if edge.parent_row >= first and edge.child_row <= last:
                color = LANE_COLORS[edge.lane % len(LANE_COLORS)]
                painter.setPen(QPen(color, 2.5))
                painter.drawPath(edge_path(edge, len(rows)))
        for index in range(first, last):
            self._paint_row(painter, index, rows[index])
        painter.end()

    def _paint_row(self, painter: QPainter, index: int, row: GraphRow) -> None:
        center = node_center(row.column, index)
        painter.setPen(QPen(self.palette().text().color(), 2 if row.is_head else 1.5))
        painter.setBrush(LANE_COLORS[row.column % len(LANE_COLORS)])
        radius = NODE_RADIUS + (2 if row.is_head else 0)
        painter.drawEllipse(center, radius, radius)
        x = float(self.text_left())
        top = MARGIN + index * ROW_HEIGHT
        painter.setFont(self._label_font)
        metrics = QFontMetrics(self._label_font)
        for label in row.labels:
            text = metrics.elidedText(label.text, Qt.TextElideMode.ElideMiddle, 200)
            fill, ink = LABEL_COLORS[label.kind]
            box = QRectF(x, top + 5, metrics.horizontalAdvance(text) + 12, ROW_HEIGHT - 10)
            painter.setPen(QPen(ink, 1))
            painter.setBrush(fill)
            painter.drawRoundedRect(box, 5, 5)
            # drawText with a plain string: the name is drawn as it is, never as markup.
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x = box.right() + 5
        painter.setFont(self._sha_font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        sha_width = QFontMetrics(self._sha_font).horizontalAdvance(row.short) + 10
        painter.drawText(QRectF(x + 3, top, sha_width, ROW_HEIGHT),
                         Qt.AlignmentFlag.AlignVCenter, row.short)
        x += sha_width + 3
        painter.setFont(self._text_font)
        painter.setPen(self.palette().text().color())
        room = max(0, int(self.width() - x - MARGIN))
        summary = QFontMetrics(self._text_font).elidedText(row.summary,
                                                           Qt.TextElideMode.ElideRight, room)
        painter.drawText(QRectF(x, top, room, ROW_HEIGHT), Qt.AlignmentFlag.AlignVCenter, summary)


class CommitGraphView(QWidget):
    """The commit graph: commits as circles, newest at the top, lines down to their parents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Commit graph")
        self._canvas = _GraphCanvas()
        self._scroll = QScrollArea()
        self._scroll.setWidget(self._canvas)
        self._scroll.setWidgetResizable(True)
        self._scroll.setAccessibleName("Commit graph")
        self._empty = QLabel(EMPTY_TEXT)
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedLayout(self)
        self._pages.addWidget(self._empty)
        self._pages.addWidget(self._scroll)
        self.setAccessibleDescription(EMPTY_TEXT)

    def show_graph(self, commits: list[dict[str, Any]], head: str | None,
                   head_branch: str | None, branches: dict[str, str],
                   remote_branches: dict[str, str], tags: dict[str, str]) -> None:
        """Draw these commits (newest first) with their branch, remote and tag labels."""
        layout = lay_out(commits, head=head, head_branch=head_branch, branches=branches,
                         remote_branches=remote_branches, tags=tags)
        self._canvas.set_layout_data(layout)
        self._pages.setCurrentWidget(self._scroll if layout.rows else self._empty)
        self.setAccessibleDescription(describe(layout, head_branch))

    def rows(self) -> list[GraphRow]:
        """The commits as drawn, top row first."""
        return list(self._canvas.layout_data.rows)

    def edges(self) -> list[GraphEdge]:
        """The lines as drawn, each from a commit to one of its parents."""
        return list(self._canvas.layout_data.edges)

    def empty_message(self) -> str:
        """The words shown instead of a graph, or "" while a graph is shown."""
        return self._empty.text() if self._pages.currentWidget() is self._empty else ""

    def scroll_to_head(self) -> None:
        """Scroll so the commit HEAD is at comes into view."""
        for index, row in enumerate(self._canvas.layout_data.rows):
            if row.is_head:
                self._scroll.ensureVisible(0, MARGIN + index * ROW_HEIGHT + ROW_HEIGHT // 2,
                                           0, ROW_HEIGHT)
