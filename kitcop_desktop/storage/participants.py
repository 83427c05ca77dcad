"""Operations on a workshop's participants (the attendance list)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.participants import (
    EMAIL_RE,
    ParticipantRow,
    PasteResult,
    name_key,
    parse_paste,
)
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Participant
from kitcop_desktop.storage.models.workshop import ACTOR_CATEGORIES


@dataclass(frozen=True)
class ParticipantData:
    """A participant as plain data: what undo keeps to put a removed row back."""

    id: int
    workshop_id: int
    position: int
    name: str
    structure: str
    category: str
    present: bool
    email: str | None


def as_data(p: Participant) -> ParticipantData:
    return ParticipantData(
        p.id, p.workshop_id, p.position, p.name, p.structure, p.category, p.present, p.email
    )


def list_for(session: Session, workshop_id: int) -> list[Participant]:
    return list(
        session.scalars(
            select(Participant)
            .where(Participant.workshop_id == workshop_id)
            .order_by(Participant.position, Participant.id)
        )
    )


def _next_position(session: Session, workshop_id: int) -> int:
    current = session.scalar(
        select(func.max(Participant.position)).where(Participant.workshop_id == workshop_id)
    )
    return 0 if current is None else current + 1


def add(
    session: Session,
    workshop_id: int,
    name: str,
    structure: str = "",
    category: str = "",
    email: str | None = None,
) -> Participant:
    name = require_text(name, tr("Le nom"))
    existing = {name_key(p.name) for p in list_for(session, workshop_id)}
    if name_key(name) in existing:
        raise InvalidInput(
            tr("« {name} » est déjà dans la liste. Rien n'a été ajouté.").format(name=name)
        )
    return _insert(session, workshop_id, ParticipantRow(name, structure, category, email))


def _insert(session: Session, workshop_id: int, row: ParticipantRow) -> Participant:
    if row.category not in ACTOR_CATEGORIES:
        raise InvalidInput(tr("Catégorie d'acteur inconnue. Rien n'a été modifié."))
    email = (row.email or "").strip() or None
    if email and not EMAIL_RE.match(email):
        raise InvalidInput(
            tr("« {email} » n'est pas une adresse e-mail. Rien n'a été modifié.").format(
                email=email
            )
        )
    participant = Participant(
        workshop_id=workshop_id,
        position=_next_position(session, workshop_id),
        name=row.name,
        structure=clean_text(row.structure, max_len=200),
        category=row.category,
        email=email,
    )
    session.add(participant)
    session.flush()
    return participant


def paste(session: Session, workshop_id: int, text: str) -> tuple[list[int], PasteResult]:
    """Add pasted rows; returns the new ids (for undo) and what was skipped and why."""
    existing = [p.name for p in list_for(session, workshop_id)]
    result = parse_paste(text, existing)
    ids = [_insert(session, workshop_id, row).id for row in result.rows]
    return ids, result


def update(session: Session, participant_id: int, **fields: Any) -> Snapshot:
    p = session.get(Participant, participant_id)
    if p is None:
        raise NotFound(tr("Ce·tte participant·e n'existe plus."))
    cleaned = {}
    for key, value in fields.items():
        if key == "name":
            value = require_text(value, tr("Le nom"))
            others = {name_key(o.name) for o in list_for(session, p.workshop_id) if o.id != p.id}
            if name_key(value) in others:
                raise InvalidInput(
                    tr("« {value} » est déjà dans la liste. Rien n'a été modifié.").format(
                        value=value
                    )
                )
        elif key == "structure":
            value = clean_text(value, max_len=200)
        elif key == "category":
            if value not in ACTOR_CATEGORIES:
                raise InvalidInput(tr("Catégorie d'acteur inconnue. Rien n'a été modifié."))
        elif key == "email":
            value = (value or "").strip() or None
            if value and not EMAIL_RE.match(value):
                raise InvalidInput(
                    tr("« {value} » n'est pas une adresse e-mail. Rien n'a été modifié.").format(
                        value=value
                    )
                )
        elif key == "present":
            value = bool(value)
        else:
            raise TypeError(f"unknown participant field {key!r}")
        cleaned[key] = value
    previous = {key: getattr(p, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(p, key, value)
    session.flush()
    return previous


def remove(session: Session, participant_ids: list[int]) -> list[ParticipantData]:
    """Remove participants; returns them as data so that undo can put them back as they were."""
    removed = []
    for pid in participant_ids:
        p = session.get(Participant, pid)
        if p is not None:
            removed.append(as_data(p))
            session.delete(p)
    session.flush()
    return removed


def restore(session: Session, rows: list[ParticipantData]) -> None:
    for r in rows:
        session.add(
            Participant(
                id=r.id,
                workshop_id=r.workshop_id,
                position=r.position,
                name=r.name,
                structure=r.structure,
                category=r.category,
                present=r.present,
                email=r.email,
            )
        )
    session.flush()


def reorder(session: Session, workshop_id: int, ordered_ids: list[int]) -> list[int]:
    """Set the order; returns the previous order."""
    people = {p.id: p for p in list_for(session, workshop_id)}
    previous = list(people)
    if sorted(ordered_ids) != sorted(people):
        raise InvalidInput(tr("La liste a changé entre-temps. Rien n'a été modifié."))
    for position, pid in enumerate(ordered_ids):
        people[pid].position = position
    session.flush()
    return previous
