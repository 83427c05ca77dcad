"""The chantier's sheets of données (kit Brique 1-3 to 1-5: domain/key_figures.py): lines
added, edited, ticked, deleted or pasted from a spreadsheet, each change returning what undo
needs. One set of operations for every sheet; the sheet says its table and its rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.key_figures import SHEETS
from kitcop_desktop.domain.sheets import Sheet, clean_cell, parse_paste, same_line
from kitcop_desktop.domain.validation import InvalidInput, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.stakeholders import FundingSource, KeyFigure

MODELS: dict[str, type[KeyFigure] | type[FundingSource]] = {
    "key_figures": KeyFigure,
    "funding_sources": FundingSource,
}


@dataclass(frozen=True)
class SheetRow:
    id: int
    values: dict[str, str]  # by the sheet's keys
    flag: bool = False  # the sheet's yes/no column (« En atelier »), False without one


def sheet(key: str) -> Sheet:
    return SHEETS[key]


def rows(session: Session, sheet: Sheet, chantier_id: int) -> list[SheetRow]:
    model = MODELS[sheet.key]
    found = session.scalars(
        select(model).where(model.chantier_id == chantier_id).order_by(model.position, model.id)
    )
    return [
        SheetRow(
            int(getattr(r, "id")),  # noqa: B009 - the two models' common column
            {key: getattr(r, key) for key in sheet.keys},
            bool(getattr(r, sheet.flag)) if sheet.flag else False,
        )
        for r in found
    ]


def count(session: Session, sheet: Sheet, chantier_id: int) -> int:
    model = MODELS[sheet.key]
    return (
        session.scalar(
            select(func.count()).select_from(model).where(model.chantier_id == chantier_id)
        )
        or 0
    )


def _get(session: Session, sheet: Sheet, row_id: int) -> KeyFigure | FundingSource:
    found = cast("KeyFigure | FundingSource | None", session.get(MODELS[sheet.key], row_id))
    if found is None:
        raise NotFound(
            tr("Cette ligne des {value} n'existe plus.").format(value=tr(sheet.title).lower())
        )
    return found


def _clean(sheet: Sheet, key: str, value: object) -> str:
    if key == sheet.required:
        text = value if isinstance(value, str) else ""
        if key in sheet.short:
            return require_text(text, tr(sheet.required_label), max_len=sheet.limit(key))
        cleaned = clean_cell(sheet, key, text)
        if not cleaned:
            require_text("", tr(sheet.required_label))  # raises the French refusal
        return cleaned
    return clean_cell(sheet, key, value)


def add_many(
    session: Session, sheet: Sheet, chantier_id: int, lines: list[dict[str, str]]
) -> list[int]:
    """New lines at the end of the sheet, in this order; returns their ids."""
    chantiers.get(session, chantier_id)
    if count(session, sheet, chantier_id) + len(lines) > sheet.max_rows:
        raise InvalidInput(
            tr(
                "Le tableau des {value} ne peut dépasser {max_rows} lignes. Rien n'a été ajouté."
            ).format(value=tr(sheet.title).lower(), max_rows=sheet.max_rows)
        )
    cleaned = [{key: _clean(sheet, key, line.get(key, "")) for key in sheet.keys} for line in lines]
    model = MODELS[sheet.key]
    last = session.scalar(select(func.max(model.position)).where(model.chantier_id == chantier_id))
    start = 0 if last is None else last + 1
    made = []
    for offset, values in enumerate(cleaned):
        row = model(chantier_id=chantier_id, position=start + offset, **values)
        session.add(row)
        made.append(row)
    session.flush()
    return [r.id for r in made]


def add(session: Session, sheet: Sheet, chantier_id: int, **values: str) -> int:
    return add_many(session, sheet, chantier_id, [values])[0]


def paste(session: Session, sheet: Sheet, chantier_id: int, text: str) -> list[int]:
    """Lines copied from a spreadsheet; a line already in the sheet (the same in every column)
    is left out, so pasting the same sheet twice adds nothing."""
    known = [r.values for r in rows(session, sheet, chantier_id)]
    fresh: list[dict[str, str]] = []
    for line in parse_paste(sheet, text):
        if not any(same_line(sheet, line, other) for other in (*known, *fresh)):
            fresh.append(line)
    if not fresh:
        raise InvalidInput(
            tr(
                "Ces lignes sont déjà toutes dans le tableau des {value}. Rien n'a été modifié."
            ).format(value=tr(sheet.title).lower())
        )
    return add_many(session, sheet, chantier_id, fresh)


def update(session: Session, sheet: Sheet, row_id: int, **fields: object) -> Snapshot:
    """Change some cells (or the flag); returns their previous values (what undo needs)."""
    found = _get(session, sheet, row_id)
    cleaned: dict[str, object] = {}
    for key, value in fields.items():
        if sheet.flag and key == sheet.flag:
            cleaned[key] = bool(value)
        else:
            cleaned[key] = _clean(sheet, key, value)
    previous = {key: getattr(found, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(found, key, value)
    session.flush()
    return previous


def delete_many(session: Session, sheet: Sheet, ids: list[int]) -> list[Snapshot]:
    """Delete these lines; returns their rows (what undo puts back)."""
    out = []
    for row_id in ids:
        found = _get(session, sheet, row_id)
        out.append(row_dict(found))
        session.delete(found)
    session.flush()
    return out


def recreate_many(session: Session, sheet: Sheet, data: list[Snapshot]) -> None:
    model = MODELS[sheet.key]
    for row in data:
        session.add(model(**row))
    session.flush()


def added_sentence(sheet: Sheet, count: int) -> str:
    form = sheet.added[0] if abs(count) < 2 else sheet.added[1]
    return f"{count} {tr(form)}."
