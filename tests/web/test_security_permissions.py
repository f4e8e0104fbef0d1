"""No permissions: location, notifications, camera, clipboard and service workers are refused."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWebEngineCore import QWebEngineUrlScheme

from sandbox.web.preview import LivePreview
from sandbox.web.scheme import SCHEME

if TYPE_CHECKING:  # the fixtures' types, for readers and editors; pytest supplies the values
    from conftest import OpenPage

ASK_EVERYTHING_JS = """
const results = {};
const attempt = async (name, action) => {
  try { results[name] = "allowed: " + String(await action()).slice(0, 100); }
  catch (e) { results[name] = "refused: " + (e && e.name) + ": " + (e && e.message || e); }
};
const within = (ms, promise) => Promise.race([promise, new Promise(
  (_, reject) => setTimeout(() => reject(new Error("no answer")), ms))]);

(async () => {
  await Promise.all([
    attempt("geolocation", () => within(2000, new Promise((resolve, reject) =>
      navigator.geolocation.getCurrentPosition(p => resolve(p.coords.latitude),
                                               e => reject(new Error("code " + e.code)))))),
    attempt("notification", async () => {
      const answer = await within(2000, Notification.requestPermission());
      if (answer !== "granted") throw new Error(answer);
      new Notification("hello");
      return answer;
    }),
    attempt("camera", () => within(2000, navigator.mediaDevices.getUserMedia({video: true}))),
    attempt("microphone", () => within(2000, navigator.mediaDevices.getUserMedia({audio: true}))),
    attempt("screen", () => within(2000, navigator.mediaDevices.getDisplayMedia())),
    attempt("clipboard read", () => within(2000, navigator.clipboard.readText())),
    attempt("clipboard paste", () => {
      const box = document.createElement("textarea");
      document.body.append(box);
      box.focus();
      if (!document.execCommand("paste") || box.value === "") throw new Error("nothing pasted");
      return box.value;
    }),
    attempt("clipboard copy", () => {
      if (!document.execCommand("copy")) throw new Error("not copied");
      return "copied";
    }),
    attempt("service worker", () => within(2000, navigator.serviceWorker.register("sw.js"))),
    attempt("full screen", () => within(2000, document.documentElement.requestFullscreen())),
    attempt("file picker", () => within(2000, window.showOpenFilePicker())),
    attempt("midi", () => within(2000, navigator.requestMIDIAccess())),
    attempt("usb", () => within(2000, navigator.usb.requestDevice({filters: []}))),
    attempt("protocol handler", () => {
      navigator.registerProtocolHandler("web+tutor", location.origin + "/?%s");
      return "registered";
    }),
    attempt("persistent storage", async () => {
      if (!(await within(2000, navigator.storage.persist()))) throw new Error("not granted");
      return "granted";
    }),
  ]);
  results["service worker object"] = String(navigator.serviceWorker);
  console.log("ASKED " + JSON.stringify(results));
})();
"""


def test_every_permission_is_refused(open_page: OpenPage, preview: LivePreview) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("the last thing someone else copied")
    files = {"index.html": "<!DOCTYPE html><p>ask</p><script src='ask.js'></script>",
             "ask.js": ASK_EVERYTHING_JS, "sw.js": "self.onfetch = () => {};"}

    opened = open_page(files, until="ASKED ")

    line = next(text for text in opened.texts() if text.startswith("ASKED "))
    results: dict[str, str] = json.loads(line.removeprefix("ASKED "))
    allowed = {name: value for name, value in results.items() if value.startswith("allowed")}
    assert allowed == {}
    assert results["service worker object"] == "undefined"
    assert clipboard.text() == "the last thing someone else copied"
    assert not any("someone else" in text for text in opened.texts())


def test_learner_pages_are_not_a_secure_context() -> None:
    """Browsers offer service workers, cameras and the clipboard only to secure pages."""
    scheme = QWebEngineUrlScheme.schemeByName(SCHEME.encode())
    flags = scheme.flags()
    assert not flags & QWebEngineUrlScheme.Flag.SecureScheme
    assert not flags & QWebEngineUrlScheme.Flag.LocalScheme
    assert not flags & QWebEngineUrlScheme.Flag.LocalAccessAllowed
    assert not flags & QWebEngineUrlScheme.Flag.ServiceWorkersAllowed
