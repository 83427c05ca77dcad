"""Models of the board area: boards (speedboat, KISS, chemin, étonnement), clusters and cards.

A board belongs to a workshop; several boards of one kind may exist (one per sous-groupe).
Zones are data (domain/board_kinds.py), stored as short English keys.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kitcop_desktop.storage.base import Base, Timestamps


def new_uid() -> str:
    """A fresh identity that travels with a board or a post-it in .kitcop files (32 hex)."""
    return uuid.uuid4().hex


class Board(Timestamps, Base):
    __tablename__ = "boards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # speedboat, kiss, retro_path, astonishment
    title: Mapped[str] = mapped_column(String(200))
    subgroup: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Retrospective path seen from two angles (actions / ressentis).
    split_by_angle: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the room screen puts forward: "" (whole board), "zone:<key>" or "cluster:<id>".
    spotlight: Mapped[str] = mapped_column(String(60), default="")
    # Identity across laptops: the same board exported, edited and imported again is this one.
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)

    cards: Mapped[list[Card]] = relationship(
        back_populates="board",
        order_by="Card.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    clusters: Mapped[list[Cluster]] = relationship(
        back_populates="board",
        order_by="Cluster.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Cluster(Base):
    """A sous-thématique: a titled group of cards inside one zone."""

    __tablename__ = "board_clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    zone: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200), default="")
    collapsed: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    board: Mapped[Board] = relationship(back_populates="clusters")


class Card(Timestamps, Base):
    """A post-it on a board."""

    __tablename__ = "board_cards"
    # A post-it typed on a board of thousands: the zone's next position and the rows changed
    # since a view last read the board are index lookups (migration 0018, #15).
    __table_args__ = (
        Index("ix_board_cards_board_id_zone_position", "board_id", "zone", "position"),
        Index("ix_board_cards_board_id_updated_at", "board_id", "updated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    board_id: Mapped[int] = mapped_column(ForeignKey("boards.id", ondelete="CASCADE"), index=True)
    zone: Mapped[str] = mapped_column(String(30))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("board_clusters.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    # "" = the zone's colour; else a "#RRGGBB" chosen by the facilitator.
    colour: Mapped[str] = mapped_column(String(9), default="")
    # How many post-its said the same thing (a merge of « déjà présent » adds them up).
    weight: Mapped[int] = mapped_column(Integer, default=1)
    # Retrospective path angle: "" , "actions" or "feelings".
    angle: Mapped[str] = mapped_column(String(20), default="")
    # Where it came from, e.g. « Entretien — Enquêté·e 3 » (never a real name).
    source: Mapped[str] = mapped_column(String(200), default="")
    # No ForeignKey: the interviews table comes later in the migration chain.
    source_interview_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Identity across laptops: an edited post-it imported again updates this one.
    uid: Mapped[str] = mapped_column(String(32), default=new_uid, index=True)

    board: Mapped[Board] = relationship(back_populates="cards")
