"""The chantier's initiatives inspirantes (kit Brique 1-1): the kit's seven columns, lines
added, edited, deleted or pasted from a spreadsheet (each returning what undo needs)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.initiatives import CELL_MAX, KEYS, MAX_ROWS, NAME_MAX, parse_paste
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.stakeholders import Initiative


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    values: dict[str, str]  # by domain.initiatives.KEYS


def rows(session: Session, chantier_id: int) -> list[InitiativeRow]:
    found = session.scalars(
        select(Initiative)
        .where(Initiative.chantier_id == chantier_id)
        .order_by(Initiative.position, Initiative.id)
    )
    return [InitiativeRow(i.id, {key: getattr(i, key) for key in KEYS}) for i in found]


def get(session: Session, initiative_id: int) -> Initiative:
    found = session.get(Initiative, initiative_id)
    if found is None:
        raise NotFound("Cette initiative n'existe plus.")
    return found


def _clean(key: str, value: object) -> str:
    text = value if isinstance(value, str) else ""
    if key == "name":
        return require_text(text, "Le nom de l'initiative", max_len=NAME_MAX)
    if key not in KEYS:
        raise TypeError(f"unknown initiative field {key!r}")
    limit = NAME_MAX if key in ("scale", "territory") else CELL_MAX
    cleaned = clean_text(text, max_len=limit)
    return " ".join(cleaned.split()) if key in ("scale", "territory") else cleaned


def _count(session: Session, chantier_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Initiative)
            .where(Initiative.chantier_id == chantier_id)
        )
        or 0
    )


def add_many(session: Session, chantier_id: int, lines: list[dict[str, str]]) -> list[int]:
    """New initiatives at the end of the table, in this order; returns their ids."""
    chantiers.get(session, chantier_id)
    if _count(session, chantier_id) + len(lines) > MAX_ROWS:
        raise InvalidInput(
            f"Le tableau des initiatives ne peut dépasser {MAX_ROWS} lignes. Rien n'a été ajouté."
        )
    cleaned = [{key: _clean(key, line.get(key, "")) for key in KEYS} for line in lines]
    last = session.scalar(
        select(func.max(Initiative.position)).where(Initiative.chantier_id == chantier_id)
    )
    start = 0 if last is None else last + 1
    made = []
    for offset, values in enumerate(cleaned):
        initiative = Initiative(chantier_id=chantier_id, position=start + offset, **values)
        session.add(initiative)
        made.append(initiative)
    session.flush()
    return [i.id for i in made]


def add(session: Session, chantier_id: int, name: str, **values: str) -> int:
    return add_many(session, chantier_id, [{"name": name, **values}])[0]


def paste(session: Session, chantier_id: int, text: str) -> list[int]:
    """Lines copied from a spreadsheet (the kit's seven columns, tab-separated); a line whose
    initiative is already in the table (same name) is left out, so pasting the same sheet
    twice adds nothing."""
    known = {r.values["name"].casefold() for r in rows(session, chantier_id)}
    fresh = []
    for line in parse_paste(text):
        key = line["name"].casefold()
        if key not in known:
            known.add(key)
            fresh.append(line)
    if not fresh:
        raise InvalidInput(
            "Ces initiatives sont déjà toutes dans le tableau. Rien n'a été modifié."
        )
    return add_many(session, chantier_id, fresh)


def update(session: Session, initiative_id: int, **fields: object) -> Snapshot:
    found = get(session, initiative_id)
    cleaned = {key: _clean(key, value) for key, value in fields.items()}
    previous = {key: getattr(found, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(found, key, value)
    session.flush()
    return previous


def delete_many(session: Session, ids: list[int]) -> list[Snapshot]:
    """Delete these initiatives; returns their rows (what undo puts back)."""
    out = []
    for initiative_id in ids:
        found = get(session, initiative_id)
        out.append(row_dict(found))
        session.delete(found)
    session.flush()
    return out


def recreate_many(session: Session, data: list[Snapshot]) -> None:
    for row in data:
        session.add(Initiative(**row))
    session.flush()
