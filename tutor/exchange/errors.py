"""The one error the exchange code raises, with a message staff can read."""

from __future__ import annotations


class ExchangeError(Exception):
    """An export, import or feedback file could not be made or used; the message says why."""
