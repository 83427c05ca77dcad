"""Giving memory back to the system once a tool page is let go (#15).

A page deleted frees its widgets, but the allocator keeps the freed blocks for later: on Linux,
glibc gives them back only when asked (`malloc_trim`), and Qt keeps the pictures its style drew
(a button's bevel at each size, each state) in `QPixmapCache`, redrawn in a few ms when needed.
`give_back()` empties that cache and asks glibc to return what is free. Elsewhere (Windows,
macOS: their allocators give memory back by themselves) and when the C library has no
`malloc_trim` (musl), only the cache is emptied: never an error.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable
from functools import cache

from PySide6.QtGui import QPixmapCache

log = logging.getLogger(__name__)


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where there is none (not Linux, another C library)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back() -> bool:
    """Empty Qt's cache of drawn pictures and return the free heap to the system; True when
    the C library could be asked."""
    QPixmapCache.clear()
    trim = _trim()
    if trim is None:
        return False
    try:
        trim(0)
    except OSError:  # never seen; a failed trim only keeps the memory
        log.warning("malloc_trim failed", exc_info=True)
        return False
    return True
