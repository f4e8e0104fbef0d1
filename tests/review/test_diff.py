"""The review compares a pack with the installed version of the same pack."""

from __future__ import annotations

from tutor.content.review import review_pack

from .conftest import as_bytes, crafted_pack


def test_the_diff_shows_an_added_a_removed_and_a_changed_file() -> None:
    installed = as_bytes({"keep.md": "same\n", "gone.md": "old page\n",
                          "edit.css": "h1 {\n  color: red;\n}\n"})
    pack = crafted_pack({"keep.md": "same\n", "new.js": "const a = 1;\n",
                         "edit.css": "h1 {\n  color: blue;\n}\n"}, version=2)
    review = review_pack(pack, installed)
    assert review.installed_version_compared
    assert [(c.path, c.status) for c in review.changes] == [
        ("edit.css", "changed"), ("gone.md", "removed"), ("new.js", "added")]
    edit = review.change("edit.css")
    assert edit is not None
    assert "-  color: red;" in edit.diff and "+  color: blue;" in edit.diff
    assert "--- installed/edit.css" in edit.diff and "+++ new/edit.css" in edit.diff
    gone, added = review.change("gone.md"), review.change("new.js")
    assert gone is not None and "-old page" in gone.diff
    assert added is not None and "+const a = 1;" in added.diff
    assert {f.path: f.change for f in review.files} == {
        "edit.css": "changed", "keep.md": "same", "new.js": "added"}


def test_a_pack_that_is_not_installed_yet_has_no_changes_and_every_file_is_new() -> None:
    review = review_pack(crafted_pack({"a.md": "hello\n"}), None)
    assert not review.installed_version_compared and review.changes == ()
    assert [file.change for file in review.files] == ["new pack"]


def test_a_changed_picture_is_listed_without_a_line_diff() -> None:
    installed = {"a.png": b"\x89PNG\r\n\x1a\n\x00\xff"}
    review = review_pack(crafted_pack({"a.png": b"\x89PNG\r\n\x1a\n\x01\xfe"}), installed)
    change = review.change("a.png")
    assert change is not None and change.status == "changed"
    assert change.diff == "" and "not a text file" in change.note
