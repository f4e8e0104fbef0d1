"""Tests of the lesson model: loading, rendering, readability and the linter."""
