"""Starts Qt the way the sandbox needs: Chromium settings and the URL scheme come first."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from sandbox.web.environment import ChromiumSetup, prepare_chromium
from sandbox.web.scheme import register_scheme

# Qt warns about graphics back ends it cannot use on a machine with no GPU. Those lines are
# noise for a learner or a script reading stderr, so headless commands drop them.
_NOISE = ("QRhi", "Failed to create RHI", "Vulkan", "QVulkanInstance", "GBM is not supported",
          "This plugin does not support",
          "Release of profile requested", "GPUInfo", "Couldn't load pipewire")


def _quiet_handler(kind: QtMsgType, context: object, message: str) -> None:
    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or message.startswith(_NOISE):
        return
    sys.stderr.write(message + "\n")


def start_qt(*, headless: bool, argv: list[str] | None = None) -> tuple[QApplication, ChromiumSetup]:
    """Make (or return) the QApplication, with Chromium's flags and sandbox decided first."""
    existing = QApplication.instance()
    if existing is not None:
        # Already started (by a test harness, say): Chromium's settings were fixed then.
        known = getattr(existing, "chromium_setup", None)
        return existing, known or prepare_chromium()  # type: ignore[return-value]
    setup = prepare_chromium()
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_quiet_handler)
    register_scheme()
    # QtWebEngine's widgets share an OpenGL context with the application, which Qt sets up
    # only when the module is loaded before the application exists.
    import PySide6.QtWebEngineWidgets  # noqa: F401

    app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName("Tutor")
    app.setOrganizationName("Tutor")
    app.chromium_setup = setup  # type: ignore[attr-defined]
    return app, setup
