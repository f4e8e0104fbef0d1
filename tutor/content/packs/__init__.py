"""Lesson packs: one signed file that carries lessons across the air gap.

Build a pack from a lessons folder, sign it, verify it against the workstation's trusted
keys, and install it into the data folder atomically. The built-in curriculum travels the
same way as any other pack. The format is described in `tutor/content/packs/format.py`.
"""

from __future__ import annotations

from tutor.content.packs.building import build_pack, sign_pack
from tutor.content.packs.format import (
    ALLOWED_SUFFIXES,
    PACK_SUFFIX,
    REVIEW_SHOW_BYTES,
    FileEntry,
    PackChanged,
    PackError,
    PackManifest,
    PackSignature,
    UntrustedPackError,
)
from tutor.content.packs.installing import (
    CURRICULUM_ID,
    InstalledPack,
    PackAlreadyInstalled,
    install_pack,
    installed_pack_files,
    installed_packs,
    packs_root,
)
from tutor.content.packs.reading import Pack, VerifiedPack, read_pack, verify_pack

__all__ = [
    "ALLOWED_SUFFIXES",
    "CURRICULUM_ID",
    "PACK_SUFFIX",
    "REVIEW_SHOW_BYTES",
    "FileEntry",
    "InstalledPack",
    "Pack",
    "PackAlreadyInstalled",
    "PackChanged",
    "PackError",
    "PackManifest",
    "PackSignature",
    "UntrustedPackError",
    "VerifiedPack",
    "build_pack",
    "install_pack",
    "installed_pack_files",
    "installed_packs",
    "packs_root",
    "read_pack",
    "sign_pack",
    "verify_pack",
]
