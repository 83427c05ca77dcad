"""The chantier's état des lieux (kit Brique 1): the cartographie des acteurs, the gouvernance
built on it (instances, their actors and RACI letters) and the initiatives inspirantes."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.storage.base import Base, Timestamps


class Actor(Timestamps, Base):
    """One actor of the map (Brique 1-2): its category's colour, the influence mark, and its
    place (x, y in −1…1 around the chantier; the ring it falls in is its zone)."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantiers.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    structure: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(20), default="public")
    influential: Mapped[bool] = mapped_column(Boolean, default=False)
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    note: Mapped[str] = mapped_column(Text, default="")
    # Linked by hand: the names (a participant's, a pilot's, an interview's structure or
    # pseudonym) under which the chantier met this actor, one a line.
    aliases: Mapped[str] = mapped_column(Text, default="", server_default="")


class GovernanceBody(Timestamps, Base):
    """An instance of the chantier's gouvernance (comité de pilotage, groupe projet…)."""

    __tablename__ = "governance_bodies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantiers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    participation: Mapped[str] = mapped_column(String(20), default="consultation")
    purpose: Mapped[str] = mapped_column(Text, default="")  # its role, how often it meets


class GovernanceMember(Base):
    """An actor in an instance, with its RACI letter (domain.governance.RACI)."""

    __tablename__ = "governance_members"
    __table_args__ = (UniqueConstraint("body_id", "actor_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body_id: Mapped[int] = mapped_column(
        ForeignKey("governance_bodies.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    raci: Mapped[str] = mapped_column(String(1), default="I")


class Initiative(Timestamps, Base):
    """A line of the kit's table of initiatives inspirantes (Brique 1-1)."""

    __tablename__ = "initiatives"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantiers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    scale: Mapped[str] = mapped_column(String(200), default="")
    territory: Mapped[str] = mapped_column(String(200), default="")
    presentation: Mapped[str] = mapped_column(Text, default="")
    interest: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    # The campaign's interviews where it was met, linked by hand: « 12,7 » (interview ids).
    interview_ids: Mapped[str] = mapped_column(Text, default="", server_default="")


class KeyFigure(Timestamps, Base):
    """A line of the kit's données clés (Brique 1-4 and 1-5: constat de départ, objectif, à
    retenir), shown in the workshops' « Quelques chiffres clés » séquence when `shown`."""

    __tablename__ = "key_figures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantiers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    theme: Mapped[str] = mapped_column(String(200), default="")
    starting: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text, default="")
    takeaway: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    shown: Mapped[bool] = mapped_column(Boolean, default=True)


class FundingSource(Timestamps, Base):
    """A line of the kit's ressources financières mobilisables (Brique 1-3)."""

    __tablename__ = "funding_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantiers.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    funder: Mapped[str] = mapped_column(String(200), default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
