"""Find anything in an exercise that reaches outside it: web addresses, links to files it
does not ship, imports from elsewhere, and network calls in checks.

The app blocks all of these at run time anyway; this is for the people who vet lesson
packs, so that a pack that tries is flagged before it is installed.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import unquote

from tutor.content.js_scan import import_specifiers, names_used
from tutor.content.model import Exercise

# The modules a check may import that are not files of the exercise.
CHECK_MODULES = frozenset({"@jest/globals", "@tutor/checks"})
NETWORK_NAMES = frozenset({
    "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "sendBeacon",
    "RTCPeerConnection", "importScripts", "serviceWorker", "Worker", "SharedWorker",
})
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
TEXT_TYPES = (".html", ".htm", ".css", ".js", ".mjs", ".json", ".txt", ".csv", ".md", ".svg")
# SVG files name their XML vocabulary with addresses that are never fetched.
_XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink",
                   "http://www.w3.org/XML/1998/namespace")

_URL = re.compile(r"(?<![A-Za-z0-9+.-])(?:https?|ftps?|file|wss?|sftp|smb|gopher):[^\s\"'<>()`]*",
                  re.IGNORECASE)
_NETWORK_PATH = re.compile(r"""(?:["'(=]\s*)(//[A-Za-z0-9][^\s"')]*)""")
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]*?)["']?\s*\)""", re.IGNORECASE)
_REFERENCE_ATTRIBUTES = {"src", "href", "action", "formaction", "data", "poster",
                         "background", "xlink:href", "manifest", "codebase", "cite"}


class WebAddress(NamedTuple):
    """A web address (`https://...`, `file:...`) or network path (`//host/...`) on a line."""

    line: int
    text: str
    network_path: bool


def web_addresses(text: str, *, svg: bool = False) -> list[WebAddress]:
    """Every web address and network path in a text, in order, with its line."""
    found: list[WebAddress] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for match in _URL.finditer(line):
            address = match.group(0).rstrip(".,;:")
            if svg and address in _XML_NAMESPACES:
                continue
            found.append(WebAddress(line_number, address, False))
        for match in _NETWORK_PATH.finditer(line):
            found.append(WebAddress(line_number, match.group(1), True))
    return found


def web_address_problems(text: str, *, svg: bool = False) -> list[str]:
    """Each web address or network path in a text, as a plain sentence with its line."""
    return [f"line {found.line} has the "
            f"{'network path' if found.network_path else 'address'} {found.text!r}; "
            "lessons must work with no network"
            for found in web_addresses(text, svg=svg)]


def reference_problem(value: str, *, from_file: str, known: set[str],
                      allow_data: bool = True) -> str | None:
    """Say why a link to `value` from `from_file` points off the exercise, or return None."""
    value = value.strip()
    if not value or value.startswith("#"):
        return None
    if value.lower().startswith("data:"):
        return None if allow_data else f"{value[:30]!r} hides content in a data: address"
    if value.startswith("//") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        return f"{value!r} points outside the exercise"
    path = unquote(re.split(r"[?#]", value, maxsplit=1)[0])
    if path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/"))
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(from_file), path))
    if target == ".." or target.startswith("../"):
        return f"{value!r} climbs out of the exercise"
    if target not in known:
        return f"{value!r} points to a file this exercise does not have"
    return None


def module_problem(specifier: str, *, from_file: str, known: set[str],
                   allowed_modules: frozenset[str] = frozenset()) -> str | None:
    """Say why an import of `specifier` reaches outside the exercise, or return None."""
    if specifier in allowed_modules:
        return None
    if not specifier.startswith((".", "/")):
        return f"imports {specifier!r}, which is not a file of this exercise"
    for candidate in (specifier, specifier + ".js", specifier + ".mjs",
                      specifier.rstrip("/") + "/index.js"):
        if reference_problem(candidate, from_file=from_file, known=known) is None:
            return None
    return f"imports {specifier!r}, which is not a file of this exercise"


class PageReader(HTMLParser):
    """Collects the links in a page and the code inside its <script> and <style> tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str, int]] = []  # tag, attribute, value, line
        self.scripts: list[str] = []
        self.styles: list[str] = []
        # The same code with the line it starts on, and every tag with its attributes,
        # for review mode, which points at the exact line.
        self.script_blocks: list[tuple[int, str]] = []
        self.style_blocks: list[tuple[int, str]] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]], int]] = []
        self._inside: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.tags.append((tag, attrs, line))
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.split()[0], line))
            elif name in _REFERENCE_ATTRIBUTES or name == "ping":
                self.links.append((tag, name, value, line))
            elif name == "style":
                self.styles.append(value)
                self.style_blocks.append((line, value))
        if tag in ("script", "style"):
            self._inside = tag

    def handle_endtag(self, tag: str) -> None:
        self._inside = None

    def handle_data(self, data: str) -> None:
        line = self.getpos()[0]
        if self._inside == "script":
            self.scripts.append(data)
            self.script_blocks.append((line, data))
        elif self._inside == "style":
            self.styles.append(data)
            self.style_blocks.append((line, data))


def page_problems(text: str, *, name: str, known: set[str]) -> list[str]:
    """Links, styles and scripts in an HTML or SVG file that point off the exercise."""
    reader = PageReader()
    reader.feed(text)
    reader.close()
    found: list[str] = []
    for tag, attribute, value, line in reader.links:
        if attribute == "ping":
            found.append(f"line {line}: <{tag} ping> reports clicks to another place")
            continue
        if tag == "base":
            found.append(f"line {line}: <base> changes where every link points")
            continue
        problem = reference_problem(value, from_file=name, known=known,
                                    allow_data=tag not in ("script", "iframe", "embed",
                                                           "object"))
        if problem:
            found.append(f"line {line}: <{tag} {attribute}> {problem}")
    for style in reader.styles:
        found.extend(style_problems(style, name=name, known=known))
    for script in reader.scripts:
        found.extend(script_problems(script, name=name, known=known))
    return found


def css_references(text: str) -> list[tuple[str, str, int]]:
    """Each `@import` and `url()` in CSS: ("@import" or "url()", what it names, its offset)."""
    return [(label, match.group(1), match.start())
            for pattern, label in ((_CSS_IMPORT, "@import"), (_CSS_URL, "url()"))
            for match in pattern.finditer(text)]


def style_problems(text: str, *, name: str, known: set[str]) -> list[str]:
    """`@import` and `url()` in CSS that point off the exercise."""
    found: list[str] = []
    for label, value, _offset in css_references(text):
        problem = reference_problem(value, from_file=name, known=known)
        if problem:
            found.append(f"{label} {problem}")
    return found


def script_problems(text: str, *, name: str, known: set[str],
                    allowed_modules: frozenset[str] = frozenset()) -> list[str]:
    """Imports in JavaScript that reach outside the exercise."""
    found: list[str] = []
    for specifier, line in import_specifiers(text):
        problem = module_problem(specifier, from_file=name, known=known,
                                 allowed_modules=allowed_modules)
        if problem:
            found.append(f"line {line} {problem}")
    return found


def network_call_problems(text: str) -> list[str]:
    """Network features named in a check's code (comments and strings aside)."""
    return [f"line {line} uses {name}; checks may not use the network"
            for name, line in names_used(text) if name in NETWORK_NAMES]


def text_file_problems(text: str, *, name: str, known: set[str],
                       allowed_modules: frozenset[str] = frozenset()) -> list[str]:
    """Everything in one text file that reaches outside, by the kind of file it is."""
    lower = name.lower()
    found = web_address_problems(text, svg=lower.endswith(".svg"))
    if lower.endswith((".html", ".htm", ".svg")):
        found.extend(page_problems(text, name=name, known=known))
    elif lower.endswith(".css"):
        found.extend(style_problems(text, name=name, known=known))
    elif lower.endswith((".js", ".mjs")):
        found.extend(script_problems(text, name=name, known=known,
                                     allowed_modules=allowed_modules))
    return found


def exercise_outside_problems(exercise: Exercise) -> list[tuple[str, str]]:
    """Every way an exercise reaches outside itself, as (file, what is wrong) pairs."""
    known = (set(exercise.starter_files) | set(exercise.solution_files)
             | set(exercise.asset_files) | set(exercise.check_files))
    found: list[tuple[str, str]] = []
    found += [("lesson.md", p) for p in web_address_problems(exercise.lesson_markdown)]
    for hint in exercise.hints:
        found += [("exercise.toml", f"a hint: {p}") for p in web_address_problems(hint)]
    for folder, files in (("starter", exercise.starter_files),
                          ("solution", exercise.solution_files)):
        for name, text in files.items():
            found += [(f"{folder}/{name}", p)
                      for p in text_file_problems(text, name=name, known=known)]
    for name, data in exercise.asset_files.items():
        if name.lower().endswith(IMAGE_TYPES):
            continue
        text = data.decode("utf-8", errors="replace")
        if not name.lower().endswith(TEXT_TYPES):
            found.append((f"starter/{name}", "this kind of file is not allowed in a lesson; "
                          f"use {', '.join(IMAGE_TYPES + TEXT_TYPES)}"))
            continue
        found += [(f"starter/{name}", p)
                  for p in text_file_problems(text, name=name, known=known)]
    for name, text in exercise.check_files.items():
        problems = text_file_problems(text, name=name, known=known,
                                      allowed_modules=CHECK_MODULES)
        if name.lower().endswith((".js", ".mjs")):
            problems += network_call_problems(text)
        found += [(f"checks/{name}", p) for p in problems]
    return found
