"""Models of the voting area: dot votes (vote par gommettes), their items, rounds and ballots.

A vote has items and criteria; each round (tour) counts dots on some of those items, either
typed from the physical wall (one count per item) or cast as ballots on the laptop (one per
participant). Ties are settled by a later round or by a recorded decision (VoteDecision).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, Timestamps, private, utcnow

ENTRY_MODES = ("wall", "ballots")


class DotVote(Timestamps, Base):
    __tablename__ = "dot_votes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    # Critères de tri, one per line, in the order the room amended them.
    criteria: Mapped[str] = mapped_column(Text, default="")
    dots_per_participant: Mapped[int] = mapped_column(Integer, default=3)
    max_per_item: Mapped[int] = mapped_column(Integer, default=1)
    # Vote secret: tallies stay hidden on both screens until the round is revealed.
    hidden: Mapped[bool] = mapped_column(Boolean, default=True)
    # How many winners become fiches actions (and the N of « top N » for the next round).
    winners_count: Mapped[int] = mapped_column(Integer, default=3)

    items: Mapped[list[VoteItem]] = relationship(
        back_populates="vote",
        order_by="VoteItem.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    rounds: Mapped[list[VoteRound]] = relationship(
        back_populates="vote",
        order_by="VoteRound.number",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class VoteItem(Base):
    """One proposal the room votes on (typed, or a post-it / sous-thématique sent from a board)."""

    __tablename__ = "vote_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("dot_votes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    # The post-it it came from; the item outlives the post-it (SET NULL), its text is a copy.
    source_card_id: Mapped[int | None] = mapped_column(
        ForeignKey("board_cards.id", ondelete="SET NULL"), nullable=True
    )

    vote: Mapped[DotVote] = relationship(back_populates="items")


class VoteRound(Base):
    """A tour: round 1 over every item, later rounds over the top N or the tied items."""

    __tablename__ = "vote_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("dot_votes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    entry_mode: Mapped[str] = mapped_column(String(10), default="wall")  # ENTRY_MODES
    # "open": dots may be entered; "closed": counting is over (results may be revealed).
    state: Mapped[str] = mapped_column(String(10), default="open")
    revealed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Why this round exists, in French: « Les 3 premiers du tour 1 », « Ex æquo du tour 1 ».
    reason: Mapped[str] = mapped_column(String(300), default="")
    # This round's own rules (a round among 3 ex æquo with « 3 gommettes, 1 max par idée »
    # would give the same tie again); None: the vote's rules (round 1, older files).
    dots_per_participant: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_per_item: Mapped[int | None] = mapped_column(Integer, nullable=True)

    vote: Mapped[DotVote] = relationship(back_populates="rounds")
    entries: Mapped[list[VoteRoundItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    ballots: Mapped[list[VoteBallot]] = relationship(
        order_by="VoteBallot.id", cascade="all, delete-orphan", passive_deletes=True
    )
    decisions: Mapped[list[VoteDecision]] = relationship(
        order_by="VoteDecision.id", cascade="all, delete-orphan", passive_deletes=True
    )


class VoteRoundItem(Base):
    """An item in a round, with the dot count typed from the wall (wall mode)."""

    __tablename__ = "vote_round_items"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("vote_rounds.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("vote_items.id", ondelete="CASCADE"), primary_key=True
    )
    # A secret vote's tally (visibility restitution): shown once the round is revealed.
    wall_count: Mapped[int] = mapped_column(
        Integer, default=0, info=private(Visibility.RESTITUTION, "facilitator")
    )


class VoteBallot(Base):
    """One participant's validated ballot in one round (ballot mode).

    A participant removed from the list later keeps their ballot (SET NULL): they voted, and
    the name is kept as it was when they voted, so tallies never change behind anyone's back.
    """

    __tablename__ = "vote_ballots"
    __table_args__ = (UniqueConstraint("round_id", "participant_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("vote_rounds.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True
    )
    voter_name: Mapped[str] = mapped_column(String(200), default="")
    cast_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    dots: Mapped[list[VoteBallotDot]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class VoteBallotDot(Base):
    __tablename__ = "vote_ballot_dots"

    ballot_id: Mapped[int] = mapped_column(
        ForeignKey("vote_ballots.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[int] = mapped_column(
        ForeignKey("vote_items.id", ondelete="CASCADE"), primary_key=True
    )
    dots: Mapped[int] = mapped_column(
        Integer, default=1, info=private(Visibility.RESTITUTION, "facilitator")
    )


class VoteDecision(Base):
    """How the facilitator settled a tie without a new round: the order chosen, and why."""

    __tablename__ = "vote_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("vote_rounds.id", ondelete="CASCADE"), index=True
    )
    # Item ids, comma-separated, best first: the tied group in the order decided.
    ordered_item_ids: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
