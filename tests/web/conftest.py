"""Fixtures for attacking the web sandbox: a server that counts every visit, and a page."""

from __future__ import annotations

import base64
import hashlib
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView
from pytestqt.qtbot import QtBot

from sandbox.results import ConsoleEntry
from sandbox.web.preview import LivePreview
from sandbox.web.profile import WebSandbox

SERVER_LIFETIME_SECONDS = 60.0
_WEBSOCKET_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC11B65"
_LEAKED_BODY = b"LEAKED-FROM-THE-TEST-SERVER"


@dataclass
class _Client:
    received: bytes = b""
    answered: bool = False


@dataclass
class LeakServer:
    """A real HTTP and WebSocket server on 127.0.0.1 that counts everything reaching it.

    It listens for TCP (HTTP, WebSocket upgrades, bare connections such as a preconnect) and
    for UDP on the same port (STUN and TURN). It runs in its own thread and stops by itself
    after `lifetime_seconds`, so a forgotten server can never hang the test run.
    """

    lifetime_seconds: float = SERVER_LIFETIME_SECONDS
    connections: int = 0
    datagrams: int = 0
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._tcp, self._udp = _bind_tcp_and_udp_on_one_port()
        self.port: int = self._tcp.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, name="leak-server")
        self._thread.start()

    @property
    def origin(self) -> str:
        """The server's address as a web origin."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def hits(self) -> int:
        """Everything that reached the server: connections, requests and datagrams."""
        with self._lock:
            return self.connections + len(self.requests) + self.datagrams

    def describe(self) -> str:
        """A summary for an assertion message."""
        with self._lock:
            return (f"{self.connections} connections, {self.datagrams} datagrams, "
                    f"requests: {self.requests}")

    def stop(self) -> None:
        """Stop serving and wait for the server thread to end."""
        self._stopping.set()
        self._thread.join(5)

    def _serve(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._tcp, selectors.EVENT_READ, "tcp")
        selector.register(self._udp, selectors.EVENT_READ, "udp")
        deadline = time.monotonic() + self.lifetime_seconds
        try:
            while not self._stopping.is_set() and time.monotonic() < deadline:
                for key, _events in selector.select(timeout=0.05):
                    if key.data == "tcp":
                        self._accept(selector)
                    elif key.data == "udp":
                        self._udp.recvfrom(65536)
                        with self._lock:
                            self.datagrams += 1
                    else:
                        self._read(selector, key.fileobj, key.data)  # type: ignore[arg-type]
        finally:
            for key in list(selector.get_map().values()):
                key.fileobj.close()  # type: ignore[union-attr]
            selector.close()

    def _accept(self, selector: selectors.BaseSelector) -> None:
        connection, _address = self._tcp.accept()
        connection.setblocking(False)
        with self._lock:
            self.connections += 1
        selector.register(connection, selectors.EVENT_READ, _Client())

    def _read(self, selector: selectors.BaseSelector, connection: socket.socket,
              client: _Client) -> None:
        try:
            chunk = connection.recv(65536)
        except OSError:
            chunk = b""
        client.received += chunk
        if not client.answered and b"\r\n\r\n" in client.received:
            client.answered = True
            head = client.received.split(b"\r\n\r\n", 1)[0].decode("latin-1")
            with self._lock:
                self.requests.append(head.split("\r\n", 1)[0])
            try:
                connection.sendall(_answer(head))
            except OSError:  # the visitor already hung up; the visit is counted all the same
                chunk = b""
        if not chunk:
            selector.unregister(connection)
            connection.close()


def _answer(head: str) -> bytes:
    headers = {}
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    key = headers.get("sec-websocket-key")
    if key:
        accept = base64.b64encode(hashlib.sha1(key.encode() + _WEBSOCKET_GUID).digest())
        return (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n")
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            b"Access-Control-Allow-Origin: *\r\nConnection: close\r\n"
            b"Content-Length: " + str(len(_LEAKED_BODY)).encode() + b"\r\n\r\n" + _LEAKED_BODY)


def _bind_tcp_and_udp_on_one_port() -> tuple[socket.socket, socket.socket]:
    for _attempt in range(20):
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.bind(("127.0.0.1", 0))
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.bind(("127.0.0.1", tcp.getsockname()[1]))
        except OSError:
            tcp.close()
            udp.close()
            continue
        tcp.listen(64)
        tcp.setblocking(False)
        udp.setblocking(False)
        return tcp, udp
    raise RuntimeError("Could not find a free port for both TCP and UDP.")


@pytest.fixture
def leak_server() -> Iterator[LeakServer]:
    """A counting server on a random free port, stopped after the test."""
    server = LeakServer()
    yield server
    server.stop()


@pytest.fixture
def web_sandbox(qapp: Any) -> Iterator[WebSandbox]:
    """A fresh off-the-record sandbox profile, shut down in the order Qt needs."""
    sandbox = WebSandbox()
    yield sandbox
    sandbox.shutdown()


@pytest.fixture
def preview(web_sandbox: WebSandbox) -> LivePreview:
    """A live preview in the test's own sandbox."""
    return LivePreview(web_sandbox)


class TickGaps:
    """A 10 ms timer in the app that records the longest gap between its ticks."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.longest = 0.0
        self.ticks = 0

    def start(self) -> None:
        """Start ticking."""
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking, counting the time since the last tick as a gap too."""
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1


@pytest.fixture
def tick_gaps(qapp: Any) -> Iterator[TickGaps]:
    """A running app timer that measures how long the GUI thread was ever stalled."""
    gaps = TickGaps()
    gaps.start()
    yield gaps
    gaps.stop()


@pytest.fixture
def preview_view(qtbot: QtBot, preview: LivePreview) -> Iterator[QWebEngineView]:
    """An offscreen view showing the preview, so tests can click like a person."""
    view = QWebEngineView()
    view.setPage(preview.page)
    view.resize(600, 400)
    view.show()
    yield view
    view.setPage(None)  # type: ignore[arg-type]
    view.close()
    shiboken6.delete(view)


@dataclass
class OpenedPage:
    """What a page printed while it loaded."""

    console: list[ConsoleEntry]

    def texts(self) -> list[str]:
        """Every console line, as text."""
        return [entry.text for entry in self.console]


OpenPage = Callable[..., OpenedPage]


@pytest.fixture
def open_page(qtbot: QtBot, preview: LivePreview) -> OpenPage:
    """Show files in the preview and wait until the page prints a line holding `until`."""

    def open_(files: Mapping[str, str | bytes], *, until: str, entry: str | None = "index.html",
              timeout_ms: int = 15_000) -> OpenedPage:
        opened = OpenedPage(console=[])
        preview.console_message.connect(opened.console.append)
        with qtbot.waitSignal(preview.console_message, timeout=timeout_ms,
                              check_params_cb=lambda entry_: until in entry_.text):
            preview.show_files(files, entry)
        return opened

    return open_


Evaluate = Callable[..., Any]


@pytest.fixture
def evaluate(qtbot: QtBot) -> Evaluate:
    """Run a script in a page and return its value."""

    def evaluate_(page: Any, script: str, timeout_ms: int = 5000) -> Any:
        with qtbot.waitCallback(timeout=timeout_ms) as callback:
            page.runJavaScript(script, 0, callback)
        return callback.args[0] if callback.args else None

    return evaluate_
