"""Runs learner web pages and their checks in an isolated QtWebEngine page."""
