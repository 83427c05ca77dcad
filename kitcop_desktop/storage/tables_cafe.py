"""A café prepared in one step (#24): the template's tables and its rounds tied to the
déroulé. The déroulé's « Rotation » séquences are used first (in order, their tool set to the
tables so the live run shows who sits where); the rounds still missing are added at the end
of the déroulé. One undo step: `undo_cafe` removes what was added and gives the séquences
their tool back. Session first, never committing, InvalidInput (French) on bad input.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.domain import table_templates as templates
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import agenda
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.tables import NOTHING, add_tables, delete_tables
from kitcop_desktop.storage.tables_seating import rotations

TOOL = "tables"


def prepare_cafe(session: Session, workshop_id: int, key: str) -> Snapshot:
    """The template's tables, and a « Rotation » séquence per round (opening the tables)."""
    template = templates.by_key(key)
    if template is None:
        raise InvalidInput(
            tr("Modèle de tables inconnu : « {key} ». {NOTHING}").format(
                key=key[:40], NOTHING=tr(NOTHING)
            )
        )
    table_ids = add_tables(session, workshop_id, list(template.tables))
    linked: list[tuple[int, str]] = []
    added: list[int] = []
    existing = rotations(session, workshop_id)
    for index, (title, minutes, consignes) in enumerate(template.rounds):
        if index < len(existing):
            seq = existing[index]
            if seq.tool_key != TOOL:
                linked.append((seq.id, seq.tool_key))
                agenda.update_sequence(session, seq.id, tool_key=TOOL)
            continue
        seq = agenda.add_sequence(
            session,
            workshop_id,
            title=title,
            duration_minutes=minutes,
            intention=tr("Croiser les regards de table en table."),
            instructions=consignes,
            kind="rotation",
            tool_key=TOOL,
        )
        added.append(seq.id)
    return {"tables": table_ids, "linked": linked, "added": added}


def undo_cafe(session: Session, snapshot: Snapshot) -> None:
    for sequence_id in reversed(snapshot["added"]):
        agenda.delete_sequence(session, sequence_id)
    for sequence_id, tool_key in snapshot["linked"]:
        agenda.update_sequence(session, sequence_id, tool_key=tool_key)
    delete_tables(session, snapshot["tables"])
