"""Where the run is heading: projected end, delay (drift) and who could absorb it.

« En retard de 7 min, fin prévue 12 h 07 »: the current séquence ends when its countdown
does (or now, once overrun), the following séquences flow from there and pins hold unless
they are overtaken. Times are minutes since midnight (floats while projecting).

Lateness is measured against the plan the run follows: the stored one (« Démarrer
maintenant » moves it to the real start, one undo), or for a répétition the plan shifted to
the répétition's own start (`plan_offset`): a rehearsal the evening before is never « en retard
de 13 h ».
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from kitcop_desktop.domain.agenda_run import Runner
from kitcop_desktop.domain.french import minutes_text
from kitcop_desktop.domain.schedule import PlannedSequence, Schedule, compute, prose_text
from kitcop_desktop.i18n import tr

# Séquences one does not shorten to catch up (people need their coffee).
NOT_SHORTENED = frozenset({"break", "welcome"})
MAX_CUT_SHARE = 0.25  # at most a quarter of a séquence
# A start further than this from the planned start (or on another day) is not the workshop
# itself: the run starts as a répétition unless the facilitator says otherwise.
FAR_FROM_PLAN_MINUTES = 3 * 60


@dataclass(frozen=True)
class Absorber:
    sequence_id: int
    title: str
    minutes: int
    cut: int  # minutes it could give back

    def text(self) -> str:
        return (
            f"{self.title} : {minutes_text(self.minutes)} → "
            f"{minutes_text(self.minutes - self.cut)} (−{self.cut} min)"
        )


@dataclass(frozen=True)
class Projection:
    planned_end: int
    projected_end: int
    delay: int  # minutes, positive = late
    starts: dict[int, int]  # sequence id -> projected start (minutes)
    absorbers: tuple[Absorber, ...] = ()

    def summary(self) -> str:
        """« en retard de 7 min, fin prévue 12 h 07 » (French, for the facilitator)."""
        end = prose_text(self.projected_end)
        if self.delay > 0:
            return tr("En retard de {delay}, fin prévue {end}").format(
                delay=minutes_text(self.delay), end=end
            )
        if self.delay < 0:
            return tr("En avance de {advance}, fin prévue {end}").format(
                advance=minutes_text(-self.delay), end=end
            )
        return tr("À l'heure, fin prévue {end}").format(end=end)


def project(
    schedule: Schedule,
    sequences: list[PlannedSequence],
    runner: Runner,
    now: float,
    kinds: dict[int, str] | None = None,
) -> Projection:
    """Project the end of the workshop from the run's state at `now` (minutes since midnight)."""
    kinds = kinds or {}
    planned_end = schedule.end
    starts: dict[int, int] = {}
    if runner.finished:
        ends = [runner.facts_of(s.key).last_end for s in sequences]
        last = max((x for x in ends if x is not None), default=None)
        end = planned_end if last is None else _local_minutes(last)
        return Projection(planned_end, end, end - planned_end, starts)
    index = runner.index(runner.current_id)
    if index < 0 or not runner.started:
        return Projection(planned_end, planned_end, 0, {s.key: s.start for s in schedule.slots})
    cd = runner.countdown()
    remaining_min = max(0.0, cd.remaining()) / 60.0 if cd is not None else 0.0
    cursor = now + remaining_min
    for seq in sequences[index + 1 :]:
        start = cursor
        if seq.pinned_start is not None:
            start = max(float(seq.pinned_start), cursor)
        starts[seq.key] = int(math.floor(start + 1e-9))
        cursor = start + max(0, seq.minutes)
    projected_end = int(math.ceil(cursor - 1e-9))
    delay = projected_end - planned_end
    absorbers = _absorbers(sequences[index + 1 :], delay, kinds) if delay > 0 else ()
    return Projection(planned_end, projected_end, delay, starts, absorbers)


def plan_offset(runner: Runner, planned_start: int) -> int:
    """Minutes to shift the plan by so it starts when this répétition did (0 for a real run)."""
    first = runner.first_start
    if not runner.rehearsal or first is None:
        return 0
    return _local_minutes(first) - int(planned_start)


def shifted(
    sequences: list[PlannedSequence], schedule: Schedule, offset: int
) -> tuple[list[PlannedSequence], Schedule]:
    """The same déroulé `offset` minutes later, pins included."""
    if not offset:
        return list(sequences), schedule
    moved = [
        PlannedSequence(
            s.key, s.minutes, None if s.pinned_start is None else s.pinned_start + offset, s.title
        )
        for s in sequences
    ]
    end = None if schedule.planned_end is None else schedule.planned_end + offset
    return moved, compute(moved, schedule.start + offset, end)


def far_from_plan(
    now_local: datetime, planned_date: date | None, planned_start: int | None
) -> bool:
    """Is a run starting at `now_local` (an aware or naive local datetime) clearly not the
    workshop itself: another day than its date, or hours away from its start?"""
    if planned_date is not None and now_local.date() != planned_date:
        return True
    if planned_start is None:
        return False
    now = now_local.hour * 60 + now_local.minute
    return abs(now - int(planned_start)) > FAR_FROM_PLAN_MINUTES


def _absorbers(
    following: list[PlannedSequence], delay: int, kinds: dict[int, str]
) -> tuple[Absorber, ...]:
    """The longest séquences still to come, each giving at most a quarter, until caught up."""
    candidates = [
        s
        for s in following
        if kinds.get(s.key, "") not in NOT_SHORTENED and s.minutes >= 8 and s.pinned_start is None
    ]
    candidates.sort(key=lambda s: (-s.minutes, s.key))
    out: list[Absorber] = []
    left = delay
    for seq in candidates:
        if left <= 0:
            break
        cut = min(left, int(seq.minutes * MAX_CUT_SHARE))
        if cut <= 0:
            continue
        out.append(Absorber(seq.key, seq.title, seq.minutes, cut))
        left -= cut
    return tuple(out)


def _local_minutes(moment: datetime) -> int:
    local = moment.astimezone()
    return local.hour * 60 + local.minute


def local_minutes(moment: datetime) -> float:
    """A UTC datetime as local minutes since midnight (with seconds as a fraction)."""
    local = moment.astimezone()
    return local.hour * 60 + local.minute + local.second / 60.0
