"""Trust for files that cross the air gap: keys, signatures, safe archives, strict JSON.

Nothing here knows of Qt, the UI or the store. Packs (tutor.content) and progress exports
(tutor.exchange) both build on it.
"""
