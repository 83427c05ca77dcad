"""Clusters (sous-thématiques): titled groups of cards inside one zone of a board."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.boards import _check_zone, get_board, get_card
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.board import Card, Cluster


def _title(value: str) -> str:
    title = " ".join(clean_text(value, max_len=800).split())
    if len(title) > 200:
        raise InvalidInput(
            tr(
                "Le titre de la sous-thématique est trop long ({count} caractères, 200 au plus). Rien n'a été modifié."
            ).format(count=len(title))
        )
    return title


def get_cluster(session: Session, cluster_id: int) -> Cluster:
    cluster = session.get(Cluster, cluster_id)
    if cluster is None:
        raise NotFound(tr("Cette sous-thématique n'existe plus."))
    return cluster


def clusters_of(session: Session, board_id: int) -> list[Cluster]:
    return list(
        session.scalars(
            select(Cluster)
            .where(Cluster.board_id == board_id)
            .order_by(Cluster.position, Cluster.id)
        )
    )


def create_cluster(
    session: Session, board_id: int, zone: str, title: str = "", card_ids: Sequence[int] = ()
) -> Snapshot:
    """A new sous-thématique in `zone`, gathering `card_ids` (moved into the zone if needed).

    Returns {"cluster_id", "moved": [(card_id, previous zone, cluster, position)]} for undo.
    """
    board = get_board(session, board_id)
    _check_zone(board, zone)
    position = session.scalar(
        select(func.max(Cluster.position)).where(Cluster.board_id == board_id)
    )
    cluster = Cluster(
        board_id=board.id,
        zone=zone,
        title=_title(title) or "Sous-thématique",
        position=0 if position is None else position + 1,
    )
    session.add(cluster)
    session.flush()
    moved = []
    for card_id in dict.fromkeys(card_ids):  # a card named twice is moved (and undone) once
        card = get_card(session, card_id)
        if card.board_id != board.id:
            raise InvalidInput(tr("Ce post-it est sur un autre tableau. Rien n'a été modifié."))
        moved.append((card.id, card.zone, card.cluster_id, card.position))
        card.zone, card.cluster_id = zone, cluster.id
    session.flush()
    return {"cluster_id": cluster.id, "cluster": row_dict(cluster), "moved": moved}


def undo_create_cluster(session: Session, created: Snapshot) -> None:
    for card_id, zone, cluster_id, position in reversed(created["moved"]):
        card = get_card(session, card_id)
        card.zone, card.cluster_id, card.position = zone, cluster_id, position
    session.flush()
    session.delete(get_cluster(session, created["cluster_id"]))
    session.flush()


def redo_create_cluster(session: Session, created: Snapshot) -> None:
    session.add(Cluster(**created["cluster"]))
    session.flush()
    for card_id, *_ in created["moved"]:
        card = get_card(session, card_id)
        card.zone, card.cluster_id = created["cluster"]["zone"], created["cluster_id"]
    session.flush()


def update_cluster(session: Session, cluster_id: int, **fields: Any) -> Snapshot:
    """Rename (title) or fold (collapsed); returns the previous values."""
    cluster = get_cluster(session, cluster_id)
    cleaned: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "title":
            title = _title(value)
            if not title:
                raise InvalidInput(
                    tr(
                        "Le titre de la sous-thématique ne peut pas être vide. Rien n'a été modifié."
                    )
                )
            cleaned[key] = title
        elif key == "collapsed":
            cleaned[key] = bool(value)
        else:
            raise TypeError(f"unknown cluster field {key!r}")
    previous = {key: getattr(cluster, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(cluster, key, value)
    session.flush()
    return previous


def dissolve_cluster(session: Session, cluster_id: int) -> Snapshot:
    """Remove the sous-thématique; its cards stay, loose, in the zone. Returns undo data."""
    cluster = get_cluster(session, cluster_id)
    card_ids = list(session.scalars(select(Card.id).where(Card.cluster_id == cluster.id)))
    data = {"cluster": row_dict(cluster), "card_ids": card_ids}
    board = get_board(session, cluster.board_id)
    if board.spotlight == f"cluster:{cluster.id}":
        data["spotlight"] = board.spotlight
        board.spotlight = ""
    for card_id in card_ids:
        get_card(session, card_id).cluster_id = None
    session.delete(cluster)
    session.flush()
    return data


def restore_cluster(session: Session, data: Snapshot) -> Cluster:
    cluster = Cluster(**data["cluster"])
    session.add(cluster)
    session.flush()
    for card_id in data["card_ids"]:
        get_card(session, card_id).cluster_id = cluster.id
    if data.get("spotlight"):
        get_board(session, cluster.board_id).spotlight = data["spotlight"]
    session.flush()
    return cluster


def move_cluster(session: Session, cluster_id: int, zone: str) -> Snapshot:
    """Move a sous-thématique and all its cards to another zone. Returns the previous zone."""
    cluster = get_cluster(session, cluster_id)
    board = get_board(session, cluster.board_id)
    _check_zone(board, zone)
    previous = {"zone": cluster.zone}
    cluster.zone = zone
    for card in session.scalars(select(Card).where(Card.cluster_id == cluster.id)):
        card.zone = zone
    session.flush()
    return previous
