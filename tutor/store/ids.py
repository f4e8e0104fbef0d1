"""Time-ordered ids in the UUIDv7 layout of RFC 9562, as lowercase strings.

Ids made later sort later, as plain strings, which keeps SQLite inserts on the end of the
primary-key index. Within one process they are strictly increasing even when the clock
stalls or steps back.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

_RANDOM_BITS = 74  # 12 bits of rand_a and 62 bits of rand_b
_RANDOM_LIMIT = 1 << _RANDOM_BITS
_VERSION = 0x7
_VARIANT = 0b10

_lock = threading.Lock()
_last_ms = -1
_last_random = 0


def _fresh_random() -> int:
    # The top bit starts at zero, so a run of ids in the same millisecond has half the
    # space to count upwards in before it must borrow the next millisecond.
    return secrets.randbits(_RANDOM_BITS - 1)


def _next_parts() -> tuple[int, int]:
    """Return (milliseconds, random bits) for the next id, never repeating in this process."""
    global _last_ms, _last_random
    now_ms = time.time_ns() // 1_000_000
    with _lock:
        if now_ms > _last_ms:
            _last_ms, _last_random = now_ms, _fresh_random()
        else:
            # Same millisecond, or the clock went back: count on from the last id
            # (RFC 9562, section 6.2, method 2: monotonic random).
            _last_random += 1
            if _last_random >= _RANDOM_LIMIT:
                _last_ms, _last_random = _last_ms + 1, _fresh_random()
        return _last_ms, _last_random


def new_id() -> str:
    """Return a new time-ordered id such as '0190a4c2-7d1e-7abc-9def-0123456789ab'."""
    millis, random_bits = _next_parts()
    rand_a = random_bits >> 62
    rand_b = random_bits & ((1 << 62) - 1)
    value = (
        (millis & ((1 << 48) - 1)) << 80 | _VERSION << 76 | rand_a << 64 | _VARIANT << 62 | rand_b
    )
    return str(uuid.UUID(int=value))


def id_time_ms(id_text: str) -> int:
    """Return the Unix time in milliseconds that a time-ordered id was made at."""
    value = uuid.UUID(id_text)
    if value.version != _VERSION:
        raise ValueError(f"not a time-ordered id: {id_text!r}")
    return value.int >> 80
