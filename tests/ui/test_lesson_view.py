"""The lesson view loads nothing from outside and follows no link out of the app."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from tutor.content.markdown import render_markdown
from tutor.ui.lesson_view import LessonView


def image_file(tmp_path: Path) -> QUrl:
    """A real picture on disk, which a plain QTextBrowser would happily load."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "secret.png"
    assert image.save(str(path))
    return QUrl.fromLocalFile(str(path))


def png_data_url() -> str:
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode()


def shown_image(browser: QTextBrowser, url: QUrl | str) -> QImage:
    """The picture the browser holds for `url` once laid out (a null image if none)."""
    browser.document().adjustSize()
    browser.grab()  # paint it, as Qt's image handler loads pictures as it draws them
    resource = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
    if isinstance(resource, QImage):
        return resource
    if isinstance(resource, QPixmap):
        return resource.toImage()
    if isinstance(resource, (QByteArray, bytes)):
        return QImage.fromData(bytes(resource))
    return QImage()


def is_secret_picture(image: QImage) -> bool:
    return image.size().width() == 8 and image.pixelColor(0, 0) == QColor("red")


def click_text(qtbot: QtBot, view: QTextBrowser, text: str) -> None:
    """Click the middle of the first place `text` appears."""
    cursor = view.document().find(text)
    assert not cursor.isNull()
    middle = cursor.selectionStart() + len(text) // 2
    cursor.setPosition(middle)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_an_image_tag_written_in_a_lesson_is_shown_as_text_and_loads_nothing(
        qtbot: QtBot, tmp_path: Path) -> None:
    url = image_file(tmp_path).toString()
    view = LessonView()
    qtbot.addWidget(view)
    view.show_lesson("Pictures", render_markdown(f'Look: <img src="{url}">'))
    assert f'<img src="{url}">' in view.toPlainText()
    assert not is_secret_picture(shown_image(view, url))


def test_a_file_image_is_refused_even_in_real_html_but_a_data_image_shows(
        qtbot: QtBot, tmp_path: Path) -> None:
    url = image_file(tmp_path).toString()
    data_url = png_data_url()
    page = f'<p><img src="{url}"> and <img src="{data_url}"></p>'

    plain = QTextBrowser()  # the danger this view exists to avoid
    qtbot.addWidget(plain)
    plain.setHtml(page)
    assert is_secret_picture(shown_image(plain, url))

    view = LessonView()
    qtbot.addWidget(view)
    view.show_lesson("Pictures", page)
    assert not is_secret_picture(shown_image(view, url))
    assert shown_image(view, "file:///etc/hostname").size().width() <= 1
    assert shown_image(view, data_url).pixelColor(0, 0) == QColor("blue")


def test_an_outside_link_is_not_followed(qtbot: QtBot, show: Callable) -> None:
    view = LessonView()
    view.resize(600, 400)
    view.show_lesson("Links", '<p><a href="https://example.com/">Go outside</a></p>')
    show(view)
    with qtbot.waitSignal(view.outside_link_refused, timeout=1000) as refused:
        click_text(qtbot, view, "Go outside")
    assert refused.args == ["https://example.com/"]
    assert view.source().isEmpty()
    assert "Go outside" in view.toPlainText()


def test_a_glossary_link_names_its_term(qtbot: QtBot, show: Callable) -> None:
    view = LessonView()
    view.resize(600, 400)
    view.show_lesson("Words", render_markdown("A [tag](glossary:tag) wraps text."))
    show(view)
    with qtbot.waitSignal(view.glossary_link_clicked, timeout=1000) as clicked:
        click_text(qtbot, view, "tag")
    assert clicked.args == ["tag"]
    assert view.source().isEmpty()


def test_a_link_to_a_heading_in_the_lesson_scrolls_to_it(qtbot: QtBot, show: Callable) -> None:
    view = LessonView()
    view.resize(600, 300)
    filler = "\n\n".join(f"Paragraph {n}." for n in range(60))
    view.show_lesson("Long", render_markdown(f"[Jump to the end](#the-end)\n\n{filler}\n\n"
                                             "## The end\n\nDone."))
    show(view)
    assert view.verticalScrollBar().value() == 0
    click_text(qtbot, view, "Jump to the end")
    assert view.verticalScrollBar().value() > 0


def test_the_title_is_plain_text(qtbot: QtBot) -> None:
    view = LessonView()
    qtbot.addWidget(view)
    view.show_lesson("<b>Bold</b> & <i>more</i>", "<p>Body</p>")
    assert view.toPlainText().startswith("<b>Bold</b> & <i>more</i>")
    assert view.title() == "<b>Bold</b> & <i>more</i>"
