"""KISS « on commence » → fiches actions: a sous-thématique becomes ONE fiche, its post-its
listed in it; a loose post-it becomes its own. The fiche remembers where it came from
(origin « kiss », origin_ref « cluster:12 » or « card:7 »), so the board can mark what already
became a fiche and a second click never makes it twice.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import actions
from kitcop_desktop.storage.boards import _driver
from kitcop_desktop.storage.models.board import Board, Card, Cluster

ORIGIN = "kiss"
START_ZONE = "start"
DEFAULT_CLUSTER_TITLE = "Sous-thématique"


def card_ref(card_id: int) -> str:
    return f"card:{card_id}"


def cluster_ref(cluster_id: int) -> str:
    return f"cluster:{cluster_id}"


@dataclass(frozen=True)
class Converted:
    """What already became a fiche action: card ids (also every card of a converted
    sous-thématique) and sous-thématique ids, with the number of the fiche (1, 2…)."""

    cards: dict[int, int]
    clusters: dict[int, int]


def converted(session: Session, workshop_id: int) -> Converted:
    """The post-its and sous-thématiques of this workshop's boards that have their fiche."""
    # Plain rows in list_for's order (a KISS board reads this at every post-it typed).
    rows = (
        _driver(session)
        .execute(
            "SELECT origin, origin_ref FROM action_cards WHERE workshop_id = ?"
            " ORDER BY position, id",
            (workshop_id,),
        )
        .fetchall()
    )
    numbers = {
        ref: number
        for number, (origin, ref) in enumerate(rows, start=1)
        if origin == ORIGIN and ref is not None
    }
    clusters: dict[int, int] = {}
    cards: dict[int, int] = {}
    for ref, number in numbers.items():
        what, _, ident = ref.partition(":")
        if not ident.isdigit():
            continue
        if what == "cluster":
            clusters[int(ident)] = number
        elif what == "card":
            cards[int(ident)] = number
    if clusters:
        members = session.execute(
            select(Card.id, Card.cluster_id).where(Card.cluster_id.in_(list(clusters)))
        )
        for card_id, cid in members:
            if cid is not None:  # never: the query asks for these sous-thématiques' post-its
                cards.setdefault(card_id, clusters[cid])
    return Converted(cards, clusters)


def _cluster_fiche(cluster: Cluster, cards: list[Card]) -> dict[str, str]:
    title = cluster.title.strip()
    if not title or title == DEFAULT_CLUSTER_TITLE:
        title = cards[0].text if cards else DEFAULT_CLUSTER_TITLE
    lines = [f"• {c.text}" + (f" (×{c.weight})" if c.weight > 1 else "") for c in cards]
    description = tr("Les post-it de la sous-thématique « {title} » :\n").format(
        title=cluster.title
    ) + "\n".join(lines)
    return {"action": title, "description": description}


def start_to_actions(
    session: Session,
    workshop_id: int,
    board_id: int,
    card_ids: Collection[int] = (),
    cluster_ids: Collection[int] = (),
) -> list[int]:
    """Fiches actions for these « on commence » items of a KISS board (all of the zone when
    both are empty). A card inside a sous-thématique brings its whole sous-thématique: one
    fiche. What already has its fiche is skipped. Returns the new fiches' ids, in board order.
    """
    board = session.get(Board, board_id)
    if board is None or board.workshop_id != workshop_id:
        raise InvalidInput(tr("Ce tableau n'existe plus. Rien n'a été créé."))
    if board.kind != "kiss":
        raise InvalidInput(
            tr("Seul un tableau KISS fait naître des fiches actions. Rien n'a été créé.")
        )
    start = [c for c in board.cards if c.zone == START_ZONE]
    clusters = {c.id: c for c in board.clusters if c.zone == START_ZONE}
    if not card_ids and not cluster_ids:
        chosen_cards = [c for c in start if c.cluster_id is None]
        chosen_clusters = set(clusters)
    else:
        wanted = set(card_ids)
        chosen_cards = [c for c in start if c.id in wanted and c.cluster_id is None]
        chosen_clusters = {cid for cid in cluster_ids if cid in clusters}
        chosen_clusters |= {c.cluster_id for c in start if c.id in wanted and c.cluster_id}
    done = converted(session, workshop_id)
    made: list[int] = []
    for cluster in sorted(clusters.values(), key=lambda k: (k.position, k.id)):
        members = sorted(
            (c for c in start if c.cluster_id == cluster.id), key=lambda c: (c.position, c.id)
        )
        if cluster.id not in chosen_clusters or cluster.id in done.clusters:
            continue
        if members and all(c.id in done.cards for c in members):
            continue  # its post-its were made fiches one by one, before
        fields = _cluster_fiche(cluster, members)
        made.append(
            actions.create(
                session, workshop_id, origin=ORIGIN, origin_ref=cluster_ref(cluster.id), **fields
            ).id
        )
    for card in sorted(chosen_cards, key=lambda c: (c.position, c.id)):
        if card.id in done.cards:
            continue
        made.append(
            actions.create(
                session,
                workshop_id,
                origin=ORIGIN,
                origin_ref=card_ref(card.id),
                action=card.text,
            ).id
        )
    return made
