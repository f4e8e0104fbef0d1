"""Find what a vetting reviewer must look at in one text file of a lesson pack.

The curriculum linter (`tutor.content.outside_refs`) asks "does this exercise reach outside
itself?" and answers in sentences. Review mode asks the same of any file in a pack, and needs
each finding as data: its kind, its exact line and the text that was flagged, so that a
reviewer can jump to it. The scanning itself (web addresses, HTML tags, CSS references,
JavaScript names and imports) is shared with the linter.

A flag is information for a person, not a verdict: the app blocks the network and file reads
at run time anyway. Flags aim to be precise, so that each one is worth a look.
"""

from __future__ import annotations

import re

from tutor.content.js_scan import JsToken, call_arguments, import_specifiers, tokenize
from tutor.content.outside_refs import NETWORK_NAMES, PageReader, css_references, web_addresses
from tutor.content.review.hosts import host_names
from tutor.content.review.model import Flag, FlagKind

MAX_FLAG_TEXT = 200
HTML_TYPES = (".html", ".htm", ".svg")
CSS_TYPES = (".css",)
JS_TYPES = (".js", ".mjs")
_STARTS_CODE = frozenset({"importScripts", "Worker", "SharedWorker", "serviceWorker"})
_TEXT_AS_CODE = frozenset({"eval", "Function"})
_TIMERS = frozenset({"setTimeout", "setInterval"})
# Attributes whose value the browser fetches (links a person clicks are only addresses).
_LOADING_ATTRIBUTES = frozenset({"src", "href", "srcset", "data", "poster", "background",
                                 "codebase", "manifest", "xlink:href", "action", "formaction",
                                 "ping"})
_CLICKED_LINKS = frozenset({"a", "area"})
_NO_DATA_TAGS = frozenset({"script", "iframe", "frame", "embed", "object"})
_REAL_ADDRESS = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|file:(?:/|[A-Za-z]:))", re.IGNORECASE)
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
_WINDOWS_PATH = re.compile(r"(?<![\w\\])[A-Za-z]:\\{1,2}[\w$.-][^\s\"'<>`]*")


def clip(text: str) -> str:
    """Text cut to a length a list can show, with an ellipsis when it was cut."""
    text = text.strip()
    return text if len(text) <= MAX_FLAG_TEXT else text[:MAX_FLAG_TEXT - 3] + "..."


def text_flags(path: str, text: str) -> list[Flag]:
    """Every flag in one file's text, in line order, each finding once."""
    lower = path.lower()
    found: list[Flag] = []
    found += _address_flags(path, text)
    if lower.endswith(HTML_TYPES):
        found += _page_flags(path, text)
    elif lower.endswith(CSS_TYPES):
        found += _style_flags(path, text, first_line=1)
    elif lower.endswith(JS_TYPES):
        found += script_flags(path, text, first_line=1)
    return _without_repeats(found)


def _flag(kind: FlagKind, path: str, line: int, text: str, message: str) -> Flag:
    return Flag(kind, path, line, clip(text), message)


def _address_flags(path: str, text: str) -> list[Flag]:
    found: list[Flag] = []
    # XML namespace names (in SVG, or in `createElementNS` calls) are never loaded. A scheme
    # alone ("https:") or an object key (`{file: true}`) is not an address.
    addresses = [address for address in web_addresses(text, svg=True)
                 if address.network_path or _REAL_ADDRESS.match(address.text)]
    for address in addresses:
        if address.text.lower().startswith("file:"):
            found.append(_flag("file-path", path, address.line, address.text,
                               "A file: address. It names a file on a computer."))
        elif address.network_path:
            found.append(_flag("address", path, address.line, address.text,
                               "A network path. It names another computer."))
        else:
            found.append(_flag("address", path, address.line, address.text,
                               "A web address."))
    addresses_by_line: dict[int, list[str]] = {}
    for address in addresses:
        addresses_by_line.setdefault(address.line, []).append(address.text.lower())
    for host in host_names(text):
        # A host inside a web address on the same line is already flagged with it.
        if any(host.text.lower() in seen for seen in addresses_by_line.get(host.line, [])):
            continue
        found.append(_flag("address", path, host.line, host.text, host.message))
    for line_number, line in enumerate(text.splitlines(), start=1):
        for match in _WINDOWS_PATH.finditer(line):
            found.append(_flag("file-path", path, line_number, match.group(0),
                               "A Windows file path. It names a file on a computer."))
    return found


def _outside_reason(tag: str, attribute: str, value: str) -> tuple[FlagKind, str] | None:
    """Why a tag's link loads from outside the pack (kind and sentence), or None."""
    value = value.strip()
    scheme_match = _SCHEME.match(value)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    thing = f"<{tag} {attribute}>"
    if scheme == "data":
        if tag in _NO_DATA_TAGS:
            return "outside-load", f"{thing} hides what it loads inside a data: address."
        return None
    if scheme in ("blob", ""):
        if value.startswith("//"):
            return "outside-load", f"{thing} loads from another computer."
        return None
    if scheme == "javascript":
        return "risky-code", f"{thing} runs code when it is used."
    if scheme == "file":
        return "file-path", f"{thing} loads a file from the computer, not from the pack."
    if attribute in ("action", "formaction"):
        return "outside-load", f"{thing} sends a form outside the pack."
    return "outside-load", f"{thing} loads from outside the pack."


def _page_flags(path: str, text: str) -> list[Flag]:
    reader = PageReader()
    reader.feed(text)
    reader.close()
    found: list[Flag] = []
    for tag, attributes, line in reader.tags:
        for name, value in attributes:
            if value is None:
                continue
            if name.startswith("on"):
                found += script_flags(path, value, first_line=line)
            elif name == "srcdoc":
                found.append(_flag("outside-load", path, line, value[:80],
                                   f"<{tag} srcdoc> holds a whole page inside it."))
            elif name in _LOADING_ATTRIBUTES:
                if name == "href" and tag in _CLICKED_LINKS:
                    reason = _outside_reason(tag, name, value)
                    if reason is None or reason[0] == "outside-load":
                        continue  # a link a learner clicks loads nothing; its address is flagged
                    found.append(_flag(reason[0], path, line, value, reason[1]))
                    continue
                candidates = ([part.split()[0] for part in value.split(",") if part.strip()]
                              if name == "srcset" else [value])
                for candidate in candidates:
                    reason = _outside_reason(tag, name, candidate)
                    if reason is not None:
                        found.append(_flag(reason[0], path, line, candidate, reason[1]))
    for line, code in reader.script_blocks:
        found += script_flags(path, code, first_line=line)
    for line, style in reader.style_blocks:
        found += _style_flags(path, style, first_line=line)
    return found


def _style_flags(path: str, text: str, *, first_line: int) -> list[Flag]:
    found: list[Flag] = []
    for label, value, offset in css_references(text):
        line = first_line + text.count("\n", 0, offset)
        reason = _outside_reason("style", label, value)
        if reason is None:
            continue
        kind, _sentence = reason
        if kind == "file-path":
            sentence = f"{label} loads a file from the computer, not from the pack."
        elif label == "@import":
            sentence = "@import loads a style sheet from outside the pack."
        else:
            sentence = "url() loads a file from outside the pack."
        found.append(_flag(kind, path, line, value, sentence))
    return found


def _next_is_call(tokens: list[JsToken], index: int) -> bool:
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and following.kind == "punct" and following.text == "("


def script_flags(path: str, code: str, *, first_line: int) -> list[Flag]:
    """Risky names and outside imports in JavaScript that starts on `first_line` of a file."""
    found: list[Flag] = []
    tokens = tokenize(code)
    shift = first_line - 1
    for index, token in enumerate(tokens):
        if token.kind != "name":
            continue
        line = token.line + shift
        if token.text in _STARTS_CODE:
            found.append(_flag("risky-code", path, line, token.text,
                               f"{token.text} starts or loads more code."))
        elif token.text in NETWORK_NAMES:
            found.append(_flag("risky-code", path, line, token.text,
                               f"{token.text} could talk to the network."))
        elif token.text in _TEXT_AS_CODE and _next_is_call(tokens, index):
            found.append(_flag("risky-code", path, line, token.text,
                               f"{token.text} runs text as code, so what it runs is hard "
                               "to see."))
        elif token.text in _TIMERS and _next_is_call(tokens, index):
            arguments = call_arguments(tokens, index + 1)
            if arguments and arguments[0][0].kind in ("string", "template"):
                found.append(_flag("risky-code", path, line, token.text,
                                   f"{token.text} is given text to run as code."))
    for specifier, line in import_specifiers(code):
        reason = _outside_reason("script", "import", specifier)
        if reason is not None:
            kind, _sentence = reason
            found.append(_flag(kind, path, line + shift, specifier,
                               "import loads code from outside the pack."))
    return found


def _without_repeats(flags: list[Flag]) -> list[Flag]:
    """Each finding once, in line order; an address that a load flag already shows is dropped."""
    loads: dict[int, list[str]] = {}
    for flag in flags:
        if flag.kind in ("outside-load", "file-path"):
            loads.setdefault(flag.line, []).append(flag.text)
    seen: set[tuple[str, int, str]] = set()
    kept: list[Flag] = []
    for flag in flags:
        key = (flag.kind, flag.line, flag.text)
        if key in seen:
            continue
        if flag.kind == "address" and any(flag.text in text for text in loads.get(flag.line, [])):
            continue
        seen.add(key)
        kept.append(flag)
    return sorted(kept, key=lambda flag: flag.line)
