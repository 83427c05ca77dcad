"""The discreet interview timer: elapsed minutes against the planned duration, as short text.

Pure rule (no Qt): the start is a stored UTC fact, so the timer is right after a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from kitcop_desktop.i18n import tr


@dataclass(frozen=True)
class TimerReading:
    text: str  # French, short: « ⏱ 42 min / 60 »
    stage: str  # "idle", "normal", "ending" (last 20 %), "over"


def read_timer(started_at: datetime | None, now: datetime, planned_minutes: int) -> TimerReading:
    """What the timer shows at `now` (naive datetimes are taken as UTC, as SQLite returns them)."""
    if started_at is None:
        return TimerReading(
            tr("Durée prévue : {planned_minutes} min").format(planned_minutes=planned_minutes),
            "idle",
        )
    if started_at.tzinfo is None:
        started_at = started_at.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    minutes = int(max(0.0, (now - started_at).total_seconds()) // 60)
    over = minutes - planned_minutes
    if over >= 0:
        return TimerReading(f"⏱ {minutes} min / {planned_minutes} (+{over})", "over")
    if minutes >= planned_minutes * 0.8:
        return TimerReading(
            tr("⏱ {minutes} min / {planned_minutes} — bientôt fini").format(
                minutes=minutes, planned_minutes=planned_minutes
            ),
            "ending",
        )
    return TimerReading(f"⏱ {minutes} min / {planned_minutes}", "normal")
