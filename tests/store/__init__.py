"""Tests of the progress store."""
