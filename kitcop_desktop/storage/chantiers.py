"""Operations on chantiers: create, rename, delete (undoable), move a workshop into one, the
welcome screen's groups and where a chantier stands (its counts, brique by brique)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.chantier import ChantierCounts
from kitcop_desktop.domain.validation import InvalidInput, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import workshops
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import ActionCard, Workshop
from kitcop_desktop.storage.models.chantier import Chantier, TestProtocol, TestResult
from kitcop_desktop.storage.models.interview import Interview
from kitcop_desktop.storage.models.stakeholders import (
    Actor,
    FundingSource,
    GovernanceBody,
    GovernanceMember,
    Initiative,
    KeyFigure,
)


@dataclass(frozen=True)
class ChantierSummary:
    id: int
    title: str
    workshop_ids: tuple[int, ...]  # alive ones, in the welcome list's order


def get(session: Session, chantier_id: int) -> Chantier:
    chantier = session.get(Chantier, chantier_id)
    if chantier is None:
        raise NotFound(tr("Ce chantier n'existe plus."))
    return chantier


def _title(session: Session, value: object, *, except_id: int | None = None) -> str:
    title = require_text(value if isinstance(value, str) else None, tr("Le nom du chantier"))
    same = session.scalar(
        select(Chantier.id).where(
            func.lower(Chantier.title) == title.lower(),
            Chantier.id != (except_id or 0),
        )
    )
    if same is not None:
        raise InvalidInput(
            tr(
                "Un chantier s'appelle déjà «\u00a0{title}\u00a0». Choisissez un autre nom. Rien n'a été modifié."
            ).format(title=title)
        )
    return title


def create(session: Session, title: str, description: str = "") -> Chantier:
    chantier = Chantier(title=_title(session, title), description=description.strip())
    session.add(chantier)
    session.flush()
    return chantier


def rename(session: Session, chantier_id: int, title: str) -> str:
    """Give the chantier a new name; returns the previous one (what undo needs)."""
    chantier = get(session, chantier_id)
    previous = chantier.title
    chantier.title = _title(session, title, except_id=chantier_id)
    session.flush()
    return previous


def workshop_ids(session: Session, chantier_id: int) -> list[int]:
    """Every workshop of the chantier, trashed ones too (they come back into it)."""
    return list(
        session.scalars(
            select(Workshop.id).where(Workshop.chantier_id == chantier_id).order_by(Workshop.id)
        )
    )


def delete(session: Session, chantier_id: int) -> Snapshot:
    """Delete the chantier; its workshops stay, without a chantier. Returns what undo needs."""
    chantier = get(session, chantier_id)
    ids = workshop_ids(session, chantier_id)
    for workshop in session.scalars(select(Workshop).where(Workshop.id.in_(ids))):
        workshop.chantier_id = None
    data = {"row": row_dict(chantier), "workshops": ids, **_etat_des_lieux(session, chantier_id)}
    session.delete(chantier)
    session.flush()
    return data


def recreate(session: Session, data: Snapshot) -> Chantier:
    """Undo of `delete`: the chantier as it was, its workshops back in it."""
    chantier = Chantier(**data["row"])
    session.add(chantier)
    session.flush()
    for workshop in session.scalars(select(Workshop).where(Workshop.id.in_(data["workshops"]))):
        workshop.chantier_id = chantier.id
    for key, model in _BRIQUE_1:
        for row in data.get(key, ()):
            session.add(model(**row))
        session.flush()
    return chantier


# Brique 1's tables, parents first: what deleting a chantier takes with it (and undo puts back).
_BRIQUE_1 = (
    ("actors", Actor),
    ("governance_bodies", GovernanceBody),
    ("governance_members", GovernanceMember),
    ("initiatives", Initiative),
    ("key_figures", KeyFigure),
    ("funding_sources", FundingSource),
)


def _etat_des_lieux(session: Session, chantier_id: int) -> Snapshot:
    bodies = select(GovernanceBody.id).where(GovernanceBody.chantier_id == chantier_id)
    return {
        "actors": [
            row_dict(a)
            for a in session.scalars(select(Actor).where(Actor.chantier_id == chantier_id))
        ],
        "governance_bodies": [
            row_dict(b)
            for b in session.scalars(
                select(GovernanceBody).where(GovernanceBody.chantier_id == chantier_id)
            )
        ],
        "governance_members": [
            row_dict(m)
            for m in session.scalars(
                select(GovernanceMember).where(GovernanceMember.body_id.in_(bodies))
            )
        ],
        **{
            key: [
                row_dict(row)
                for row in session.scalars(select(model).where(model.chantier_id == chantier_id))
            ]
            for key, model in (
                ("initiatives", Initiative),
                ("key_figures", KeyFigure),
                ("funding_sources", FundingSource),
            )
        },
    }


def move_workshop(session: Session, workshop_id: int, chantier_id: int | None) -> int | None:
    """Put a workshop into a chantier (None: out of any); returns where it was before."""
    workshop = workshops.get(session, workshop_id)
    if chantier_id is not None:
        get(session, chantier_id)
    previous = workshop.chantier_id
    workshop.chantier_id = chantier_id
    session.flush()
    return previous


def chantier_of(session: Session, workshop_id: int) -> int | None:
    return session.scalar(select(Workshop.chantier_id).where(Workshop.id == workshop_id))


def list_summaries(session: Session) -> list[ChantierSummary]:
    """Chantiers by name, each with its alive workshops in the welcome list's order."""
    order = [s.id for s in workshops.list_summaries(session)]
    rank = {wid: index for index, wid in enumerate(order)}
    links = session.execute(
        select(Workshop.id, Workshop.chantier_id).where(
            Workshop.chantier_id.is_not(None), Workshop.deleted_at.is_(None)
        )
    ).all()
    out = []
    for chantier in session.scalars(select(Chantier).order_by(func.lower(Chantier.title))):
        ids = sorted((w for w, c in links if c == chantier.id), key=lambda w: rank.get(w, 0))
        out.append(ChantierSummary(chantier.id, chantier.title, tuple(ids)))
    return out


def alive_workshops(session: Session, chantier_id: int) -> list[Workshop]:
    """The chantier's workshops out of the trash, by date (undated last), then by id."""
    return list(
        session.scalars(
            select(Workshop)
            .where(Workshop.chantier_id == chantier_id, Workshop.deleted_at.is_(None))
            .order_by(Workshop.date.is_(None), Workshop.date, Workshop.id)
        )
    )


def card_counts(session: Session, workshop_ids: list[int]) -> dict[int, int]:
    """How many fiches actions each of these workshops holds, in one query."""
    return {
        wid: count
        for wid, count in session.execute(
            select(ActionCard.workshop_id, func.count())
            .where(ActionCard.workshop_id.in_(workshop_ids))
            .group_by(ActionCard.workshop_id)
        ).all()
    }


def counts(session: Session, chantier_id: int) -> ChantierCounts:
    """What the chantier page says of each brique, in ten small queries."""
    ids = [w.id for w in alive_workshops(session, chantier_id)]
    actors = _count(session, Actor, chantier_id)
    bodies = _count(session, GovernanceBody, chantier_id)
    initiatives = _count(session, Initiative, chantier_id)
    figures = _count(session, KeyFigure, chantier_id)
    funding = _count(session, FundingSource, chantier_id)
    if not ids:
        return ChantierCounts(
            actors=actors,
            bodies=bodies,
            initiatives=initiatives,
            key_figures=figures,
            funding_sources=funding,
        )
    interviews = session.scalar(
        select(func.count()).select_from(Interview).where(Interview.workshop_id.in_(ids))
    )
    by_status = dict(
        session.execute(
            select(ActionCard.status, func.count())
            .where(ActionCard.workshop_id.in_(ids))
            .group_by(ActionCard.status)
        ).all()
    )
    card_ids = select(ActionCard.id).where(ActionCard.workshop_id.in_(ids))
    protocols = session.scalar(
        select(func.count())
        .select_from(TestProtocol)
        .where(TestProtocol.action_card_id.in_(card_ids))
    )
    results = session.scalar(
        select(func.count())
        .select_from(TestResult)
        .join(TestProtocol, TestResult.protocol_id == TestProtocol.id)
        .where(TestProtocol.action_card_id.in_(card_ids))
    )
    return ChantierCounts(
        workshops=len(ids),
        interviews=interviews or 0,
        action_cards=sum(by_status.values()),
        protocols=protocols or 0,
        results=results or 0,
        by_status=by_status,
        actors=actors,
        bodies=bodies,
        initiatives=initiatives,
        key_figures=figures,
        funding_sources=funding,
    )


def _count(
    session: Session,
    model: type[Actor | GovernanceBody | Initiative | KeyFigure | FundingSource],
    chantier_id: int,
) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(model).where(model.chantier_id == chantier_id)
        )
        or 0
    )
