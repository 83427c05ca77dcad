"""What a board view shows, read from the store as plain data (no live ORM objects in Qt)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from kitcop_desktop.domain.board_kinds import normalise
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_actions as kiss_actions
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.models import Workshop
from kitcop_desktop.storage.models.board import Cluster

_SERIALS = itertools.count(1)


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
    # What the next read of the same board compares with (storage.boards.card_summary), and
    # the « déjà présent » index once asked for: both carried from read to read.
    summary: tuple = field(default=(0, None, 0, 0.0), compare=False, repr=False)
    texts: TextIndex | None = field(default=None, compare=False, repr=False)
    marks: tuple = field(default=((), ()), compare=False, repr=False)  # KISS fiche numbers
    # Read again from an earlier read: (that read's serial, {card id: new data or None}).
    derived: tuple | None = field(default=None, compare=False, repr=False)
    serial: int = field(default_factory=lambda: next(_SERIALS), compare=False, repr=False)
    _by_id: dict | None = field(default=None, compare=False, repr=False)

    def by_id(self) -> dict[int, CardData]:
        if self._by_id is None:
            self._by_id = {c.id: c for c in self.cards}
        return self._by_id

    @property
    def board_id(self) -> int | None:
        return None if self.combined or not self.board_ids else self.board_ids[0]

    def duplicates(self, text: str) -> list[tuple[int, str]]:
        """(id, zone) of the post-its saying the same as `text` (case, accents, punctuation
        ignored), in the board's order: what storage.boards.find_duplicates finds, from an
        index kept with the board instead of every text normalised again at each Enter."""
        if self.texts is None:
            self.texts = TextIndex(self.cards)
        return self.texts.find(text)


class TextIndex:
    """Post-its by normalised text, updated post-it by post-it as the board is read again."""

    def __init__(self, cards) -> None:
        self.key_of: dict[int, str] = {}
        self.by_key: dict[str, dict[int, CardData]] = {}
        for card in cards:
            self.add(card)

    def add(self, card: CardData) -> None:
        key = normalise(card.text)
        self.key_of[card.id] = key
        self.by_key.setdefault(key, {})[card.id] = card

    def remove(self, card_id: int) -> None:
        key = self.key_of.pop(card_id, None)
        if key is not None:
            same = self.by_key[key]
            same.pop(card_id, None)
            if not same:
                del self.by_key[key]

    def find(self, text: str) -> list[tuple[int, str]]:
        key = normalise(text)
        if not key:
            return []
        same = sorted(self.by_key.get(key, {}).values(), key=lambda c: (c.zone, c.position, c.id))
        return [(c.id, c.zone) for c in same]


def _cards_of(
    session, board_id: int, subgroup: str = "", fiches=None, groups=None
) -> list[CardData]:
    """Plain rows, not ORM objects: reading 1,000 cards stays a few milliseconds."""
    fiches = fiches or {}
    groups = groups or {}
    # A post-it of a sous-thématique that became a fiche: its frame says so, not each post-it.
    return [
        CardData(*row, subgroup, 0 if row[3] in groups else fiches.get(row[0], 0))
        for row in boards.card_rows(session, board_id)
    ]


def _cards_again(session, board_id: int, previous: BoardData, fiches, groups):
    """The board's post-its read again after a change, reading only what changed.

    A summary of the board (storage.boards.card_summary) says whether anything changed; then
    only the rows changed since the newest change seen are read, and the ids when post-its
    went away (or came back, by an undo, with their old updated_at). The unchanged post-its
    keep their CardData objects, so the scene sees at once they are unchanged. Returns
    (cards, summary, changed, by_id); `changed` maps the ids changed to their data (None:
    gone). When the summary moved but nothing explains it (a clock set back), all is read.
    """
    fiches = fiches or {}
    groups = groups or {}
    summary = boards.card_summary(session, board_id)
    known = previous.by_id()
    before = previous.summary
    rows: dict[int, boards.CardRow | None] = {}
    gone: set[int] = set()
    if summary != before:
        rows = {r[0]: r for r in boards.card_rows_since(session, board_id, before[1] or "")}
        new = [i for i in rows if i not in known]
        if summary[0] != len(known) + len(new) or summary[2] != before[2] + sum(new):
            present = set(boards.card_ids(session, board_id))
            gone = known.keys() - present
            back = present - known.keys() - rows.keys()
            rows.update(boards.card_rows_by_id(session, back))
    if (fiches, groups) != previous.marks:  # a fiche action made or undone (KISS)
        for card_id in {i for i, c in known.items() if c.fiche} | fiches.keys():
            card = known.get(card_id)
            if card is not None and card_id not in gone and card_id not in rows:
                fiche = 0 if card.cluster_id in groups else fiches.get(card_id, 0)
                if card.fiche != fiche:
                    rows[card_id] = None  # read again below
        rows.update(boards.card_rows_by_id(session, [i for i, r in rows.items() if r is None]))
    changed: dict[int, CardData | None] = {}
    for card_id, row in rows.items():
        if row is None:
            continue  # not found again (read in the same transaction: never the case)
        card = CardData(*row, "", 0 if row[3] in groups else fiches.get(card_id, 0))
        if known.get(card_id) != card:
            changed[card_id] = card
    if summary != before and not changed and not gone and summary[1] == before[1]:
        return None  # changed in a way the summary cannot place (a clock set back): read all
    for card_id in gone:
        changed[card_id] = None
    if not changed:
        return previous.cards, summary, changed, known
    by_id = dict(known)
    for card_id, card in changed.items():
        if card is None:
            del by_id[card_id]
        else:
            by_id[card_id] = card
    if all(card is not None and card_id not in known for card_id, card in changed.items()):
        cards = previous.cards + list(changed.values())  # post-its added: the usual case
    else:
        cards = [by_id[c.id] for c in previous.cards if c.id in by_id]
        cards += [c for i, c in changed.items() if c is not None and i not in known]
    return cards, summary, changed, by_id


def _cluster(c: Cluster, fiches=None) -> ClusterData:
    fiche = (fiches or {}).get(c.id, 0)
    return ClusterData(c.id, c.board_id, c.zone, c.title, c.collapsed, c.position, fiche)


def load_board(store: Store, board_id: int, previous: BoardData | None = None) -> BoardData | None:
    """One board, or None when it no longer exists.

    `previous`: this board as last read. Only the post-its changed since are read again
    (storage.boards.card_stamps); the unchanged ones keep their CardData objects and the
    « déjà présent » index is updated for the changed ones only. Same result as a full read.
    Plain rows throughout (no ORM object): this runs at every post-it typed.
    """
    with store.read() as s:
        board = boards.board_row(s, board_id)
        if board is None:
            return None
        _id, workshop_id, kind, title, subgroup, spotlight, split, objective = board
        done = kiss_actions.converted(s, workshop_id) if kind == "kiss" else None
        fiches, groups = (done.cards, done.clusters) if done else (None, None)
        data = BoardData(
            (board_id,),
            kind,
            title,
            subgroup,
            spotlight,
            split,
            objective,
            clusters=[
                ClusterData(*row, (groups or {}).get(row[0], 0))
                for row in boards.cluster_rows(s, board_id)
            ],
        )
        data.marks = (fiches or {}, groups or {})
        again = None
        if previous is not None and not previous.combined and previous.board_ids == data.board_ids:
            again = _cards_again(s, board_id, previous, fiches, groups)
        if again is None or previous is None:
            data.cards = _cards_of(s, board_id, fiches=fiches, groups=groups)
            data.summary = boards.card_summary(s, board_id)
            return data
        data.cards, data.summary, changed, data._by_id = again
    data.derived = (previous.serial, changed)
    if previous.texts is not None:  # the index follows the changed post-its only
        data.texts, previous.texts = previous.texts, None
        for card_id, card in changed.items():
            data.texts.remove(card_id)
            if card is not None:
                data.texts.add(card)
    return data


def load_combined(store: Store, workshop_id: int, kind: str) -> BoardData:
    """Every board of a kind on one view; each card says which sous-groupe wrote it."""
    with store.read() as s:
        workshop = s.get(Workshop, workshop_id)
        data = BoardData(
            (),
            kind,
            tr("Vue combinée"),
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
            (board_id, kind, f"{title} — {subgroup}" if subgroup else title)
            for board_id, kind, title, subgroup in boards.board_titles(s, workshop_id)
        ]
