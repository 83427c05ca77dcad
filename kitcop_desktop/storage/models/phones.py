"""Models of what phones send (#19) before the facilitator takes it.

A post-it typed on a phone waits in the board's moderation tray (`phone_posts`) until the
facilitator accepts it (it becomes a `board_cards` row, salle) or discards it. Waiting, it is
the facilitator's alone: never projected, printed, nor exported unless asked explicitly.
The phone is known by a pseudonym (a hash of its cookie), never by its identity.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
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
