"""Compare a pack's files with the installed version of the same pack, file by file."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping

from tutor.content.review.hidden_text import lines_of, visible_text
from tutor.content.review.model import FileChange

CONTEXT_LINES = 3
# Comparing line by line costs more than linear time on long files; past this, say so.
MAX_DIFF_LINES = 20_000
WITHHELD_NOTE = "This file is too big to show, so only its hash shows the change."


def _as_text(data: bytes) -> str | None:
    try:
        return visible_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None


def unified_diff(path: str, old: bytes, new: bytes) -> tuple[str, str]:
    """The unified diff of one file's two versions, or ("", why there is none)."""
    old_text, new_text = _as_text(old), _as_text(new)
    if old_text is None or new_text is None:
        return "", "This is not a text file, so only its hash shows the change."
    old_lines, new_lines = lines_of(old_text), lines_of(new_text)
    if max(len(old_lines), len(new_lines)) > MAX_DIFF_LINES:
        return "", "This file is too long to compare line by line."
    lines = difflib.unified_diff(old_lines, new_lines, fromfile=f"installed/{path}",
                                 tofile=f"new/{path}", n=CONTEXT_LINES, lineterm="")
    return "\n".join(lines) + "\n", ""


def file_changes(new_files: Mapping[str, bytes], installed: Mapping[str, bytes], *,
                 withheld: Collection[str] = ()) -> list[FileChange]:
    """Every added, removed and changed file, by path; unchanged files are left out.

    `withheld` names files the new pack holds whose content is not in `new_files` (too big
    to show); installing never accepts such a file, so it always counts as added or changed.
    """
    changes: list[FileChange] = []
    for path in sorted(set(new_files) | set(installed) | set(withheld)):
        if path in withheld:
            changes.append(FileChange(path, "changed" if path in installed else "added", "",
                                      WITHHELD_NOTE))
        elif path not in installed:
            diff, note = unified_diff(path, b"", new_files[path])
            changes.append(FileChange(path, "added", diff, note))
        elif path not in new_files:
            diff, note = unified_diff(path, installed[path], b"")
            changes.append(FileChange(path, "removed", diff, note))
        elif new_files[path] != installed[path]:
            diff, note = unified_diff(path, installed[path], new_files[path])
            changes.append(FileChange(path, "changed", diff, note))
    return changes
