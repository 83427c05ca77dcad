"""Vote winners become fiches actions, prefilled, in one click (storage/actions.py makes them)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import dots_text, ordinal
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import actions
from kitcop_desktop.storage.models import ActionCard, Workshop
from kitcop_desktop.storage.models.board import Card, Cluster
from kitcop_desktop.storage.models.voting import VoteItem
from kitcop_desktop.storage.voting import criteria_of, get
from kitcop_desktop.storage.voting_rounds import vote_standing

NOT_CREATED = tr_later("Rien n'a été créé.")


ORIGIN_PREFIX = "vote_item:"


def origin_ref(item_id: int) -> str:
    """What a fiche action keeps of the vote item it came from (« vote_item:12 »)."""
    return f"{ORIGIN_PREFIX}{item_id}"


def items_with_cards(session: Session, workshop_id: int) -> set[int]:
    """Ids of the vote items that already have their fiche action."""
    refs = session.scalars(
        select(ActionCard.origin_ref).where(
            ActionCard.workshop_id == workshop_id, ActionCard.origin == "vote"
        )
    )
    tail = len(ORIGIN_PREFIX)
    return {
        int(ref[tail:]) for ref in refs if ref.startswith(ORIGIN_PREFIX) and ref[tail:].isdigit()
    }


def pending_winners(session: Session, vote_id: int) -> list[int]:
    """The winners' item ids that have no fiche action yet (same refusals as below)."""
    return [row.item_id for row in _winners(session, vote_id)[2]]


def _winners(session: Session, vote_id: int) -> tuple[Any, Any, list[Any]]:
    vote = get(session, vote_id)
    standing = vote_standing(session, vote_id)
    results, winners = standing.last, standing.cut
    if results.state != "closed":
        raise InvalidInput(
            tr(
                "Clôturez d'abord le tour {number} pour arrêter les résultats. {NOT_CREATED}"
            ).format(number=results.number, NOT_CREATED=tr(NOT_CREATED))
        )
    if results.total_dots == 0:
        raise InvalidInput(
            tr("Aucune gommette n'a été comptée dans ce tour. {NOT_CREATED}").format(
                NOT_CREATED=tr(NOT_CREATED)
            )
        )
    texts = {row.item_id: row for row in standing.rows}
    if not winners.settled:
        names = " et ".join(
            tr("« {text} »").format(text=texts[i].text[:60]) for i in winners.straddling
        )
        place = ordinal(texts[winners.straddling[0]].rank)
        raise InvalidInput(
            tr(
                "{names} sont ex æquo à la {place} place. Lancez un tour entre elles ou notez une décision avec sa raison. {NOT_CREATED}"
            ).format(names=names, place=place, NOT_CREATED=tr(NOT_CREATED))
        )
    done = items_with_cards(session, vote.workshop_id)
    rows = [texts[i] for i in winners.selected if i not in done and texts[i].count > 0]
    return vote, results, rows


def challenge_for(session: Session, vote: Any, item_id: int) -> str:
    """The défi a vote winner answers: the sous-thématique its post-it was gathered in, else
    the workshop's problématique, else nothing (to fill; never the vote's own title)."""
    item = session.get(VoteItem, item_id)
    card = session.get(Card, item.source_card_id) if item and item.source_card_id else None
    cluster = session.get(Cluster, card.cluster_id) if card and card.cluster_id else None
    if cluster and cluster.title.strip():
        return cluster.title
    workshop = session.get(Workshop, vote.workshop_id)
    return (workshop.problem_statement or "").strip() if workshop else ""


def winners_to_action_cards(session: Session, vote_id: int) -> list[int]:
    """Create a fiche action for each winner that has none yet; returns the new cards' ids.

    Refused while the last round is open, without any dot, or when a tie straddles the
    N-th place (a second round or a recorded decision must settle it first).
    """
    vote, results, rows = _winners(session, vote_id)
    criteria = criteria_of(vote)
    created = []
    for row in rows:
        lines = [
            tr("Retenue au vote « {title} » : {place} place avec {dots} (tour {number}).").format(
                title=vote.title,
                place=ordinal(row.rank, feminine=True),
                dots=dots_text(row.count),
                number=row.round_number or results.number,
            )
        ]
        if criteria:
            lines.append(tr("Critères de tri : ") + " ; ".join(criteria) + ".")
        card = actions.create(
            session,
            vote.workshop_id,
            origin="vote",
            origin_ref=origin_ref(row.item_id),
            challenge=challenge_for(session, vote, row.item_id),
            action=row.text,
            description="\n".join(lines),
        )
        created.append(card.id)
    return created
