"""The chantier's initiatives inspirantes (kit Brique 1-1): the kit's seven columns, lines
added, edited, deleted or pasted from a spreadsheet (each returning what undo needs)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.initiatives import CELL_MAX, KEYS, MAX_ROWS, NAME_MAX, parse_paste
from kitcop_desktop.domain.stakeholder_map import fold, matches_folded
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import Workshop
from kitcop_desktop.storage.models.interview import Interview
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
        raise NotFound(tr("Cette initiative n'existe plus."))
    return found


def _clean(key: str, value: object) -> str:
    text = value if isinstance(value, str) else ""
    if key == "name":
        return require_text(text, tr("Le nom de l'initiative"), max_len=NAME_MAX)
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
            tr(
                "Le tableau des initiatives ne peut dépasser {MAX_ROWS} lignes. Rien n'a été ajouté."
            ).format(MAX_ROWS=MAX_ROWS)
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
            tr("Ces initiatives sont déjà toutes dans le tableau. Rien n'a été modifié.")
        )
    return add_many(session, chantier_id, fresh)


def update(session: Session, initiative_id: int, **fields: object) -> Snapshot:
    found = get(session, initiative_id)
    cleaned = {
        key: _ids_text(value) if key == "interview_ids" else _clean(key, value)
        for key, value in fields.items()
    }
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


# --------------------------------------------------------------------- met in the campaign
@dataclass(frozen=True)
class Meeting:
    """An interview of the chantier's campaign where an initiative was met."""

    interview_id: int
    label: str  # « Enquêté·e 2 — AFPA Occitanie (Diagnostic) »
    by_hand: bool  # linked by hand (else recognised: its structure names the initiative)


def _ids_text(value: object) -> str:
    ids = (
        _ids(value) if isinstance(value, str) else value if isinstance(value, list | tuple) else []
    )
    kept: list[int] = []
    for item in ids:
        if isinstance(item, int) and not isinstance(item, bool) and item > 0 and item not in kept:
            kept.append(item)
    return ",".join(str(i) for i in kept)


def _ids(text: str) -> list[int]:
    return [int(part) for part in (text or "").split(",") if part.strip().isdigit()]


def campaign(session: Session, chantier_id: int) -> list[tuple[int, str, str]]:
    """The interviews of the chantier's workshops out of the trash: (id, label, structure),
    in the order of the workshops and of their numbers (one query)."""
    found = session.execute(
        select(Interview.id, Interview.pseudonym, Interview.structure, Workshop.title)
        .join(Workshop, Interview.workshop_id == Workshop.id)
        .where(Workshop.chantier_id == chantier_id, Workshop.deleted_at.is_(None))
        .order_by(Workshop.id, Interview.number, Interview.id)
    ).all()
    out = []
    for interview_id, pseudonym, structure, title in found:
        who = f"{pseudonym} — {structure}" if structure else pseudonym
        out.append((interview_id, f"{who} ({title})", structure or ""))
    return out


def recognised(values: dict[str, str], structure: str) -> bool:
    """Whether an interviewee's structure names this initiative: the structure in its name or
    its contact (« AFPA Occitanie » in « AFPA Occitanie — service formation »), or the other
    way round."""
    target = fold(structure)
    if len(target) < 3:
        return False
    keys = {fold(values.get("name", "")), fold(values.get("contact", ""))} - {""}
    return matches_folded(keys, target) or any(matches_folded({target}, key) for key in keys)


def meetings(session: Session, chantier_id: int) -> dict[int, list[Meeting]]:
    """For each initiative, the interviews where it was met: linked by hand, then recognised
    by the interviewee's structure (two queries)."""
    interviews = campaign(session, chantier_id)
    labels = {i: label for i, label, _s in interviews}
    found = session.execute(
        select(Initiative.id, Initiative.name, Initiative.contact, Initiative.interview_ids)
        .where(Initiative.chantier_id == chantier_id)
        .order_by(Initiative.position, Initiative.id)
    ).all()
    out: dict[int, list[Meeting]] = {}
    for initiative_id, name, contact, linked in found:
        hand = [i for i in _ids(linked) if i in labels]
        listed = [Meeting(i, labels[i], True) for i in hand]
        values = {"name": name, "contact": contact}
        listed += [
            Meeting(i, label, False)
            for i, label, structure in interviews
            if i not in hand and recognised(values, structure)
        ]
        out[initiative_id] = listed
    return out


def link_interviews(session: Session, initiative_id: int, interview_ids: list[int]) -> Snapshot:
    """Link the initiative by hand to these interviews (those before are replaced); returns
    what undo needs (`update(session, initiative_id, **previous)`, ids as a list)."""
    found = get(session, initiative_id)
    previous = {"interview_ids": _ids(found.interview_ids)}
    known = {i for i, _l, _s in campaign(session, found.chantier_id)}
    unknown = [i for i in interview_ids if i not in known]
    if unknown:
        raise InvalidInput(
            tr(
                "Cet entretien n'est pas (ou plus) dans un atelier du chantier. Rien n'a été modifié."
            )
        )
    found.interview_ids = _ids_text(list(interview_ids))
    session.flush()
    return previous
