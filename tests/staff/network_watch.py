"""Watching for internet sockets: in Python through an audit hook, and in every process of
the app (the web engine's helpers included) through Linux's /proc.

Unix sockets between Qt's processes are fine; only internet sockets (IPv4 and IPv6: TCP,
UDP, raw) and name lookups count as reaching for the network.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
from pathlib import Path
from typing import Any

INTERNET = (socket.AF_INET, socket.AF_INET6)
INTERNET_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6")
LOOKUPS = ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.getnameinfo")
PROC = Path("/proc")


class PythonSockets:
    """Records internet sockets Python code makes, connects or binds, and name lookups.

    An audit hook cannot be removed, so one is added per process and switched on and off.
    """

    _installed: PythonSockets | None = None

    def __init__(self) -> None:
        self.on = False
        self.seen: list[str] = []

    @classmethod
    def shared(cls) -> PythonSockets:
        """The one watcher of this process, installed on first use."""
        if cls._installed is None:
            cls._installed = cls()
            sys.addaudithook(cls._installed._hook)
        return cls._installed

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.on:
            return
        if event == "socket.__new__" and args[1] in INTERNET:
            self.seen.append(f"{event} family={args[1]}")
        elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
            family = getattr(args[0], "family", None)
            if family in INTERNET:
                self.seen.append(f"{event} {args[1:]!r}")
        elif event in LOOKUPS:
            self.seen.append(f"{event} {args!r}")


def process_tree(root: int) -> set[int]:
    """`root` and every process below it (children, their children...)."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended while we looked
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    tree, waiting = {root}, [root]
    while waiting:
        for child in children.get(waiting.pop(), []):
            if child not in tree:
                tree.add(child)
                waiting.append(child)
    return tree


def command_name(pid: int) -> str:
    """The short name of a process, such as "QtWebEngineProc"."""
    try:
        return (PROC / str(pid) / "comm").read_text().strip()
    except OSError:
        return "?"


def socket_inodes(pid: int) -> set[str]:
    """The inode numbers of every socket the process holds open."""
    found = set()
    for fd in (PROC / str(pid) / "fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(target[len("socket:["):-1])
    return found


def internet_inodes(pid: int) -> dict[str, str]:
    """Every internet socket in the process's network namespace: inode to "udp 1.2.3.4:53"."""
    found = {}
    for table in INTERNET_TABLES:
        try:
            lines = (PROC / str(pid) / "net" / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if len(fields) > 9:
                found[fields[9]] = f"{table} {readable_address(fields[1])}"
    return found


def readable_address(text: str) -> str:
    """An address from /proc/net, such as "FB0000E0:14E9", as "224.0.0.251:5353"."""
    address, port = text.split(":")
    if len(address) == 8:  # IPv4, stored as a little-endian number
        address = ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0))
    return f"{address}:{int(port, 16)}"


def internet_sockets_in_tree(root: int) -> tuple[set[tuple[int, str, str]], set[int]]:
    """(pid, process name, socket) of each internet socket held in the tree, and pids read."""
    held, read = set(), set()
    for pid in process_tree(root):
        try:
            sockets = socket_inodes(pid)
            internet = internet_inodes(pid)
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended while we looked
        except PermissionError:
            continue  # a sandboxed helper; `read` shows which ones were checked
        read.add(pid)
        held.update((pid, command_name(pid), f"{internet[inode]} (inode {inode})")
                    for inode in sockets & internet.keys())
    return held, read


class ProcessSockets:
    """Samples the app's process tree on a thread until stopped; keeps what it found."""

    def __init__(self, root: int, *, every_seconds: float = 0.02) -> None:
        self.root = root
        self.every_seconds = every_seconds
        self.baseline, _read = internet_sockets_in_tree(root)
        self.found: set[tuple[int, str, str]] = set()
        self.names_read: set[str] = set()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="socket-watch", daemon=True)

    def start(self) -> None:
        """Begin sampling."""
        self._thread.start()

    def stop(self) -> None:
        """Take a last sample and stop."""
        self._stop.set()
        self._thread.join(5)
        self._sample()

    def _run(self) -> None:
        while not self._stop.wait(self.every_seconds):
            self._sample()

    def _sample(self) -> None:
        held, read = internet_sockets_in_tree(self.root)
        self.samples += 1
        self.found.update(entry for entry in held if entry not in self.baseline)
        self.names_read.update(command_name(pid) for pid in read)
