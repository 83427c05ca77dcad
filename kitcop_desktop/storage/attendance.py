"""Who was there: the attendance list's ticks, and who took part (spoke, voted, sat in the bowl).

Anyone who speaks in a round, votes with a ballot or sits in the bowl was in the room: the tools
mark them present when they take part (see ui/attendance.py), and what is printed or counted
never says « 0 présent·es » of people who spoke. Operations take a Session, never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import fewest_voters
from kitcop_desktop.storage.models import Participant
from kitcop_desktop.storage.models.fishbowl import (
    Fishbowl,
    FishbowlMember,
    FishbowlSeating,
    RoundEntry,
    SpeakingRound,
)
from kitcop_desktop.storage.models.voting import DotVote, VoteBallot, VoteRound, VoteRoundItem
from kitcop_desktop.storage.voting_entries import round_rules


def people(session: Session, participant_ids: Iterable[int | None]) -> list[tuple[int, str, bool]]:
    """(id, name, present) of these participants, in list order (unknown ids left out)."""
    ids = {i for i in participant_ids if i is not None}
    if not ids:
        return []
    rows = session.scalars(
        select(Participant)
        .where(Participant.id.in_(ids))
        .order_by(Participant.position, Participant.id)
    )
    return [(p.id, p.name, p.present) for p in rows]


def set_presence(session: Session, presence: dict[int, bool]) -> dict[int, bool]:
    """Tick or untick several people at once; returns the previous ticks (for undo)."""
    previous: dict[int, bool] = {}
    for participant_id, present in presence.items():
        p = session.get(Participant, participant_id)
        if p is None:
            continue
        previous[p.id] = p.present
        p.present = bool(present)
    session.flush()
    return previous


def mark_present(session: Session, participant_ids: Iterable[int | None]) -> list[int]:
    """Tick those not ticked yet; returns them (undo unticks exactly these)."""
    marked = [pid for pid, _name, present in people(session, participant_ids) if not present]
    set_presence(session, dict.fromkeys(marked, True))
    return marked


def unmark(session: Session, participant_ids: Iterable[int]) -> None:
    """Undo of mark_present."""
    set_presence(session, dict.fromkeys(participant_ids, False))


def participant_of_members(session: Session, member_ids: Iterable[int]) -> list[int]:
    """The attendance-list people behind fishbowl members (a latecomer has one too)."""
    ids = list(member_ids)
    if not ids:
        return []
    found = session.scalars(
        select(FishbowlMember.participant_id).where(
            FishbowlMember.id.in_(ids), FishbowlMember.participant_id.is_not(None)
        )
    )
    return [x for x in found if x is not None]


def participant_of_entry(session: Session, entry_id: int | None) -> list[int]:
    """The attendance-list person behind a round entry (none for a removed person)."""
    entry = session.get(RoundEntry, entry_id) if entry_id is not None else None
    return [entry.participant_id] if entry is not None and entry.participant_id else []


def current_entry(session: Session, round_id: int) -> int | None:
    """The round entry that has the floor now (None before the start and after the end)."""
    rnd = session.get(SpeakingRound, round_id)
    return rnd.current_entry_id if rnd is not None else None


def mark_who_spoke(session: Session, entry_id: int | None) -> list[int]:
    """Tick present the person of `entry_id` once they have spoken (or passed) in the round."""
    entry = session.get(RoundEntry, entry_id) if entry_id is not None else None
    if entry is None or not (entry.status in ("done", "passed") or entry.word.strip()):
        return []
    return mark_present(session, [entry.participant_id])


def took_part(session: Session, workshop_id: int) -> set[int]:
    """Participants who sat in a bowl, spoke (or passed) in a round, or cast a ballot."""
    seated = session.scalars(
        select(FishbowlMember.participant_id)
        .join(FishbowlSeating, FishbowlSeating.member_id == FishbowlMember.id)
        .join(Fishbowl, Fishbowl.id == FishbowlMember.fishbowl_id)
        .where(Fishbowl.workshop_id == workshop_id)
    )
    spoke = session.scalars(
        select(RoundEntry.participant_id)
        .join(SpeakingRound, SpeakingRound.id == RoundEntry.round_id)
        .where(
            SpeakingRound.workshop_id == workshop_id,
            or_(RoundEntry.status.in_(("done", "passed")), RoundEntry.word != ""),
        )
    )
    voted = session.scalars(
        select(VoteBallot.participant_id)
        .join(VoteRound, VoteRound.id == VoteBallot.round_id)
        .join(DotVote, DotVote.id == VoteRound.vote_id)
        .where(DotVote.workshop_id == workshop_id)
    )
    return {pid for rows in (seated, spoke, voted) for pid in rows if pid is not None}


def fewest_wall_voters(session: Session, workshop_id: int) -> tuple[int, int]:
    """(dots, voters): the round whose dots counted at the wall need the most people."""
    best = (0, 0)
    rounds = session.scalars(
        select(VoteRound)
        .join(DotVote, DotVote.id == VoteRound.vote_id)
        .where(DotVote.workshop_id == workshop_id, VoteRound.entry_mode == "wall")
    )
    for vote_round in rounds:
        dots = sum(
            session.scalars(
                select(VoteRoundItem.wall_count).where(VoteRoundItem.round_id == vote_round.id)
            )
        )
        voters = fewest_voters(dots, round_rules(vote_round))
        if voters > best[1]:
            best = (dots, voters)
    return best


@dataclass(frozen=True)
class Attendance:
    registered: int
    ticked: set[int]  # ticked present on the list
    took_part: set[int]  # spoke, voted or sat in the bowl
    wall_dots: int = 0  # the dots of the wall round that needs the most voters…
    wall_voters: int = 0  # …and how many people at least placed them
    names: dict[int, str] = field(default_factory=dict)

    @property
    def present(self) -> set[int]:
        """Who was there: ticked, or seen taking part."""
        return self.ticked | self.took_part

    @property
    def taken(self) -> bool:
        """Whether anything says who was there (else only the registrations are known)."""
        return bool(self.present)

    @property
    def unticked_participants(self) -> list[int]:
        """Took part but are not ticked (older files, or « Non » to the question)."""
        return sorted(self.took_part - self.ticked)


def attendance(session: Session, workshop_id: int) -> Attendance:
    rows = list(session.scalars(select(Participant).where(Participant.workshop_id == workshop_id)))
    known = {p.id for p in rows}
    dots, voters = fewest_wall_voters(session, workshop_id)
    return Attendance(
        registered=len(rows),
        ticked={p.id for p in rows if p.present},
        took_part=took_part(session, workshop_id) & known,
        wall_dots=dots,
        wall_voters=voters,
        names={p.id: p.name for p in rows},
    )
