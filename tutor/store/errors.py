"""Errors the store raises, each with a message a learner or staff member can read."""

from __future__ import annotations


class StoreError(Exception):
    """Something went wrong in the progress store; the message is plain English."""


class InvalidNameError(StoreError):
    """A display name was empty, too long or held hidden characters."""


class DuplicateNameError(StoreError):
    """Another learner on this workstation already uses the name."""


class InvalidPinError(StoreError):
    """A new PIN was not 4 to 8 numbers."""


class UnknownLearnerError(StoreError):
    """No learner with the given id exists in this store."""


class StoreClosedError(StoreError):
    """The store was used after it was closed."""


class UnsupportedDatabaseError(StoreError):
    """The file is not a Tutor database, or a newer Tutor made it."""


class WeakPassphraseError(StoreError):
    """A new staff passphrase was too short."""


class StaffPassphraseError(StoreError):
    """The staff passphrase was wrong, or none has been set yet."""
