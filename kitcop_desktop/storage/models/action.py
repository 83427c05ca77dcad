"""Fiches actions: the kit's action card, born from a vote winner or a KISS « on commence »."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.i18n import TrMap, tr_later
from kitcop_desktop.storage.base import Base, Timestamps

# Field name -> French label (marked for the catalogue), in the kit's order (used by the editor, the PDF and the export).
ACTION_CARD_LABELS = {
    "theme": tr_later("Thème"),  # the card's header, as the kit's « BIODIVERSITÉ »
    "challenge": tr_later("Défi"),
    "target": tr_later("Cible"),
    "action": tr_later("Action"),
    "leads": tr_later("Pilotes"),
    "contributors": tr_later("Contributeurs"),
    "implementation": tr_later("Mise en œuvre (calendrier)"),
    "description": tr_later("Description"),
    "indicators": tr_later("Indicateurs de suivi"),
    "test_plan": tr_later("Comment tester"),  # the kit's action plan: test before scaling up
    "success_conditions": tr_later("Conditions de succès"),
    "acceleration_needs": tr_later("Besoins pour accélérer"),
}
ACTION_CARD_FIELDS = TrMap(ACTION_CARD_LABELS)  # read in the app's language


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
