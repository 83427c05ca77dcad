"""The chantier's gouvernance (kit Brique 1-6 / 3-6): its instances, each with its degree of
participation and the actors of the map in it with their RACI letter. Every change returns
what undo needs; a RACI that does not follow the method is said, never refused."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.governance import (
    RACI_ORDER,
    raci_warning,
    require_participation,
    require_raci,
)
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.stakeholders import Actor, GovernanceBody, GovernanceMember

MAX_BODIES = 30


@dataclass(frozen=True)
class MemberRow:
    actor_id: int
    name: str
    structure: str
    raci: str


@dataclass(frozen=True)
class BodyRow:
    id: int
    name: str
    participation: str
    purpose: str
    members: tuple[MemberRow, ...]

    @property
    def warning(self) -> str:
        return raci_warning(m.raci for m in self.members)


def bodies(session: Session, chantier_id: int) -> list[BodyRow]:
    """The instances in their order, each with its actors (R, A, C, I, then by name): two
    queries."""
    found = list(
        session.scalars(
            select(GovernanceBody)
            .where(GovernanceBody.chantier_id == chantier_id)
            .order_by(GovernanceBody.position, GovernanceBody.id)
        )
    )
    members: dict[int, list[MemberRow]] = {}
    for body_id, actor_id, name, structure, raci in session.execute(
        select(
            GovernanceMember.body_id,
            GovernanceMember.actor_id,
            Actor.name,
            Actor.structure,
            GovernanceMember.raci,
        )
        .join(Actor, Actor.id == GovernanceMember.actor_id)
        .where(GovernanceMember.body_id.in_([b.id for b in found]))
    ):
        members.setdefault(body_id, []).append(MemberRow(actor_id, name, structure, raci))
    return [
        BodyRow(
            b.id,
            b.name,
            b.participation,
            b.purpose,
            tuple(
                sorted(
                    members.get(b.id, ()),
                    key=lambda m: (RACI_ORDER.get(m.raci, 9), m.name.casefold()),
                )
            ),
        )
        for b in found
    ]


def get_body(session: Session, body_id: int) -> GovernanceBody:
    body = session.get(GovernanceBody, body_id)
    if body is None:
        raise NotFound(tr("Cette instance n'existe plus."))
    return body


def _name(session: Session, chantier_id: int, value: object, except_id: int = 0) -> str:
    name = require_text(value if isinstance(value, str) else None, tr("Le nom de l'instance"))
    same = session.scalar(
        select(GovernanceBody.id).where(
            GovernanceBody.chantier_id == chantier_id,
            func.lower(GovernanceBody.name) == name.lower(),
            GovernanceBody.id != except_id,
        )
    )
    if same is not None:
        raise InvalidInput(
            tr(
                "La gouvernance a déjà une instance «\u00a0{name}\u00a0». Rien n'a été modifié."
            ).format(name=name)
        )
    return name


def add_body(
    session: Session, chantier_id: int, name: str, participation: str = "consultation"
) -> GovernanceBody:
    chantiers.get(session, chantier_id)
    count = session.scalar(
        select(func.count())
        .select_from(GovernanceBody)
        .where(GovernanceBody.chantier_id == chantier_id)
    )
    if (count or 0) >= MAX_BODIES:
        raise InvalidInput(
            tr(
                "La gouvernance compte déjà {MAX_BODIES} instances\u00a0: appuyez-vous sur celles qui existent (conseil du kit). Rien n'a été ajouté."
            ).format(MAX_BODIES=MAX_BODIES)
        )
    last = session.scalar(
        select(func.max(GovernanceBody.position)).where(GovernanceBody.chantier_id == chantier_id)
    )
    body = GovernanceBody(
        chantier_id=chantier_id,
        position=0 if last is None else last + 1,
        name=_name(session, chantier_id, name),
        participation=require_participation(participation),
        purpose="",
    )
    session.add(body)
    session.flush()
    return body


def update_body(session: Session, body_id: int, **fields: object) -> Snapshot:
    body = get_body(session, body_id)
    cleaned: dict[str, object] = {}
    for key, value in fields.items():
        if key == "name":
            cleaned[key] = _name(session, body.chantier_id, value, body_id)
        elif key == "participation":
            cleaned[key] = require_participation(value)
        elif key == "purpose":
            cleaned[key] = clean_text(value if isinstance(value, str) else "")
        else:
            raise TypeError(f"unknown instance field {key!r}")
    previous = {key: getattr(body, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(body, key, value)
    session.flush()
    return previous


def delete_body(session: Session, body_id: int) -> Snapshot:
    body = get_body(session, body_id)
    members = session.scalars(select(GovernanceMember).where(GovernanceMember.body_id == body_id))
    data = {"row": row_dict(body), "members": [row_dict(m) for m in members]}
    session.delete(body)
    session.flush()
    return data


def recreate_body(session: Session, data: Snapshot) -> GovernanceBody:
    body = GovernanceBody(**data["row"])
    session.add(body)
    session.flush()
    for member in data["members"]:
        session.add(GovernanceMember(**member))
    session.flush()
    return body


def _member(session: Session, body_id: int, actor_id: int) -> GovernanceMember | None:
    return session.scalar(
        select(GovernanceMember).where(
            GovernanceMember.body_id == body_id, GovernanceMember.actor_id == actor_id
        )
    )


def set_raci(session: Session, body_id: int, actor_id: int, raci: str | None) -> str | None:
    """Give the actor this letter in the instance (adding it there), or None to take it out;
    returns its previous letter (None: it was not in it), what undo passes back."""
    body = get_body(session, body_id)
    actor = session.get(Actor, actor_id)
    if actor is None or actor.chantier_id != body.chantier_id:
        raise NotFound(tr("Cet acteur n'est plus sur la carte du chantier."))
    member = _member(session, body_id, actor_id)
    previous = member.raci if member is not None else None
    if raci is None:
        if member is not None:
            session.delete(member)
    else:
        letter = require_raci(raci)
        if member is None:
            session.add(GovernanceMember(body_id=body_id, actor_id=actor_id, raci=letter))
        else:
            member.raci = letter
    session.flush()
    return previous
