"""The app, not the environment or the command line, decides how Chromium runs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest

from sandbox.web.environment import prepare_chromium, running_as_root

SWITCHES_FROM_OUTSIDE = {
    "QTWEBENGINE_DISABLE_SANDBOX": "1",
    "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --remote-debugging-port=9222 "
                                  "--proxy-server=direct:// --disable-web-security",
    "QTWEBENGINE_REMOTE_DEBUGGING": "9222",
    "LANG": "en_GB.UTF-8",
}


def test_a_normal_user_keeps_the_sandbox_whatever_the_environment_says() -> None:
    env = dict(SWITCHES_FROM_OUTSIDE)

    setup = prepare_chromium(env, as_root=False)

    assert setup.sandbox_on
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in env
    assert "QTWEBENGINE_REMOTE_DEBUGGING" not in env
    flags = env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    for unwanted in ("--no-sandbox", "--remote-debugging-port=9222", "--proxy-server=direct://",
                     "--disable-web-security"):
        assert unwanted not in flags
    # The app's own switches close the leaks that no request filter sees.
    for wanted in ("--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                   "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                   "--js-flags=--max-old-space-size=256"):
        assert wanted in flags
    assert tuple(flags) == setup.flags
    assert env["LANG"] == "en_GB.UTF-8"  # everything else is left alone


def test_as_root_the_sandbox_is_off_and_the_app_says_so_plainly() -> None:
    env: dict[str, str] = {"QTWEBENGINE_REMOTE_DEBUGGING": "9222"}

    setup = prepare_chromium(env, as_root=True)

    assert not setup.sandbox_on
    assert env["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
    assert "--no-sandbox" in env["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    assert "QTWEBENGINE_REMOTE_DEBUGGING" not in env
    reason = setup.reason.lower()
    assert "sandbox is off" in reason
    assert "root" in reason or "administrator" in reason
    assert all(len(sentence.split()) <= 20 for sentence in setup.reason.split(". "))


def test_a_normal_user_is_told_the_sandbox_is_on() -> None:
    setup = prepare_chromium({}, as_root=False)
    assert setup.reason == "The browser sandbox is on."


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


REMOTE_CONTROL_SCRIPT = textwrap.dedent("""
    import socket, sys
    from sandbox.web.environment import prepare_chromium
    from sandbox.web.scheme import register_scheme
    prepare_chromium()
    register_scheme()
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtWidgets import QApplication
    from sandbox.web.page import SandboxPage
    from sandbox.web.profile import WebSandbox
    from sandbox.web.scheme import make_site

    app = QApplication(sys.argv)
    sandbox = WebSandbox()
    sandbox.server.set_site("preview", make_site({"index.html": "<p>hello</p>"}))
    page = SandboxPage(sandbox, "preview")

    def probe():
        for port in sys.argv[-2:]:
            with socket.socket() as client:
                client.settimeout(2)
                try:
                    client.connect(("127.0.0.1", int(port)))
                    print("open", port, flush=True)
                except OSError:
                    print("closed", port, flush=True)
        app.quit()

    page.loadFinished.connect(lambda ok: QTimer.singleShot(1000, probe))
    page.load(QUrl("tutor://preview/index.html"))
    QTimer.singleShot(30000, app.quit)
    app.exec()
    sandbox.shutdown()
""")


@pytest.mark.slow
def test_no_other_program_can_take_remote_control_of_learner_pages() -> None:
    """Asking for remote debugging, by environment or on the command line, opens no port."""
    by_environment, by_command_line = _free_port(), _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("QTWEBENGINE_")}
    env["QTWEBENGINE_REMOTE_DEBUGGING"] = str(by_environment)
    env["QT_QPA_PLATFORM"] = "offscreen"
    arguments = ["--webEngineArgs", f"--remote-debugging-port={by_command_line}",
                 "--remote-allow-origins=*", str(by_environment), str(by_command_line)]

    result = subprocess.run([sys.executable, "-c", REMOTE_CONTROL_SCRIPT, *arguments],
                            env=env, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == [f"closed {by_environment}",
                                             f"closed {by_command_line}"]
    assert running_as_root() or "Sandboxing disabled" not in result.stderr
