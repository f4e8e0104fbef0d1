"""The `tutor:` URL scheme: learner files served from memory, never from disk or network.

Every page the sandbox shows lives at `tutor://HOST/PATH`, where HOST names a "site" (for
example `check` or `preview`) whose files the app put in memory. Nothing else can be loaded:
the request interceptor refuses other schemes, and this handler answers only for known
sites and paths. Every reply carries a Content-Security-Policy that stops forms, plugins,
`<base>` tricks and connections to anything but the page's own origin.
"""

from __future__ import annotations

import json
import posixpath
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = "tutor"
ASSET_PREFIX = "__tutor__/"
BLANK_PAGE = ASSET_PREFIX + "blank.html"

CONTENT_SECURITY_POLICY = (
    "default-src 'self' data: blob:; "
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; "
    "style-src 'self' 'unsafe-inline' data: blob:; "
    "img-src 'self' data: blob:; "
    "font-src 'self' data: blob:; "
    "media-src 'self' data: blob:; "
    "connect-src 'self' data: blob:; "
    "frame-src 'self' blob:; "
    "worker-src 'self' blob:; "
    "manifest-src 'none'; "
    "form-action 'none'; "
    "base-uri 'none'; "
    "object-src 'none'"
)

IMPORT_MAP = json.dumps({"imports": {
    "@jest/globals": "/__tutor__/jest-globals.js",
    "@tutor/checks": "/__tutor__/checks.js",
}})
PAGE_PRELUDE = (
    f'<script type="importmap">{IMPORT_MAP}</script>'
    '<script src="/__tutor__/guard.js"></script>'
).encode()

_MIME_TYPES = {
    ".html": b"text/html", ".htm": b"text/html", ".css": b"text/css",
    ".js": b"text/javascript", ".mjs": b"text/javascript", ".json": b"application/json",
    ".svg": b"image/svg+xml", ".png": b"image/png", ".jpg": b"image/jpeg",
    ".jpeg": b"image/jpeg", ".gif": b"image/gif", ".webp": b"image/webp",
    ".txt": b"text/plain", ".md": b"text/plain", ".ico": b"image/x-icon",
    ".woff2": b"font/woff2", ".woff": b"font/woff",
}


def register_scheme() -> None:
    """Register the `tutor:` scheme with QtWebEngine. Call once, before the QApplication."""
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Deliberately not SecureScheme: on a non-secure origin, service workers and media
    # devices do not exist at all.
    scheme.setFlags(QWebEngineUrlScheme.Flag.CorsEnabled
                    | QWebEngineUrlScheme.Flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)


def mime_type(path: str) -> bytes:
    """The MIME type for a file name, by its extension."""
    return _MIME_TYPES.get(posixpath.splitext(path)[1].lower(), b"application/octet-stream")


# On the page where checks run, the harness starts loading with the page instead of after
# it (three module fetches one after another cost ~10 ms a check).
HARNESS_PRELOAD = b"".join(
    b'<link rel="modulepreload" href="/__tutor__/%s">' % name
    for name in (b"runner.js", b"jest.js", b"checks.js"))


def inject_prelude(html: bytes, *, preload_harness: bool = False) -> bytes:
    """Put the import map and the page guard first in an HTML document, after any doctype."""
    prelude = PAGE_PRELUDE + (HARNESS_PRELOAD if preload_harness else b"")
    head = html[:512].lstrip().lower()
    if head.startswith(b"<!doctype"):
        start = html.lower().find(b"<!doctype")
        end = html.find(b">", start)
        if end != -1:
            return html[:end + 1] + prelude + html[end + 1:]
    return prelude + html


def _load_assets() -> dict[str, bytes]:
    folder = resources.files("sandbox.web") / "assets"
    assets = {}
    for item in folder.iterdir():
        if item.is_file() and not item.name.startswith("."):
            assets[item.name] = item.read_bytes()
    assets["blank.html"] = b"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body></body></html>"
    return assets


@dataclass(frozen=True)
class Site:
    """The files of one site: the learner's files and the files only checks may see."""

    files: Mapping[str, bytes]
    sources_json: bytes = b"{}"
    extra: Mapping[str, bytes] = field(default_factory=dict)
    preload_harness: bool = False

    def lookup(self, path: str) -> tuple[str, bytes] | None:
        """The file at `path`, trying `.js` and `/index.js` the way a bundler resolves imports."""
        for candidate in (path, path + ".js", posixpath.join(path, "index.js")):
            if candidate in self.files:
                return candidate, self.files[candidate]
            if candidate in self.extra:
                return candidate, self.extra[candidate]
        return None


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def make_site(files: Mapping[str, str | bytes],
              hidden_files: Mapping[str, str | bytes] | None = None, *,
              preload_harness: bool = False) -> Site:
    """Build a site from the learner's files and files that only the checks use.

    `preload_harness` starts loading the check harness with each page (for check pages).
    """
    learner = {normalise_path(p): _as_bytes(d) for p, d in files.items()}
    hidden = {normalise_path(p): _as_bytes(d) for p, d in (hidden_files or {}).items()}
    sources = {p: d.decode("utf-8", "replace") for p, d in learner.items()
               if mime_type(p).startswith((b"text/", b"application/json", b"image/svg"))}
    return Site(files=learner, extra=hidden,
                sources_json=json.dumps(sources, ensure_ascii=False).encode("utf-8"),
                preload_harness=preload_harness)


def normalise_path(path: str) -> str:
    """A safe relative path inside a site, or ValueError for anything that climbs out."""
    cleaned = path.replace("\\", "/").lstrip("/")
    normal = posixpath.normpath(cleaned) if cleaned else ""
    if normal in (".", ""):
        return ""
    if normal.startswith("../") or normal == ".." or "\x00" in normal:
        raise ValueError(f"Not a safe file name: {path!r}")
    return normal


class LearnerFileServer(QWebEngineUrlSchemeHandler):
    """Answers `tutor://` requests from the files the app put in memory for each site."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sites: dict[str, Site] = {}
        self._lock = threading.Lock()
        self._assets = _load_assets()

    def set_site(self, host: str, site: Site) -> None:
        """Serve `site` at `tutor://host/`, replacing what was there."""
        with self._lock:
            self._sites[host.lower()] = site

    def remove_site(self, host: str) -> None:
        """Stop serving a site."""
        with self._lock:
            self._sites.pop(host.lower(), None)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt name)
        url = job.requestUrl()
        if bytes(job.requestMethod().data()) not in (b"GET", b"HEAD"):
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        with self._lock:
            site = self._sites.get(url.host().lower())
        if site is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        try:
            path = normalise_path(url.path())
        except ValueError:
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        found = self._find(site, path)
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        name, data = found
        mime = mime_type(name)
        if mime == b"text/html":
            data = inject_prelude(data, preload_harness=site.preload_harness)
            mime = b"text/html;charset=utf-8"
        elif mime in (b"text/javascript", b"text/css", b"text/plain"):
            mime += b";charset=utf-8"
        # The harness files never change while the app runs, so Chromium may keep them
        # (parsing jest.js again on every check cost ~15 ms); learner files never are kept.
        cache = b"max-age=86400" if path.startswith(ASSET_PREFIX) and name.endswith(".js") \
            else b"no-store"
        headers = {QByteArray(b"Content-Security-Policy"): [QByteArray(CONTENT_SECURITY_POLICY.encode())],
                   QByteArray(b"Cache-Control"): [QByteArray(cache)],
                   QByteArray(b"X-Content-Type-Options"): [QByteArray(b"nosniff")]}
        # PySide's stub says one value per key, but the binding wants a list (a QMultiMap).
        job.setAdditionalResponseHeaders(headers)  # type: ignore[arg-type]
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)

    def _find(self, site: Site, path: str) -> tuple[str, bytes] | None:
        if path.startswith(ASSET_PREFIX):
            name = path[len(ASSET_PREFIX):]
            if name == "sources.json":
                return name, site.sources_json
            if name in self._assets:
                return name, self._assets[name]
            return None
        if path == "":
            return site.lookup("index.html")
        return site.lookup(path)
