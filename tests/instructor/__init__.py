"""Tests of the instructor's window and the dashboard's figures."""
