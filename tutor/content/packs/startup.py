"""Where the app's lessons come from at start: installed packs, topped up from bundled ones.

Any pack in the bundled-packs folder that is newer than the installed one is verified
against the trusted keys and installed, exactly as staff would install a pack from a USB
stick. Then the lessons of every installed pack are loaded, the curriculum first. A
development key (read from a source checkout only) is named as one in the About box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tutor import paths
from tutor.content import loader
from tutor.content.errors import ContentError
from tutor.content.loader import Library, load_library
from tutor.content.model import Track
from tutor.content.packs.format import PACK_SUFFIX, PackError, UntrustedPackError
from tutor.content.packs.installing import InstalledPack, install_pack, installed_packs
from tutor.content.packs.reading import verify_manifest
from tutor.trust.keys import KeyFileError, PublicKey, read_trusted_keys


class NoLessonsError(ContentError):
    """There are no lessons to show; `problem` and `advice` say why and what to do, for IT."""

    def __init__(self, problem: str, advice: str, notes: Sequence[str]) -> None:
        super().__init__("No lessons are installed. Ask staff to install the curriculum "
                         "pack. " + " ".join(notes))
        self.problem = problem
        self.advice = advice
        self.notes = tuple(notes)


@dataclass
class PackLessons:
    """The lessons the app will show, the packs they came from, and notes for staff."""

    library: Library
    packs: list[InstalledPack] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    development_keys: list[PublicKey] = field(default_factory=list)

    def summary(self) -> str:
        """What "About this installation" should add to its list of packs, or "" for nothing.

        The About box lists installed packs and their signers itself; this says what only
        the start-up knows: that a development key is trusted because Tutor runs from a
        source checkout.
        """
        if not self.uses_development_key():
            return ""
        development = {key.raw for key in self.development_keys}
        prints = sorted({key.fingerprint for pack in self.packs for key in pack.signers
                         if key.raw in development})
        return (f"A development key ({', '.join(prints)}) signed these lessons. Tutor trusts "
                "it only because it runs from its source folder. Do not use this "
                "installation with learners.")

    def uses_development_key(self) -> bool:
        """True when some installed pack is signed by nothing but development keys."""
        development = {key.raw for key in self.development_keys}
        return any(all(key.raw in development for key in pack.signers) for pack in self.packs)


def open_pack_lessons(
    data_folder: Path,
    *,
    bundled_folder: Path | None,
    development_keys_folder: Path | None = None,
    extra_trusted: Sequence[PublicKey] = (),
    source_lessons: Path | None = None,
) -> PackLessons:
    """Install newer bundled packs, then load every installed pack's lessons into one library.

    `development_keys_folder` (a source checkout's build/packs) adds the keys in its
    trusted-keys.txt and lets a changed pack replace one of the same version, so lesson
    authors see their edits. `source_lessons` is used only when no pack is installed or
    bundled at all. Raises NoLessonsError when there are no lessons to show.
    """
    notes: list[str] = []
    trusted = list(extra_trusted) + _keys_in(data_folder, notes)
    development = _keys_in(development_keys_folder, notes) if development_keys_folder else []
    trusted += development
    bundled = sorted(bundled_folder.glob(f"*{PACK_SUFFIX}")) if bundled_folder else []
    refusals: list[PackError] = []
    for path in bundled:
        note, refusal = _install_if_newer(
            path, data_folder, trusted, replace_same_version=development_keys_folder is not None)
        if note:
            notes.append(note)
        if refusal is not None:
            refusals.append(refusal)
    packs = installed_packs(data_folder)
    library, loaded = merge_pack_libraries(packs, notes)
    if library is None:
        if source_lessons is not None and not bundled and not packs:
            return PackLessons(load_library(source_lessons), notes=notes)
        raise _no_lessons(refusals, bool(packs), notes)
    return PackLessons(library, loaded, notes, development)


def _no_lessons(refusals: Sequence[PackError], installed: bool,
                notes: Sequence[str]) -> NoLessonsError:
    """Say, in words for the person at the screen and for IT, why there are no lessons."""
    if any(isinstance(refusal, UntrustedPackError) for refusal in refusals):
        return NoLessonsError(
            "The lesson pack was not signed by a key this computer trusts.",
            "Ask IT to install the lessons. IT can add the public key of the team that signed "
            "the pack to trusted_keys in tutor-config.toml, next to the program. Then start "
            "Tutor again.", notes)
    if refusals:
        return NoLessonsError(
            "The lesson pack that came with Tutor could not be used. It may be damaged.",
            "Ask IT to install the lessons again, from a good copy.", notes)
    if installed:
        return NoLessonsError("The lessons on this computer could not be read.",
                              "Ask IT to install the lessons again.", notes)
    return NoLessonsError(
        "No lessons are installed on this computer.",
        "Ask IT to install the lessons. IT can put the signed lesson pack in the packs "
        "folder next to the program. Then start Tutor again.", notes)


def app_lessons(data_folder: Path, *, extra_trusted: Sequence[PublicKey] = ()) -> PackLessons:
    """The lessons the app shows for a data folder: its packs, topped up from the bundled ones.

    In a source checkout this also trusts the development key of build/packs, and falls back
    to the lessons/ folder when no pack is built or installed.
    """
    source = loader.default_lessons_root()
    return open_pack_lessons(data_folder, bundled_folder=paths.bundled_packs_dir(),
                             development_keys_folder=paths.development_keys_dir(),
                             extra_trusted=extra_trusted,
                             source_lessons=source if source.is_dir() else None)


def install_if_newer(path: Path, data_folder: Path, trusted: Sequence[PublicKey], *,
                     replace_same_version: bool = False) -> str | None:
    """Install the pack at path if it is newer than the installed one; return a note or None."""
    note, _refusal = _install_if_newer(path, data_folder, trusted,
                                       replace_same_version=replace_same_version)
    return note


def _install_if_newer(path: Path, data_folder: Path, trusted: Sequence[PublicKey], *,
                      replace_same_version: bool) -> tuple[str | None, PackError | None]:
    """Install the pack if it is newer; return a note (or None) and why it was refused."""
    try:
        manifest, _signers = verify_manifest(path, trusted)
        current = {pack.pack_id: pack for pack in installed_packs(data_folder)}
        installed = current.get(manifest.pack_id)
        if installed is not None and (
                manifest.version < installed.version
                or (manifest.version == installed.version
                    and (not replace_same_version or installed.manifest.files == manifest.files))):
            return None, None
        pack = install_pack(path, data_folder, trusted, replace_same_version=replace_same_version)
    except PackError as error:
        return f"The lesson pack {path.name} was not installed. {error}", error
    return f"Installed {pack.title}, version {pack.version}.", None


def merge_pack_libraries(packs: Sequence[InstalledPack], notes: list[str]
                         ) -> tuple[Library | None, list[InstalledPack]]:
    """One library from several packs, in order; a pack that clashes or breaks is left out."""
    tracks: list[Track] = []
    loaded: list[InstalledPack] = []
    root: Path | None = None
    track_ids: set[str] = set()
    exercise_ids: set[str] = set()
    for pack in packs:
        try:
            library = load_library(pack.folder)
        except ContentError as error:
            notes.append(f"The lessons of {pack.title} did not load, so they are left out. "
                         f"{error}")
            continue
        new_tracks = {track.id for track in library.tracks}
        new_exercises = {exercise.id for exercise in library.exercises()}
        clash = (new_tracks & track_ids) or (new_exercises & exercise_ids)
        if clash:
            notes.append(f"{pack.title} is left out: it uses the id {sorted(clash)[0]!r}, "
                         "which another pack uses already.")
            continue
        track_ids |= new_tracks
        exercise_ids |= new_exercises
        tracks.extend(library.tracks)
        loaded.append(pack)
        root = root or library.root
    if root is None:
        return None, loaded
    # The first pack (the curriculum) gives the root, so its glossary is the one shown.
    return Library(root=root, tracks=tuple(tracks)), loaded


def _keys_in(folder: Path | None, notes: list[str]) -> list[PublicKey]:
    if folder is None:
        return []
    try:
        return read_trusted_keys(folder)
    except KeyFileError as error:
        notes.append(f"The trusted keys in {folder} cannot be read. {error}")
        return []
