"""No network, ever (design invariant 1), as "About this installation" promises.

The real app signs a learner in, opens a web exercise, shows a page that tries every way out
it can (images, preconnect, fetch, WebSocket, a form), and runs a check. Meanwhile two
watchers look for internet sockets: an audit hook inside Python, and on Linux a sampler that
reads the sockets of the app's process and all its children (the web engine's processes)
from /proc. Unix sockets between the app's own processes are fine.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tutor.app import TutorApp
from tutor.content.loader import load_library
from tutor.qt_start import start_qt
from tutor.store import Store
from tutor.store.learner_admin import add_learner
from tutor.ui.about_dialog import NO_NETWORK
from tutor.ui.learner_dialog import LearnerDialog

from .network_watch import ProcessSockets, PythonSockets

ON_LINUX = sys.platform.startswith("linux") and Path("/proc/self/fd").is_dir()
EXERCISE = "html.first-heading"
# 203.0.113.0/24 is set aside for documentation: it never belongs to a real machine.
REACHING_OUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>About me</title>
<link rel="preconnect" href="http://203.0.113.7">
<link rel="dns-prefetch" href="http://tutor-test.invalid">
<link rel="stylesheet" href="http://203.0.113.7/style.css">
</head><body>
<h1>About me</h1>
<p>I like to cook.</p>
<img src="http://203.0.113.7/photo.png" alt="me">
<img src="https://tutor-test.invalid/photo.png" alt="me again">
<iframe src="http://203.0.113.7/frame.html"></iframe>
<form action="http://203.0.113.7/send" method="post"><input name="q"></form>
<script>
fetch("http://203.0.113.7/data").catch(() => {});
try { new WebSocket("ws://203.0.113.7/live"); } catch (error) {}
try { new EventSource("http://203.0.113.7/events"); } catch (error) {}
navigator.sendBeacon && navigator.sendBeacon("http://203.0.113.7/beacon", "hi");
new Worker(URL.createObjectURL(new Blob(
  ['fetch("http://203.0.113.7/from-worker").catch(() => {})'])));
document.forms[0].submit();
</script>
</body></html>
"""
# A page may ask the browser to gather WebRTC addresses (ICE), with or without a STUN server.
WEBRTC_THROUGH_EMPTY_FRAME = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>About me</title></head><body>
<h1>About me</h1>
<p>I like to cook.</p>
<script>
const frame = document.createElement("iframe");
document.body.appendChild(frame);
const peer = new frame.contentWindow.RTCPeerConnection(
  {iceServers: [{urls: "stun:203.0.113.7:3478"}]});
peer.createDataChannel("x");
peer.createOffer().then((offer) => peer.setLocalDescription(offer));
</script>
</body></html>
"""

WEBRTC = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>About me</title></head><body>
<h1>About me</h1>
<p>I like to cook.</p>
<script>
const peer = new RTCPeerConnection({iceServers: [{urls: "stun:203.0.113.7:3478"}]});
peer.createDataChannel("x");
peer.createOffer().then((offer) => peer.setLocalDescription(offer));
</script>
</body></html>
"""


@pytest.fixture
def python_sockets() -> Iterator[PythonSockets]:
    """The audit-hook watcher, switched on for this test only."""
    watch = PythonSockets.shared()
    watch.seen.clear()
    watch.on = True
    yield watch
    watch.on = False


def test_the_watchers_see_an_internet_socket(python_sockets: PythonSockets) -> None:
    """The watch below must be able to fail: a listening TCP socket is seen by both watchers."""
    processes = ProcessSockets(os.getpid()) if ON_LINUX else None
    if processes is not None:
        processes.start()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        if processes is not None:
            processes.stop()
            assert any(name for _pid, name, _inode in processes.found), processes.found
    finally:
        listener.close()
    assert any("socket.bind" in seen for seen in python_sockets.seen)
    python_sockets.seen.clear()
    socket.socket(socket.AF_UNIX, socket.SOCK_STREAM).close()
    assert python_sockets.seen == []  # the app's own Unix sockets are fine


@pytest.mark.slow
def test_the_app_opens_no_internet_socket(
        qtbot: QtBot, tmp_path: Path, python_sockets: PythonSockets) -> None:
    _check_no_internet_socket(qtbot, tmp_path, python_sockets, REACHING_OUT)


@pytest.mark.slow
def test_webrtc_in_a_learner_page_opens_no_internet_socket(
        qtbot: QtBot, tmp_path: Path, python_sockets: PythonSockets) -> None:
    _check_no_internet_socket(qtbot, tmp_path, python_sockets, WEBRTC)


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason=(
    "Known gap (docs/decisions/0008-webrtc.md): a script that reaches into a new iframe's "
    "first empty document before the no-WebRTC script runs there can still make a peer "
    "connection. Chromium then opens two UDP sockets to learn the default route; the flags "
    "stop it sending anything. Remove this mark when the gap is closed."))
def test_webrtc_through_a_new_empty_frame_opens_no_internet_socket(
        qtbot: QtBot, tmp_path: Path, python_sockets: PythonSockets) -> None:
    _check_no_internet_socket(qtbot, tmp_path, python_sockets, WEBRTC_THROUGH_EMPTY_FRAME)


def _check_no_internet_socket(qtbot: QtBot, tmp_path: Path, python_sockets: PythonSockets,
                              page: str) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir / "progress.sqlite3") as store:
        add_learner(store, "Sam", "2468")
    processes = ProcessSockets(os.getpid()) if ON_LINUX else None
    if processes is not None:
        processes.start()
    try:
        _run_the_learner_loop(qtbot, data_dir, page)
    finally:
        if processes is not None:
            processes.stop()

    assert python_sockets.seen == []
    if processes is not None:
        assert processes.samples > 10
        # The web engine's helper processes were looked at, not only the app itself.
        assert any(name.startswith("QtWebEngine") for name in processes.names_read), \
            processes.names_read
        assert processes.found == set(), f"internet sockets held: {sorted(processes.found)}"


def _run_the_learner_loop(qtbot: QtBot, data_dir: Path, page: str) -> None:
    """Sign in, open a web exercise, show `page` in the live preview, and check it."""
    _app, chromium = start_qt(headless=True)
    tutor = TutorApp(data_dir=data_dir, library=load_library(), chromium=chromium)
    qtbot.addWidget(tutor.window)
    tutor.window.show()
    tutor.start_services()
    assert NO_NETWORK in tutor.about_text()
    try:
        tutor.ask_for_learner()
        sign_in = tutor.window.findChild(LearnerDialog)
        assert sign_in is not None
        sign_in._names.setCurrentRow(0)
        qtbot.keyClicks(sign_in._pin, "2468")
        with qtbot.waitSignals([tutor.controller.exercise_opened, tutor.preview.reloaded],
                               timeout=10_000):
            qtbot.keyClick(sign_in._pin, Qt.Key.Key_Return)
        assert tutor.controller.exercise.id == EXERCISE

        # The learner's page reaches for the internet every way it can, in the live preview...
        with qtbot.waitSignal(tutor.preview.reloaded, timeout=10_000):
            tutor.window.editor.editor("index.html").setPlainText(page)
        # ...and in a check, which runs the same page in the check sandbox.
        with qtbot.waitSignal(tutor.controller.check_recorded, timeout=20_000) as checked:
            qtbot.mouseClick(tutor.window.check_button, Qt.MouseButton.LeftButton)
        assert checked.args[0].tests, "the check ran its tests"
    finally:
        tutor.window.close()
