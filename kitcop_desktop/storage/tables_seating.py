"""Who sits at which table, round after round (#24).

Rounds follow the déroulé: each séquence of kind « rotation » is a round (in the déroulé's
order); a workshop without one has a single round. `assign_automatically` seats the people
present (ticked or seen taking part; everyone registered while nobody is) with
domain/seating.plan_rounds: hosts stay at their table, sizes within one, categories and
structures mixed, new people met each round. `move_person` seats one person elsewhere for one
round. Session first, never committing, InvalidInput (French) on bad input; what undo needs
is returned (a Snapshot, the table someone came from).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import seating
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import attendance
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.models.agenda import Sequence
from kitcop_desktop.storage.models.seating import Seat, SeatingRound, SeatingTable
from kitcop_desktop.storage.models.workshop import Participant
from kitcop_desktop.storage.tables import NOTHING, get_table, list_tables

ROTATION = "rotation"  # the séquence kind of a round (domain/agenda_templates.KIND_LABELS)


@dataclass(frozen=True)
class RoundPlan:
    """A round as the tool shows it: its number, its séquence, who sits at each table."""

    id: int
    number: int
    sequence_id: int | None
    label: str  # « Tour 1 — Rotation 1 — Le sens, les finalités »
    seated: dict[int, list[int]]  # table id -> participant ids (the host first)
    by_hand: frozenset[int] = frozenset()  # the people placed by hand in this round
    # table id -> the team seated there (« Par équipes… », from 0; `team_numbers`)
    teams: dict[int, int] = field(default_factory=dict)


def rotations(session: Session, workshop_id: int) -> list[Sequence]:
    """The déroulé's séquences of kind « rotation », in order: one round each."""
    return list(
        session.scalars(
            select(Sequence)
            .where(Sequence.workshop_id == workshop_id, Sequence.kind == ROTATION)
            .order_by(Sequence.position, Sequence.id)
        )
    )


def list_rounds(session: Session, workshop_id: int) -> list[RoundPlan]:
    rounds = list(
        session.scalars(
            select(SeatingRound)
            .where(SeatingRound.workshop_id == workshop_id)
            .order_by(SeatingRound.number, SeatingRound.id)
        )
    )
    titles = {s.id: s.title for s in rotations(session, workshop_id)}
    seats = session.scalars(
        select(Seat)
        .where(Seat.round_id.in_([r.id for r in rounds]))
        .order_by(Seat.round_id, Seat.table_id, Seat.position, Seat.id)
    ).all()
    seated: dict[int, dict[int, list[int]]] = {r.id: {} for r in rounds}
    by_hand: dict[int, set[int]] = {r.id: set() for r in rounds}
    counted: dict[int, dict[int, Counter[int]]] = {r.id: {} for r in rounds}
    for seat in seats:
        seated[seat.round_id].setdefault(seat.table_id, []).append(seat.participant_id)
        if seat.by_hand:
            by_hand[seat.round_id].add(seat.participant_id)
        elif seat.team is not None:
            counted[seat.round_id].setdefault(seat.table_id, Counter())[seat.team] += 1
    numbers = team_numbers(session, workshop_id) if seats else {}
    teams = {
        r.id: {t: numbers[c.most_common(1)[0][0]] for t, c in counted[r.id].items()} for r in rounds
    }
    out = []
    for r in rounds:
        title = titles.get(r.sequence_id) if r.sequence_id is not None else None
        label = round_label(r.number, title or "")
        out.append(
            RoundPlan(
                r.id,
                r.number,
                r.sequence_id,
                label,
                seated[r.id],
                frozenset(by_hand[r.id]),
                teams[r.id],
            )
        )
    return out


def team_numbers(session: Session, workshop_id: int) -> dict[int, int]:
    """Stored team -> its number from 0 (« Équipe 1 » is 0): the teams in their order over
    the rounds, as `current_teams` counts them (a file's odd numbers too)."""
    stored = session.scalars(
        select(Seat.team)
        .join(SeatingRound, Seat.round_id == SeatingRound.id)
        .where(SeatingRound.workshop_id == workshop_id, Seat.team.is_not(None))
        .distinct()
        .order_by(Seat.team)
    )
    return {team: n for n, team in enumerate(t for t in stored if t is not None)}


def who_is_here(session: Session, workshop_id: int) -> list[Participant]:
    """Who to seat: those present (ticked or seen taking part), or everyone registered while
    nothing says who came."""
    everyone = list(
        session.scalars(
            select(Participant)
            .where(Participant.workshop_id == workshop_id)
            .order_by(Participant.position, Participant.id)
        )
    )
    known = attendance.attendance(session, workshop_id)
    if not known.taken:
        return everyone
    return [p for p in everyone if p.id in known.present]


def snapshot_seating(session: Session, workshop_id: int) -> Snapshot:
    rounds = session.scalars(
        select(SeatingRound).where(SeatingRound.workshop_id == workshop_id)
    ).all()
    ids = [r.id for r in rounds]
    seats = session.scalars(select(Seat).where(Seat.round_id.in_(ids))).all() if ids else []
    return {"rounds": [row_dict(r) for r in rounds], "seats": [row_dict(s) for s in seats]}


def restore_seating(session: Session, workshop_id: int, snapshot: Snapshot) -> None:
    """Put the rounds and seats of `snapshot` back in place of the current ones."""
    session.execute(delete(SeatingRound).where(SeatingRound.workshop_id == workshop_id))
    session.flush()
    for row in snapshot["rounds"]:
        session.add(SeatingRound(**row))
    session.flush()
    for row in snapshot["seats"]:
        session.add(Seat(**row))
    session.flush()


def _hand_placed(session: Session, workshop_id: int) -> dict[tuple[str, int], dict[int, int]]:
    """The seats placed by hand, by round (its séquence, else its number): person -> table."""
    rows = session.execute(
        select(SeatingRound.sequence_id, SeatingRound.number, Seat.participant_id, Seat.table_id)
        .join(Seat, Seat.round_id == SeatingRound.id)
        .where(SeatingRound.workshop_id == workshop_id, Seat.by_hand.is_(True))
    ).all()
    out: dict[tuple[str, int], dict[int, int]] = {}
    for sequence_id, number, person, table in rows:
        key = ("sequence", sequence_id) if sequence_id is not None else ("number", number)
        out.setdefault(key, {})[person] = table
    return out


def hand_placements(session: Session, workshop_id: int) -> int:
    """How many seats were placed by hand (what « Répartir automatiquement » keeps)."""
    return sum(len(placed) for placed in _hand_placed(session, workshop_id).values())


def current_teams(session: Session, workshop_id: int) -> list[list[int]]:
    """The teams people are seated in now (« Par équipes… »): one list of participant ids a
    team, in team order; [] when they were seated without teams."""
    rows = session.execute(
        select(Seat.team, Seat.participant_id)
        .join(SeatingRound, Seat.round_id == SeatingRound.id)
        .where(SeatingRound.workshop_id == workshop_id, Seat.team.is_not(None))
        .order_by(Seat.team, SeatingRound.number, Seat.position, Seat.id)
    ).all()
    teams: dict[int, list[int]] = {}  # by the stored number, in order (a file's 7, 9: two)
    seen: set[int] = set()
    for team, person in rows:
        if team is not None and person not in seen:
            seen.add(person)
            teams.setdefault(int(team), []).append(int(person))
    return list(teams.values())


def assign_automatically(
    session: Session, workshop_id: int, *, seed: int = 0, teams: int | None = None
) -> Snapshot:
    """Seat the people present for every round (one per rotation séquence, else one), the
    hosts at their tables, keeping the people placed by hand where they were put (in the
    round of the same séquence); the previous rounds and seats are returned for undo.
    `teams` (2 or more): that many teams that stay together from table to table
    (domain/seating.plan_team_rounds) instead of new people met at each round; 0: no teams;
    None (« Répartir automatiquement »): as now, the teams made before kept as they were
    for those still here (the absent leave their team, newcomers join the smallest)."""
    tables = list_tables(session, workshop_id)
    people = who_is_here(session, workshop_id)
    if not tables:
        raise InvalidInput(
            tr("Ajoutez au moins une table avant de placer les personnes. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    if not people:
        raise InvalidInput(
            tr("Personne à placer : ajoutez les participant·es dans « Atelier ». {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    sequences = rotations(session, workshop_id)[: seating.MAX_ROUNDS]
    count = max(1, len(sequences))
    guests = [seating.Guest(p.id, p.category or "", p.structure or "") for p in people]
    specs = [seating.TableSpec(t.id, t.host_participant_id, t.capacity) for t in tables]
    placed = _hand_placed(session, workshop_id)
    pinned = [
        placed.get(
            ("sequence", sequences[n].id) if sequences else ("number", n + 1),
            {},
        )
        for n in range(count)
    ]
    earlier = current_teams(session, workshop_id)
    if teams is None:
        teams = len(earlier)
    team_of: dict[int, int] = {}
    # InvalidInput: nothing done.
    if teams:
        plans = seating.plan_team_rounds(
            guests, specs, count, teams, pinned=pinned, earlier_teams=earlier, seed=seed
        )
        members = seating.deal_teams(guests, specs, teams, earlier=earlier, seed=seed)
        team_of = {key: team for team, keys in enumerate(members) for key in keys}
    else:
        plans = seating.plan_rounds(guests, specs, count, pinned=pinned, seed=seed)
    before = snapshot_seating(session, workshop_id)
    session.execute(delete(SeatingRound).where(SeatingRound.workshop_id == workshop_id))
    session.flush()
    for number, plan in enumerate(plans, start=1):
        sequence = sequences[number - 1] if sequences else None
        row = SeatingRound(
            workshop_id=workshop_id,
            number=number,
            sequence_id=sequence.id if sequence else None,
        )
        session.add(row)
        session.flush()
        kept = pinned[number - 1]
        for table_id, seated in plan.items():
            for position, person in enumerate(seated):
                session.add(
                    Seat(
                        round_id=row.id,
                        table_id=table_id,
                        participant_id=person,
                        position=position,
                        by_hand=kept.get(person) == table_id,
                        team=team_of.get(person),
                    )
                )
    session.flush()
    return before


def round_label(number: int, title: str) -> str:
    """« Tour 2 — Les besoins »; the séquence's title alone when it already says which round
    (« Rotation 2 — Les besoins », never « Tour 2 — Rotation 2 — Les besoins »)."""
    title = title.strip()
    if title and re.match(rf"(rotation|tour|round)\s+{number}\b", title, re.IGNORECASE):
        return title
    label = tr("Tour {number}").format(number=number)
    return f"{label} — {title}" if title else label


def seat_of(session: Session, round_id: int, participant_id: int) -> Snapshot | None:
    """Where someone sits in a round (table, position, by hand), for undo; None: nowhere."""
    seat = session.scalar(
        select(Seat).where(Seat.round_id == round_id, Seat.participant_id == participant_id)
    )
    if seat is None:
        return None
    return {"table_id": seat.table_id, "position": seat.position, "by_hand": seat.by_hand}


def restore_seat(
    session: Session, round_id: int, participant_id: int, previous: Snapshot | None
) -> None:
    """Undo of a move: the seat as `seat_of` gave it (None: not seated)."""
    if previous is None:
        unseat(session, round_id, participant_id)
        return
    seat = session.scalar(
        select(Seat).where(Seat.round_id == round_id, Seat.participant_id == participant_id)
    )
    if seat is None:
        seat = Seat(round_id=round_id, participant_id=participant_id)
        session.add(seat)
    seat.table_id = previous["table_id"]
    seat.position = previous["position"]
    seat.by_hand = bool(previous["by_hand"])
    session.flush()


def move_person(
    session: Session, round_id: int, participant_id: int, table_id: int, *, by_hand: bool = True
) -> int | None:
    """Seat someone at another table for one round, by hand (« Répartir automatiquement »
    then keeps them there); returns the table they were at (None: not seated). Undo:
    `restore_seat` with what `seat_of` said before."""
    the_round = session.get(SeatingRound, round_id)
    if the_round is None:
        raise InvalidInput(tr("Ce tour n'existe plus. {NOTHING}").format(NOTHING=tr(NOTHING)))
    table = get_table(session, table_id)
    person = session.get(Participant, participant_id)
    if person is None or person.workshop_id != the_round.workshop_id:
        raise InvalidInput(
            tr("Cette personne n'est plus dans la liste de l'atelier. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    if table.workshop_id != the_round.workshop_id:
        raise InvalidInput(
            tr("Cette table n'est pas dans cet atelier. {NOTHING}").format(NOTHING=tr(NOTHING))
        )
    hosting = session.scalar(
        select(SeatingTable).where(SeatingTable.host_participant_id == participant_id)
    )
    if hosting is not None and hosting.id != table_id:
        raise InvalidInput(
            tr(
                "{name} porte la table « {name2} » et y reste à chaque tour. Changez d'abord son porteur ou sa porteuse. "
            ).format(name=person.name, name2=hosting.name)
            + tr(NOTHING)
        )
    seat = session.scalar(
        select(Seat).where(Seat.round_id == round_id, Seat.participant_id == participant_id)
    )
    if seat is not None and seat.table_id == table_id:
        seat.by_hand = seat.by_hand or by_hand
        session.flush()
        return table_id
    there = session.scalar(
        select(func.count())
        .select_from(Seat)
        .where(Seat.round_id == round_id, Seat.table_id == table_id)
    )
    if table.capacity is not None and (there or 0) >= table.capacity:
        raise InvalidInput(
            tr("La table « {name} » est complète ({capacity} places). {NOTHING}").format(
                name=table.name, capacity=table.capacity, NOTHING=tr(NOTHING)
            )
        )
    previous = seat.table_id if seat is not None else None
    last = session.scalar(
        select(func.max(Seat.position)).where(Seat.round_id == round_id, Seat.table_id == table_id)
    )
    if seat is None:
        seat = Seat(round_id=round_id, participant_id=participant_id)
        session.add(seat)
    seat.table_id = table_id
    seat.position = (last if last is not None else -1) + 1
    seat.by_hand = by_hand
    session.flush()
    return previous


def unseat(session: Session, round_id: int, participant_id: int) -> None:
    session.execute(
        delete(Seat).where(Seat.round_id == round_id, Seat.participant_id == participant_id)
    )
    session.flush()
