"""Entering dots: counts typed from the physical wall, or one ballot per participant.

A ballot is stored only when validated, in one go, so a half-filled ballot never counts.
A participant votes once per round; the facilitator may reopen (delete) a ballot, and undo
puts it back exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import (
    NOTHING,
    VoteRules,
    check_ballot,
    check_wall_count,
    parse_count,
)
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Participant
from kitcop_desktop.storage.models.voting import (
    VoteBallot,
    VoteBallotDot,
    VoteRound,
    VoteRoundItem,
)


def get_round(session: Session, round_id: int) -> VoteRound:
    vote_round = session.get(VoteRound, round_id)
    if vote_round is None:
        raise NotFound(tr("Ce tour de vote n'existe plus."))
    return vote_round


def _require_open(vote_round: VoteRound, mode: str) -> None:
    if vote_round.state != "open":
        raise InvalidInput(
            tr("Le tour {number} est clos : rouvrez-le pour modifier les votes. {NOTHING}").format(
                number=vote_round.number, NOTHING=tr(NOTHING)
            )
        )
    if vote_round.entry_mode != mode:
        wanted = "au mur" if mode == "wall" else "par bulletins"
        raise InvalidInput(
            tr("Ce tour n'est pas saisi {wanted}. {NOTHING}").format(
                wanted=wanted, NOTHING=tr(NOTHING)
            )
        )


def set_wall_count(session: Session, round_id: int, item_id: int, count: int | str) -> int:
    """The dots counted on the wall for one item; returns the previous count (for undo)."""
    vote_round = get_round(session, round_id)
    _require_open(vote_round, "wall")
    value = parse_count(count)
    entry = session.get(VoteRoundItem, (round_id, item_id))
    if entry is None:
        raise InvalidInput(
            tr("Cette proposition ne fait pas partie de ce tour. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    # 999 gommettes for 12 people is a typo: the attendance list bounds what the wall can hold.
    registered = session.scalar(
        select(func.count(Participant.id)).where(
            Participant.workshop_id == vote_round.vote.workshop_id
        )
    )
    others = session.scalar(
        select(func.coalesce(func.sum(VoteRoundItem.wall_count), 0)).where(
            VoteRoundItem.round_id == round_id, VoteRoundItem.item_id != item_id
        )
    )
    check_wall_count(
        round_rules(vote_round), value, voters=registered or 0, others_total=others or 0
    )
    previous = entry.wall_count
    entry.wall_count = value
    session.flush()
    return previous


def restore_wall_count(session: Session, round_id: int, item_id: int, count: int) -> None:
    """Undo of set_wall_count: put the count back whatever the round's state meanwhile."""
    entry = session.get(VoteRoundItem, (round_id, item_id))
    if entry is not None:
        entry.wall_count = count
        session.flush()


def round_rules(vote_round: VoteRound) -> VoteRules:
    """The round's own rules (a round among ex æquo), else the vote's."""
    vote = vote_round.vote
    if vote_round.dots_per_participant is not None and vote_round.max_per_item is not None:
        return VoteRules(vote_round.dots_per_participant, vote_round.max_per_item)
    return VoteRules(vote.dots_per_participant, vote.max_per_item)


def voted_participant_ids(session: Session, round_id: int) -> set[int]:
    return set(
        session.scalars(
            select(VoteBallot.participant_id).where(
                VoteBallot.round_id == round_id, VoteBallot.participant_id.is_not(None)
            )
        )
    )


def cast_ballot(session: Session, round_id: int, participant_id: int, dots: dict[int, int]) -> int:
    """Validate one participant's ballot; returns its id. Limits broken: nothing stored."""
    vote_round = get_round(session, round_id)
    _require_open(vote_round, "ballots")
    participant = session.get(Participant, participant_id)
    if participant is None or participant.workshop_id != vote_round.vote.workshop_id:
        raise InvalidInput(
            tr("Ce·tte participant·e n'est plus dans la liste de l'atelier. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    if any(v.participant_id == participant_id and v.ballot_id for v in voters(session, round_id)):
        raise InvalidInput(
            tr(
                "{name} a déjà voté dans ce tour. L'animateur·rice peut rouvrir son bulletin. {NOTHING}"
            ).format(name=participant.name, NOTHING=tr(NOTHING))
        )
    allowed = session.scalars(
        select(VoteRoundItem.item_id).where(VoteRoundItem.round_id == round_id)
    )
    cleaned = check_ballot(round_rules(vote_round), dots, list(allowed))
    ballot = VoteBallot(
        round_id=round_id, participant_id=participant_id, voter_name=participant.name
    )
    session.add(ballot)
    session.flush()
    for item_id, n in cleaned.items():
        session.add(VoteBallotDot(ballot_id=ballot.id, item_id=item_id, dots=n))
    session.flush()
    return ballot.id


def reopen_ballot(session: Session, ballot_id: int) -> Snapshot:
    """Withdraw a validated ballot so its voter may vote again; returns it as data for undo."""
    ballot = session.get(VoteBallot, ballot_id)
    if ballot is None:
        raise NotFound(tr("Ce bulletin n'existe plus."))
    vote_round = get_round(session, ballot.round_id)
    if vote_round.state != "open":
        raise InvalidInput(
            tr(
                "Le tour {number} est clos : rouvrez-le avant de rouvrir un bulletin. {NOTHING}"
            ).format(number=vote_round.number, NOTHING=tr(NOTHING))
        )
    data = {
        "id": ballot.id,
        "round_id": ballot.round_id,
        "participant_id": ballot.participant_id,
        "voter_name": ballot.voter_name,
        "cast_at": ballot.cast_at,
        "dots": {d.item_id: d.dots for d in ballot.dots},
    }
    session.delete(ballot)
    session.flush()
    return data


def restore_ballot(session: Session, data: Snapshot) -> None:
    participant_id = data["participant_id"]
    if participant_id is not None and session.get(Participant, participant_id) is None:
        participant_id = None
    session.add(
        VoteBallot(
            id=data["id"],
            round_id=data["round_id"],
            participant_id=participant_id,
            voter_name=data["voter_name"],
            cast_at=data["cast_at"],
        )
    )
    session.flush()
    for item_id, n in data["dots"].items():
        session.add(VoteBallotDot(ballot_id=data["id"], item_id=item_id, dots=n))
    session.flush()


@dataclass(frozen=True)
class VoterStatus:
    """One line of the « qui a voté » list (never what they voted)."""

    participant_id: int | None  # None: removed from the list after voting
    name: str
    present: bool
    ballot_id: int | None  # None: has not voted yet in this round


def voters(session: Session, round_id: int) -> list[VoterStatus]:
    """Everyone who may vote in this round, in list order, then ballots of removed people."""
    vote_round = get_round(session, round_id)
    ballots = list(session.scalars(select(VoteBallot).where(VoteBallot.round_id == round_id)))
    by_participant = {b.participant_id: b.id for b in ballots if b.participant_id is not None}
    # A ballot whose voter was removed then put back (undo) is matched again by name, so that
    # nobody can vote twice by being removed and restored.
    orphans = {name_key(b.voter_name): b for b in ballots if b.participant_id is None}
    people = session.scalars(
        select(Participant)
        .where(Participant.workshop_id == vote_round.vote.workshop_id)
        .order_by(Participant.position, Participant.id)
    )
    result = []
    for p in people:
        ballot_id = by_participant.get(p.id)
        if ballot_id is None and name_key(p.name) in orphans:
            ballot_id = orphans.pop(name_key(p.name)).id
        result.append(VoterStatus(p.id, p.name, p.present, ballot_id))
    result += [VoterStatus(None, b.voter_name, False, b.id) for b in orphans.values()]
    return result
