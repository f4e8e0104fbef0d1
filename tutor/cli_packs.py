"""`tutor keys ...` and `tutor pack ...`: signing keys, and lesson packs from build to install.

Exit codes follow the command-line contract: 0 done, 1 a pack that is refused (it fails
verification or cannot be installed), 2 bad input. Trusting a key and installing a pack are
staff actions; both are written to the audit log, and so is a refused install.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.cli_common import EXIT_NEGATIVE, EXIT_OK, UsageError, print_json, require_staff
from tutor.content.packs import (
    InstalledPack,
    PackAlreadyInstalled,
    PackError,
    PackManifest,
    build_pack,
    install_pack,
    installed_packs,
    sign_pack,
    verify_pack,
)
from tutor.paths import data_dir, database_path
from tutor.trust.keys import (
    KeyFileError,
    PublicKey,
    add_trusted_key,
    read_private_key,
    read_public_key,
    read_trusted_keys,
    write_key_pair,
)

if TYPE_CHECKING:
    from tutor.store import Store


def _key_json(key: PublicKey) -> dict[str, str]:
    return {"fingerprint": key.fingerprint, "comment": key.comment, "public_key": key.as_line()}


def _key_text(key: PublicKey) -> str:
    return f"{key.fingerprint} {key.comment}".strip()


@contextmanager
def _staff_store(args: argparse.Namespace, action: str) -> Iterator[Store]:
    from tutor.store.store import Store

    folder = data_dir(args.data_dir)
    with Store.open(database_path(folder)) as store:
        require_staff(store, action)
        yield store


def _trusted(folder: Path) -> list[PublicKey]:
    try:
        return read_trusted_keys(folder)
    except KeyFileError as error:
        raise UsageError(str(error)) from error


# ---- keys ----------------------------------------------------------------------------------

def command_keys_generate(args: argparse.Namespace) -> int:
    """Make a new signing key pair: PREFIX.key (keep it secret) and PREFIX.pub."""
    try:
        private_path, public_path, key = write_key_pair(Path(args.out), comment=args.comment)
    except (KeyFileError, OSError) as error:
        raise UsageError(str(error)) from error
    public = key.public_key(args.comment)
    if args.json:
        print_json({"private_key_file": str(private_path), "public_key_file": str(public_path),
                    **_key_json(public)})
    else:
        print(f"Wrote {private_path} (keep it secret) and {public_path}.")
        print(f"Fingerprint: {public.fingerprint}")
    return EXIT_OK


def command_keys_public(args: argparse.Namespace) -> int:
    """Print the public key line of a private key file (or of a public key file)."""
    path = Path(args.keyfile)
    try:
        key = read_private_key(path).public_key(args.comment)
    except KeyFileError:
        try:
            key = read_public_key(path)
        except KeyFileError as error:
            raise UsageError(str(error)) from error
    if args.json:
        print_json(_key_json(key))
    else:
        print(key.as_line())
    return EXIT_OK


def command_keys_trust(args: argparse.Namespace) -> int:
    """Add a public key to this workstation's trusted keys (a staff action)."""
    try:
        key = read_public_key(Path(args.pubfile))
    except KeyFileError as error:
        raise UsageError(str(error)) from error
    folder = data_dir(args.data_dir)
    _trusted(folder)  # a damaged list is reported before anything is added to it
    with _staff_store(args, "trust a signing key") as store:
        added = add_trusted_key(folder, key)
        if added:
            store.record_audit("staff", "trusted a signing key", _key_json(key))
    if args.json:
        print_json({"added": added, **_key_json(key)})
    else:
        print(("Now trusted: " if added else "Already trusted: ") + _key_text(key))
    return EXIT_OK


def command_keys_list(args: argparse.Namespace) -> int:
    """List the keys this workstation trusts."""
    keys = _trusted(data_dir(args.data_dir))
    if args.json:
        print_json([_key_json(key) for key in keys])
    else:
        for key in keys:
            print(_key_text(key))
        if not keys:
            print("This workstation trusts no signing keys yet.")
    return EXIT_OK


# ---- packs ---------------------------------------------------------------------------------

def _manifest_json(manifest: PackManifest) -> dict[str, Any]:
    return {"pack_id": manifest.pack_id, "title": manifest.title, "version": manifest.version,
            "min_app_version": manifest.min_app_version, "files": len(manifest.files)}


def _installed_json(pack: InstalledPack) -> dict[str, Any]:
    return {"pack_id": pack.pack_id, "title": pack.title, "version": pack.version,
            "installed_at": pack.installed_at, "folder": str(pack.folder),
            "signers": [_key_json(key) for key in pack.signers]}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def command_pack_build(args: argparse.Namespace) -> int:
    """Build an unsigned pack from a lessons folder."""
    output = Path(args.output)
    try:
        manifest = build_pack(Path(args.folder), output, pack_id=args.pack_id, title=args.title,
                              version=args.version, min_app_version=args.min_app_version)
    except (PackError, OSError) as error:
        raise UsageError(str(error)) from error
    if args.json:
        print_json({"file": str(output), "sha256": _sha256(output), **_manifest_json(manifest)})
    else:
        print(f"Built {output}: {manifest.title}, version {manifest.version}, "
              f"{len(manifest.files)} files. Sign it before it is used.")
    return EXIT_OK


def command_pack_sign(args: argparse.Namespace) -> int:
    """Add a signature to a pack with a private key file."""
    try:
        key = read_private_key(Path(args.key))
        public = sign_pack(Path(args.file), key)
    except (KeyFileError, PackError, OSError) as error:
        raise UsageError(str(error)) from error
    if args.json:
        print_json({"file": args.file, "sha256": _sha256(Path(args.file)), **_key_json(public)})
    else:
        print(f"Signed {args.file} with key {public.fingerprint}.")
    return EXIT_OK


def _refused(args: argparse.Namespace, message: str, extra: dict[str, Any]) -> int:
    if args.json:
        print_json({**extra, "message": message})
    sys.stderr.write(f"tutor: {message}\n")
    return EXIT_NEGATIVE


def command_pack_verify(args: argparse.Namespace) -> int:
    """Check a pack's signature against trusted keys and every file against its manifest."""
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"There is no pack file called {path}.")
    try:
        trusted = [read_public_key(Path(name)) for name in args.trusted] if args.trusted \
            else _trusted(data_dir(args.data_dir))
    except KeyFileError as error:
        raise UsageError(str(error)) from error
    try:
        verified = verify_pack(path, trusted)
    except PackError as error:
        return _refused(args, str(error), {"file": str(path), "valid": False})
    manifest = verified.pack.manifest
    if args.json:
        print_json({"file": str(path), "valid": True, **_manifest_json(manifest),
                    "signers": [_key_json(key) for key in verified.signers]})
    else:
        signers = ", ".join(_key_text(key) for key in verified.signers)
        print(f"Good: {manifest.title}, version {manifest.version}, "
              f"{len(manifest.files)} files, signed by {signers}.")
    return EXIT_OK


def command_pack_install(args: argparse.Namespace) -> int:
    """Verify a pack and install it into the data folder (a staff action)."""
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"There is no pack file called {path}.")
    folder = data_dir(args.data_dir)
    trusted = _trusted(folder)
    with _staff_store(args, "install a lesson pack") as store:
        try:
            pack = install_pack(path, folder, trusted)
        except PackAlreadyInstalled as error:
            if args.json:
                print_json({"status": "already installed", "message": str(error)})
            else:
                print(error)
            return EXIT_OK
        except PackError as error:
            store.record_audit("staff", "refused a lesson pack",
                               {"file": path.name, "reason": str(error)})
            return _refused(args, str(error), {"status": "refused"})
        store.record_audit("staff", "installed a lesson pack",
                           {"pack_id": pack.pack_id, "version": pack.version,
                            "signers": [key.fingerprint for key in pack.signers]})
    if args.json:
        print_json({"status": "installed", **_installed_json(pack)})
    else:
        print(f"Installed {pack.title}, version {pack.version}.")
    return EXIT_OK


def command_pack_list(args: argparse.Namespace) -> int:
    """List the packs installed in the data folder."""
    packs = installed_packs(data_dir(args.data_dir))
    if args.json:
        print_json([_installed_json(pack) for pack in packs])
    else:
        for pack in packs:
            signers = ", ".join(_key_text(key) for key in pack.signers)
            print(f"{pack.pack_id:<24} version {pack.version:<6} {pack.title} "
                  f"(installed {pack.installed_at}, signed by {signers})")
        if not packs:
            print("No lesson packs are installed.")
    return EXIT_OK


def add_commands(subparsers: Any) -> None:
    """Add `tutor keys` and `tutor pack` to the command line."""
    keys = subparsers.add_parser("keys", help="signing keys for lesson packs")
    key_commands = keys.add_subparsers(dest="keys_command", required=True)
    generate = key_commands.add_parser("generate", help="make a new key pair")
    generate.add_argument("--out", required=True, metavar="PREFIX",
                          help="write PREFIX.key (secret) and PREFIX.pub")
    generate.add_argument("--comment", default="", help="whose key this is")
    generate.set_defaults(handler=command_keys_generate)
    public = key_commands.add_parser("public", help="print the public key of a key file")
    public.add_argument("keyfile")
    public.add_argument("--comment", default="", help="a comment to add to the line")
    public.set_defaults(handler=command_keys_public)
    trust = key_commands.add_parser("trust", help="trust a public key (staff)")
    trust.add_argument("pubfile")
    trust.set_defaults(handler=command_keys_trust)
    listing = key_commands.add_parser("list", help="list the trusted keys")
    listing.set_defaults(handler=command_keys_list)

    pack = subparsers.add_parser("pack", help="build, sign, verify and install lesson packs")
    pack_commands = pack.add_subparsers(dest="pack_command", required=True)
    build = pack_commands.add_parser("build", help="build a pack from a lessons folder")
    build.add_argument("folder")
    build.add_argument("-o", "--output", required=True, help="the .tutorpack file to write")
    build.add_argument("--pack-id", help="default: id in the folder's pack.toml")
    build.add_argument("--title", help="default: title in pack.toml")
    build.add_argument("--version", type=int, help="default: version in pack.toml")
    build.add_argument("--min-app-version", help="the lowest Tutor version it needs")
    build.set_defaults(handler=command_pack_build)
    sign = pack_commands.add_parser("sign", help="add a signature to a pack")
    sign.add_argument("file")
    sign.add_argument("--key", required=True, help="the private key file (.key)")
    sign.set_defaults(handler=command_pack_sign)
    verify = pack_commands.add_parser("verify", help="check a pack's signature and files")
    verify.add_argument("file")
    verify.add_argument("--trusted", action="append", metavar="PUBFILE",
                        help="trust this public key file (default: the data folder's keys)")
    verify.set_defaults(handler=command_pack_verify)
    install = pack_commands.add_parser("install", help="install a pack (staff)")
    install.add_argument("file")
    install.set_defaults(handler=command_pack_install)
    pack_list = pack_commands.add_parser("list", help="list the installed packs")
    pack_list.set_defaults(handler=command_pack_list)
    for parser in (generate, public, trust, listing, build, sign, verify, install, pack_list):
        parser.add_argument("--json", action="store_true", help="print the result as JSON")
