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
from kitcop_desktop.i18n import tr
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

    name = require_text(title, tr("Le nom du modèle"))
    sequences = list_sequences(session, workshop_id)
    if not sequences:
        raise InvalidInput(tr("Ce déroulé est vide : rien à enregistrer comme modèle."))
    workshop = session.get(Workshop, workshop_id)
    items = [{key: getattr(s, key) for key in _SAVED} for s in sequences]
    record = AgendaTemplateRecord(
        title=name,
        description=tr("{count} séquences").format(count=len(items)),
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


# --- the items a template links its séquences to ---------------------------------------------
def create_linked_tools(session: Session, workshop_id: int, template: AgendaTemplate) -> None:
    """Give each séquence the template links to an item (TemplateSequence.board_kind, a round
    with round_prompt) that item, ready, and link it (tool_ref). An item of that kind the
    workshop already has and no other séquence uses is taken rather than a second one made.
    Called by agenda.apply_template just after it wrote the séquences, in the template's order.
    """
    from kitcop_desktop.domain.board_kinds import KINDS
    from kitcop_desktop.storage import boards, rounds
    from kitcop_desktop.storage.agenda import list_sequences
    from kitcop_desktop.storage.agenda_links import ROUND_KIND_OF_SEQUENCE
    from kitcop_desktop.storage.models.fishbowl import SpeakingRound

    sequences = list_sequences(session, workshop_id)
    taken = {(q.tool_key, q.tool_ref) for q in sequences if q.tool_ref is not None}
    for seq, item in zip(sequences, template.sequences, strict=False):
        if seq.tool_ref is not None:
            continue
        if item.tool_key == "boards" and item.board_kind in KINDS:
            board = next(
                (
                    b
                    for b in boards.list_boards(session, workshop_id, item.board_kind)
                    if ("boards", b.id) not in taken
                ),
                None,
            ) or boards.create_board(
                session, workshop_id, item.board_kind, KINDS[item.board_kind].label
            )
            if item.board_kind == "retro_path" and not board.cards:
                board.split_by_angle = True  # the kit's two angles: actions, ressentis
            seq.tool_ref = board.id
        elif item.tool_key == "rounds" and item.round_prompt:
            kind = ROUND_KIND_OF_SEQUENCE.get(item.kind, "check_in")
            found = session.scalars(
                select(SpeakingRound)
                .where(SpeakingRound.workshop_id == workshop_id, SpeakingRound.kind == kind)
                .order_by(SpeakingRound.position, SpeakingRound.id)
            )
            rnd = next(
                (r for r in found if ("rounds", r.id) not in taken and r.state != "finished"),
                None,
            ) or rounds.create_round(
                session, workshop_id, kind, title=item.title, prompt=item.round_prompt
            )
            seq.tool_ref = rnd.id
        else:
            continue
        taken.add((seq.tool_key, seq.tool_ref))
    session.flush()


def linked_items(session: Session, workshop_id: int) -> set[tuple[str, int]]:
    """(tool_key, id) of the boards and rounds the workshop's séquences are linked to."""
    from kitcop_desktop.storage.agenda import list_sequences

    return {
        (q.tool_key, q.tool_ref)
        for q in list_sequences(session, workshop_id)
        if q.tool_ref is not None and q.tool_key in ("boards", "rounds")
    }


def remove_untouched(session: Session, items: set[tuple[str, int]]) -> None:
    """Delete these boards and rounds if nothing was done with them yet (no post-it, no
    sous-thématique; a round never started): what undoing a template leaves behind."""
    from kitcop_desktop.storage.models.board import Board
    from kitcop_desktop.storage.models.fishbowl import SpeakingRound

    for tool_key, ref in items:
        if tool_key == "boards":
            board = session.get(Board, ref)
            if board is not None and not board.cards and not board.clusters:
                session.delete(board)
        elif tool_key == "rounds":
            rnd = session.get(SpeakingRound, ref)
            if rnd is not None and rnd.state == "setup" and rnd.current_entry_id is None:
                session.delete(rnd)
    session.flush()
