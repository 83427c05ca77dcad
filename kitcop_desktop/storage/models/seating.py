"""Models of the tables area (#24): the tables of a world café, a pro-action café or the kit's
sous-groupes, the rounds (rotations) of a workshop, and who sits at which table in each round.

A table's host (porteur·se) is a participant (`host_participant_id`) or a guest named by
`host_name`; the name is kept as typed so that removing the participant keeps the table's
history readable. A round may be tied to the déroulé's séquence it runs in (`sequence_id`).
Who sits where is decided by domain/seating.plan_rounds or by hand (storage/tables.py).
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.storage.base import Base, Timestamps


class SeatingTable(Timestamps, Base):
    """One table: its name, its topic or question, its host, its seats."""

    __tablename__ = "seating_tables"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(Text, default="")  # sujet ou question de la table
    host_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True, index=True
    )
    host_name: Mapped[str] = mapped_column(String(200), default="")  # a guest, or a copy
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)  # host included


class SeatingRound(Base):
    """One round (rotation) of a workshop's tables, possibly tied to a séquence."""

    __tablename__ = "seating_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer, default=1)  # 1, 2, 3… in the workshop
    sequence_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_sequences.id", ondelete="SET NULL"), nullable=True, index=True
    )


class Seat(Base):
    """Someone seated at a table for one round."""

    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("round_id", "participant_id", name="uq_seats_person"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("seating_rounds.id", ondelete="CASCADE"), index=True
    )
    table_id: Mapped[int] = mapped_column(
        ForeignKey("seating_tables.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)  # the host first
    # Placed by hand (dragged, « Changer de table »): « Répartir automatiquement » keeps it.
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The team (0, 1, …) this person rotates with (« Par équipes… »), in every round, even one
    # they were moved out of by hand; None: seated by the mixing rule, or a host. « Répartir
    # automatiquement » run again keeps the teams (storage/tables_seating.current_teams).
    team: Mapped[int | None] = mapped_column(Integer, nullable=True)
