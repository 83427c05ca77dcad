"""The chantier (one COP project above its workshops) and what the kit keeps for it after the
workshops: the steps of each fiche action's plan and its protocole de test (Brique 4-2)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.storage.base import Base, Timestamps


class Chantier(Timestamps, Base):
    __tablename__ = "chantiers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class ActionStep(Base):
    """One step of a fiche action's plan (the kit's « étapes identifiées », « calendrier »)."""

    __tablename__ = "action_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_card_id: Mapped[int] = mapped_column(
        ForeignKey("action_cards.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(300))
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class TestProtocol(Timestamps, Base):
    """Brique 4-2: what the test of a fiche action must show, written before the test."""

    __tablename__ = "test_protocols"
    __test__ = False  # not a pytest class, whatever its name says

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_card_id: Mapped[int] = mapped_column(
        ForeignKey("action_cards.id", ondelete="CASCADE"), index=True, unique=True
    )
    problem: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[str] = mapped_column(Text, default="")
    added_value: Mapped[str] = mapped_column(Text, default="")
    actors: Mapped[str] = mapped_column(Text, default="")
    impact_criteria: Mapped[str] = mapped_column(Text, default="")  # one criterion per line
    success_if: Mapped[str] = mapped_column(Text, default="")  # « vous aurez réussi si… »


class TestResult(Timestamps, Base):
    """One line of a protocol's log: what was observed on a day against one criterion."""

    __tablename__ = "test_results"
    __test__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    protocol_id: Mapped[int] = mapped_column(
        ForeignKey("test_protocols.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    day: Mapped[date | None] = mapped_column(Date, nullable=True)
    criterion: Mapped[str] = mapped_column(String(300), default="")
    observed: Mapped[str] = mapped_column(Text, default="")
    verdict: Mapped[str] = mapped_column(String(20), default="")  # domain.action_plan.VERDICTS
