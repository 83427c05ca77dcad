"""What a board view shows, read from the store as plain data (no live ORM objects in Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_actions as kiss_actions
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.models import Workshop
from kitcop_desktop.storage.models.board import Board, Card, Cluster


@dataclass(frozen=True)
class CardData:
    id: int
    board_id: int
    zone: str
    cluster_id: int | None
    position: int
    text: str
    author: str
    colour: str
    weight: int
    angle: str
    source: str
    subgroup: str = ""  # shown on a combined view: which sous-groupe wrote it
    fiche: int = 0  # KISS: the number of the fiche action it became (0: none yet)


@dataclass(frozen=True)
class ClusterData:
    id: int
    board_id: int
    zone: str
    title: str
    collapsed: bool
    position: int
    fiche: int = 0  # KISS: the number of the fiche action this sous-thématique became


@dataclass
class BoardData:
    board_ids: tuple[int, ...]
    kind: str
    title: str
    subgroup: str = ""
    spotlight: str = ""
    split_by_angle: bool = False
    objective: str = ""  # the workshop's problématique: the speedboat's destination
    combined: bool = False
    cards: list[CardData] = field(default_factory=list)
    clusters: list[ClusterData] = field(default_factory=list)

    @property
    def board_id(self) -> int | None:
        return None if self.combined or not self.board_ids else self.board_ids[0]


_CARD_COLUMNS = (
    Card.id,
    Card.board_id,
    Card.zone,
    Card.cluster_id,
    Card.position,
    Card.text,
    Card.author,
    Card.colour,
    Card.weight,
    Card.angle,
    Card.source,
)


def _cards_of(
    session, board_id: int, subgroup: str = "", fiches=None, groups=None
) -> list[CardData]:
    """Plain rows, not ORM objects: reading 1,000 cards stays a few milliseconds."""
    rows = session.execute(
        select(*_CARD_COLUMNS)
        .where(Card.board_id == board_id)
        .order_by(Card.zone, Card.position, Card.id)
    )
    fiches = fiches or {}
    groups = groups or {}
    # A post-it of a sous-thématique that became a fiche: its frame says so, not each post-it.
    return [
        CardData(*row, subgroup, 0 if row[3] in groups else fiches.get(row[0], 0)) for row in rows
    ]


def _cluster(c: Cluster, fiches=None) -> ClusterData:
    fiche = (fiches or {}).get(c.id, 0)
    return ClusterData(c.id, c.board_id, c.zone, c.title, c.collapsed, c.position, fiche)


def load_board(store: Store, board_id: int) -> BoardData | None:
    """One board, or None when it no longer exists."""
    with store.read() as s:
        board = s.get(Board, board_id)
        if board is None:
            return None
        workshop = s.get(Workshop, board.workshop_id)
        done = kiss_actions.converted(s, board.workshop_id) if board.kind == "kiss" else None
        return BoardData(
            (board.id,),
            board.kind,
            board.title,
            board.subgroup,
            board.spotlight,
            board.split_by_angle,
            workshop.problem_statement if workshop else "",
            cards=_cards_of(
                s,
                board.id,
                fiches=done.cards if done else None,
                groups=done.clusters if done else None,
            ),
            clusters=[
                _cluster(c, done.clusters if done else None)
                for c in s.scalars(
                    select(Cluster)
                    .where(Cluster.board_id == board.id)
                    .order_by(Cluster.position, Cluster.id)
                )
            ],
        )


def load_combined(store: Store, workshop_id: int, kind: str) -> BoardData:
    """Every board of a kind on one view; each card says which sous-groupe wrote it."""
    with store.read() as s:
        workshop = s.get(Workshop, workshop_id)
        data = BoardData(
            (),
            kind,
            "Vue combinée",
            objective=workshop.problem_statement if workshop else "",
            combined=True,
        )
        ids = []
        listed = boards.list_boards(s, workshop_id, kind)
        done = kiss_actions.converted(s, workshop_id) if kind == "kiss" else None
        cards, groups = (done.cards, done.clusters) if done else (None, None)
        for board in listed:
            ids.append(board.id)
            label = board.subgroup or board.title
            data.cards.extend(_cards_of(s, board.id, label, cards, groups))
            data.clusters.extend(_cluster(c, groups) for c in board.clusters)
        data.board_ids = tuple(ids)
        # Chemins all split by angle: their combined view is split too.
        data.split_by_angle = bool(ids) and all(b.split_by_angle for b in listed)
        return data


def list_board_titles(store: Store, workshop_id: int) -> list[tuple[int, str, str]]:
    """(id, kind, label) of the workshop's boards, for the board chooser."""
    with store.read() as s:
        return [
            (b.id, b.kind, f"{b.title} — {b.subgroup}" if b.subgroup else b.title)
            for b in boards.list_boards(s, workshop_id)
        ]
