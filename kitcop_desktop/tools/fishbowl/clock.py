"""The clock this tool reads: the shell's or a test's (ctx.extras["clock"]), else the system's."""

from __future__ import annotations

from kitcop_desktop.domain.clock import Clock, SystemClock


def clock_of(ctx) -> Clock:
    clock = ctx.extras.get("clock")
    if clock is None:
        clock = ctx.extras["clock"] = SystemClock()
    return clock
