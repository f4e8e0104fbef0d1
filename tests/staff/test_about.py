"""About this installation: packs with their signers, trusted keys, the no-network promise."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tutor.content.packs import build_pack, install_pack, sign_pack
from tutor.trust.keys import TRUSTED_KEYS_FILE, PrivateKey, add_trusted_key
from tutor.ui.about_dialog import (
    NO_KEYS,
    NO_NETWORK,
    NO_PACKS,
    AboutDialog,
    facts_text,
    installation_facts,
)

from .conftest import rich_labels

HOSTILE_TITLE = "<img src='file:///etc/shadow'>Evil <b>pack</b>"
HOSTILE_COMMENT = "<a href='x'>Vetting</a> team"
EXERCISE = """format_version = 1
id = "about.first"
title = "A first page"
kind = "web"
order = 1
entry = "index.html"
files = ["index.html"]
hints = ["Look at the TODO line.", "Write <h1>Hello</h1> under it."]
"""
CHECK = """test('has a heading', () => {
  expect(document.querySelector('h1'), 'Your page needs an <h1> heading.').not.toBeNull();
});
"""


def tiny_lessons(folder: Path) -> Path:
    """One track with one web exercise: the smallest lessons folder a pack can carry."""
    exercise = folder / "about" / "01-first"
    for part in ("starter", "solution", "checks"):
        (exercise / part).mkdir(parents=True)
    (folder / "about" / "track.toml").write_text(
        'format_version = 1\nid = "about"\ntitle = "About"\norder = 1\n', encoding="utf-8")
    (exercise / "exercise.toml").write_text(EXERCISE, encoding="utf-8")
    (exercise / "lesson.md").write_text("# A page\n\nWrite a heading.\n", encoding="utf-8")
    (exercise / "starter" / "index.html").write_text("<!-- TODO: a heading -->\n", "utf-8")
    (exercise / "solution" / "index.html").write_text("<h1>Hello</h1>\n", "utf-8")
    (exercise / "checks" / "page.test.js").write_text(CHECK, encoding="utf-8")
    return folder


def facts(data_folder: Path) -> str:
    return facts_text(installation_facts(version="9.9.9", sandbox_reason="The sandbox is on.",
                                         exercises=3, data_folder=data_folder))


def test_a_new_installation_says_there_are_no_packs_or_keys(tmp_path: Path) -> None:
    text = facts(tmp_path)
    assert text.startswith("Tutor version 9.9.9")
    for part in (NO_NETWORK, "The sandbox is on.", "3 exercises", NO_PACKS, NO_KEYS):
        assert part in text


def test_installed_packs_show_version_and_signers_and_keys_show_fingerprints(
        qtbot: QtBot, tmp_path: Path) -> None:
    signer, other = PrivateKey.generate(), PrivateKey.generate()
    trusted = signer.public_key(HOSTILE_COMMENT)
    add_trusted_key(tmp_path, trusted)
    add_trusted_key(tmp_path, other.public_key("Spare key"))
    pack = tmp_path / "evil.tutorpack"
    build_pack(tiny_lessons(tmp_path / "source"), pack, pack_id="about.pack",
               title=HOSTILE_TITLE, version=4)
    sign_pack(pack, signer)
    install_pack(pack, tmp_path, [trusted])

    text = facts(tmp_path)
    assert f"{HOSTILE_TITLE} (about.pack), version 4, installed 20" in text
    assert f"signed by {trusted.fingerprint}" in text
    assert "not in the trusted keys now" not in text
    assert f"  - {trusted.fingerprint}  {HOSTILE_COMMENT}" in text
    assert f"  - {other.public_key().fingerprint}  Spare key" in text
    assert NO_PACKS not in text and NO_KEYS not in text

    dialog = AboutDialog(text)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.label.text() == text
    assert rich_labels(dialog) == []

    # A signer whose key was later taken off the trusted list is flagged.
    (tmp_path / TRUSTED_KEYS_FILE).write_text(other.public_key("Spare key").as_line() + "\n")
    assert "this key is not in the trusted keys now" in facts(tmp_path)


def test_a_damaged_keys_file_is_reported_and_about_still_opens(tmp_path: Path) -> None:
    (tmp_path / TRUSTED_KEYS_FILE).write_text("tutor-ed25519-public not-base64!\n")
    text = facts(tmp_path)
    assert "The trusted keys file could not be read" in text and NO_NETWORK in text
