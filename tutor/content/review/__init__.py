"""Review mode for lesson packs: see every file, its flags and changes; report; approve.

Vetting staff decide what may be installed. `review_pack` shows them every file of a pack
with its hash and size, flags anything that reaches outside (addresses, outside loads,
file paths, network or hidden code, hidden characters, disallowed or oversized files), and
compares it with the installed version. `report_html` makes a printable record of the
review and the decision; `approve_pack` signs the reviewed pack with the reviewer's key.
"""

from __future__ import annotations

from tutor.content.review.approve import approve_pack, key_comment
from tutor.content.review.model import (
    FLAG_KINDS,
    Decision,
    FileChange,
    FileReview,
    Flag,
    Review,
    Signer,
)
from tutor.content.review.report import report_html
from tutor.content.review.review import ReviewedPack, review_file, review_pack, review_pack_file

__all__ = [
    "FLAG_KINDS",
    "Decision",
    "FileChange",
    "FileReview",
    "Flag",
    "Review",
    "ReviewedPack",
    "Signer",
    "approve_pack",
    "key_comment",
    "report_html",
    "review_file",
    "review_pack",
    "review_pack_file",
]
