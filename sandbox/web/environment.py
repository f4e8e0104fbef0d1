"""Chromium's process-wide settings, decided by the app before Qt starts.

These must be in place before the first QApplication exists: QtWebEngine reads its flags and
its sandbox choice once, at start. The app decides them itself and ignores what the
environment says, because the environment is the easiest thing for someone to change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

# Each flag closes a leak that a request interceptor never sees (see the security notes):
# WebRTC UDP, the TCP warm-up of <link rel=preconnect>, and anything else that would try the
# network goes to a proxy that answers nowhere. The heap cap stops a JavaScript object bomb;
# the timer flags keep a hidden check page running at full speed.
_CHROMIUM_FLAGS = (
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--dns-prefetch-disable",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--log-level=3",
    "--no-pings",
    "--js-flags=--max-old-space-size=256",
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
    "--disable-features=BackForwardCache,MediaRouter,DialMediaRouteProvider,"
    "InterestFeedContentSuggestions,OptimizationHints,Translate,WebRtcHideLocalIpsWithMdns",
)

# Variables that would let someone outside the app change how Chromium behaves or drive the
# learner's page from another process.
_REMOVED_VARIABLES = (
    "QTWEBENGINE_REMOTE_DEBUGGING",
    "QTWEBENGINE_CHROMIUM_FLAGS",
    "QTWEBENGINE_DISABLE_SANDBOX",
    "QTWEBENGINE_DICTIONARIES_PATH",
)


@dataclass(frozen=True)
class ChromiumSetup:
    """What the app decided about Chromium, for "About this installation"."""

    sandbox_on: bool
    reason: str
    flags: tuple[str, ...]


def running_as_root() -> bool:
    """True when this process runs as the administrator account."""
    geteuid = getattr(os, "geteuid", None)
    return bool(geteuid is not None and geteuid() == 0)


def prepare_chromium(environ: dict[str, str] | None = None, *,
                     as_root: bool | None = None) -> ChromiumSetup:
    """Set Chromium's flags and sandbox in `environ` (default: this process's environment).

    Call before the QApplication is made. The sandbox stays on for a normal user whatever the
    environment says; it is turned off only as root, where Chromium refuses to start with it.
    """
    env = os.environ if environ is None else environ
    for name in _REMOVED_VARIABLES:
        env.pop(name, None)
    root = running_as_root() if as_root is None else as_root
    flags = list(_CHROMIUM_FLAGS)
    if root:
        flags.append("--no-sandbox")
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        reason = ("The browser sandbox is off because this program runs as the administrator "
                  "(root). Chromium will not start its sandbox as root. Run Tutor as a normal "
                  "user to turn it on.")
    else:
        reason = "The browser sandbox is on."
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    return ChromiumSetup(sandbox_on=not root, reason=reason, flags=tuple(flags))
