"""Merging a board from another laptop into a workshop: add what is new, copy nothing twice.

A sous-groupe's table fills its speedboat on a second laptop; the lead facilitator imports the
file into the main workshop. exchange_board.plan_merge says which board receives the post-its
and what each one is there (same identity: already there, or edited since and updated in
place; a near duplicate: flagged, folded in only when the facilitator ticks « fusionner »), so
importing the same file twice adds nothing. Rows are only ever matched against rows that
existed before the import, so two identical post-its inside one file both land the first time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage import workshops
from kitcop_desktop.storage.exchange_board import (
    AUTO,
    CONTENT,
    BoardPlan,
    CardPlan,
    Target,
    plan_merge,
)
from kitcop_desktop.storage.exchange_format import refuse
from kitcop_desktop.storage.models.board import Board, Card, new_uid

if TYPE_CHECKING:
    from kitcop_desktop.storage.exchange import ImportPreview, ImportResult
    from kitcop_desktop.storage.exchange_insert import Progress

# Which columns say « the same thing » per table; other tables compare every content column.
MERGE_KEYS: dict[str, tuple[str, ...]] = {
    "boards": ("workshop_id", "kind", "subgroup"),
    "board_clusters": ("board_id", "zone", "title"),
    "board_cards": ("board_id", "zone", "text"),
}
IGNORED_IN_KEYS = frozenset({"created_at", "updated_at", "position"})


class ExistingRows:
    """Finds pre-existing rows with the same content (see MERGE_KEYS), a whole table at once.

    Rows already there are read once per table into a dict keyed by their content (restricted
    to the parents the file's rows point at), so a merge of 50,000 post-its costs one query and
    50,000 dict lookups, not 50,000 queries. Only rows that existed before the import are
    candidates: two identical post-its inside one file both land the first time.
    """

    def match_many(
        self, session: Session, table: Table, rows: list[dict[str, Any]]
    ) -> list[int | None]:
        pk = schema.integer_pk(table)
        if pk is None or not rows:
            return [None] * len(rows)
        index: dict[tuple[Any, ...], dict[tuple[Any, ...], int]] = {}
        out: list[int | None] = []
        for values in rows:
            keys = self._keys(table, pk, values)
            if keys not in index:
                index[keys] = self._load(session, table, pk, keys, rows)
            wanted = tuple(values.get(k) for k in keys)
            out.append(index[keys].get(wanted))
        return out

    @staticmethod
    def _keys(table: Table, pk: str, values: dict[str, Any]) -> tuple[str, ...]:
        keys = MERGE_KEYS.get(table.name) or tuple(
            c.name for c in table.columns if c.name != pk and c.name not in IGNORED_IN_KEYS
        )
        if table.name == "boards" and not values.get("subgroup"):
            keys = (*keys, "title")  # without a sous-groupe, the title tells boards apart
        return keys

    @staticmethod
    def _load(
        session: Session,
        table: Table,
        pk: str,
        keys: tuple[str, ...],
        rows: list[dict[str, Any]],
    ) -> dict[tuple[Any, ...], int]:
        """{content: smallest id} of the rows already there, under the parents in `rows`."""
        scope = keys[0]
        parents = sorted({r.get(scope) for r in rows if r.get(scope) is not None}, key=repr)
        columns = [table.c[pk], *(table.c[k] for k in keys)]
        found: dict[tuple[Any, ...], int] = {}
        for start in range(0, max(len(parents), 1), 500):  # SQLite caps bound parameters
            stmt = select(*columns).order_by(table.c[pk].desc())
            if parents:
                stmt = stmt.where(table.c[scope].in_(parents[start : start + 500]))
            for row in session.execute(stmt):
                found[tuple(row[1:])] = row[0]  # read largest first: the smallest id wins
        return found


class BoardMatcher:
    """The matcher `insert_plan` asks, table by table, following a BoardPlan (exchange_board):
    the receiving board, post-its already there (same identity) or folded into their near
    duplicate, clusters of the same zone and title; it notes the updates to make afterwards."""

    def __init__(self, plan: BoardPlan, fuse: frozenset[int]):
        self.plan = plan
        self.fuse = fuse
        self.clusters = ExistingRows()
        self.modified: list[tuple[int, dict[str, Any]]] = []  # (card id, the file's values)
        self.fused: list[tuple[int, dict[str, Any]]] = []

    def match_many(
        self, session: Session, table: Table, rows: list[dict[str, Any]]
    ) -> list[int | None]:
        if table.name == schema.ROOT_BOARD:
            if self.plan.target_id is None:
                values = rows[0]
                values["title"], values["subgroup"] = self.plan.new_title, self.plan.new_subgroup
                if _uid_taken(session, values.get("workshop_id"), values.get("uid")):
                    values["uid"] = new_uid()  # a second copy of a board here: its own identity
            return [self.plan.target_id]
        if table.name == "board_cards":
            return [
                self._card(card, values) for card, values in zip(self.plan.cards, rows, strict=True)
            ]
        if self.plan.target_id is None:
            return [None] * len(rows)
        return self.clusters.match_many(session, table, rows)

    def _card(self, card: CardPlan, values: dict[str, Any]) -> int | None:
        existing = card.existing_id  # set for every status but "new"
        if card.status == "same" or existing is None:
            return existing
        if card.status == "modified":
            self.modified.append((existing, values))
            return existing
        if card.status == "near" and card.index in self.fuse:
            self.fused.append((existing, values))
            return existing
        return None

    def apply(self, session: Session) -> list[tuple[int, dict[str, Any]]]:
        """Update the post-its the file changed or folded in; returns their previous values."""
        previous: list[tuple[int, dict[str, Any]]] = []
        for card_id, values in self.modified:
            card = session.get(Card, card_id)
            if card is None:
                continue  # deleted since the file was read: nothing to update
            previous.append((card_id, _values(card, (*CONTENT, "cluster_id", "updated_at"))))
            if values.get("zone") != card.zone:
                card.cluster_id = None  # its sous-thématique stays in the old zone
            for column in CONTENT:
                setattr(card, column, values.get(column) or ("" if column != "zone" else card.zone))
            card.updated_at = values.get("updated_at") or card.updated_at
        for card_id, values in self.fused:
            card = session.get(Card, card_id)
            if card is None:
                continue
            previous.append((card_id, _values(card, ("weight", "author", "updated_at"))))
            card.weight = card.weight + max(1, int(values.get("weight") or 1))
            authors = [a for a in (card.author, values.get("author") or "") if a]
            card.author = ", ".join(dict.fromkeys(authors))[:200]
        session.flush()
        return previous


def _values(card: Card, columns: tuple[str, ...]) -> dict[str, Any]:
    return {c: getattr(card, c) for c in columns}


def _uid_taken(session: Session, workshop_id: object, uid: object) -> bool:
    if not uid:
        return False
    found = select(Board.id).where(Board.workshop_id == workshop_id, Board.uid == uid)
    return session.scalar(found) is not None


def merge_board(
    session: Session,
    preview: ImportPreview,
    into_workshop_id: int | None,
    progress: Progress | None = None,
    *,
    target: Target = AUTO,
    fuse: frozenset[int] = frozenset(),
) -> ImportResult:
    """Add the file's board to a workshop, or its post-its to the receiving board (see
    exchange_board: `target` is AUTO, NEW or a board id; `fuse` the ranks of the file's near
    duplicates the facilitator chose to fold into the post-it already there)."""
    from kitcop_desktop.storage.exchange import ImportResult
    from kitcop_desktop.storage.exchange_insert import insert_plan

    if into_workshop_id is None:
        raise refuse(tr("Ouvrez d'abord l'atelier qui doit recevoir ce tableau."))
    try:
        workshops.get(session, into_workshop_id)
    except Exception:
        raise refuse(
            tr("L'atelier n° {into_workshop_id} n'existe pas (ou plus).").format(
                into_workshop_id=into_workshop_id
            )
        ) from None
    plan = plan_merge(session, preview, into_workshop_id, target)
    anchors = {
        (schema.ROOT_BOARD, link.column): into_workshop_id
        for link in schema.hard_links(schema.ROOT_BOARD)
        if link.target == schema.ROOT_WORKSHOP
    }
    matcher = BoardMatcher(plan, frozenset(fuse))
    done = insert_plan(session, preview.plan, anchors=anchors, match=matcher, progress=progress)
    restored = matcher.apply(session)
    board_id = next(iter(done.ids[schema.ROOT_BOARD].values()))
    return ImportResult(
        kind="board",
        message=_message(plan, done.added.get("board_cards", 0), len(matcher.fused)),
        workshop_id=into_workshop_id,
        board_id=board_id,
        added=done.added,
        matched=done.matched,
        created=done.created,
        restored=restored,
    )


def _message(plan: BoardPlan, added: int, fused: int) -> str:
    name = tr("« {target_label} »").format(target_label=plan.target_label)
    if plan.target_id is None:
        return tr("Tableau {name} ajouté à l'atelier ({added}).").format(
            name=name, added=_cards(added)
        )
    message = tr_n(
        "Tableau {name} complété : {cards} ajouté",
        "Tableau {name} complété : {cards} ajoutés",
        added,
    ).format(name=name, cards=_cards(added))
    near = len(plan.near) - fused  # likely duplicates the facilitator chose to keep apart
    if near and added:
        kept = tr("gardés à part") if near > 1 else tr("gardé à part")
        message += tr(" (dont {duplicates} {kept})").format(
            duplicates=tr_n("{n} doublon probable", "{n} doublons probables", near).format(n=near),
            kept=kept,
        )
    already = plan.count("same")
    if already:
        message += tr_n(", {n} déjà présent", ", {n} déjà présents", already).format(n=already)
    modified = plan.count("modified")
    if modified:
        message += tr_n(", {n} modifié", ", {n} modifiés", modified).format(n=modified)
    if fused:
        message += (
            tr(", {fused} fusionnés avec leur doublon").format(fused=fused)
            if fused > 1
            else tr(", 1 fusionné avec son doublon")
        )
    return message + "."


def _cards(n: int) -> str:
    return tr("aucun post-it") if n == 0 else tr_n("{n} post-it", "{n} post-it", n).format(n=n)
