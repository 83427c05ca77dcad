"""Which board receives a board file's post-its, and what each post-it is there: the plan.

A board and its post-its carry an identity (`uid`, models/board.py) that travels in .kitcop
files. Against the board that receives them, each post-it of the file is:
- « same »: that identity is already there with the same content (or, for a file written
  before identities, the same zone and text), nothing to do;
- « modified »: that identity is there, the file's copy is newer and says something else
  (text, zone, author, colour, angle): the card is updated in place, never copied;
- « near »: another post-it of the same zone says the same thing modulo case, accents, spaces
  and punctuation (« Cout » / « Coût ») — added unless the facilitator ticks « fusionner »;
- « new »: added.

The receiving board is, unless the facilitator chooses another (`target`): the workshop's
board with the file board's identity; for a file written before identities, the board of the
same kind and sous-groupe; else a new board, whose sous-groupe is made distinct when another
board of that kind already has its name (two laptops both call their first board
« Sous-groupe 1 »: the second no longer lands in the first by accident).

`plan_merge` is read-only (the import dialog calls it before « Importer »); `merge_board`
(exchange_merge.py) runs the very same plan inside its transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.board_kinds import KINDS, normalise
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage.exchange_format import refuse
from kitcop_desktop.storage.models.board import Board, Card

if TYPE_CHECKING:
    from kitcop_desktop.storage.exchange import ImportPreview

AUTO = "auto"  # the receiving board the rules above choose
NEW = "new"  # always a new board
Target = int | str  # AUTO, NEW or the id of a board of the workshop
# What a post-it says: compared to tell « same » from « modified », copied on « modified ».
CONTENT = ("zone", "text", "author", "colour", "angle")


@dataclass
class CardPlan:
    """One post-it of the file against the receiving board."""

    index: int  # its rank in the file's board_cards
    status: str  # "new", "same", "modified", "near"
    text: str
    existing_id: int | None = None
    existing_text: str = ""


@dataclass
class BoardPlan:
    """Where a board file lands and what each of its post-its is there."""

    kind: str
    target_id: int | None  # None: a new board
    target_label: str  # « Speedboat — Table 2 » (the new board's name when target_id is None)
    new_subgroup: str  # the sous-groupe a new board gets (distinct from the workshop's)
    new_title: str
    cards: list[CardPlan] = field(default_factory=list)
    # Other boards of that kind holding look-alikes of the file's post-its (another
    # sous-groupe's « Manque » for this one's « manque »): (board id, label, how many).
    elsewhere: list[tuple[int, str, int]] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for c in self.cards if c.status == status)

    @property
    def near(self) -> list[CardPlan]:
        return [c for c in self.cards if c.status == "near"]

    def counts_sentence(self) -> str:
        """« 3 post-it nouveaux, 2 déjà là, 1 modifié, 1 doublon probable. »"""
        new, same = self.count("new"), self.count("same")
        modified, near = self.count("modified"), len(self.near)
        parts = [
            tr_n("{n} post-it nouveau", "{n} post-it nouveaux", new).format(n=new),
            tr("{same} déjà là").format(same=same),
            tr_n("{n} modifié", "{n} modifiés", modified).format(n=modified),
        ]
        if near:
            parts.append(
                tr_n("{n} doublon probable", "{n} doublons probables", near).format(n=near)
            )
        return ", ".join(parts) + "."


def label(board: Board) -> str:
    return f"{board.title} — {board.subgroup}" if board.subgroup else board.title


def file_board(preview: ImportPreview) -> dict[str, Any]:
    row: dict[str, Any] = preview.plan.rows["boards"][0]
    return row


def targets(session: Session, preview: ImportPreview, workshop_id: int) -> list[tuple[int, str]]:
    """(id, label) of the workshop's boards that may receive the file's post-its (same kind)."""
    kind = file_board(preview).get("kind")
    rows = session.scalars(
        select(Board)
        .where(Board.workshop_id == workshop_id, Board.kind == kind)
        .order_by(Board.position, Board.id)
    )
    return [(b.id, label(b)) for b in rows]


def plan_merge(
    session: Session, preview: ImportPreview, workshop_id: int, target: Target = AUTO
) -> BoardPlan:
    """The receiving board and each post-it's fate; nothing is written."""
    row = file_board(preview)
    kind = row.get("kind", "")
    if kind not in KINDS:
        raise refuse(
            tr("Ce fichier contient un tableau d'un type inconnu (« {kind} »).").format(
                kind=kind[:40]
            )
        )
    boards = list(
        session.scalars(select(Board).where(Board.workshop_id == workshop_id).order_by(Board.id))
    )
    chosen = _receiving(boards, row, target)
    title, subgroup = row.get("title") or KINDS[kind].label, row.get("subgroup") or ""
    if chosen is None:
        title, subgroup = _distinct(boards, kind, title, subgroup)
    plan = BoardPlan(
        kind=kind,
        target_id=chosen.id if chosen else None,
        target_label=label(chosen) if chosen else (f"{title} — {subgroup}" if subgroup else title),
        new_subgroup=subgroup,
        new_title=title,
    )
    existing = _cards_of(session, chosen.id) if chosen else []
    by_uid = {c.uid: c for c in existing}
    by_text: dict[tuple[str, str], Card] = {}
    by_key: dict[tuple[str, str], Card] = {}
    for card in existing:  # smallest id first: the oldest post-it is the one kept
        by_text.setdefault((card.zone, card.text), card)
        by_key.setdefault((card.zone, normalise(card.text)), card)
    for index, row in enumerate(preview.plan.rows.get("board_cards", ())):
        plan.cards.append(_card_plan(index, row, by_uid, by_text, by_key))
    others = [b for b in boards if b.kind == kind and b is not chosen]
    plan.elsewhere = _look_alikes(session, others, plan, preview)
    return plan


def _look_alikes(
    session: Session, others: list[Board], plan: BoardPlan, preview: ImportPreview
) -> list[tuple[int, str, int]]:
    """For each other board of the kind, how many of the file's new post-its it already says
    in other words: the facilitator may choose that board to fold them in."""
    rows = preview.plan.rows.get("board_cards", ())
    wanted = {
        (str(rows[c.index].get("zone") or ""), normalise(c.text))
        for c in plan.cards
        if c.status == "new" and normalise(c.text)
    }
    if not others or not wanted:
        return []
    found: dict[int, set[tuple[str, str]]] = {}
    cards = session.execute(
        select(Card.board_id, Card.zone, Card.text).where(Card.board_id.in_([b.id for b in others]))
    )
    for board_id, zone, text in cards:
        key = (zone, normalise(text))
        if key in wanted:
            found.setdefault(board_id, set()).add(key)
    return [(b.id, label(b), len(found[b.id])) for b in others if b.id in found]


def _receiving(boards: list[Board], row: dict[str, Any], target: Target) -> Board | None:
    kind = row.get("kind")
    if target == NEW:
        return None
    if target != AUTO:
        chosen = next((b for b in boards if b.id == target), None)
        if chosen is None:
            raise refuse(tr("Le tableau choisi n'existe plus dans cet atelier."))
        if chosen.kind != kind:
            raise refuse(
                tr(
                    "Le tableau {chosen} n'est pas du même type que celui du fichier : ses zones ne correspondent pas."
                ).format(chosen=label(chosen))
            )
        return chosen
    uid = row.get("uid")
    if uid:
        return next((b for b in boards if b.uid == uid and b.kind == kind), None)
    # A file written before identities: the board of the same kind and sous-groupe (or title).
    subgroup = row.get("subgroup") or ""
    same_name = (subgroup, subgroup or row.get("title"))  # no sous-groupe: the title says
    for board in boards:
        if board.kind == kind and (board.subgroup, board.subgroup or board.title) == same_name:
            return board
    return None


def _distinct(boards: list[Board], kind: str, title: str, subgroup: str) -> tuple[str, str]:
    """The new board's (title, sous-groupe), numbered « (2) », « (3) »… when the workshop has a
    board of that kind with the same name already."""
    taken = {(b.title, b.subgroup) for b in boards if b.kind == kind}
    if (title, subgroup) not in taken:
        return title, subgroup
    for n in range(2, 10_000):
        candidate = (title, f"{subgroup} ({n})") if subgroup else (f"{title} ({n})", subgroup)
        if candidate not in taken:
            return candidate
    return title, subgroup


def _cards_of(session: Session, board_id: int) -> list[Card]:
    return list(session.scalars(select(Card).where(Card.board_id == board_id).order_by(Card.id)))


def _card_plan(
    index: int,
    card: dict[str, Any],
    by_uid: dict[str, Card],
    by_text: dict[tuple[str, str], Card],
    by_key: dict[tuple[str, str], Card],
) -> CardPlan:
    text, zone, uid = str(card.get("text") or ""), str(card.get("zone") or ""), card.get("uid")
    same_uid = by_uid.get(uid) if uid else None
    if same_uid is not None:
        if all(card.get(c, _default(c)) == getattr(same_uid, c) for c in CONTENT):
            return CardPlan(index, "same", text, same_uid.id, same_uid.text)
        if _newer(card.get("updated_at"), same_uid.updated_at):
            return CardPlan(index, "modified", text, same_uid.id, same_uid.text)
        return CardPlan(index, "same", text, same_uid.id, same_uid.text)  # edited here since
    if not uid:  # a file written before identities: the same zone and text is that post-it
        same_text = by_text.get((zone, text))
        if same_text is not None:
            return CardPlan(index, "same", text, same_text.id, same_text.text)
    near = by_key.get((zone, normalise(text)))
    if near is not None and normalise(text):
        return CardPlan(index, "near", text, near.id, near.text)
    return CardPlan(index, "new", text)


def _default(column: str) -> str | None:
    return "" if column in ("author", "colour", "angle") else None


def _newer(theirs: object, ours: object) -> bool:
    """Whether the file's copy was changed after ours (no date in the file: it is not)."""
    if not isinstance(theirs, datetime) or not isinstance(ours, datetime):
        return False
    return theirs.replace(tzinfo=None) > ours.replace(tzinfo=None)
