"""The `tutor:` file server answers only reads of known files on known sites."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtWebEngineCore import QWebEngineHttpRequest, QWebEnginePage
from pytestqt.qtbot import QtBot

from sandbox.web.profile import WebSandbox
from sandbox.web.scheme import make_site, normalise_path

if TYPE_CHECKING:  # the fixtures' types, for readers and editors; pytest supplies the values
    from conftest import OpenPage


@pytest.mark.parametrize("path", [
    "../secret.txt", "/../secret.txt", "a/../../secret.txt", "..", "..\\secret.txt",
    "a\\..\\..\\secret.txt", "/../../etc/hostname", "name\x00.html",
])
def test_a_path_that_climbs_out_of_the_site_is_refused(path: str) -> None:
    with pytest.raises(ValueError):
        normalise_path(path)


def test_a_path_that_stays_inside_is_tidied() -> None:
    assert normalise_path("/css/../css/./style.css") == "css/style.css"
    assert normalise_path("\\js\\app.js") == "js/app.js"


def test_a_learner_file_cannot_be_named_outside_the_site() -> None:
    with pytest.raises(ValueError):
        make_site({"index.html": "<p>hi</p>", "../../escape.html": "<p>out</p>"})


REQUESTS_JS = """
const tries = {
  "read own page": fetch("/index.html").then(r => r.ok ? "read" : "status " + r.status),
  "climb, slashes encoded": fetch("/..%2f..%2fetc%2fhostname").then(r => "read " + r.status),
  "climb, dots encoded": fetch("/%2e%2e/%2e%2e/etc/hostname").then(r => "read " + r.status),
  "climb, backslashes": fetch("/..%5c..%5cetc%5chostname").then(r => "read " + r.status),
  "post": fetch("/index.html", {method: "POST", body: "x"}).then(r => "read " + r.status),
  "put": fetch("/index.html", {method: "PUT", body: "x"}).then(r => "read " + r.status),
  "delete": fetch("/index.html", {method: "DELETE"}).then(r => "read " + r.status),
  "unknown host": fetch("tutor://unknown-host/index.html").then(r => "read " + r.status),
  "other site": fetch("tutor://other-site/index.html").then(r => "read " + r.status),
};
Promise.all(Object.entries(tries).map(([name, attempt]) =>
    attempt.then(value => [name, value], error => [name, "refused: " + error.name])))
  .then(pairs => console.log("REQUESTS " + JSON.stringify(Object.fromEntries(pairs))));
"""


def test_a_page_can_only_read_its_own_files(
        open_page: OpenPage, web_sandbox: WebSandbox) -> None:
    web_sandbox.server.set_site("other-site", make_site({"index.html": "<p>someone else</p>"}))
    files = {"index.html": "<!DOCTYPE html><p>mine</p><script src='requests.js'></script>",
             "requests.js": REQUESTS_JS}

    opened = open_page(files, until="REQUESTS ")

    line = next(text for text in opened.texts() if text.startswith("REQUESTS "))
    results: dict[str, str] = json.loads(line.removeprefix("REQUESTS "))
    assert results == {
        "read own page": "read",
        # The server answers "forbidden" to a path that climbs out, and to any method but GET.
        "climb, slashes encoded": "read 403",
        "climb, backslashes": "read 403",
        "climb, dots encoded": "read 404",  # the browser resolved it first: no such file
        "post": "read 403",
        "put": "read 403",
        "delete": "read 403",
        # Other sites are not even asked: the page's own policy refuses them.
        "unknown host": "refused: TypeError",
        "other site": "refused: TypeError",
    }


def _load(qtbot: QtBot, page: QWebEnginePage, target: QUrl | QWebEngineHttpRequest) -> bool:
    with qtbot.waitSignal(page.loadFinished, timeout=10_000) as loaded:
        page.load(target)
    return bool(loaded.args[0])


def test_the_server_refuses_unknown_sites_and_anything_but_reading(
        qtbot: QtBot, web_sandbox: WebSandbox) -> None:
    """Straight to the server, with none of the page's own rules in the way."""
    web_sandbox.server.set_site("site", make_site({"index.html": "<p>hello</p>"}))
    page = QWebEnginePage(web_sandbox.profile)
    web_sandbox.adopt(page)
    own = QUrl("tutor://site/index.html")

    assert _load(qtbot, page, own)
    post = QWebEngineHttpRequest(own, QWebEngineHttpRequest.Method.Post)
    post.setPostData(QByteArray(b"name=value"))
    assert not _load(qtbot, page, post)
    assert not _load(qtbot, page, QUrl("tutor://unknown-site/index.html"))
    assert not _load(qtbot, page, QUrl("tutor://site/..%2f..%2fetc%2fhostname"))
    assert not _load(qtbot, page, QUrl("tutor://site/missing.html"))
    web_sandbox.server.remove_site("site")
    assert not _load(qtbot, page, own)
