"""The chantier's action plan (#17, kit Brique 3-6 → 4): the fiches actions of all its
workshops, each with its status, pilots, steps with dates and « comment tester »."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.action_plan import STEP_MAX, require_status
from kitcop_desktop.domain.validation import InvalidInput, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import ActionCard, Workshop
from kitcop_desktop.storage.models.chantier import ActionStep, TestProtocol


@dataclass(frozen=True)
class StepRow:
    id: int
    label: str
    due: date | None
    done: bool


@dataclass(frozen=True)
class PlanRow:
    card_id: int
    number: int  # the card's place in the plan, 1…
    workshop_id: int
    workshop: str
    heading: str  # the action, else the défi
    challenge: str
    status: str
    leads: str
    test_plan: str
    steps: tuple[StepRow, ...]
    protocol_id: int | None

    @property
    def next_step(self) -> StepRow | None:
        """The first step not done yet, the dated ones first, by date."""
        waiting = [s for s in self.steps if not s.done]
        dated = sorted((s for s in waiting if s.due), key=lambda s: s.due or date.max)
        first = dated or waiting
        return first[0] if first else None


def rows(session: Session, chantier_id: int) -> list[PlanRow]:
    """Every fiche action of the chantier's workshops (out of the trash), workshop by workshop
    in date order, each in its own order; three queries whatever the size."""
    return rows_for_workshops(session, chantiers.alive_workshops(session, chantier_id))


def rows_for_workshops(session: Session, found: Sequence[Workshop]) -> list[PlanRow]:
    """The plan of these workshops, in this order (a workshop without a chantier: its own)."""
    titles = {w.id: w.title for w in found}
    order = {w.id: index for index, w in enumerate(found)}
    cards = sorted(
        session.scalars(select(ActionCard).where(ActionCard.workshop_id.in_(list(titles)))),
        key=lambda c: (order[c.workshop_id], c.position, c.id),
    )
    ids = [c.id for c in cards]
    steps: dict[int, list[StepRow]] = {}
    for step in session.scalars(
        select(ActionStep)
        .where(ActionStep.action_card_id.in_(ids))
        .order_by(ActionStep.position, ActionStep.id)
    ):
        steps.setdefault(step.action_card_id, []).append(
            StepRow(step.id, step.label, step.due, step.done)
        )
    protocols = dict(
        session.execute(
            select(TestProtocol.action_card_id, TestProtocol.id).where(
                TestProtocol.action_card_id.in_(ids)
            )
        ).all()
    )
    return [
        PlanRow(
            card_id=c.id,
            number=n,
            workshop_id=c.workshop_id,
            workshop=titles[c.workshop_id],
            heading=c.action or c.challenge or "Fiche sans titre",
            challenge=c.challenge,
            status=c.status,
            leads=c.leads,
            test_plan=c.test_plan,
            steps=tuple(steps.get(c.id, ())),
            protocol_id=protocols.get(c.id),
        )
        for n, c in enumerate(cards, start=1)
    ]


def _card(session: Session, card_id: int) -> ActionCard:
    card = session.get(ActionCard, card_id)
    if card is None:
        raise NotFound(tr("Cette fiche action n'existe plus."))
    return card


def set_status(session: Session, card_id: int, status: str) -> str:
    """Change where the fiche stands; returns the previous status (what undo needs)."""
    card = _card(session, card_id)
    previous = card.status
    card.status = require_status(status)
    session.flush()
    return previous


def _step(session: Session, step_id: int) -> ActionStep:
    step = session.get(ActionStep, step_id)
    if step is None:
        raise NotFound(tr("Cette étape n'existe plus."))
    return step


def _label(value: object) -> str:
    return require_text(
        value if isinstance(value, str) else None, tr("Une étape"), max_len=STEP_MAX
    )


def _due(value: object) -> date | None:
    if value is not None and not isinstance(value, date):
        raise InvalidInput(tr("La date de l'étape n'est pas valide. Rien n'a été modifié."))
    if value is not None and not 2000 <= value.year <= 2100:
        raise InvalidInput(
            tr("L'échéance {year} est hors de portée (2000 à 2100). Rien n'a été modifié.").format(
                year=value.year
            )
        )
    return value


def add_step(session: Session, card_id: int, label: str, due: date | None = None) -> ActionStep:
    _card(session, card_id)
    last = session.scalar(
        select(func.max(ActionStep.position)).where(ActionStep.action_card_id == card_id)
    )
    step = ActionStep(
        action_card_id=card_id,
        position=0 if last is None else last + 1,
        label=_label(label),
        due=_due(due),
        done=False,
    )
    session.add(step)
    session.flush()
    return step


STEP_FIELDS = ("label", "due", "done")


def update_step(session: Session, step_id: int, **fields: object) -> Snapshot:
    step = _step(session, step_id)
    cleaned: dict[str, object] = {}
    for key, value in fields.items():
        if key == "label":
            cleaned[key] = _label(value)
        elif key == "due":
            cleaned[key] = _due(value)
        elif key == "done":
            cleaned[key] = bool(value)
        else:
            raise TypeError(f"unknown step field {key!r}")
    previous = {key: getattr(step, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(step, key, value)
    session.flush()
    return previous


def delete_step(session: Session, step_id: int) -> Snapshot:
    step = _step(session, step_id)
    data = row_dict(step)
    session.delete(step)
    session.flush()
    return data


def recreate_step(session: Session, data: Snapshot) -> ActionStep:
    step = ActionStep(**data)
    session.add(step)
    session.flush()
    return step
