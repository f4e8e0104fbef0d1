"""The benchmark exercise and the bare page the in-process benchmarks compare against.

The exercise is a small cafe page with a style sheet and twenty checks: ten on the page's
elements and ten on its computed styles, about what a real lesson asks. The same twenty
assertions exist twice: as a Jest-style check file for Tutor's check runner, and as one
plain script for the bare page (no harness).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QIODevice,
    QObject,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

# QtWebEngine's widgets must load before the QApplication is made (they share its OpenGL
# context), so this import stays at the top.
from PySide6.QtWebEngineWidgets import QWebEngineView

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>My cafe</title>
  <link rel="stylesheet" href="style.css">
</head>
<body>
  <header>
    <h1>The Corner Cafe</h1>
    <nav>
      <a href="index.html">Home</a><a href="menu.html">Menu</a><a href="visit.html">Visit</a>
    </nav>
  </header>
  <main>
    <p class="intro">Fresh bread and hot soup every day.</p>
    <div class="card">
      <h2>Today</h2>
      <ul>
        <li>Tomato soup</li><li>Cheese toast</li><li>Apple pie</li><li>Tea</li><li>Coffee</li>
      </ul>
    </div>
  </main>
  <footer><p>Open from 8 till 4.</p></footer>
</body>
</html>
"""

STYLE = """body { color: navy; font-family: sans-serif; margin: 0; }
h1 { font-size: 32px; }
nav { display: flex; column-gap: 12px; }
.card { padding: 16px; border: 2px solid navy; margin: 24px; }
li { line-height: 24px; }
footer { text-align: center; }
"""

LOOPING_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>My cafe</title></head>
<body><h1>The Corner Cafe</h1><script>while (true) {}</script></body>
</html>
"""

# (name, JavaScript expression that must be true, what to fix)
ASSERTIONS: tuple[tuple[str, str, str], ...] = (
    ("The title is My cafe", "document.title === 'My cafe'", "Set the title."),
    ("There is an h1", "document.querySelector('h1') !== null", "Add an h1."),
    ("The h1 names the cafe", "document.querySelector('h1').textContent.includes('Corner')",
     "Name the cafe."),
    ("The menu has three links", "document.querySelectorAll('nav a').length === 3",
     "Add three links."),
    ("The first link goes home", "document.querySelector('nav a').getAttribute('href') === "
     "'index.html'", "Link to index.html."),
    ("There is a main part", "document.querySelector('main') !== null", "Add a main part."),
    ("The intro talks of soup", "document.querySelector('.intro').textContent.includes('soup')",
     "Write about soup."),
    ("The list has five items", "document.querySelectorAll('ul li').length === 5",
     "List five things."),
    ("The first item is soup", "document.querySelector('li').textContent === 'Tomato soup'",
     "Start with soup."),
    ("The footer has a paragraph", "document.querySelector('footer p') !== null",
     "Add a footer."),
    ("The text is navy", "css('body', 'color') === 'rgb(0, 0, 128)'", "Make the text navy."),
    ("The heading is 32px", "css('h1', 'font-size') === '32px'", "Make the h1 32px."),
    ("The menu is a row", "css('nav', 'display') === 'flex'", "Use flex."),
    ("The links have gaps", "css('nav', 'column-gap') === '12px'", "Add a 12px gap."),
    ("The card has padding", "css('.card', 'padding-top') === '16px'", "Add 16px padding."),
    ("The card border is solid", "css('.card', 'border-top-style') === 'solid'",
     "Make the border solid."),
    ("The card border is 2px", "css('.card', 'border-top-width') === '2px'",
     "Make the border 2px."),
    ("The card has a margin", "css('.card', 'margin-left') === '24px'", "Add a 24px margin."),
    ("The list lines are 24px", "css('li', 'line-height') === '24px'", "Set the line height."),
    ("The footer is centred", "css('footer', 'text-align') === 'center'", "Centre the footer."),
)


def _jest_check(name: str, expression: str, message: str) -> str:
    expression = expression.replace("css(", "style(")
    return (f"  test({name!r}, () => {{\n"
            f"    expect({expression}, {message!r}).toBe(true);\n  }});\n")


CHECK_FILE = (
    "import { describe, expect, test } from '@jest/globals';\n"
    "import { style } from '@tutor/checks';\n\n"
    "describe('The cafe page', () => {\n"
    + "".join(_jest_check(*assertion) for assertion in ASSERTIONS)
    + "});\n")

FILES: dict[str, str | bytes] = {"index.html": PAGE, "style.css": STYLE}
LOOPING_FILES: dict[str, str | bytes] = {"index.html": LOOPING_PAGE}
CHECK_FILES: dict[str, str | bytes] = {"page.test.js": CHECK_FILE}
ENTRY = "index.html"

PLAIN_CHECKS = (
    "(() => {\n"
    "  const css = (selector, name) =>\n"
    "    getComputedStyle(document.querySelector(selector)).getPropertyValue(name);\n"
    "  const results = [];\n"
    + "".join(
        f"  try {{ results.push({{name: {name!r}, passed: ({expression}) === true, "
        f"message: {message!r}}}); }}\n"
        f"  catch (error) {{ results.push({{name: {name!r}, passed: false, "
        f"message: String(error)}}); }}\n"
        for name, expression, message in ASSERTIONS)
    + "  return JSON.stringify(results);\n})()")

BARE_SCHEME = "bare"
SMALL_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
              "<body><p>A small page.</p></body></html>")


def register_bare_scheme() -> None:
    """Register the bare page's URL scheme. Call before the QApplication is made."""
    if QWebEngineUrlScheme.schemeByName(BARE_SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(BARE_SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.CorsEnabled
                    | QWebEngineUrlScheme.Flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)


class BareFileServer(QWebEngineUrlSchemeHandler):
    """Serves a few files from memory, with nothing more than a reply."""

    def __init__(self, files: dict[str, str | bytes], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = {name: data.encode() if isinstance(data, str) else data
                      for name, data in files.items()}

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt name)
        name = job.requestUrl().path().lstrip("/")
        data = self.files.get(name)
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime = b"text/css" if name.endswith(".css") else b"text/html"
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)


class BarePage:
    """One reused page in its own off-the-record profile, held at the check page's size."""

    def __init__(self, files: dict[str, str | bytes]) -> None:
        self.profile = QWebEngineProfile()
        self.server = BareFileServer(files)
        self.profile.installUrlSchemeHandler(BARE_SCHEME.encode(), self.server)
        self.page = QWebEnginePage(self.profile)
        # The check runner sizes its page with a hidden view; the floor does the same, so
        # both lay out the same 1024 x 768 page.
        self.view = QWebEngineView()
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.view.setPage(self.page)
        self.view.resize(1024, 768)
        self.view.show()

    def url(self, name: str) -> QUrl:
        """The URL of one of the served files."""
        return QUrl(f"{BARE_SCHEME}://site/{name}")

    def load_and_run(self, name: str, script: str) -> tuple[float, Any]:
        """Load a file, run one script once it has loaded; seconds taken and its result."""
        box: dict[str, Any] = {}
        loop = QEventLoop()

        def loaded(ok: bool) -> None:
            if ok:
                self.page.runJavaScript(script, 0, answered)
            else:
                box["result"] = None
                loop.quit()

        def answered(result: Any) -> None:
            box["result"] = result
            box["at"] = time.perf_counter()
            loop.quit()

        self.page.loadFinished.connect(loaded)
        try:
            started = time.perf_counter()
            self.page.load(self.url(name))
            run_loop(loop)
        finally:
            self.page.loadFinished.disconnect(loaded)
        return box.get("at", time.perf_counter()) - started, box.get("result")

    def kill_and_recover(self, name: str) -> float:
        """Kill the render process, load a file again; seconds until a script answers `1`.

        The new load waits for Chromium to report the old process gone: a load started
        before that can finish unloaded on the dying process and leave the page dead.
        """
        box: dict[str, float] = {}
        loop = QEventLoop()

        def terminated(*_args: Any) -> None:
            self.page.load(self.url(name))

        def loaded(ok: bool) -> None:
            if ok:
                self.page.runJavaScript("1", 0, answered)
            else:
                self.page.load(self.url(name))

        def answered(result: Any) -> None:
            if result == 1:
                box.setdefault("at", time.perf_counter())
                loop.quit()

        pid = self.page.renderProcessPid()
        if pid <= 0:  # never signal 0 or below: that reaches a whole process group
            raise RuntimeError("The bare page has no render process to stop.")
        self.page.renderProcessTerminated.connect(terminated)
        self.page.loadFinished.connect(loaded)
        try:
            started = time.perf_counter()
            os.kill(pid, signal.SIGKILL)
            run_loop(loop)
        finally:
            self.page.renderProcessTerminated.disconnect(terminated)
            self.page.loadFinished.disconnect(loaded)
        if "at" not in box:
            raise TimeoutError("The bare page did not come back.")
        return box["at"] - started

    def close(self) -> None:
        """Delete the view, the page and the profile, in the order Qt needs."""
        self.view.setPage(None)  # type: ignore[arg-type]
        for item in (self.view, self.page, self.profile):
            if shiboken6.isValid(item):
                shiboken6.delete(item)


def flush_deferred_deletes() -> None:
    """Carry out pending `deleteLater` calls now: no event loop runs after the measuring."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_loop(loop: QEventLoop, timeout_seconds: float = 30.0) -> None:
    """Run an event loop until it quits, or give up after a time limit."""
    QTimer.singleShot(int(timeout_seconds * 1000), loop.quit)
    loop.exec()


def wait_for(signal_source: Any, begin: Callable[[], None],
             timeout_seconds: float = 30.0) -> tuple[float, Any]:
    """Call `begin`, wait for `signal_source` to fire; seconds taken and the signal's value."""
    box: dict[str, Any] = {}
    loop = QEventLoop()

    def fired(value: Any = None) -> None:
        if "at" not in box:
            box["at"] = time.perf_counter()
            box["value"] = value
            loop.quit()

    signal_source.connect(fired)
    try:
        started = time.perf_counter()
        begin()
        if "at" not in box:
            run_loop(loop, timeout_seconds)
    finally:
        signal_source.disconnect(fired)
    if "at" not in box:
        raise TimeoutError("The run did not finish in time.")
    return box["at"] - started, box["value"]
