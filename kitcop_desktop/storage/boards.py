"""Operations on boards and their cards (post-its). Session first, never committing.

Every change returns what undo needs (a snapshot dict or the previous values), so a
QUndoCommand can put things back exactly, with the same ids (see ui/undo.py). Clusters
(sous-thématiques) live in boards_clusters.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.board_kinds import ANGLES, KINDS, normalise, split_pasted
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.board import Board, Card, Cluster

CARD_MAX = 2_000
CARD_FIELDS = ("text", "author", "colour", "angle", "weight")


# --- boards -------------------------------------------------------------------------------


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidInput(
            tr("Type de tableau inconnu : « {kind} ». Rien n'a été modifié.").format(kind=kind)
        )
    return kind


def create_board(
    session: Session, workshop_id: int, kind: str, title: str, subgroup: str = ""
) -> Board:
    """A new board of `kind` ("speedboat", "kiss", "retro_path", "astonishment")."""
    _check_kind(kind)
    title = require_text(title, tr("Le titre du tableau"))
    subgroup = " ".join(clean_text(subgroup, max_len=200).split())
    position = session.scalar(
        select(func.max(Board.position)).where(Board.workshop_id == workshop_id)
    )
    board = Board(
        workshop_id=workshop_id,
        kind=kind,
        title=title,
        subgroup=subgroup,
        position=0 if position is None else position + 1,
    )
    session.add(board)
    session.flush()
    return board


def find_or_create_board(session: Session, workshop_id: int, kind: str, title: str) -> Board:
    """The workshop's board of this kind and title, created when missing."""
    _check_kind(kind)
    title = require_text(title, tr("Le titre du tableau"))
    board = session.scalar(
        select(Board)
        .where(Board.workshop_id == workshop_id, Board.kind == kind, Board.title == title)
        .order_by(Board.id)
        .limit(1)
    )
    return board or create_board(session, workshop_id, kind, title)


def list_boards(session: Session, workshop_id: int, kind: str | None = None) -> list[Board]:
    query = select(Board).where(Board.workshop_id == workshop_id)
    if kind is not None:
        query = query.where(Board.kind == kind)
    return list(session.scalars(query.order_by(Board.position, Board.id)))


def get_board(session: Session, board_id: int) -> Board:
    board = session.get(Board, board_id)
    if board is None:
        raise NotFound(tr("Ce tableau n'existe plus."))
    return board


def update_board(session: Session, board_id: int, **fields: Any) -> Snapshot:
    """Change title, subgroup, split_by_angle or spotlight; returns the previous values."""
    board = get_board(session, board_id)
    cleaned: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "title":
            cleaned[key] = require_text(value, tr("Le titre du tableau"))
        elif key == "subgroup":
            cleaned[key] = " ".join(clean_text(value, max_len=200).split())
        elif key == "split_by_angle":
            cleaned[key] = bool(value)
        elif key == "spotlight":
            cleaned[key] = _check_spotlight(session, board, value or "")
        else:
            raise TypeError(f"unknown board field {key!r}")
    previous = {key: getattr(board, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(board, key, value)
    session.flush()
    return previous


def _check_spotlight(session: Session, board: Board, value: str) -> str:
    if value == "":
        return value
    what, _, ref = value.partition(":")
    if what == "zone" and ref in KINDS[board.kind].zone_keys:
        return value
    if what == "cluster" and ref.isdigit():
        cluster = session.get(Cluster, int(ref))
        if cluster is not None and cluster.board_id == board.id:
            return value
    raise InvalidInput(tr("Cette zone n'existe pas sur ce tableau. Rien n'a été modifié."))


def snapshot_board(session: Session, board_id: int) -> Snapshot:
    """Everything on a board, as plain data: enough to recreate it with the same ids."""
    board = get_board(session, board_id)
    return {
        "board": row_dict(board),
        "clusters": [row_dict(c) for c in board.clusters],
        "cards": [row_dict(c) for c in board.cards],
    }


def delete_board(session: Session, board_id: int) -> Snapshot:
    """Delete a board and everything on it; returns its snapshot for undo."""
    data = snapshot_board(session, board_id)
    session.delete(get_board(session, board_id))
    session.flush()
    return data


def restore_board(session: Session, data: Snapshot) -> Board:
    board = Board(**data["board"])
    session.add(board)
    session.flush()
    for row in data["clusters"]:
        session.add(Cluster(**row))
    session.flush()
    for row in data["cards"]:
        session.add(Card(**row))
    session.flush()
    return board


# --- cards --------------------------------------------------------------------------------


def _card_text(text: str | None) -> str:
    cleaned = clean_text(text, max_len=CARD_MAX)
    if not cleaned:
        raise InvalidInput(tr("Un post-it ne peut pas être vide. Rien n'a été modifié."))
    return cleaned


def _check_zone(board: Board, zone: str) -> str:
    if zone not in KINDS[board.kind].zone_keys:
        raise InvalidInput(
            tr("Zone inconnue sur ce tableau : « {zone} ». Rien n'a été modifié.").format(zone=zone)
        )
    return zone


def _check_colour(value: str) -> str:
    value = (value or "").strip()
    if value and not (
        len(value) == 7
        and value[0] == "#"
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise InvalidInput(tr("Couleur inconnue (attendu : #RRVVBB). Rien n'a été modifié."))
    return value


def _next_position(session: Session, board_id: int, zone: str) -> int:
    position = session.scalar(
        select(func.max(Card.position)).where(Card.board_id == board_id, Card.zone == zone)
    )
    return 0 if position is None else position + 1


def add_card(
    session: Session,
    board_id: int,
    zone: str,
    text: str,
    *,
    author: str = "",
    source: str = "",
    source_interview_id: int | None = None,
    angle: str = "",
    colour: str = "",
    cluster_id: int | None = None,
) -> Card:
    """A new post-it at the end of `zone`. InvalidInput on empty text or an unknown zone."""
    board = get_board(session, board_id)
    _check_zone(board, zone)
    text = _card_text(text)
    if angle not in ANGLES:
        raise InvalidInput(tr("Angle inconnu. Rien n'a été modifié."))
    if cluster_id is not None:
        _cluster_in(session, board.id, zone, cluster_id)
    card = Card(
        board_id=board.id,
        zone=zone,
        text=text,
        author=" ".join(clean_text(author, max_len=200).split()),
        source=" ".join(clean_text(source, max_len=200).split()),
        source_interview_id=source_interview_id,
        angle=angle,
        colour=_check_colour(colour),
        cluster_id=cluster_id,
        position=_next_position(session, board.id, zone),
        weight=1,
    )
    session.add(card)
    session.flush()
    return card


def add_pasted(
    session: Session, board_id: int, zone: str, text: str, *, author: str = ""
) -> list[Card]:
    """One card per pasted line (bullets dropped). Nothing is added if any line is bad."""
    lines = split_pasted(text)
    if not lines:
        raise InvalidInput(tr("Rien à coller : le texte est vide. Rien n'a été modifié."))
    return [add_card(session, board_id, zone, line, author=author) for line in lines]


def cards_of(session: Session, board_id: int) -> list[Card]:
    """The board's cards, zone by zone in their order."""
    return list(
        session.scalars(
            select(Card)
            .where(Card.board_id == board_id)
            .order_by(Card.zone, Card.position, Card.id)
        )
    )


CARD_ROW = "id, board_id, zone, cluster_id, position, text, author, colour, weight, angle, source"
# A post-it's CARD_ROW, as the views read it.
CardRow = tuple[int, int, str, int | None, int, str, str, str, int, str, str]
# (id, board_id, zone, title, collapsed, position) of a sous-thématique.
ClusterRow = tuple[int, int, str, str, bool, int]
# (id, workshop_id, kind, title, subgroup, spotlight, split_by_angle, problématique).
BoardRow = tuple[int, int, str, str, str, str, bool, str]


def _driver(session: Session) -> sqlite3.Connection:
    """The plain sqlite3 connection of the session's transaction: a board's rows are read as
    tuples (a few milliseconds for thousands of post-its, where ORM objects take tens)."""
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError("the boards' rows are read through SQLite's own driver")
    return driver


def board_titles(session: Session, workshop_id: int) -> list[tuple[int, str, str, str]]:
    """(id, kind, title, subgroup) of the workshop's boards in their order, as list_boards
    gives them: read at every post-it typed, so plain rows (no ORM objects)."""
    return (
        _driver(session)
        .execute(
            "SELECT id, kind, title, subgroup FROM boards WHERE workshop_id = ?"
            " ORDER BY position, id",
            (workshop_id,),
        )
        .fetchall()
    )


def board_row(session: Session, board_id: int) -> BoardRow | None:
    """(id, workshop_id, kind, title, subgroup, spotlight, split_by_angle, the workshop's
    problématique) of a board, or None when it is gone: a view's read of the board itself."""
    row = (
        _driver(session)
        .execute(
            "SELECT b.id, b.workshop_id, b.kind, b.title, b.subgroup, b.spotlight,"
            " b.split_by_angle, coalesce(w.problem_statement, '')"
            " FROM boards b LEFT JOIN workshops w ON w.id = b.workshop_id WHERE b.id = ?",
            (board_id,),
        )
        .fetchone()
    )
    return None if row is None else (*row[:6], bool(row[6]), row[7] or "")


def cluster_rows(session: Session, board_id: int) -> list[ClusterRow]:
    """(id, board_id, zone, title, collapsed, position) of the board's sous-thématiques in
    their order."""
    return [
        (*row[:4], bool(row[4]), row[5])
        for row in _driver(session).execute(
            "SELECT id, board_id, zone, title, collapsed, position FROM board_clusters"
            " WHERE board_id = ? ORDER BY position, id",
            (board_id,),
        )
    ]


def card_rows(session: Session, board_id: int) -> list[CardRow]:
    """The board's post-its as tuples of CARD_ROW, zone by zone in their order."""
    return (
        _driver(session)
        .execute(
            f"SELECT {CARD_ROW} FROM board_cards WHERE board_id = ? ORDER BY zone, position, id",
            (board_id,),
        )
        .fetchall()
    )


def card_summary(session: Session, board_id: int) -> tuple[Any, ...]:
    """(how many post-its, the newest updated_at, the sum of their ids, the sum of their
    updated_at as days): what a view compares to know, in under a millisecond for thousands
    of post-its, whether any was added, removed or changed since it last read the board.
    Every change through the ORM moves a post-it's updated_at (microseconds)."""
    return tuple(
        _driver(session)
        .execute(
            "SELECT count(*), max(updated_at), total(id), total(julianday(updated_at))"
            " FROM board_cards WHERE board_id = ?",
            (board_id,),
        )
        .fetchone()
    )


def card_rows_since(session: Session, board_id: int, stamp: str) -> list[CardRow]:
    """Tuples of CARD_ROW for the post-its changed or added at `stamp` or later."""
    return (
        _driver(session)
        .execute(
            f"SELECT {CARD_ROW} FROM board_cards WHERE board_id = ? AND updated_at >= ?",
            (board_id, stamp),
        )
        .fetchall()
    )


def card_ids(session: Session, board_id: int) -> list[int]:
    """The ids of the board's post-its (from the index alone)."""
    return [
        row[0]
        for row in _driver(session).execute(
            "SELECT id FROM board_cards WHERE board_id = ?", (board_id,)
        )
    ]


def card_rows_by_id(session: Session, card_ids: Iterable[int]) -> dict[int, CardRow]:
    """Tuples of CARD_ROW for these post-its (the few a view must read again)."""
    rows: dict[int, CardRow] = {}
    ids = list(card_ids)
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit, well under it
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in _driver(session).execute(
            f"SELECT {CARD_ROW} FROM board_cards WHERE id IN ({marks})", chunk
        ):
            rows[row[0]] = row
    return rows


def get_card(session: Session, card_id: int) -> Card:
    card = session.get(Card, card_id)
    if card is None:
        raise NotFound(tr("Ce post-it n'existe plus."))
    return card


def card_data(card: Card) -> Snapshot:
    """A card as plain data (undo snapshots, exchange)."""
    return row_dict(card)


def update_card(session: Session, card_id: int, **fields: Any) -> Snapshot:
    """Edit text, author, colour, angle or weight; returns the previous values for undo."""
    card = get_card(session, card_id)
    cleaned: dict[str, Any] = {}
    for key, value in fields.items():
        if key == "text":
            cleaned[key] = _card_text(value)
        elif key == "author":
            cleaned[key] = " ".join(clean_text(value, max_len=200).split())
        elif key == "colour":
            cleaned[key] = _check_colour(value)
        elif key == "angle":
            if value not in ANGLES:
                raise InvalidInput(tr("Angle inconnu. Rien n'a été modifié."))
            cleaned[key] = value
        elif key == "weight":
            cleaned[key] = max(1, int(value))
        else:
            raise TypeError(f"unknown card field {key!r}")
    previous = {key: getattr(card, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(card, key, value)
    session.flush()
    return previous


def delete_card(session: Session, card_id: int) -> Snapshot:
    """Delete a card; returns its data so that restore_card can put it back as it was."""
    card = get_card(session, card_id)
    data = row_dict(card)
    session.delete(card)
    session.flush()
    return data


def restore_card(session: Session, data: Snapshot) -> Card:
    """Put back a deleted card with its id (undo of delete, redo of add)."""
    data = dict(data)
    if data.get("cluster_id") is not None and session.get(Cluster, data["cluster_id"]) is None:
        data["cluster_id"] = None
    card = Card(**data)
    session.add(card)
    session.flush()
    return card


def delete_cards(session: Session, card_ids: list[int]) -> list[Snapshot]:
    return [delete_card(session, cid) for cid in card_ids]


def restore_cards(session: Session, rows: list[Snapshot]) -> None:
    for row in rows:
        restore_card(session, row)


def _cluster_in(session: Session, board_id: int, zone: str, cluster_id: int) -> Cluster:
    cluster = session.get(Cluster, cluster_id)
    if cluster is None or cluster.board_id != board_id:
        raise NotFound(tr("Cette sous-thématique n'existe plus."))
    if cluster.zone != zone:
        raise InvalidInput(
            tr("Cette sous-thématique est dans une autre zone. Rien n'a été modifié.")
        )
    return cluster


def move_card(
    session: Session,
    card_id: int,
    zone: str,
    cluster_id: int | None = None,
    position: int | None = None,
) -> Snapshot:
    """Move a card to a zone (and a cluster of that zone, or none), at `position` or the end.

    Returns the previous (zone, cluster_id, position) for undo (move_card(**previous)).
    """
    card = get_card(session, card_id)
    board = get_board(session, card.board_id)
    _check_zone(board, zone)
    if cluster_id is not None:
        _cluster_in(session, board.id, zone, cluster_id)
    previous = {"zone": card.zone, "cluster_id": card.cluster_id, "position": card.position}
    if position is None:
        position = card.position if zone == card.zone else _next_position(session, board.id, zone)
    card.zone, card.cluster_id, card.position = zone, cluster_id, position
    session.flush()
    return previous


# --- duplicates ---------------------------------------------------------------------------


def find_duplicates(
    session: Session, board_id: int, text: str, *, exclude_id: int | None = None
) -> list[Card]:
    """Cards of the board that say the same thing (case, accents and punctuation ignored)."""
    key = normalise(text)
    if not key:
        return []
    return [
        c for c in cards_of(session, board_id) if c.id != exclude_id and normalise(c.text) == key
    ]


def merge_cards(session: Session, keep_id: int, other_id: int) -> Snapshot:
    """Fold `other` into `keep`: weights add up, authors join, `other` goes.

    Returns what unmerge_cards needs to undo it exactly.
    """
    if keep_id == other_id:
        raise InvalidInput(
            tr("Un post-it ne peut pas être fusionné avec lui-même. Rien n'a été modifié.")
        )
    keep = get_card(session, keep_id)
    other = get_card(session, other_id)
    if keep.board_id != other.board_id:
        raise InvalidInput(
            tr("Ces post-it sont sur deux tableaux différents. Rien n'a été modifié.")
        )
    previous = {"keep_id": keep.id, "weight": keep.weight, "author": keep.author}
    keep.weight = keep.weight + other.weight
    authors = [a for a in (keep.author, other.author) if a]
    keep.author = ", ".join(dict.fromkeys(authors))[:200]
    previous["other"] = delete_card(session, other.id)
    session.flush()
    return previous


def unmerge_cards(session: Session, merged: Snapshot) -> None:
    keep = get_card(session, merged["keep_id"])
    keep.weight, keep.author = merged["weight"], merged["author"]
    restore_card(session, merged["other"])
