"""PySide6 6.12.0 on Python 3.11 aborted after ~5,000 calls of a Qt method returning nothing.

The pin in pyproject.toml keeps that release away from Python 3.11; this test proves the
installed combination survives well past the point where the bad one died.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(f"""
    import sys
    from sandbox.web.environment import prepare_chromium
    prepare_chromium()
    from sandbox.web.scheme import register_scheme
    register_scheme()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    from PySide6.QtWebEngineCore import QWebEnginePage
    app = QApplication([sys.argv[0]])
    label = QLabel()
    for number in range({CALLS}):
        label.setText(str(number))
        label.setWordWrap(number % 2 == 0)
    page = QWebEnginePage()
    loop = QEventLoop()
    page.loadFinished.connect(lambda ok: loop.quit())
    page.setHtml("<p>ready</p>")
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    answers = []
    for number in range({CALLS}):
        page.runJavaScript(str(number))
    page.runJavaScript("'done'", 0, lambda value: (answers.append(value), loop.quit()))
    QTimer.singleShot(60000, loop.quit)
    loop.exec()
    del page
    print("survived", answers)
""")


def test_twenty_thousand_void_calls_do_not_abort_the_process() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=300, env={**_offscreen_env()})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived ['done']" in result.stdout


def _offscreen_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
