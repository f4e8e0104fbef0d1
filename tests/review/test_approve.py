"""Approving signs exactly the pack that was reviewed, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.content.packs import Pack, PackError, read_pack, verify_pack
from tutor.content.review import approve_pack, key_comment, review_pack
from tutor.content.review.approve import CHANGED_BEFORE
from tutor.trust.keys import PrivateKey, write_key_pair

from .conftest import write_pack_file


def test_approve_adds_a_signature_that_verify_pack_accepts(
        tmp_path: Path, reviewer_key: PrivateKey) -> None:
    path = write_pack_file(tmp_path / "a.tutorpack", {"a.md": "# Hello\n"})
    review = review_pack(read_pack(path), None)
    with pytest.raises(PackError):
        verify_pack(path, [reviewer_key.public_key()])
    signer = approve_pack(path, reviewer_key, reviewed_manifest_sha256=review.manifest_sha256)
    verified = verify_pack(path, [reviewer_key.public_key()])
    assert [key.raw for key in verified.signers] == [signer.raw]
    assert review_pack(read_pack(path), None).signers[0].valid


def test_a_pack_that_changed_after_the_review_is_not_signed(
        tmp_path: Path, reviewer_key: PrivateKey) -> None:
    path = write_pack_file(tmp_path / "a.tutorpack", {"a.md": "# Hello\n"})
    review = review_pack(read_pack(path), None)
    write_pack_file(path, {"a.md": "# Hello\n", "b.js": "fetch('/x');\n"})
    swapped = path.read_bytes()
    with pytest.raises(PackError, match="changed after you reviewed it") as refused:
        approve_pack(path, reviewer_key, reviewed_manifest_sha256=review.manifest_sha256)
    assert str(refused.value) == CHANGED_BEFORE
    assert path.read_bytes() == swapped  # nothing was written
    assert read_pack(path).signatures == []


def _swap_when_signing_reads(monkeypatch: pytest.MonkeyPatch, *, before: bool) -> None:
    """Swap the pack file for another just before (or just after) signing reads it."""
    def swap(pack_path: Path) -> None:
        write_pack_file(pack_path, {"a.md": "# Hello\n", "b.js": "fetch('/x');\n"})

    def read(pack_path: Path) -> Pack:
        if before:
            swap(pack_path)
        pack = read_pack(pack_path)
        if not before:
            swap(pack_path)
        return pack

    monkeypatch.setattr("tutor.content.packs.building.read_pack", read)


def test_a_pack_swapped_just_before_signing_reads_it_is_not_signed(
        tmp_path: Path, reviewer_key: PrivateKey, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pack_file(tmp_path / "a.tutorpack", {"a.md": "# Hello\n"})
    review = review_pack(read_pack(path), None)
    _swap_when_signing_reads(monkeypatch, before=True)
    with pytest.raises(PackError, match="changed after you reviewed it"):
        approve_pack(path, reviewer_key, reviewed_manifest_sha256=review.manifest_sha256)
    # The swapped-in pack carries no signature: nothing unreviewed was ever signed.
    assert read_pack(path).signatures == []
    assert set(read_pack(path).files) == {"a.md", "b.js"}


def test_a_pack_swapped_just_after_signing_reads_it_gets_the_reviewed_content_signed(
        tmp_path: Path, reviewer_key: PrivateKey, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_pack_file(tmp_path / "a.tutorpack", {"a.md": "# Hello\n"})
    review = review_pack(read_pack(path), None)
    _swap_when_signing_reads(monkeypatch, before=False)
    approve_pack(path, reviewer_key, reviewed_manifest_sha256=review.manifest_sha256)
    verified = verify_pack(path, [reviewer_key.public_key()])
    assert verified.pack.files == {"a.md": b"# Hello\n"}


def test_the_reviewers_name_comes_from_the_public_key_beside_the_private_one(
        tmp_path: Path) -> None:
    private_path, _public_path, key = write_key_pair(tmp_path / "vetting", comment="Vetting A")
    assert key_comment(private_path, key.public_key()) == "Vetting A"
    other = PrivateKey.generate()
    assert key_comment(private_path, other.public_key()) == ""
