"""Fiches actions: the kit's action card, born from a vote winner or a KISS « on commence »."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.storage.base import Base, Timestamps

# Field name -> French label, in the kit's order (used by the editor, the PDF and the export).
ACTION_CARD_FIELDS = {
    "theme": "Thème",  # the card's header, as the kit's « BIODIVERSITÉ »
    "challenge": "Défi",
    "target": "Cible",
    "action": "Action",
    "leads": "Pilotes",
    "contributors": "Contributeurs",
    "implementation": "Mise en œuvre (calendrier)",
    "description": "Description",
    "indicators": "Indicateurs de suivi",
    "test_plan": "Comment tester",  # the kit's action plan: test before scaling up
    "success_conditions": "Conditions de succès",
    "acceleration_needs": "Besoins pour accélérer",
}


class ActionCard(Timestamps, Base):
    __tablename__ = "action_cards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    theme: Mapped[str] = mapped_column(String(100), default="", server_default="")
    challenge: Mapped[str] = mapped_column(String(300), default="")
    target: Mapped[str] = mapped_column(String(300), default="")
    action: Mapped[str] = mapped_column(Text, default="")
    leads: Mapped[str] = mapped_column(Text, default="")
    contributors: Mapped[str] = mapped_column(Text, default="")
    implementation: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[int] = mapped_column(Integer, default=0)  # 0 = not rated, else 1..3 stars
    feasibility: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")
    indicators: Mapped[str] = mapped_column(Text, default="")
    test_plan: Mapped[str] = mapped_column(Text, default="", server_default="")
    success_conditions: Mapped[str] = mapped_column(Text, default="")
    acceleration_needs: Mapped[str] = mapped_column(Text, default="")
    # Where it stands in the chantier's action plan (domain/action_plan.STATUSES).
    status: Mapped[str] = mapped_column(String(20), default="to_start", server_default="to_start")
    # Where it came from, for the restitution: "vote", "kiss", "manual".
    origin: Mapped[str] = mapped_column(String(20), default="manual")
    origin_ref: Mapped[str] = mapped_column(String(100), default="")
