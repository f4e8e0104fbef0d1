"""The progress store: learners, an append-only event log and drafts in SQLite. No Qt here."""

from __future__ import annotations

from .errors import (
    DuplicateNameError,
    InvalidNameError,
    InvalidPinError,
    StaffPassphraseError,
    StoreClosedError,
    StoreError,
    UnknownLearnerError,
    UnsupportedDatabaseError,
    WeakPassphraseError,
)
from .ids import id_time_ms, new_id
from .models import AuditEntry, Change, Event, ExerciseProgress, Learner
from .secret_hashing import hash_secret, verify_secret
from .store import Store

__all__ = [
    "AuditEntry",
    "StaffPassphraseError",
    "WeakPassphraseError",
    "Change",
    "DuplicateNameError",
    "Event",
    "ExerciseProgress",
    "InvalidNameError",
    "InvalidPinError",
    "Learner",
    "Store",
    "StoreClosedError",
    "StoreError",
    "UnknownLearnerError",
    "UnsupportedDatabaseError",
    "hash_secret",
    "id_time_ms",
    "new_id",
    "verify_secret",
]
