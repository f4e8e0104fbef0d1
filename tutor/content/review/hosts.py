"""Find host names and IP addresses written in plain text, without a web address around them.

A host name such as `files.example.org` can be as telling as a full address. The hard part
is not flagging code: `console.log` and `lesson.md` look like host names too. So only names
that end in a well-known top-level domain count, and endings that are also file types or
common property names (`.md`, `.sh`, `.py`, `.name`, `.info`, `.app`) are left out on
purpose. A name followed by `(` or by another `.word` is code, not a host.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Top-level domains that rarely end anything in code or file names. Left out on purpose:
# endings that are also common names in code (`.ie`, `.es`, `.nl`, `.ch`, `.cn`, `.br`,
# `.ca`, `.int`, `.name`, `.info`, `.app`) or file types (`.md`, `.sh`, `.py`, `.pl`).
_TOP_LEVEL = ("com", "org", "net", "edu", "gov", "mil", "io", "co", "uk", "us", "au", "de",
              "fr", "ru", "jp", "eu", "nz", "za", "local", "internal", "onion", "lan", "corp")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
# The ending is matched in small letters only: "ASP.NET" is a name, not a host.
_HOST = re.compile(
    rf"(?<![\w.\-/\\$])(?:{_LABEL}\.)+(?:{'|'.join(_TOP_LEVEL)})(?![\w-]|\.\w|\s*\()")
# Code such as `this.co` or `window.de` is property access, whatever the ending.
_CODE_OWNERS = frozenset({"this", "self", "window", "document", "globalthis", "navigator"})
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IP_ADDRESS = re.compile(rf"(?<![\w.])(?:{_OCTET}\.){{3}}{_OCTET}(?![\w.]|\.\d)")
_LOCALHOST = re.compile(r"(?<![\w.\-/])localhost(?![\w-])", re.IGNORECASE)
# Names set aside for examples and documents (RFC 2606); they lead nowhere.
_EXAMPLE_NAMES = re.compile(r"(?:^|\.)example\.(?:com|org|net)$", re.IGNORECASE)


class HostName(NamedTuple):
    """A host name, IP address or `localhost`, with its line and what it is in words."""

    line: int
    text: str
    message: str


def host_names(text: str) -> list[HostName]:
    """Every host name, IP address and `localhost` in a text, with its line."""
    found: list[HostName] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for match in _HOST.finditer(line):
            name = match.group(0)
            if name.split(".", 1)[0].lower() in _CODE_OWNERS:
                continue
            message = "A host name. It names a computer on a network."
            if _EXAMPLE_NAMES.search(name):
                message += " This one is kept for examples and leads nowhere."
            found.append(HostName(line_number, name, message))
        for match in _IP_ADDRESS.finditer(line):
            found.append(HostName(line_number, match.group(0),
                                  "An IP address. It names a computer on a network."))
        for match in _LOCALHOST.finditer(line):
            found.append(HostName(line_number, match.group(0),
                                  "localhost. It names a network server on this computer."))
    return found
