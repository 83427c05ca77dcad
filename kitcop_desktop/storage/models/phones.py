"""Models of what phones send (#19) before the facilitator takes it.

A post-it typed on a phone waits in the board's moderation tray (`phone_posts`) until the
facilitator accepts it (it becomes a `board_cards` row, salle) or discards it. Waiting, it is
the facilitator's alone: never projected, printed, nor exported unless asked explicitly.
A word sent to a speaking round (`phone_words`: météo, déclusion, ROTI) is restitution
content: neither projected nor printed until the facilitator shows it (`shown`).
The phone is known by a pseudonym (a hash of its cookie), never by its identity.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, private, utcnow


class PhonePost(Base):
    __tablename__ = "phone_posts"
    __table_args__ = {"info": private(Visibility.FACILITATOR, "facilitator")}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    zone: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    device: Mapped[str] = mapped_column(String(32), default="")
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PhoneWord(Base):
    """One phone's word or sentence in a speaking round (one per phone and round), with, at a
    déclusion, whether they stay involved, and at a ROTI, their score (1 to 5)."""

    __tablename__ = "phone_words"
    __table_args__ = (
        UniqueConstraint("round_id", "device"),
        {"info": private(Visibility.RESTITUTION, "facilitator", revealed="shown")},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("speaking_rounds.id", ondelete="CASCADE"), index=True
    )
    device: Mapped[str] = mapped_column(String(32), default="")
    word: Mapped[str] = mapped_column(Text, default="")
    stay_involved: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Set when the facilitator shows the phones' words (room screen, restitution).
    shown: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
