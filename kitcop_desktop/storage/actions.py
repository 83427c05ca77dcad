"""Operations on fiches actions (shared by voting, boards and the action-card tool)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import ActionCard
from kitcop_desktop.storage.models.action import ACTION_CARD_FIELDS

STAR_FIELDS = ("impact", "feasibility")


def _clean(field: str, value: Any) -> Any:
    if field in STAR_FIELDS:
        try:
            stars = int(value)
        except (TypeError, ValueError):
            raise InvalidInput(
                tr("La note doit être de 0 à 3 étoiles. Rien n'a été modifié.")
            ) from None
        if not 0 <= stars <= 3:
            raise InvalidInput(tr("La note doit être de 0 à 3 étoiles. Rien n'a été modifié."))
        return stars
    if field in ("challenge", "target"):
        return " ".join(clean_text(value, max_len=300).split())
    if field == "theme":
        return " ".join(clean_text(value, max_len=100).split())
    if field in ACTION_CARD_FIELDS:
        return clean_text(value)
    raise TypeError(f"unknown action card field {field!r}")


def list_for(session: Session, workshop_id: int) -> list[ActionCard]:
    return list(
        session.scalars(
            select(ActionCard)
            .where(ActionCard.workshop_id == workshop_id)
            .order_by(ActionCard.position, ActionCard.id)
        )
    )


def get(session: Session, card_id: int) -> ActionCard:
    card = session.get(ActionCard, card_id)
    if card is None:
        raise NotFound(tr("Cette fiche action n'existe plus."))
    return card


def create(
    session: Session,
    workshop_id: int,
    *,
    origin: str = "manual",
    origin_ref: str = "",
    **fields: Any,
) -> ActionCard:
    values = {key: _clean(key, value) for key, value in fields.items()}
    if not (values.get("challenge") or values.get("action")):
        raise InvalidInput(
            tr("Une fiche action a besoin d'un défi ou d'une action. Rien n'a été créé.")
        )
    position = session.scalar(
        select(func.max(ActionCard.position)).where(ActionCard.workshop_id == workshop_id)
    )
    card = ActionCard(
        workshop_id=workshop_id,
        position=0 if position is None else position + 1,
        origin=origin,
        origin_ref=origin_ref,
        **values,
    )
    session.add(card)
    session.flush()
    return card


def update(session: Session, card_id: int, **fields: Any) -> Snapshot:
    card = get(session, card_id)
    cleaned = {key: _clean(key, value) for key, value in fields.items()}
    previous = {key: getattr(card, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(card, key, value)
    session.flush()
    return previous


def delete(session: Session, card_id: int) -> Snapshot:
    """Delete; returns every column so that undo can recreate the card as it was."""
    card = get(session, card_id)
    data = row_dict(card)
    session.delete(card)
    session.flush()
    return data


def recreate(session: Session, data: Snapshot) -> ActionCard:
    card = ActionCard(**data)
    session.add(card)
    session.flush()
    return card
