"""The workshop (atelier) and its participants (liste d'émargement)."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, Timestamps, private

PARTICIPATION_LEVELS = ("information", "consultation", "co_construction")
ACTOR_CATEGORIES = ("public", "private", "para_public", "")


class Workshop(Timestamps, Base):
    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    problem_statement: Mapped[str] = mapped_column(Text, default="")
    participation_level: Mapped[str] = mapped_column(String(20), default="co_construction")
    facilitators: Mapped[str] = mapped_column(Text, default="")
    # The facilitator's preparation notes (visibility animateur·rice).
    notes: Mapped[str] = mapped_column(
        Text, default="", info=private(Visibility.FACILITATOR, "facilitator")
    )
    # The chantier it belongs to, if any (#17): a workshop stands alone without one. No ON
    # DELETE rule: SQLite cannot say one on a column added to a table that already has rows
    # (reflection would not read it back), so storage/chantiers.delete unlinks first.
    chantier_id: Mapped[int | None] = mapped_column(
        ForeignKey("chantiers.id"), nullable=True, index=True
    )
    # Set when moved to the trash; the row stays until the trash is emptied.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    participants: Mapped[list[Participant]] = relationship(
        back_populates="workshop",
        order_by="Participant.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Participant(Base):
    __tablename__ = "participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    structure: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(20), default="")
    present: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str | None] = mapped_column(
        String(320), nullable=True, info=private(Visibility.FACILITATOR, "emails")
    )

    workshop: Mapped[Workshop] = relationship(back_populates="participants")
