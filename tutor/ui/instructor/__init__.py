"""The instructor's window: a dashboard of every learner, their pages, exercises and work."""
