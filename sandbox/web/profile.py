"""The isolated browser profile that every learner page uses.

Off the record (nothing on disk), no network (only `tutor:`, `data:` and `blob:` requests
pass the interceptor), and every setting whose default is wrong for us turned off.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import (
    QWebEngineDownloadRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from sandbox.web.scheme import SCHEME, LearnerFileServer

ALLOWED_SCHEMES = frozenset({SCHEME, "data", "blob"})

_Attr = QWebEngineSettings.WebAttribute
_SETTINGS_OFF = (
    _Attr.JavascriptCanOpenWindows,
    _Attr.JavascriptCanAccessClipboard,
    _Attr.JavascriptCanPaste,
    _Attr.LocalContentCanAccessRemoteUrls,
    _Attr.LocalContentCanAccessFileUrls,
    _Attr.HyperlinkAuditingEnabled,
    _Attr.ErrorPageEnabled,
    _Attr.PluginsEnabled,
    _Attr.FullScreenSupportEnabled,
    _Attr.ScreenCaptureEnabled,
    _Attr.WebGLEnabled,
    _Attr.AllowRunningInsecureContent,
    _Attr.AllowGeolocationOnInsecureOrigins,
    _Attr.AllowWindowActivationFromJavaScript,
    _Attr.DnsPrefetchEnabled,
    _Attr.PdfViewerEnabled,
    _Attr.NavigateOnDropEnabled,
    _Attr.AutoLoadIconsForPage,
    _Attr.TouchIconsEnabled,
    _Attr.BackForwardCacheEnabled,
    _Attr.FocusOnNavigationEnabled,
)
_SETTINGS_ON = (
    _Attr.JavascriptEnabled,
    _Attr.AutoLoadImages,
    _Attr.LocalStorageEnabled,
    _Attr.WebRTCPublicInterfacesOnly,
    _Attr.PlaybackRequiresUserGesture,
)


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Refuses every request whose scheme is not the app's own, `data:` or `blob:`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt name)
        url = info.requestUrl()
        if url.scheme().lower() not in ALLOWED_SCHEMES:
            info.block(True)
            if len(self.refused) < 1000:
                self.refused.append(url.toString()[:200])


# Chromium has no switch that turns WebRTC off, and a peer connection makes the browser
# open UDP sockets (a probe of the default route, and candidates) that no request
# interceptor sees. Learner pages have no use for it, so its constructors are removed from
# every frame as its document is made, before any learner script runs. One gap remains: a
# script can reach the first, empty document of an iframe it has just made before this runs
# there. The Chromium flags (no non-proxied UDP, no mDNS) keep that path from sending
# anything; see docs/decisions/0008-webrtc.md.
_NO_WEBRTC = """
(function () {
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel',
      'RTCIceCandidate', 'RTCSessionDescription', 'RTCRtpSender', 'RTCRtpReceiver',
      'RTCRtpTransceiver', 'RTCIceTransport', 'RTCDtlsTransport', 'RTCSctpTransport',
      'RTCCertificate', 'RTCEncodedAudioFrame', 'RTCEncodedVideoFrame']) {
    try {
      Object.defineProperty(globalThis, name,
        {value: undefined, writable: false, configurable: false, enumerable: false});
    } catch (error) { /* already gone */ }
  }
})();
"""


def _no_webrtc_script() -> QWebEngineScript:
    script = QWebEngineScript()
    script.setName("tutor-no-webrtc")
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setRunsOnSubFrames(True)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setSourceCode(_NO_WEBRTC)
    return script


class WebSandbox(QObject):
    """Owns the off-the-record profile, the file server and the interceptor for all pages.

    Make one per application, after `register_scheme()` and the QApplication. Delete every
    page made with `profile` before this object: Qt crashes at exit otherwise.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.profile = QWebEngineProfile(self)  # no storage name: off the record
        self._pages: weakref.WeakSet[QWebEnginePage] = weakref.WeakSet()
        self.server = LearnerFileServer(self)
        self.interceptor = LocalOnlyInterceptor(self)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.server)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self.profile.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        self.profile.setSpellCheckEnabled(False)
        self.profile.setPushServiceEnabled(False)
        self.profile.downloadRequested.connect(self._refuse_download)
        self.profile.scripts().insert(_no_webrtc_script())
        settings = self.profile.settings()
        for attribute in _SETTINGS_OFF:
            settings.setAttribute(attribute, False)
        for attribute in _SETTINGS_ON:
            settings.setAttribute(attribute, True)
        settings.setUnknownUrlSchemePolicy(
            QWebEngineSettings.UnknownUrlSchemePolicy.DisallowUnknownUrlSchemes)

    def adopt(self, page: QWebEnginePage) -> None:
        """Remember a page made with this profile, so `shutdown` can delete it first."""
        self._pages.add(page)

    def shutdown(self) -> None:
        """Delete every page, then the profile: the order Qt needs to exit cleanly."""
        for page in list(self._pages):
            if shiboken6.isValid(page):
                shiboken6.delete(page)
        self._pages.clear()
        if shiboken6.isValid(self.profile):
            shiboken6.delete(self.profile)

    @staticmethod
    def _refuse_download(download: QWebEngineDownloadRequest) -> None:
        download.cancel()
