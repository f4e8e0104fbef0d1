"""No `file:` read: a learner page tries every way to read a file of this computer, and fails."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage
from pytestqt.qtbot import QtBot

from sandbox.web.preview import LivePreview
from sandbox.web.profile import WebSandbox

if TYPE_CHECKING:  # the fixtures' types, for readers and editors; pytest supplies the values
    from conftest import Evaluate, OpenPage

HOSTNAME_FILE = Path("/etc/hostname")

READ_ATTEMPTS_JS = """
const targets = TARGETS;
const results = {};
const note = (name, value) => { results[name] = String(value).slice(0, 300); };
const settle = (name, promise) => promise.then(v => note(name, "got: " + v),
                                              e => note(name, "blocked: " + (e && e.name || e)));
const loaded = (element, ms = 1500) => new Promise((resolve, reject) => {
  element.onload = () => resolve(element);
  element.onerror = () => reject(new Error("error event"));
  setTimeout(() => reject(new Error("no load")), ms);
});
const frameText = frame => {
  try { return "got: " + frame.contentDocument.documentElement.innerText; }
  catch (e) { return "blocked: " + e.name; }
};

(async () => {
  const tries = [];
  targets.forEach((target, n) => {
    tries.push(settle("fetch " + n, fetch(target).then(r => r.text())));
    tries.push(settle("xhr " + n, new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("GET", target);
      xhr.onload = () => resolve(xhr.responseText);
      xhr.onerror = () => reject(new Error("xhr error"));
      xhr.send();
    })));
    tries.push(settle("import " + n, import(target).then(m => JSON.stringify(m))));
    tries.push(settle("worker " + n, new Promise((resolve, reject) => {
      const worker = new Worker(target);
      worker.onerror = () => reject(new Error("worker error"));
      setTimeout(() => resolve("worker ran"), 1000);
    })));
    const img = document.createElement("img"); img.src = target; document.body.append(img);
    tries.push(settle("img " + n, loaded(img).then(() => img.naturalWidth + "px")));
    const script = document.createElement("script"); script.src = target; document.head.append(script);
    tries.push(settle("script " + n, loaded(script).then(() => "script ran")));
    const link = document.createElement("link"); link.rel = "stylesheet"; link.href = target;
    document.head.append(link);
    tries.push(settle("link " + n, loaded(link).then(() => link.sheet.cssRules.length + " rules")));
    const frame = document.createElement("iframe"); frame.src = target; document.body.append(frame);
    tries.push(loaded(frame).then(() => note("iframe " + n, frameText(frame)),
                                  e => note("iframe " + n, "blocked: " + e.message)));
    const object = document.createElement("object"); object.data = target; document.body.append(object);
    tries.push(settle("object " + n, loaded(object).then(() => "object loaded")));
    tries.push(settle("window.open " + n, Promise.resolve(String(window.open(target)))));
  });
  await Promise.all(tries);
  console.log("FILE ATTEMPTS DONE " + JSON.stringify(results));
  location = targets[0];
  setTimeout(() => { location.href = targets[1]; }, 50);
  setTimeout(() => console.log("STILL HERE " + document.querySelector("h1").textContent), 600);
})();
"""


@pytest.fixture
def secret_file(tmp_path: Path) -> tuple[Path, str]:
    """A file of this computer holding a secret no page should ever see."""
    secret = "secret-" + secrets.token_hex(16)
    path = tmp_path / "secret.txt"
    path.write_text(secret)
    return path, secret


def test_a_learner_page_cannot_read_a_file_of_this_computer(
        open_page: OpenPage, preview: LivePreview, evaluate: Evaluate,
        secret_file: tuple[Path, str]) -> None:
    path, secret = secret_file
    targets = [QUrl.fromLocalFile(str(path)).toString(), "file:///etc/hostname"]
    files = {"index.html": "<!DOCTYPE html><h1>My page</h1><script src='read.js'></script>",
             "read.js": READ_ATTEMPTS_JS.replace("TARGETS", json.dumps(targets))}

    opened = open_page(files, until="STILL HERE")

    done = next(text for text in opened.texts() if text.startswith("FILE ATTEMPTS DONE "))
    results: dict[str, str] = json.loads(done.removeprefix("FILE ATTEMPTS DONE "))
    assert len(results) == 2 * 10
    got = {name: value for name, value in results.items() if not value.startswith("blocked")}
    assert set(got) <= {"window.open 0", "window.open 1"}, got
    assert set(got.values()) <= {"got: null"}, got
    assert not any(secret in text for text in opened.texts())
    if HOSTNAME_FILE.is_file():
        hostname = HOSTNAME_FILE.read_text().strip()
        assert not any(hostname in value for value in got.values())
    # Both navigations to `file:` were refused: the learner's page is still there.
    assert "STILL HERE My page" in opened.texts()
    assert preview.page.url() == preview.page.own_url("index.html")
    page_text = evaluate(preview.page, "document.documentElement.outerHTML")
    assert secret not in page_text


def test_the_app_cannot_be_made_to_show_a_file_either(
        qtbot: QtBot, web_sandbox: WebSandbox, preview: LivePreview, evaluate: Evaluate,
        secret_file: tuple[Path, str]) -> None:
    """Even a page without the learner page's own hooks, in the sandbox profile, shows no file."""
    path, secret = secret_file
    target = QUrl.fromLocalFile(str(path))
    plain_page = QWebEnginePage(web_sandbox.profile)
    web_sandbox.adopt(plain_page)
    for page in (preview.page, plain_page):
        with qtbot.waitSignal(page.loadFinished, timeout=10_000) as loaded:
            page.load(target)
        assert loaded.args == [False]
        assert secret not in (evaluate(page, "document.documentElement.outerHTML") or "")
    # The profile's request filter refused it (the learner page's own hook refused it earlier).
    assert target.toString() in web_sandbox.interceptor.refused
