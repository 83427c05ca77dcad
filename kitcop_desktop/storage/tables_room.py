"""What the room screen shows of a round (#24): the rotation map, « Table 3 — Financer la
formation » and the names of the people seated there, the host first.

The round shown follows the déroulé's live run: while the run is on a séquence that has a
round (`SeatingRound.sequence_id`), that round; otherwise the round the facilitator picked in
the tool. Absent participants are left out (once anything says who came), an absent host too;
a guest host is named. Session first, read only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import harvest as harvest_rules
from kitcop_desktop.domain.clock import Clock, SystemClock
from kitcop_desktop.domain.countdown import Countdown
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import agenda_run, tables_harvest
from kitcop_desktop.storage.models.agenda import Sequence
from kitcop_desktop.storage.models.seating import Seat, SeatingRound, SeatingTable
from kitcop_desktop.storage.tables import list_tables
from kitcop_desktop.storage.tables_seating import team_numbers, who_is_here


@dataclass(frozen=True)
class SeatedTable:
    """One table of the map: its name, topic, host and the others seated there."""

    table_id: int
    name: str
    topic: str
    host: str  # the host's name, "" when none (or absent)
    people: tuple[str, ...]  # the others seated there this round, present, in seat order
    team: int | None = None  # the team (« Par équipes… », from 0) at this table this round

    @property
    def heading(self) -> str:
        """« Table 3 — Financer la formation » (the name alone without a topic)."""
        name, topic = self.name.strip(), self.topic.strip()
        return " — ".join(part for part in (name, topic) if part)

    @property
    def team_label(self) -> str:
        """« Équipe 2 » when teams rotate, else ""."""
        return "" if self.team is None else tr("Équipe\u00a0{number}").format(number=self.team + 1)

    @property
    def title(self) -> str:
        """The heading, then « · Équipe 2 » when teams rotate (one line: the status line,
        a box's title; the room's map sets the team on a line of its own)."""
        return " · ".join(part for part in (self.heading, self.team_label) if part)


@dataclass(frozen=True)
class RotationMap:
    """One round as the room sees it."""

    round_id: int | None  # None: nobody placed yet (the tables and their topics only)
    number: int  # 1, 2, 3… (0: no round)
    rounds: int  # rounds in the workshop
    title: str  # « Rotation 2 — Les besoins », else « Tour 2 »
    tables: tuple[SeatedTable, ...]
    live: bool  # the run is on this round's séquence (its countdown follows the map)
    sequence_id: int | None = None

    @property
    def last(self) -> bool:
        return self.number >= self.rounds

    @property
    def seated(self) -> int:
        return sum(len(t.people) + (1 if t.host else 0) for t in self.tables)


def running_sequence(session: Session, workshop_id: int) -> int | None:
    """The séquence the déroulé's run is on (running or paused), or None."""
    runner = agenda_run.load_runner(session, workshop_id, SystemClock())
    if runner.state() not in ("running", "paused"):
        return None
    return runner.current_id


def run_countdown(session: Session, workshop_id: int, clock: Clock) -> Countdown | None:
    """The running séquence's countdown, measured with `clock` (the room's big clock)."""
    runner = agenda_run.load_runner(session, workshop_id, clock)
    if runner.state() not in ("running", "paused"):
        return None
    return runner.countdown()


def _rounds(session: Session, workshop_id: int) -> list[SeatingRound]:
    return list(
        session.scalars(
            select(SeatingRound)
            .where(SeatingRound.workshop_id == workshop_id)
            .order_by(SeatingRound.number, SeatingRound.id)
        )
    )


def round_to_show(
    session: Session, workshop_id: int, picked: int | None = None
) -> tuple[SeatingRound | None, int | None]:
    """(the round the room shows, the run's séquence when the run is on a rotation)."""
    rounds = _rounds(session, workshop_id)
    running = running_sequence(session, workshop_id)
    if running is not None:
        found = next((r for r in rounds if r.sequence_id == running), None)
        seq = session.get(Sequence, running)
        if found is not None or (seq is not None and seq.tool_key == "tables"):
            return found, running
    found = next((r for r in rounds if r.id == picked), None)
    return (found or (rounds[0] if rounds else None)), None


def rotation_map(session: Session, workshop_id: int, picked: int | None = None) -> RotationMap:
    """The map of the round to show (see `round_to_show`)."""
    the_round, running = round_to_show(session, workshop_id, picked)
    rounds = _rounds(session, workshop_id)
    here = {p.id: p.name for p in who_is_here(session, workshop_id)}
    tables = list_tables(session, workshop_id)
    seated: dict[int, list[int]] = {}
    teams: dict[int, Counter[int]] = {}
    if the_round is not None:
        for seat in session.scalars(
            select(Seat)
            .where(Seat.round_id == the_round.id)
            .order_by(Seat.table_id, Seat.position, Seat.id)
        ):
            seated.setdefault(seat.table_id, []).append(seat.participant_id)
            if seat.team is not None and seat.participant_id in here and not seat.by_hand:
                teams.setdefault(seat.table_id, Counter())[seat.team] += 1
    numbers = team_numbers(session, workshop_id) if teams else {}
    out = []
    for table in tables:
        if table.host_participant_id is None:
            host = table.host_name
        else:
            host = here.get(table.host_participant_id, "")
        people = tuple(
            here[pid]
            for pid in seated.get(table.id, [])
            if pid in here and pid != table.host_participant_id
        )
        counted = teams.get(table.id)
        team = numbers[counted.most_common(1)[0][0]] if counted else None
        out.append(SeatedTable(table.id, table.name, table.topic or "", host, people, team))
    sequence_id = running
    if the_round is not None and sequence_id is None:
        sequence_id = the_round.sequence_id
    seq = session.get(Sequence, sequence_id) if sequence_id is not None else None
    number = the_round.number if the_round is not None else 0
    if seq is not None and seq.title.strip():
        title = seq.title
    else:
        title = tr("Tour {number}").format(number=number) if number else tr("Les tables")
    return RotationMap(
        round_id=the_round.id if the_round is not None else None,
        number=number,
        rounds=max(len(rounds), number),
        title=title,
        tables=tuple(out),
        live=running is not None,
        sequence_id=sequence_id,
    )


# --- the harvest on the room screen ----------------------------------------------------------
@dataclass(frozen=True)
class RoomHarvest:
    """One table's harvest in one round as the room may see it: salle lines only."""

    table_id: int
    round_number: int
    title: str  # « Atelier 3 — Implanter le collaboratif »
    round_label: str  # « Rotation 2 — Les besoins » (tables_seating.round_label)
    host: str
    lines: tuple[tuple[str, str], ...]  # (angle, text), in the kit's order of angles

    def text(self) -> str:
        """The lines as the room reads them: grouped under their angle, each a bullet."""
        by_angle: dict[str, list[str]] = {}
        for angle, text in self.lines:
            by_angle.setdefault(angle, []).append(text)
        parts = []
        for angle in harvest_rules.ORDER:
            if angle not in by_angle:
                continue
            bullets = "\n".join(f"• {text}" for text in by_angle[angle])
            head = harvest_rules.LABELS.get(angle, "") if angle else "Notes"
            if len(by_angle) > 1:
                bullets = f"{head}\u00a0:\n{bullets}"
            parts.append(bullets)
        return "\n\n".join(parts) if parts else tr(EMPTY_HARVEST)


EMPTY_HARVEST = tr_later("Rien de noté pour l'instant à cette table.")


def room_harvest(
    session: Session, workshop_id: int, table_id: int, round_number: int
) -> RoomHarvest | None:
    """What the room screen shows of a table's harvest in a round, asked of the visibility
    rule (storage/visibility): a private line (animateur·rice) never reaches it. None when
    the table is gone."""
    table = session.get(SeatingTable, table_id)
    if table is None or table.workshop_id != workshop_id:
        return None
    found = tables_harvest.lines(
        session,
        workshop_id,
        table_id=table_id,
        round_number=round_number,
        audience=Audience.ROOM_SCREEN,
    )
    choice = next(
        (c for c in tables_harvest.round_choices(session, workshop_id) if c.number == round_number),
        None,
    )
    topic = (table.topic or "").strip()
    return RoomHarvest(
        table_id=table.id,
        round_number=round_number,
        title=f"{table.name} — {topic}" if topic else table.name,
        round_label=choice.label
        if choice is not None
        else tr("Tour {round_number}").format(round_number=round_number),
        host=table.host_name or "",
        lines=tuple((line.angle, line.text) for line in found),
    )
