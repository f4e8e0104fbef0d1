"""Prints a report's HTML to PDF pages: A4, with margins, a header and page numbers.

Qt's GUI classes only, no widgets: QTextDocument lays the HTML out in pages (honouring
`page-break-before`), and QPdfWriter draws them, one page at a time, with the report's
header (the demo mark) on top and its footer and "page 2 of 7" at the foot. It needs a
QGuiApplication (`gui_application` makes an offscreen one for the command line) and may run
on any thread: QTextDocument and painting on a PDF are safe away from the GUI thread.

The PDF is made in memory and written with `write_atomically`, read back and checked, so a
report on a USB stick is either whole or not there.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from tutor.exchange.reports import ReportDocument
from tutor.trust.atomic import write_atomically

RESOLUTION = 96  # dots per inch: a CSS pixel in the HTML is then one dot, as in a browser
MARGIN_MM = 15.0
BAND_MM = 8.0  # room for the header above the text, and the footer below it
BODY_FONT = "DejaVu Sans"
BODY_POINTS = 10
DEMO_BAND = "#ffd23f"


def gui_application() -> QCoreApplication:
    """The running Qt application, or a new offscreen QGuiApplication for headless use."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a report needs no screen, even if there is one
    return QGuiApplication(["tutor-report"])


def _millimetres(value: float) -> float:
    return value / 25.4 * RESOLUTION


def pdf_bytes(report: ReportDocument) -> tuple[bytes, int]:
    """Lay the report out on A4 pages; return the PDF's bytes and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if report.landscape
                              else QPageLayout.Orientation.Portrait)
    writer.setResolution(RESOLUTION)
    # The margins are drawn here, so the header and footer can sit inside them.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(report.title)
    writer.setCreator("Tutor")
    margin, band = _millimetres(MARGIN_MM), _millimetres(BAND_MM)
    page_width, page_height = float(writer.width()), float(writer.height())
    body = QRectF(margin, margin + band, page_width - 2 * margin,
                  page_height - 2 * (margin + band))
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # points become this printer's dots
    document.setDefaultFont(QFont(BODY_FONT, BODY_POINTS))
    document.setUseDesignMetrics(True)  # spacing from the font design, not screen hinting
    document.setDocumentMargin(0)
    document.setHtml(report.html)
    document.setPageSize(body.size())
    pages = max(1, document.pageCount())
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            _draw_bands(painter, report, page, pages, page_width, page_height)
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            # One dot short of the page's foot: the top border of a table that starts the
            # next page sits exactly on that line and would show here too.
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(),
                                                  body.height() - 1))
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(QByteArray(buffer.data()).data()), pages


def _draw_bands(painter: QPainter, report: ReportDocument, page: int, pages: int,
                page_width: float, page_height: float) -> None:
    """The header (the demo mark, on a yellow band) and the footer with the page number."""
    margin, band = _millimetres(MARGIN_MM), _millimetres(BAND_MM)
    small = QFont(BODY_FONT)
    small.setPointSizeF(8.5)
    width = page_width - 2 * margin
    if report.header:
        top = QRectF(margin, margin, width, band * 0.75)
        painter.fillRect(top, QColor(DEMO_BAND))
        bold = QFont(small)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#000000"))
        painter.drawText(top, int(Qt.AlignmentFlag.AlignCenter), report.header)
    painter.setFont(small)
    painter.setPen(QColor("#444444"))
    foot = QRectF(margin, page_height - margin - band * 0.6, width, band * 0.6)
    painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     report.footer)
    painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     f"Page {page + 1} of {pages}")


def write_pdf(report: ReportDocument, path: Path) -> int:
    """Write the report as a PDF at path (safely, read back); return its number of pages."""
    gui_application()
    data, pages = pdf_bytes(report)
    write_atomically(Path(path), data, verify=True)
    return pages
