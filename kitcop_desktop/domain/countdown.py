"""The countdown (minuteur): remaining time from stored facts and a monotonic clock.

Facts, not ticks: a countdown is its planned duration, its extensions, the time already run
in finished segments, and the start of the running segment. While the app runs, the running
segment is measured on the monotonic clock, so changing the system clock changes nothing.
The wall-clock start of the segment is stored too, so that after a crash or a restart the
countdown resumes at the right value (see `CountdownFacts` and `Countdown.from_facts`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum

from kitcop_desktop.domain.clock import Clock
from kitcop_desktop.i18n import tr

MAX_SECONDS = 12 * 3600


class Stage(StrEnum):
    IDLE = "idle"
    NORMAL = "normal"
    WARNING = "warning"  # last 20 %
    LAST_MINUTE = "last_minute"
    OVERRUN = "overrun"
    PAUSED = "paused"


@dataclass(frozen=True)
class CountdownFacts:
    """What is stored: enough to rebuild the countdown in another process."""

    planned_seconds: int
    extension_seconds: int = 0
    elapsed_before: float = 0.0  # seconds run in segments that are over (pauses excluded)
    running_since: datetime | None = None  # UTC wall time the running segment started


class Countdown:
    def __init__(self, planned_seconds: int, clock: Clock) -> None:
        if planned_seconds < 0:
            raise ValueError(tr("La durée ne peut pas être négative."))
        self._clock = clock
        self._facts = CountdownFacts(planned_seconds=min(int(planned_seconds), MAX_SECONDS))
        self._segment_mono: float | None = None

    # --- persistence -------------------------------------------------------------------
    @classmethod
    def from_facts(cls, facts: CountdownFacts, clock: Clock) -> Countdown:
        """Resume after a restart: the running segment continues from its wall-clock start.

        A wall clock that went backwards (start in the future) counts as zero, never negative.
        """
        cd = cls(facts.planned_seconds, clock)
        cd._facts = facts
        if facts.running_since is not None:
            since = facts.running_since
            if since.tzinfo is None:  # stored naive (SQLite): facts are always UTC
                since = since.replace(tzinfo=UTC)
            already = max(0.0, (clock.wall() - since).total_seconds())
            cd._segment_mono = clock.monotonic() - already
        return cd

    @property
    def facts(self) -> CountdownFacts:
        return self._facts

    # --- commands ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._segment_mono is not None

    @property
    def started(self) -> bool:
        return self.running or self._facts.elapsed_before > 0

    def start(self) -> None:
        if self.running:
            return
        self._segment_mono = self._clock.monotonic()
        self._facts = replace(self._facts, running_since=self._clock.wall())

    def pause(self) -> None:
        if not self.running:
            return
        self._facts = replace(
            self._facts,
            elapsed_before=self.elapsed(),
            running_since=None,
        )
        self._segment_mono = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, seconds: int) -> None:
        """Add (or with a negative value, remove) time; the total never drops below zero."""
        total = self._facts.planned_seconds + self._facts.extension_seconds + int(seconds)
        total = max(0, min(total, MAX_SECONDS))
        self._facts = replace(self._facts, extension_seconds=total - self._facts.planned_seconds)

    def set_planned(self, planned_seconds: int) -> None:
        """The planned duration was edited: keep the time already run and the extensions."""
        planned = max(0, min(int(planned_seconds), MAX_SECONDS))
        self._facts = replace(self._facts, planned_seconds=planned)

    def reset(self, planned_seconds: int | None = None) -> None:
        planned = self._facts.planned_seconds if planned_seconds is None else planned_seconds
        self._facts = CountdownFacts(planned_seconds=max(0, min(int(planned), MAX_SECONDS)))
        self._segment_mono = None

    # --- reading -------------------------------------------------------------------------
    @property
    def total_seconds(self) -> int:
        return self._facts.planned_seconds + self._facts.extension_seconds

    def elapsed(self) -> float:
        running = 0.0
        if self._segment_mono is not None:
            running = max(0.0, self._clock.monotonic() - self._segment_mono)
        return self._facts.elapsed_before + running

    def remaining(self) -> float:
        """Seconds left; negative once overrun."""
        return self.total_seconds - self.elapsed()

    def display_seconds(self) -> int:
        """The whole second to show: counts down 5, 4, … 1, 0, then overrun 1, 2, … (with +).

        Ceil while counting down, so « 00:00 » appears exactly when time is up.
        """
        rem = self.remaining()
        if rem >= 0:
            return math.ceil(rem - 1e-9)
        return math.floor(-rem + 1e-9)

    def overrun(self) -> bool:
        return self.remaining() < 0 and self.display_seconds() > 0

    def text(self) -> str:
        return format_clock(self.display_seconds(), overrun=self.overrun())

    def stage(self) -> Stage:
        if not self.started:
            return Stage.IDLE
        if self.overrun():
            return Stage.OVERRUN
        if not self.running:
            return Stage.PAUSED
        rem = self.remaining()
        if rem <= 60:
            return Stage.LAST_MINUTE
        if rem <= 0.2 * self.total_seconds:
            return Stage.WARNING
        return Stage.NORMAL

    def ms_until_next_change(self) -> int:
        """Milliseconds until the displayed second changes: the UI wakes up on the second."""
        if not self.running:
            return 1000
        frac = self.elapsed() % 1.0
        # Round up, plus one millisecond: waking a hair early would show the old value again
        # and cost a second wake-up; one millisecond late is invisible.
        return max(1, math.ceil((1.0 - frac) * 1000 - 1e-6) + 1)


def format_clock(seconds: int, *, overrun: bool = False) -> str:
    """« 05:00 », « 1:05:00 » past an hour, « +02:13 » when overrun."""
    seconds = abs(int(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    body = f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"
    return f"+{body}" if overrun else body
