"""The live preview: the learner's page as they type, in the same locked-down sandbox."""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from sandbox.results import ConsoleEntry
from sandbox.web.page import SandboxPage
from sandbox.web.profile import WebSandbox
from sandbox.web.scheme import make_site

PREVIEW_HOST = "preview"
SCRIPT_ONLY_PAGE = "__tutor_preview__.html"


def script_only_page(files: Mapping[str, object]) -> str:
    """A page for exercises with no HTML: it runs each JavaScript file as a module."""
    scripts = "".join(
        f'<script type="module" src="/{html.escape(name, quote=True)}"></script>'
        for name in sorted(files) if name.endswith((".js", ".mjs")) and ".test." not in name)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            "<style>body{font:16px sans-serif;color:#333;margin:1.5em}</style></head><body>"
            "<p>This exercise has no web page. What your code prints with "
            "<code>console.log</code> shows in the console below.</p>"
            f"{scripts}</body></html>")


class LivePreview(QObject):
    """Shows the learner's current files; reports console lines and runaway code."""

    console_message = Signal(object)  # ConsoleEntry
    stopped = Signal(str)  # plain-English reason the page was stopped
    reloaded = Signal()

    def __init__(self, sandbox: WebSandbox, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sandbox = sandbox
        self.page = SandboxPage(sandbox, PREVIEW_HOST, self)
        self.page.console_message.connect(self._forward_console)
        self.page.runaway_stopped.connect(self.stopped)
        self.page.loadFinished.connect(lambda _ok: self.reloaded.emit())

    def show_files(self, files: Mapping[str, str | bytes], entry: str | None) -> None:
        """Load the learner's files, replacing what the preview showed."""
        hidden: dict[str, str | bytes] = {}
        if entry is None:
            hidden[SCRIPT_ONLY_PAGE] = script_only_page(files)
            entry = SCRIPT_ONLY_PAGE
        self._sandbox.server.set_site(PREVIEW_HOST, make_site(files, hidden))
        self.page.console_entries = 0
        self.page.start_watching()
        self.page.load(self.page.own_url(entry))

    def _forward_console(self, entry: ConsoleEntry) -> None:
        self.console_message.emit(entry)
