"""A whole vote as plain data, and back: what undo needs to put a deleted vote back as it was."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Participant
from kitcop_desktop.storage.models.voting import (
    DotVote,
    VoteBallot,
    VoteBallotDot,
    VoteDecision,
    VoteItem,
    VoteRound,
    VoteRoundItem,
)

# Parents before children, so that restoring in this order satisfies every foreign key.
TABLES = (DotVote, VoteItem, VoteRound, VoteRoundItem, VoteBallot, VoteBallotDot, VoteDecision)


def snapshot(session: Session, vote_id: int) -> Snapshot:
    vote = session.get(DotVote, vote_id)
    if vote is None:
        raise NotFound(tr("Ce vote n'existe plus."))
    round_ids = [r.id for r in vote.rounds]
    ballots = list(session.scalars(select(VoteBallot).where(VoteBallot.round_id.in_(round_ids))))
    ballot_ids = [b.id for b in ballots]
    return {
        DotVote.__tablename__: [row_dict(vote)],
        VoteItem.__tablename__: [row_dict(i) for i in vote.items],
        VoteRound.__tablename__: [row_dict(r) for r in vote.rounds],
        VoteRoundItem.__tablename__: [
            row_dict(x)
            for x in session.scalars(
                select(VoteRoundItem).where(VoteRoundItem.round_id.in_(round_ids))
            )
        ],
        VoteBallot.__tablename__: [row_dict(b) for b in ballots],
        VoteBallotDot.__tablename__: [
            row_dict(d)
            for d in session.scalars(
                select(VoteBallotDot).where(VoteBallotDot.ballot_id.in_(ballot_ids))
            )
        ],
        VoteDecision.__tablename__: [
            row_dict(d)
            for d in session.scalars(
                select(VoteDecision).where(VoteDecision.round_id.in_(round_ids))
            )
        ],
    }


def restore(session: Session, data: Snapshot) -> None:
    """Recreate every row with its id. Links to rows gone meanwhile (a participant, a post-it)
    become empty rather than failing: the vote itself is what comes back, its rounds not
    revealed (undoing a deletion never puts counts back on the projector)."""
    from kitcop_desktop.storage.models.board import Card

    for model in TABLES:
        for row in data.get(model.__tablename__, []):
            row = dict(row)
            card_id = row.get("source_card_id") if model is VoteItem else None
            if card_id is not None and session.get(Card, card_id) is None:
                row["source_card_id"] = None
            if model is VoteRound:  # undo never shows anything: R reveals it again
                row["revealed"] = False
            voter_id = row.get("participant_id") if model is VoteBallot else None
            if voter_id is not None and session.get(Participant, voter_id) is None:
                row["participant_id"] = None
            session.add(model(**row))
        session.flush()
