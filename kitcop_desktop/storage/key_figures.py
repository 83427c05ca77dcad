"""The données clés of a chantier given to one of its workshops: its déroulé's « Quelques
chiffres clés » séquence (kit Brique 3-3), made after the introduction or written again, its
consignes (projected on the room screen while it runs) made of the figures ticked « En atelier ».
One undo step: `feed_workshop` returns what `unfeed` needs."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.domain.key_figures import (
    KEY_FIGURES,
    SEQUENCE_INTENTION,
    SEQUENCE_MINUTES,
    SEQUENCE_TITLE,
    Figure,
    is_key_figures_sequence,
    sequence_text,
)
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import agenda, chantiers, sheets, workshops
from kitcop_desktop.storage.base import Snapshot


def shown_figures(session: Session, chantier_id: int) -> list[Figure]:
    """The données clés ticked « En atelier », in the table's order."""
    return [
        Figure(**{key: row.values[key] for key in KEY_FIGURES.keys})
        for row in sheets.rows(session, KEY_FIGURES, chantier_id)
        if row.flag
    ]


def feed_workshop(session: Session, chantier_id: int, workshop_id: int) -> Snapshot:
    """Write the shown figures into the workshop's « Quelques chiffres clés » séquence (made,
    right after its introduction, when it has none). Returns what undo needs."""
    workshop = workshops.get(session, workshop_id)
    if workshop.chantier_id != chantier_id:
        raise InvalidInput(tr("Cet atelier n'est pas dans ce chantier. Rien n'a été modifié."))
    chantiers.get(session, chantier_id)
    figures = shown_figures(session, chantier_id)
    if not figures:
        raise InvalidInput(
            tr(
                "Aucune donnée clé n'est cochée «\u00a0En atelier\u00a0»\u00a0: cochez celles à "
                "présenter. Rien n'a été modifié."
            )
        )
    text = sequence_text(figures)
    found = agenda.list_sequences(session, workshop_id)
    existing = next((s for s in found if is_key_figures_sequence(s.title)), None)
    if existing is not None:
        previous = agenda.update_sequence(session, existing.id, instructions=text)
        return {"sequence_id": existing.id, "previous": previous, "figures": len(figures)}
    after = next((i for i, s in enumerate(found) if s.kind in ("introduction", "welcome")), -1)
    made = agenda.add_sequence(
        session,
        workshop_id,
        index=after + 1,
        title=SEQUENCE_TITLE,
        duration_minutes=SEQUENCE_MINUTES,
        intention=SEQUENCE_INTENTION,
        instructions=text,
    )
    return {"sequence_id": made.id, "made": True, "figures": len(figures)}


def unfeed(session: Session, data: Snapshot) -> None:
    """Undo of `feed_workshop`: the séquence made taken away, or its consignes put back."""
    if data.get("made"):
        agenda.delete_sequence(session, data["sequence_id"])
    else:
        agenda.restore_fields(session, data["sequence_id"], data["previous"])
