"""The learner's page stays put: no new windows, no leaving, no dialog floods, no hand-offs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

from sandbox.web.page import MAX_CONSOLE_ENTRIES
from sandbox.web.preview import LivePreview
from sandbox.web.profile import WebSandbox
from sandbox.web.scheme import make_site

if TYPE_CHECKING:  # the fixtures' types, for readers and editors; pytest supplies the values
    from conftest import Evaluate, LeakServer, OpenPage, TickGaps

# Elements placed where a test can click them like a person would.
CLICKABLE_CSS = ("<style>body{margin:0} .spot{position:absolute;left:0;width:200px;height:40px;"
                 "display:block}</style>")


def click(view: QWebEngineView, x: int, y: int) -> None:
    """Click the view at a point, as a person with a mouse would."""
    QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(x, y))


def test_window_open_gives_the_page_no_window(
        qtbot: QtBot, leak_server: LeakServer, preview: LivePreview,
        preview_view: QWebEngineView, open_page: OpenPage) -> None:
    origin = leak_server.origin
    # The page guard replaces window.open, but learner code can fetch the browser's own
    # window.open from a fresh frame; the sandbox must hold against that one too.
    page = CLICKABLE_CSS + f"""
      <button id="open" class="spot" style="top:0">open</button>
      <a class="spot" style="top:60px" href="{origin}/blank-link" target="_blank">new tab</a>
      <iframe id="fresh" style="position:absolute;top:200px"></iframe>
      <script>
        const browserOpen = document.getElementById("fresh").contentWindow.open;
        console.log("without a click: " + window.open("{origin}/no-click") + " "
                    + browserOpen("{origin}/no-click-browser"));
        document.getElementById("open").onclick = () => {{
          const popups = [window.open("{origin}/popup"), browserOpen("{origin}/popup-browser")];
          setTimeout(() => {{
            for (const popup of popups) {{
              try {{ popup.location = "{origin}/popup-location"; }} catch (e) {{}}
              try {{ popup.document.write("<img src='{origin}/popup-img'>"); }} catch (e) {{}}
            }}
            console.log("after a click: " + popups.map(p => p === null || p.closed).join(" "));
          }}, 300);
        }};
        console.log("ready");
      </script>"""
    opened = open_page({"index.html": page}, until="ready")
    with qtbot.waitSignal(preview.console_message, timeout=5000,
                          check_params_cb=lambda entry: entry.text.startswith("after a click")) \
            as clicked:
        click(preview_view, 50, 20)
    click(preview_view, 50, 80)

    assert "without a click: null null" in opened.texts()
    # With a click the browser may hand back a window object, but it is closed at once.
    assert clicked.args[0].text == "after a click: true true"
    with qtbot.waitSignal(preview.console_message, timeout=5000,
                          check_params_cb=lambda entry: entry.text == "still here"):
        preview.page.runJavaScript("setTimeout(() => console.log('still here'), 300)")
    assert leak_server.hits == 0, leak_server.describe()
    assert preview.page.url() == preview.page.own_url("index.html")


NAVIGATION_ATTEMPTS = """
const attempts = [
  () => { location.href = "@ORIGIN@/location-href"; },
  () => { location = "file:///"; },
  () => { location = "tutor://other-host/"; },
  () => { location.assign("tutor://other-host/index.html"); },
  () => { location.replace("@ORIGIN@/location-replace"); },
  () => { window.open("tutor://other-host/", "_self"); },
  () => { window.open("@ORIGIN@/window-open-top", "_top"); },
  () => { const a = document.createElement("a"); a.href = "tutor://other-host/"; a.click(); },
  () => { document.body.insertAdjacentHTML("beforeend",
            "<meta http-equiv='refresh' content='0;url=tutor://other-host/'>"); },
  () => { document.body.insertAdjacentHTML("beforeend",
            "<iframe srcdoc=\\"<script>top.location = 'tutor://other-host/'</script>\\"></iframe>"); },
  () => { location = "data:text/html,<p>gone</p>"; },
];
window.stillMine = "yes";
attempts.forEach((attempt, n) => setTimeout(() => {
  try { attempt(); } catch (e) { console.log("attempt " + n + " threw " + e.name); }
}, 100 * n));
setTimeout(() => console.log("STILL HERE " + window.stillMine), 100 * attempts.length + 500);
"""


def test_the_page_cannot_navigate_itself_away(
        leak_server: LeakServer, web_sandbox: WebSandbox, preview: LivePreview,
        preview_view: QWebEngineView, open_page: OpenPage, evaluate: Evaluate,
        qtbot: QtBot) -> None:
    # A real second site, so a navigation there would succeed if it were allowed.
    web_sandbox.server.set_site("other-host", make_site({"index.html": "<h1>Other site</h1>"}))
    page = CLICKABLE_CSS + f"""<h1>Mine</h1>
      <a class="spot" style="top:100px" href="tutor://other-host/">a link</a>
      <a class="spot" style="top:160px" href="{leak_server.origin}/clicked-link">a link</a>
      <script src="navigate.js"></script>"""
    script = NAVIGATION_ATTEMPTS.replace("@ORIGIN@", leak_server.origin)

    opened = open_page({"index.html": page, "navigate.js": script}, until="STILL HERE")
    click(preview_view, 50, 120)
    click(preview_view, 50, 180)
    with qtbot.waitSignal(preview.console_message, timeout=5000,
                          check_params_cb=lambda entry: entry.text == "after the clicks"):
        preview.page.runJavaScript("setTimeout(() => console.log('after the clicks'), 300)")

    assert "STILL HERE yes" in opened.texts()
    assert preview.page.url() == preview.page.own_url("index.html")
    assert evaluate(preview.page, "document.querySelector('h1').textContent") == "Mine"
    assert evaluate(preview.page, "window.stillMine") == "yes"
    assert leak_server.hits == 0, leak_server.describe()


# The page guard already quietens `alert`; the browser's own alert, taken from a fresh frame,
# goes to the sandbox page itself, which must not block on it or pass on a flood.
ALERT_LOOP = """<!DOCTYPE html><p>alerts</p><iframe id="fresh"></iframe><script>
setTimeout(() => {
  const browserAlert = document.getElementById("fresh").contentWindow.alert;
  let shown = 0;
  const started = performance.now();
  while (shown < 10000 && performance.now() - started < 600) {
    browserAlert("hi " + shown);
    alert("hello " + shown);
    shown++;
  }
  document.title = "alerts: " + shown;
}, 50);
</script>"""


def test_an_alert_loop_neither_blocks_nor_floods(
        qtbot: QtBot, preview: LivePreview, tick_gaps: TickGaps) -> None:
    shown: list[str] = []
    preview.console_message.connect(lambda entry: shown.append(entry.text))
    with qtbot.waitSignal(preview.page.titleChanged, timeout=10_000,
                          check_params_cb=lambda title: title.startswith("alerts: ")) as done:
        preview.show_files({"index.html": ALERT_LOOP}, "index.html")

    alerts = int(done.args[0].removeprefix("alerts: "))
    assert alerts > MAX_CONSOLE_ENTRIES  # no alert waited for anyone to close it
    assert len(shown) == MAX_CONSOLE_ENTRIES + 1
    assert shown[-1] == f"Only the first {MAX_CONSOLE_ENTRIES} console lines are shown."
    assert tick_gaps.longest < 0.2, f"the app stalled for {tick_gaps.longest:.3f} s"


class DesktopHandOffs(QObject):
    """Stands in for the desktop: records every URL that Qt hands to other programs."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        """Record a URL handed over."""
        self.urls.append(url.toString())


@pytest.fixture
def desktop() -> Iterator[DesktopHandOffs]:
    """Catches `foo:` URLs that Qt would otherwise give to the desktop to open."""
    hand_offs = DesktopHandOffs()
    QDesktopServices.setUrlHandler("foo", hand_offs, "open_url")
    QDesktopServices.openUrl(QUrl("foo://proof-the-catcher-works"))
    assert hand_offs.urls == ["foo://proof-the-catcher-works"]
    hand_offs.urls.clear()
    yield hand_offs
    QDesktopServices.unsetUrlHandler("foo")


@pytest.mark.parametrize("kind", ["learner page", "any page of the profile"])
def test_a_clicked_unknown_scheme_link_is_not_handed_to_the_desktop(
        qtbot: QtBot, web_sandbox: WebSandbox, desktop: DesktopHandOffs, kind: str) -> None:
    if kind == "learner page":
        from sandbox.web.page import SandboxPage

        page: QWebEnginePage = SandboxPage(web_sandbox, "links")
    else:  # the profile's own setting must hold even without the learner page's hooks
        page = QWebEnginePage(web_sandbox.profile)
        web_sandbox.adopt(page)
    web_sandbox.server.set_site("links", make_site({"index.html": CLICKABLE_CSS + (
        "<a class='spot' style='top:0' href='foo://start/a-program'>start</a>"
        "<a class='spot' style='top:60px' href='foo://other' target='_blank'>new tab</a>")}))
    view = QWebEngineView()
    try:
        view.setPage(page)
        view.resize(400, 300)
        view.show()
        with qtbot.waitSignal(page.loadFinished, timeout=10_000):
            page.load(QUrl("tutor://links/index.html"))
        click(view, 50, 20)
        click(view, 50, 80)
        with qtbot.waitSignal(page.titleChanged, timeout=5000):  # a moment after the clicks
            page.runJavaScript("setTimeout(() => { document.title = 'clicked'; }, 300)")
        assert desktop.urls == []
        assert page.url().toString() == "tutor://links/index.html"
    finally:
        view.setPage(None)  # type: ignore[arg-type]
        shiboken6.delete(view)
