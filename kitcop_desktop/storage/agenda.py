"""Operations on a workshop's déroulé (agenda): séquences, templates, planned and actual rows.

Functions take a Session first, never commit, and raise InvalidInput (French, ending with
« Rien n'a été modifié. ») on bad input. Undo-friendly: deleting returns a snapshot that
`restore_sequence` puts back with the same id; `snapshot_agenda`/`restore_agenda` wrap
whole-agenda changes such as applying a template. Run facts live in storage/agenda_run.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kitcop_desktop.domain import agenda_templates as kit
from kitcop_desktop.domain import schedule as sched
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_minutes, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.agenda import RunEvent, Sequence
from kitcop_desktop.storage.models.workshop import Workshop

MAX_MINUTES = 480  # 8 hours: beyond that it is a typo, not a séquence
MAX_SEQUENCES = 200
TEXT_FIELDS = ("intention", "instructions", "facilitator_notes", "materials")
FIELDS = ("title", "duration_minutes", "pinned_start", "kind", "tool_key", "tool_ref", *TEXT_FIELDS)
COPY_FIELDS = (*FIELDS, "materials_ticked")
_CLOCK = re.compile(r"^\s*(\d{1,2})\s*(?:h|:|H)\s*(\d{0,2})\s*$")


def parse_clock(value: object) -> time | None:
    """« 12:00 », « 12h », « 12 h 30 » -> time; empty -> None; otherwise InvalidInput."""
    if value is None or isinstance(value, time):
        return value
    text = str(value).strip()
    if not text:
        return None
    match = _CLOCK.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InvalidInput(
        tr(
            "« {text} » n'est pas une heure (exemple : 12:00 ou 12 h 30). Rien n'a été modifié."
        ).format(text=text[:20])
    )


def _clean(field: str, value: Any) -> Any:
    if field == "title":
        return require_text(value, tr("Le titre de la séquence"))
    if field == "duration_minutes":
        return require_minutes(value, tr("La durée de la séquence"), maximum=MAX_MINUTES)
    if field == "pinned_start":
        return parse_clock(value)
    if field == "kind":
        if value not in kit.KIND_LABELS:
            raise InvalidInput(tr("Ce type de séquence n'existe pas. Rien n'a été modifié."))
        return value
    if field == "tool_key":
        value = value or ""
        if value not in kit.TOOL_LABELS:
            raise InvalidInput(tr("Cet outil n'existe pas. Rien n'a été modifié."))
        return value
    if field == "tool_ref":
        return None if value in (None, "") else int(value)
    if field in TEXT_FIELDS or field == "materials_ticked":
        return clean_text(value)
    raise TypeError(f"unknown sequence field {field!r}")


# --------------------------------------------------------------------------------- reading
def list_sequences(session: Session, workshop_id: int) -> list[Sequence]:
    """The séquences of a workshop, in order."""
    return list(
        session.scalars(
            select(Sequence)
            .where(Sequence.workshop_id == workshop_id)
            .order_by(Sequence.position, Sequence.id)
        )
    )


def get(session: Session, sequence_id: int) -> Sequence:
    seq = session.get(Sequence, sequence_id)
    if seq is None:
        raise NotFound(tr("Cette séquence n'existe plus."))
    return seq


def planned_inputs(sequences: list[Sequence]) -> list[sched.PlannedSequence]:
    return [
        sched.PlannedSequence(s.id, s.duration_minutes, sched.to_minutes(s.pinned_start), s.title)
        for s in sequences
    ]


def schedule_for(session: Session, workshop_id: int) -> sched.Schedule:
    """The computed horaires of the workshop's déroulé, with its conflicts."""
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(tr("Cet atelier n'existe plus."))
    return sched.compute(
        planned_inputs(list_sequences(session, workshop_id)),
        sched.to_minutes(workshop.start_time),
        sched.to_minutes(workshop.end_time),
    )


@dataclass(frozen=True)
class PlannedRow:
    """One line of the printed déroulé: the kit's five columns with computed times."""

    sequence_id: int
    position: int
    start: time
    end: time
    minutes: int
    title: str
    intention: str
    instructions: str
    materials: str
    pinned: bool
    kind: str
    tool_key: str
    conflict: str

    @property
    def horaire(self) -> str:
        """« 09:30–09:45 »."""
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


def planned_rows(session: Session, workshop_id: int) -> list[PlannedRow]:
    """Per séquence: planned start and end (computed), and the five columns."""
    sequences = list_sequences(session, workshop_id)
    schedule = schedule_for(session, workshop_id)
    rows = []
    for index, (seq, slot) in enumerate(zip(sequences, schedule.slots, strict=True)):
        rows.append(
            PlannedRow(
                seq.id,
                index,
                sched.to_time(slot.start),
                sched.to_time(slot.end),
                seq.duration_minutes,
                seq.title,
                seq.intention,
                seq.instructions,
                seq.materials,
                slot.pinned,
                seq.kind,
                seq.tool_key,
                slot.conflict,
            )
        )
    return rows


# --------------------------------------------------------------------------------- writing
def _renumber(session: Session, workshop_id: int, ordered: list[Sequence]) -> None:
    for index, seq in enumerate(ordered):
        if seq.position != index:
            seq.position = index
    session.flush()


def add_sequence(
    session: Session, workshop_id: int, *, index: int | None = None, **fields: Any
) -> Sequence:
    """Insert a séquence at `index` (at the end by default)."""
    current = list_sequences(session, workshop_id)
    if len(current) >= MAX_SEQUENCES:
        raise InvalidInput(
            tr("Un déroulé compte au plus {MAX_SEQUENCES} séquences. Rien n'a été modifié.").format(
                MAX_SEQUENCES=MAX_SEQUENCES
            )
        )
    values = {"title": tr("Nouvelle séquence"), "duration_minutes": 15}
    values.update(fields)
    cleaned = {key: _clean(key, value) for key, value in values.items()}
    seq = Sequence(workshop_id=workshop_id, **cleaned)
    session.add(seq)
    position = len(current) if index is None else max(0, min(int(index), len(current)))
    current.insert(position, seq)
    session.flush()
    _renumber(session, workshop_id, current)
    return seq


def update_sequence(session: Session, sequence_id: int, **fields: Any) -> Snapshot:
    """Change some columns; returns their previous values (for undo)."""
    seq = get(session, sequence_id)
    cleaned = {key: _clean(key, value) for key, value in fields.items()}
    if "tool_key" in cleaned and "tool_ref" not in cleaned and cleaned["tool_key"] != seq.tool_key:
        cleaned["tool_ref"] = None  # an item of the old tool means nothing to the new one
    previous = {key: getattr(seq, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(seq, key, value)
    if "materials" in cleaned:
        # Ticks of lines that no longer exist are dropped.
        lines = set(material_lines(seq.materials))
        kept = [line for line in material_lines(seq.materials_ticked) if line in lines]
        previous.setdefault("materials_ticked", seq.materials_ticked)
        seq.materials_ticked = "\n".join(kept)
    session.flush()
    return previous


def restore_fields(session: Session, sequence_id: int, values: Snapshot) -> None:
    """Put back values returned by update_sequence (no validation: they were valid)."""
    seq = get(session, sequence_id)
    for key, value in values.items():
        setattr(seq, key, value)
    session.flush()


def delete_sequence(session: Session, sequence_id: int) -> Snapshot:
    """Remove a séquence; returns a snapshot for restore_sequence (same id, same run facts)."""
    seq = get(session, sequence_id)
    snapshot = {key: getattr(seq, key) for key in COPY_FIELDS}
    snapshot["id"] = seq.id
    snapshot["workshop_id"] = seq.workshop_id
    snapshot["position"] = seq.position
    snapshot["events"] = list(
        session.scalars(select(RunEvent.id).where(RunEvent.sequence_id == seq.id))
    )
    workshop_id = seq.workshop_id
    session.delete(seq)
    session.flush()
    _renumber(session, workshop_id, list_sequences(session, workshop_id))
    return snapshot


def restore_sequence(session: Session, snapshot: Snapshot) -> Sequence:
    """Undo of delete_sequence: the same id at the same place, its run facts re-linked."""
    data = dict(snapshot)
    events = data.pop("events", [])
    position = data.pop("position")
    seq = Sequence(**data)
    session.add(seq)
    session.flush()
    if events:
        session.execute(update(RunEvent).where(RunEvent.id.in_(events)).values(sequence_id=seq.id))
    ordered = [s for s in list_sequences(session, seq.workshop_id) if s.id != seq.id]
    ordered.insert(min(position, len(ordered)), seq)
    _renumber(session, seq.workshop_id, ordered)
    return seq


def duplicate_sequence(session: Session, sequence_id: int) -> Sequence:
    """A copy right after the original (not pinned: two séquences cannot start together)."""
    seq = get(session, sequence_id)
    values = {key: getattr(seq, key) for key in FIELDS}
    values["pinned_start"] = None
    index = list_sequences(session, seq.workshop_id).index(seq) + 1
    copy = add_sequence(session, seq.workshop_id, index=index, **values)
    return copy


def move_sequence(session: Session, sequence_id: int, new_index: int) -> int:
    """Move a séquence to `new_index` (clamped); returns its previous index."""
    seq = get(session, sequence_id)
    ordered = list_sequences(session, seq.workshop_id)
    old = ordered.index(seq)
    ordered.pop(old)
    ordered.insert(max(0, min(int(new_index), len(ordered))), seq)
    _renumber(session, seq.workshop_id, ordered)
    return old


def material_lines(text: str) -> list[str]:
    """The checklist items of a MATÉRIEL cell: one per non-empty line."""
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip(" -•\t")]


def tick_material(session: Session, sequence_id: int, line: str, ticked: bool) -> bool:
    """Tick or untick one line of the checklist; returns its previous state."""
    seq = get(session, sequence_id)
    if line not in material_lines(seq.materials):
        raise InvalidInput(tr("Cet élément n'est plus dans le matériel. Rien n'a été modifié."))
    done = material_lines(seq.materials_ticked)
    before = line in done
    if ticked and not before:
        done.append(line)
    elif not ticked and before:
        done.remove(line)
    seq.materials_ticked = "\n".join(done)
    session.flush()
    return before


def set_start_time(session: Session, workshop_id: int, start: time | None) -> time | None:
    """Move the whole déroulé to start at `start` (« Démarrer maintenant »); returns the
    previous start for undo. Pinned séquences keep their time."""
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(tr("Cet atelier n'existe plus."))
    previous = workshop.start_time
    workshop.start_time = start
    session.flush()
    return previous


# ------------------------------------------------------------------------ whole agenda
def snapshot_agenda(session: Session, workshop_id: int) -> Snapshot:
    """Everything an agenda-wide change may alter, for undo."""
    workshop = session.get(Workshop, workshop_id)
    return {
        "start_time": workshop.start_time if workshop else None,
        "sequences": [
            {**{key: getattr(s, key) for key in COPY_FIELDS}, "id": s.id}
            for s in list_sequences(session, workshop_id)
        ],
    }


def restore_agenda(session: Session, workshop_id: int, snapshot: Snapshot) -> None:
    """Put an agenda back as snapshot_agenda saw it (same ids where possible). The boards and
    rounds only the replaced séquences were linked to go too, while still untouched (what a
    template made: undoing it leaves no empty board behind)."""
    from kitcop_desktop.storage import agenda_templates as linked

    replaced = linked.linked_items(session, workshop_id)
    for seq in list_sequences(session, workshop_id):
        session.delete(seq)
    session.flush()
    workshop = session.get(Workshop, workshop_id)
    if workshop is not None:
        workshop.start_time = snapshot["start_time"]
    for index, data in enumerate(snapshot["sequences"]):
        session.add(Sequence(workshop_id=workshop_id, position=index, **data))
    session.flush()
    linked.remove_untouched(session, replaced - linked.linked_items(session, workshop_id))


def apply_template(session: Session, workshop_id: int, template_key: str) -> None:
    """Replace the workshop's déroulé with a template's séquences.

    `template_key` is a built-in key (kit.TEMPLATES) or « personal:<id> ». The workshop's start
    time is set from the template only when it has none.
    """
    from kitcop_desktop.storage import agenda_templates as personal

    template = kit.by_key(template_key) or personal.as_template(session, template_key)
    if template is None:
        raise InvalidInput(tr("Ce modèle de déroulé n'existe pas. Rien n'a été modifié."))
    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(tr("Cet atelier n'existe plus."))
    for seq in list_sequences(session, workshop_id):
        session.delete(seq)
    session.flush()
    if workshop.start_time is None:
        workshop.start_time = template.start
    for index, item in enumerate(template.sequences):
        session.add(
            Sequence(
                workshop_id=workshop_id,
                position=index,
                title=item.title,
                intention=item.intention,
                instructions=item.instructions,
                facilitator_notes=item.facilitator_notes,
                materials=item.materials,
                materials_ticked="",
                duration_minutes=item.minutes,
                pinned_start=item.pinned_start,
                kind=item.kind,
                tool_key=item.tool_key,
            )
        )
    session.flush()
    # The chemin, the KISS board, the rounds the template's séquences open: made and linked.
    personal.create_linked_tools(session, workshop_id, template)
