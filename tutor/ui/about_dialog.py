"""About this installation: version, network promise, browser sandbox, lesson packs and keys.

Vetting staff use this to compare what is installed with what they approved: each pack's
version and the fingerprints of the keys that signed it, and the keys this workstation
trusts. Pack titles and key comments come from outside, so everything is plain text.

This module is imported while the window first paints, so it imports nothing heavy at the
top; `installation_facts` reads files and belongs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

NO_NETWORK = ("Tutor makes no network connections. Learner pages can only load files that "
              "Tutor gives them from memory. Nothing is sent to or fetched from the internet.")
NO_PACKS = "No lesson packs are installed. The lessons that came with Tutor are in use."
NO_KEYS = ("No keys are trusted yet, so no lesson pack can be installed. "
           "IT adds trusted keys when they set up the computer.")


@dataclass(frozen=True)
class Signer:
    """A key that signed a pack: its fingerprint, who it says it belongs to, trusted now?"""

    fingerprint: str
    comment: str
    trusted_now: bool


@dataclass(frozen=True)
class PackFacts:
    """One installed lesson pack as About shows it."""

    pack_id: str
    title: str
    version: int
    installed_at: str
    signers: tuple[Signer, ...]


@dataclass(frozen=True)
class InstallationFacts:
    """Everything About shows; made by `installation_facts`, or by hand in tests."""

    version: str
    sandbox_reason: str
    exercises: int
    data_folder: str = ""
    packs: tuple[PackFacts, ...] = ()
    trusted_keys: tuple[tuple[str, str], ...] = ()  # fingerprint, comment
    problems: tuple[str, ...] = ()


def installation_facts(*, version: str, sandbox_reason: str, exercises: int,
                       data_folder: Path) -> InstallationFacts:
    """Read the trusted keys and installed packs of a data folder (call off the GUI thread)."""
    from tutor.trust.keys import KeyFileError, read_trusted_keys

    problems: list[str] = []
    try:
        keys = read_trusted_keys(data_folder)
    except (KeyFileError, OSError) as error:
        keys = []
        problems.append(f"The trusted keys file could not be read: {error}")
    trusted = {key.raw for key in keys}
    packs: list[PackFacts] = []
    for pack in _installed_packs(data_folder, problems):
        signers = tuple(Signer(key.fingerprint, key.comment, key.raw in trusted)
                        for key in pack.signers)
        packs.append(PackFacts(str(pack.pack_id), str(pack.title), int(pack.version),
                               str(pack.installed_at), signers))
    return InstallationFacts(
        version=version, sandbox_reason=sandbox_reason, exercises=exercises,
        data_folder=str(data_folder), packs=tuple(packs),
        trusted_keys=tuple((key.fingerprint, key.comment) for key in keys),
        problems=tuple(problems))


def _installed_packs(data_folder: Path, problems: list[str]) -> Sequence[Any]:
    try:
        from tutor.content.packs import installed_packs
    except ImportError:
        return []  # an installation without lesson pack support
    try:
        return installed_packs(data_folder)
    except Exception as error:  # noqa: BLE001 - About must open whatever is on the disk
        problems.append(f"The list of lesson packs could not be read: {error}")
        return []


def _signed_by(signer: Signer) -> str:
    who = f" ({signer.comment})" if signer.comment else ""
    warning = "" if signer.trusted_now else " - this key is not in the trusted keys now"
    return f"      signed by {signer.fingerprint}{who}{warning}"


def facts_text(facts: InstallationFacts) -> str:
    """The plain text About shows, one section after another."""
    sections = [f"Tutor version {facts.version}", NO_NETWORK,
                f"Browser sandbox\n{facts.sandbox_reason}"]
    lessons = [f"Lessons\n{facts.exercises} exercises in use."]
    if facts.packs:
        lessons.append("Installed lesson packs:")
        for pack in facts.packs:
            lessons.append(f"  - {pack.title} ({pack.pack_id}), version {pack.version}, "
                           f"installed {pack.installed_at[:10]}")
            lessons.extend(_signed_by(signer) for signer in pack.signers)
            if not pack.signers:
                lessons.append("      not signed")
    else:
        lessons.append(NO_PACKS)
    sections.append("\n".join(lessons))
    if facts.trusted_keys:
        sections.append("\n".join(
            ["Trusted keys (lesson packs must be signed by one of these)"]
            + [f"  - {fingerprint}" + (f"  {comment}" if comment else "")
               for fingerprint, comment in facts.trusted_keys]))
    else:
        sections.append(f"Trusted keys\n{NO_KEYS}")
    if facts.data_folder:
        sections.append(f"Data folder\n{facts.data_folder}")
    sections.extend(facts.problems)
    return "\n\n".join(sections)


def about_text(*, version: str, sandbox_reason: str, exercises: int) -> str:
    """The About text when only the basic facts are known (no packs or keys read)."""
    return facts_text(InstallationFacts(version, sandbox_reason, exercises))


class AboutDialog(QDialog):
    """A small window with facts about this installation, as plain text."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About this installation")
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # pack titles and key comments
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setContentsMargins(8, 8, 8, 8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.label)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 560)
