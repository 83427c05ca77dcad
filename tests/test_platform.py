"""Facts about the Qt binding the app relies on, checked on the installed version."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF


def test_void_qt_calls_do_not_consume_references_to_none():
    """PySide6 6.12.0 on Python 3.11 took a reference from None on every method returning
    nothing: after a few minutes of dragging post-its Python aborted (« none_dealloc ») and
    the facilitator lost the app mid-workshop. pyproject.toml excludes that version; this
    test turns red if another broken version is ever installed."""
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        point.setX(1.0)
    after = sys.getrefcount(None)
    # On 3.12+ None is immortal and its count is a constant; on 3.11 it must not drift by
    # anything near the 2,000 calls (other threads may move it by a few).
    assert abs(after - before) < 100
