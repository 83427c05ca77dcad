"""Operations on workshops: create, edit, list, duplicate, trash and restore."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, utcnow
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Participant, Workshop
from kitcop_desktop.storage.models.workshop import PARTICIPATION_LEVELS

EDITABLE_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "place",
    "problem_statement",
    "participation_level",
    "facilitators",
    "notes",
)


@dataclass(frozen=True)
class WorkshopSummary:
    id: int
    title: str
    date: date | None
    place: str
    participants: int


def get(session: Session, workshop_id: int) -> Workshop:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or workshop.deleted_at is not None:
        raise NotFound(
            tr("L'atelier n° {workshop_id} n'existe pas (ou plus).").format(workshop_id=workshop_id)
        )
    return workshop


def _clean(field: str, value: Any) -> Any:
    if field == "title":
        return require_text(value, tr("Le titre de l'atelier"))
    if field == "place":
        return clean_text(value, max_len=200)
    if field == "participation_level":
        if value not in PARTICIPATION_LEVELS:
            raise InvalidInput(tr("Degré de participation inconnu. Rien n'a été modifié."))
        return value
    if field == "date":
        if value is not None and not isinstance(value, date):
            raise InvalidInput(tr("La date n'est pas valide. Rien n'a été modifié."))
        return value
    if field in ("start_time", "end_time"):
        if value is not None and not isinstance(value, time):
            raise InvalidInput(tr("L'horaire n'est pas valide. Rien n'a été modifié."))
        return value
    return clean_text(value)


def create(session: Session, title: str, **fields: Any) -> Workshop:
    values = {"title": _clean("title", title)}
    for key, value in fields.items():
        if key not in EDITABLE_FIELDS:
            raise TypeError(f"unknown workshop field {key!r}")
        values[key] = _clean(key, value)
    workshop = Workshop(**values)
    session.add(workshop)
    session.flush()
    return workshop


def update(session: Session, workshop_id: int, **fields: Any) -> Snapshot:
    """Change some fields; returns the previous values (what undo needs)."""
    workshop = get(session, workshop_id)
    cleaned = {}
    for key, value in fields.items():
        if key not in EDITABLE_FIELDS:
            raise TypeError(f"unknown workshop field {key!r}")
        cleaned[key] = _clean(key, value)
    if workshop.start_time and workshop.end_time:
        start = cleaned.get("start_time", workshop.start_time)
        end = cleaned.get("end_time", workshop.end_time)
        if start and end and end <= start:
            raise InvalidInput(tr("La fin doit être après le début. Rien n'a été modifié."))
    previous = {key: getattr(workshop, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(workshop, key, value)
    session.flush()
    return previous


def list_summaries(session: Session, *, trashed: bool = False) -> list[WorkshopSummary]:
    """Most recent first: by date (undated last), then by last change."""
    from sqlalchemy import func

    counts = (
        select(Participant.workshop_id, func.count().label("n"))
        .group_by(Participant.workshop_id)
        .subquery()
    )
    stmt = (
        select(Workshop, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.workshop_id == Workshop.id)
        .where(Workshop.deleted_at.is_not(None) if trashed else Workshop.deleted_at.is_(None))
        .order_by(Workshop.date.is_(None), Workshop.date.desc(), Workshop.updated_at.desc())
    )
    return [WorkshopSummary(w.id, w.title, w.date, w.place, n) for w, n in session.execute(stmt)]


def trash(session: Session, workshop_id: int) -> None:
    get(session, workshop_id).deleted_at = utcnow()


def restore(session: Session, workshop_id: int) -> None:
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            tr("L'atelier n° {workshop_id} n'existe plus.").format(workshop_id=workshop_id)
        )
    workshop.deleted_at = None


def empty_trash(session: Session) -> int:
    """Delete for good what is in the trash (cascades to everything the workshops hold)."""
    doomed = session.scalars(select(Workshop).where(Workshop.deleted_at.is_not(None))).all()
    for workshop in doomed:
        session.delete(workshop)
    return len(doomed)


def duplicate(session: Session, workshop_id: int) -> Workshop:
    """A copy of the workshop's frame and participants (not its live results), titled « (copie) »."""
    source = get(session, workshop_id)
    fields = {key: getattr(source, key) for key in EDITABLE_FIELDS if key != "title"}
    title = f"{source.title} (copie)"[:200]
    copy = create(session, title, **fields)
    for p in source.participants:
        session.add(
            Participant(
                workshop_id=copy.id,
                position=p.position,
                name=p.name,
                structure=p.structure,
                category=p.category,
                present=False,
                email=p.email,
            )
        )
    session.flush()
    return copy
