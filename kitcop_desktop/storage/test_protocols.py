"""Protocoles de test (kit Brique 4-2): for a fiche action, the problem it answers, its
objective, added value, actors needed, impact criteria and « vous aurez réussi si… »; then the
log of the test's results against those criteria."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.action_plan import (
    CRITERION_MAX,
    PROTOCOL_FIELDS,
    require_verdict,
)
from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models import ActionCard
from kitcop_desktop.storage.models.chantier import TestProtocol, TestResult


def for_card(session: Session, card_id: int) -> TestProtocol | None:
    return session.scalar(select(TestProtocol).where(TestProtocol.action_card_id == card_id))


def get(session: Session, protocol_id: int) -> TestProtocol:
    protocol = session.get(TestProtocol, protocol_id)
    if protocol is None:
        raise NotFound(tr("Ce protocole de test n'existe plus."))
    return protocol


def create(session: Session, card_id: int, **fields: object) -> TestProtocol:
    """The fiche action's protocol (one per fiche); its problem starts from the card's défi."""
    card = session.get(ActionCard, card_id)
    if card is None:
        raise NotFound(tr("Cette fiche action n'existe plus."))
    if for_card(session, card_id) is not None:
        raise InvalidInput(
            tr("Cette fiche action a déjà son protocole de test. Rien n'a été créé.")
        )
    values = {key: _clean(key, value) for key, value in fields.items()}
    values.setdefault("problem", card.challenge)
    protocol = TestProtocol(action_card_id=card_id, **values)
    session.add(protocol)
    session.flush()
    return protocol


def _clean(field: str, value: object) -> str:
    if field not in PROTOCOL_FIELDS:
        raise TypeError(f"unknown protocol field {field!r}")
    return clean_text(value if isinstance(value, str) else None)


def update(session: Session, protocol_id: int, **fields: object) -> Snapshot:
    protocol = get(session, protocol_id)
    cleaned = {key: _clean(key, value) for key, value in fields.items()}
    previous = {key: getattr(protocol, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(protocol, key, value)
    session.flush()
    return previous


def delete(session: Session, protocol_id: int) -> Snapshot:
    """Delete the protocol and its log; returns what `recreate` needs."""
    protocol = get(session, protocol_id)
    data = {
        "row": row_dict(protocol),
        "results": [row_dict(r) for r in results(session, protocol_id)],
    }
    session.delete(protocol)
    session.flush()
    return data


def recreate(session: Session, data: Snapshot) -> TestProtocol:
    protocol = TestProtocol(**data["row"])
    session.add(protocol)
    session.flush()
    for row in data["results"]:
        session.add(TestResult(**row))
    session.flush()
    return protocol


# --- the log of results ----------------------------------------------------------------------
def results(session: Session, protocol_id: int) -> list[TestResult]:
    return list(
        session.scalars(
            select(TestResult)
            .where(TestResult.protocol_id == protocol_id)
            .order_by(TestResult.position, TestResult.id)
        )
    )


def _result(session: Session, result_id: int) -> TestResult:
    result = session.get(TestResult, result_id)
    if result is None:
        raise NotFound(tr("Ce résultat n'existe plus."))
    return result


def _day(value: object) -> date | None:
    if value is not None and not isinstance(value, date):
        raise InvalidInput(tr("La date du résultat n'est pas valide. Rien n'a été modifié."))
    if value is not None and not 2000 <= value.year <= 2100:
        raise InvalidInput(
            tr("L'année {year} est hors de portée (2000 à 2100). Rien n'a été modifié.").format(
                year=value.year
            )
        )
    return value


def _result_values(fields: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in fields.items():
        if key == "day":
            out[key] = _day(value)
        elif key == "criterion":
            text = " ".join(clean_text(value if isinstance(value, str) else None).split())
            if len(text) > CRITERION_MAX:
                raise InvalidInput(
                    tr(
                        "Ce critère est trop long ({count} caractères, {CRITERION_MAX} au plus). Rien n'a été modifié."
                    ).format(count=len(text), CRITERION_MAX=CRITERION_MAX)
                )
            out[key] = text
        elif key == "observed":
            out[key] = clean_text(value if isinstance(value, str) else None)
        elif key == "verdict":
            out[key] = require_verdict(value)
        else:
            raise TypeError(f"unknown result field {key!r}")
    return out


def add_result(
    session: Session,
    protocol_id: int,
    *,
    criterion: str,
    observed: str,
    verdict: str = "",
    day: date | None = None,
) -> TestResult:
    """One line of the log: what was seen against a criterion, on a day."""
    get(session, protocol_id)
    values = _result_values(
        {"criterion": criterion, "observed": observed, "verdict": verdict, "day": day}
    )
    if not values["observed"] and not values["verdict"]:
        raise InvalidInput(
            tr(
                "Un résultat a besoin d'un constat ou d'un verdict (atteint, partiellement, non "
                "atteint). Rien n'a été ajouté."
            )
        )
    last = session.scalar(
        select(func.max(TestResult.position)).where(TestResult.protocol_id == protocol_id)
    )
    result = TestResult(protocol_id=protocol_id, position=0 if last is None else last + 1, **values)
    session.add(result)
    session.flush()
    return result


def update_result(session: Session, result_id: int, **fields: object) -> Snapshot:
    result = _result(session, result_id)
    cleaned = _result_values(fields)
    previous = {key: getattr(result, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(result, key, value)
    session.flush()
    return previous


def delete_result(session: Session, result_id: int) -> Snapshot:
    result = _result(session, result_id)
    data = row_dict(result)
    session.delete(result)
    session.flush()
    return data


def recreate_result(session: Session, data: Snapshot) -> TestResult:
    result = TestResult(**data)
    session.add(result)
    session.flush()
    return result
