"""Layer rules that import-linter cannot express (it sees PySide6 only as one package)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDGET_MODULES = ("PySide6.QtWidgets", "PySide6.QtWebEngineWidgets")
# A check page needs a viewport size, which Qt only gives through a view
# (docs/decisions/0003-check-page-viewport.md).
ALLOWED = {"sandbox/web/viewport.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_ui_builds_widgets() -> None:
    offenders = []
    for folder in ("sandbox", "tutor/store", "tutor/content", "tutor/exchange"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative in ALLOWED:
                continue
            if any(m.startswith(WIDGET_MODULES) for m in imported_modules(path)):
                offenders.append(relative)
    assert offenders == []
