"""Settings for the whole test suite: Qt and Chromium set up the way the app sets them up.

QtWebEngine reads its Chromium flags, its sandbox choice and its URL schemes once, when the
first QApplication is made. pytest-qt makes that application lazily, inside a fixture, so
this module does the app's start-up steps at import time: before any test, and before any
fixture can make an application.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest

# Tests never draw on a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sandbox.web.environment import prepare_chromium  # noqa: E402 (must follow the line above)
from sandbox.web.scheme import register_scheme  # noqa: E402

prepare_chromium()
register_scheme()

# QtWebEngine's widgets share an OpenGL context with the application, which Qt sets up only
# if the module is loaded before the application exists.
import PySide6.QtWebEngineWidgets  # noqa: E402,F401

THREAD_GRACE_SECONDS = 2.0


@pytest.fixture(scope="session", autouse=True)
def _close_shared_check_runner() -> Iterator[None]:
    """At the end of the run, delete the shared check page before its profile."""
    yield
    from sandbox.web.check_runner import close_shared_runner

    close_shared_runner()


@pytest.fixture(autouse=True)
def _no_thread_left_running() -> Iterator[None]:
    """Fail a test that leaves a non-daemon thread running after it ends."""
    before = set(threading.enumerate())
    yield
    left = [thread for thread in threading.enumerate()
            if thread not in before and thread.is_alive() and not thread.daemon]
    for thread in left:
        # A thread told to stop may need a moment to notice.
        thread.join(THREAD_GRACE_SECONDS / len(left))
    still_running = [thread.name for thread in left if thread.is_alive()]
    if still_running:
        pytest.fail(f"The test left threads running: {', '.join(still_running)}", pytrace=False)
