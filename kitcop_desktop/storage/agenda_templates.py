"""Personal templates (modèles de déroulé) saved by the facilitator from any agenda.

Stored in their own table, outside any workshop, as JSON lists of séquences; offered next to
the kit's templates with the key « personal:<id> ».
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.agenda_templates import AgendaTemplate, TemplateSequence
from kitcop_desktop.domain.schedule import DEFAULT_START, to_time
from kitcop_desktop.domain.validation import InvalidInput, require_text
from kitcop_desktop.storage.models.agenda import AgendaTemplateRecord
from kitcop_desktop.storage.models.workshop import Workshop

PREFIX = "personal:"
_SAVED = (
    "title",
    "intention",
    "instructions",
    "facilitator_notes",
    "materials",
    "duration_minutes",
    "kind",
    "tool_key",
)


def save_as_template(session: Session, workshop_id: int, title: str) -> AgendaTemplateRecord:
    """Save the workshop's déroulé as a personal template (pins and ticks are not kept)."""
    from kitcop_desktop.storage.agenda import list_sequences

    name = require_text(title, "Le nom du modèle")
    sequences = list_sequences(session, workshop_id)
    if not sequences:
        raise InvalidInput("Ce déroulé est vide : rien à enregistrer comme modèle.")
    workshop = session.get(Workshop, workshop_id)
    items = [{key: getattr(s, key) for key in _SAVED} for s in sequences]
    record = AgendaTemplateRecord(
        title=name,
        description=f"{len(items)} séquences",
        start_time=workshop.start_time if workshop else None,
        sequences=json.dumps(items, ensure_ascii=False),
    )
    session.add(record)
    session.flush()
    return record


def list_personal(session: Session) -> list[AgendaTemplateRecord]:
    return list(session.scalars(select(AgendaTemplateRecord).order_by(AgendaTemplateRecord.id)))


def delete_personal(session: Session, template_id: int) -> None:
    record = session.get(AgendaTemplateRecord, template_id)
    if record is not None:
        session.delete(record)
        session.flush()


def as_template(session: Session, key: str) -> AgendaTemplate | None:
    """The personal template « personal:<id> » as an AgendaTemplate, or None."""
    if not key.startswith(PREFIX):
        return None
    try:
        record = session.get(AgendaTemplateRecord, int(key[len(PREFIX) :]))
    except ValueError:
        return None
    if record is None:
        return None
    try:
        items = json.loads(record.sequences or "[]")
    except ValueError:
        items = []
    sequences = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        sequences.append(
            TemplateSequence(
                title=str(item.get("title") or "Séquence")[:200],
                minutes=max(1, min(480, int(item.get("duration_minutes") or 15))),
                intention=str(item.get("intention") or ""),
                instructions=str(item.get("instructions") or ""),
                facilitator_notes=str(item.get("facilitator_notes") or ""),
                materials=str(item.get("materials") or ""),
                kind=str(item.get("kind") or ""),
                tool_key=str(item.get("tool_key") or ""),
            )
        )
    return AgendaTemplate(
        key=key,
        title=record.title,
        description=record.description,
        start=record.start_time or to_time(DEFAULT_START),
        sequences=tuple(sequences),
    )
