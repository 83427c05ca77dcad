"""One opening to phones: its random code, the devices that joined, and the limits.

Everything here runs on the server's thread (`phones/server.py`); the counters the shell
shows are copied out through the server's callbacks.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

# No 0/O, 1/I/L: a code typed from the back of the room.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
COOKIE = "kitcop_phone"
DEFAULT_PORT = 8765  # the address typed stays the same from one opening to the next


@dataclass(frozen=True)
class Limits:
    """What one opening accepts. Each limit has a test in tests/phones/test_phone_limits.py."""

    max_devices: int = 120  # phones that may join (a large plenary, with spares)
    max_body: int = 4096  # bytes in one request's body (a ballot is a few dozen)
    rate_count: int = 40  # requests per phone (its cookie)…
    rate_window: float = 10.0  # …in this many seconds (the page polls every 3 s)
    # Requests without a cookie yet, per address: phones joining, or one dropping its cookie
    # to pass for many (each would also take a place among max_devices).
    address_rate_count: int = 40


def new_code() -> str:
    """A short random code (31⁶ ≈ 9·10⁸ of them): part of the URL, shown on the room."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_device_token() -> str:
    """The cookie a phone keeps (128 random bits); the store never sees it."""
    return secrets.token_hex(16)


def pseudonym(token: str) -> str:
    """What the store keeps of a device: 16 hex digits of a hash of its cookie, so an export
    never carries a cookie that would let someone vote in that phone's name."""
    return hashlib.sha256(("kitcop-phone:" + token).encode()).hexdigest()[:16]


def valid_token(token: str | None) -> bool:
    return token is not None and len(token) == 32 and all(c in "0123456789abcdef" for c in token)


class RateLimiter:
    """A sliding window per client key: at most `count` requests in `window` seconds."""

    def __init__(self, count: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.count = count
        self.window = window
        self.clock = clock
        self._seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = self.clock()
        times = self._seen.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) >= self.count:
            return False
        times.append(now)
        if len(self._seen) > 10_000:  # never grows without bound under a flood of keys
            self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] <= self.window}
        return True


@dataclass
class PhoneSession:
    code: str = field(default_factory=new_code)
    limits: Limits = field(default_factory=Limits)
    devices: set[str] = field(default_factory=set)  # pseudonyms of the phones that joined

    def code_matches(self, given: str) -> bool:
        return secrets.compare_digest(given.strip().upper().encode(), self.code.encode())

    def join(self, token: str) -> bool:
        """Admit a device; False when the room is full (a device already in stays in)."""
        name = pseudonym(token)
        if name in self.devices:
            return True
        if len(self.devices) >= self.limits.max_devices:
            return False
        self.devices.add(name)
        return True
