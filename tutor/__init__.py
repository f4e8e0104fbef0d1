"""Tutor: an offline-first desktop coding tutor."""

__version__ = "0.1.0"
