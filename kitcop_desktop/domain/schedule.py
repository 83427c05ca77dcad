"""Start and end times of the déroulé's séquences, computed from durations and pins.

Times are minutes since midnight (ints) so the rules stay simple and testable. A séquence
starts when the previous one ends, unless its start is pinned (lunch at 12:00): then it starts
at the pin and the séquences after it flow from there. What cannot be met is reported as a
`Conflict`, never silently "fixed": a pin earlier than the end of the previous séquence keeps
its pin and is flagged, the agenda running past the planned end is flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from kitcop_desktop.domain.french import minutes_text, prose_time
from kitcop_desktop.i18n import tr

DAY_MINUTES = 24 * 60
DEFAULT_START = 9 * 60


@dataclass(frozen=True)
class PlannedSequence:
    """What the schedule needs from a séquence."""

    key: int  # the séquence id (or its index)
    minutes: int
    pinned_start: int | None = None  # minutes since midnight
    title: str = ""


@dataclass(frozen=True)
class Slot:
    key: int
    start: int
    end: int
    pinned: bool = False
    gap_before: int = 0  # free minutes before a pin (battement)
    conflict: str = ""  # French, empty when fine


@dataclass(frozen=True)
class Conflict:
    key: int | None  # the séquence concerned, None for the whole agenda
    message: str


@dataclass(frozen=True)
class Schedule:
    slots: tuple[Slot, ...]
    start: int
    end: int
    planned_end: int | None = None
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)

    def slot(self, key: int) -> Slot | None:
        return next((s for s in self.slots if s.key == key), None)

    @property
    def total_minutes(self) -> int:
        return self.end - self.start

    def overtime(self) -> int:
        """Minutes past the planned end (0 when on time or no planned end)."""
        if self.planned_end is None:
            return 0
        return max(0, self.end - self.planned_end)


def to_minutes(t: time | None) -> int | None:
    return None if t is None else t.hour * 60 + t.minute


def to_time(minutes: int) -> time:
    """Minutes since midnight as a time; past midnight wraps (and is flagged elsewhere)."""
    minutes = int(minutes) % DAY_MINUTES
    return time(minutes // 60, minutes % 60)


def clock_text(minutes: int) -> str:
    """« 10:15 » for tables."""
    t = to_time(minutes)
    return f"{t.hour:02d}:{t.minute:02d}"


def prose_text(minutes: int) -> str:
    """« 10 h 15 » for sentences."""
    return prose_time(to_time(minutes))


def compute(
    sequences: list[PlannedSequence] | tuple[PlannedSequence, ...],
    start: int | None = None,
    planned_end: int | None = None,
) -> Schedule:
    """Lay the séquences out from `start` (9:00 when unknown); report conflicts."""
    begin = DEFAULT_START if start is None else int(start)
    cursor = begin
    slots: list[Slot] = []
    conflicts: list[Conflict] = []
    last_pin: tuple[int, str] | None = None
    for seq in sequences:
        minutes = max(0, int(seq.minutes))
        problem = ""
        gap = 0
        pinned = seq.pinned_start is not None
        if seq.pinned_start is not None:
            pin = int(seq.pinned_start)
            if start is not None and pin < begin:
                problem = tr("Heure fixée à {pin}, avant le début de l'atelier ({begin}).").format(
                    pin=prose_text(pin), begin=prose_text(begin)
                )
            elif last_pin is not None and pin < last_pin[0]:
                problem = tr(
                    "Heure fixée à {pin}, avant celle de « {title} » ({other}) : "
                    "les heures fixées ne sont pas dans l'ordre."
                ).format(pin=prose_text(pin), title=last_pin[1], other=prose_text(last_pin[0]))
            elif pin < cursor:
                problem = tr(
                    "Heure fixée à {pin} mais la séquence précédente finit à {end} : "
                    "{extra} de trop avant."
                ).format(
                    pin=prose_text(pin), end=prose_text(cursor), extra=minutes_text(cursor - pin)
                )
            else:
                gap = pin - cursor
            last_pin = (pin, seq.title or tr("séquence précédente"))
            slot_start = pin
        else:
            slot_start = cursor
        end = slot_start + minutes
        if end > DAY_MINUTES and not problem:
            problem = tr("Cette séquence finit après minuit.")
        if problem:
            conflicts.append(Conflict(seq.key, problem))
        slots.append(Slot(seq.key, slot_start, end, pinned, gap, problem))
        # An impossible pin keeps its time on screen, but what follows flows from the real end.
        cursor = max(end, cursor + minutes) if problem and pinned else end
    end = cursor if slots else begin
    if planned_end is not None and end > planned_end:
        conflicts.append(
            Conflict(
                None,
                tr("Le déroulé finit à {end}, {late} après la fin prévue ({planned}).").format(
                    end=prose_text(end),
                    late=minutes_text(end - planned_end),
                    planned=prose_text(planned_end),
                ),
            )
        )
    return Schedule(tuple(slots), begin, end, planned_end, tuple(conflicts))
