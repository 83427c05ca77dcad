"""The note-taker's board of a fishbowl (prise de notes), under three headings.

Visibility restitution (domain/visibility.py): a note stays on the laptop, off the room screen
and out of every restitution, until the facilitator reveals it for the « partage des enjeux »,
note by note or all at once. Revealing and hiding are deliberate acts outside the undo history:
`reveal` is never wrapped in a command, and what undo puts back (a deleted note, a deleted
bowl) comes back hidden. So undoing never makes a note more visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import fishbowl
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.fishbowl import NOTE_HEADINGS, FishbowlNote


def notes(session: Session, fishbowl_id: int) -> list[FishbowlNote]:
    """Notes in heading order (actions, leviers, freins dépassés), then as typed."""
    order = {h: i for i, h in enumerate(NOTE_HEADINGS)}
    rows = list(
        session.scalars(select(FishbowlNote).where(FishbowlNote.fishbowl_id == fishbowl_id))
    )
    return sorted(rows, key=lambda n: (order.get(n.heading, 99), n.position, n.id))


def add_note(session: Session, fishbowl_id: int, heading: str, text: str) -> int:
    fishbowl.get(session, fishbowl_id)
    if heading not in NOTE_HEADINGS:
        raise InvalidInput(tr("Rubrique de notes inconnue. Rien n'a été modifié."))
    text = clean_text(text, max_len=2000)
    if not text:
        raise InvalidInput(tr("La note est vide. Rien n'a été ajouté."))
    last = session.scalar(
        select(func.max(FishbowlNote.position)).where(FishbowlNote.fishbowl_id == fishbowl_id)
    )
    note = FishbowlNote(
        fishbowl_id=fishbowl_id,
        heading=heading,
        text=text,
        position=0 if last is None else last + 1,
    )
    session.add(note)
    session.flush()
    return note.id


def update_note(session: Session, note_id: int, text: str) -> str:
    """Change a note's text; returns the previous text."""
    note = session.get(FishbowlNote, note_id)
    if note is None:
        raise NotFound(tr("Cette note n'existe plus."))
    text = clean_text(text, max_len=2000)
    if not text:
        raise InvalidInput(tr("La note est vide : supprimez-la plutôt. Rien n'a été modifié."))
    previous, note.text = note.text, text
    session.flush()
    return previous


def delete_note(session: Session, note_id: int) -> Snapshot:
    note = session.get(FishbowlNote, note_id)
    if note is None:
        raise NotFound(tr("Cette note n'existe plus."))
    data = row_dict(note)
    session.delete(note)
    session.flush()
    return data


def restore_note(session: Session, data: Snapshot) -> None:
    """Undo of a deletion: the note comes back hidden (undo never shows anything)."""
    session.add(FishbowlNote(**{**data, "revealed": False}))
    session.flush()


def reveal(
    session: Session, fishbowl_id: int, revealed: bool, note_ids: list[int] | None = None
) -> list[int]:
    """Reveal (or hide) these notes of this bowl, or all of them when `note_ids` is None.

    Not an undoable operation: call it directly, never from a command. Returns the ids whose
    state changed (empty when there was nothing to do)."""
    fishbowl.get(session, fishbowl_id)
    changed = []
    for note in notes(session, fishbowl_id):
        if (note_ids is None or note.id in note_ids) and note.revealed != bool(revealed):
            note.revealed = bool(revealed)
            changed.append(note.id)
    session.flush()
    return changed


@dataclass(frozen=True)
class NoteData:
    id: int
    heading: str
    text: str
    revealed: bool = False


def note_data(session: Session, fishbowl_id: int) -> list[NoteData]:
    return [NoteData(n.id, n.heading, n.text, n.revealed) for n in notes(session, fishbowl_id)]
