"""The live run's stored facts (RunEvent rows) and the planned-vs-actual restitution.

Facts are appended, never edited; `load_runner` replays them (domain/agenda_run.py) so that
after a crash or a restart the run resumes exactly where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import agenda_run as run
from kitcop_desktop.domain.clock import Clock
from kitcop_desktop.storage.agenda import list_sequences, planned_rows
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.models.agenda import RunEvent


def run_sequences(session: Session, workshop_id: int) -> list[run.RunSequence]:
    return [
        run.RunSequence(s.id, s.duration_minutes, s.title, s.kind, s.tool_key, s.tool_ref)
        for s in list_sequences(session, workshop_id)
    ]


def load_events(session: Session, workshop_id: int) -> list[run.RunEvent]:
    rows = session.scalars(
        select(RunEvent).where(RunEvent.workshop_id == workshop_id).order_by(RunEvent.id)
    )
    return [
        run.RunEvent(r.kind, r.sequence_id, _utc(r.at), r.elapsed_seconds, r.extension_seconds)
        for r in rows
    ]


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; ours are always stored in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def append_events(session: Session, workshop_id: int, events: list[run.RunEvent]) -> None:
    """Store the facts a runner command produced (one transaction per command)."""
    for ev in events:
        session.add(
            RunEvent(
                workshop_id=workshop_id,
                sequence_id=ev.sequence_id,
                kind=ev.kind,
                at=ev.at,
                elapsed_seconds=float(ev.elapsed_seconds),
                extension_seconds=int(ev.extension_seconds),
            )
        )
    session.flush()


def load_runner(session: Session, workshop_id: int, clock: Clock) -> run.Runner:
    """The run as the stored facts say, measured from now on with `clock`."""
    return run.Runner(clock, run_sequences(session, workshop_id), load_events(session, workshop_id))


def clear_run(session: Session, workshop_id: int) -> list[Snapshot]:
    """Forget the run (« Recommencer le déroulé »); returns the rows for restore_run."""
    rows = list(session.scalars(select(RunEvent).where(RunEvent.workshop_id == workshop_id)))
    saved = [
        {
            "id": r.id,
            "workshop_id": r.workshop_id,
            "sequence_id": r.sequence_id,
            "kind": r.kind,
            "at": r.at,
            "elapsed_seconds": r.elapsed_seconds,
            "extension_seconds": r.extension_seconds,
        }
        for r in rows
    ]
    session.execute(delete(RunEvent).where(RunEvent.workshop_id == workshop_id))
    session.flush()
    return saved


def restore_run(session: Session, saved: list[Snapshot]) -> None:
    for data in saved:
        session.add(RunEvent(**data))
    session.flush()


@dataclass(frozen=True)
class ActualRow:
    """Planned vs actual for one séquence (times are local; None when it did not run)."""

    sequence_id: int
    title: str
    planned_start: time
    planned_end: time
    planned_minutes: int
    actual_start: time | None
    actual_end: time | None
    actual_minutes: int | None  # time the countdown ran (pauses excluded)
    extension_minutes: int

    @property
    def drift_minutes(self) -> int | None:
        """Actual start minus planned start (positive = late)."""
        if self.actual_start is None:
            return None
        return _minutes(self.actual_start) - _minutes(self.planned_start)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _local(moment: datetime | None) -> time | None:
    if moment is None:
        return None
    local = moment.astimezone()
    return time(local.hour, local.minute)


def is_rehearsal(session: Session, workshop_id: int) -> bool:
    """Was the run (so far) a répétition, not to be recorded as réalisé?"""
    kinds = session.scalars(
        select(RunEvent.extension_seconds)
        .where(RunEvent.workshop_id == workshop_id, RunEvent.kind == "rehearsal")
        .order_by(RunEvent.id)
    ).all()
    return bool(kinds and kinds[-1])


def actual_rows(session: Session, workshop_id: int, clock: Clock | None = None) -> list[ActualRow]:
    """Per séquence: planned start/end and, when run, actual start/end and duration.
    A répétition is never « réalisé »: its rows have no actual times."""
    from kitcop_desktop.domain.clock import SystemClock

    runner = load_runner(session, workshop_id, clock or SystemClock())
    out = []
    for row in planned_rows(session, workshop_id):
        facts = runner.facts_of(row.sequence_id)
        if runner.rehearsal:
            facts = run.SequenceFacts()
        cd = runner.countdown(row.sequence_id)
        ran = facts.first_start is not None
        elapsed = cd.elapsed() if (cd is not None and ran) else None
        out.append(
            ActualRow(
                row.sequence_id,
                row.title,
                row.start,
                row.end,
                row.minutes,
                _local(facts.first_start),
                _local(facts.last_end),
                None if elapsed is None else int(round(elapsed / 60.0)),
                int(round(facts.extension_seconds / 60.0)),
            )
        )
    return out
