"""Merging a board from another laptop into a workshop: add what is new, overwrite nothing.

A sous-groupe's table fills its speedboat on a second laptop; the lead facilitator imports the
file into the main workshop. The board of the same kind and sous-groupe receives the cards;
a card already there (same zone, same text) is not added again, so importing the same file
twice adds nothing. Rows are only ever matched against rows that existed before the import,
so two identical post-its inside one file both land the first time.
"""

from __future__ import annotations

from sqlalchemy import Table, and_, func, select
from sqlalchemy.orm import Session

from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage import workshops
from kitcop_desktop.storage.exchange_format import refuse

# Which columns say « the same thing » per table; other tables compare every content column.
MERGE_KEYS: dict[str, tuple[str, ...]] = {
    "boards": ("workshop_id", "kind", "subgroup"),
    "board_clusters": ("board_id", "zone", "title"),
    "board_cards": ("board_id", "zone", "text"),
}
IGNORED_IN_KEYS = frozenset({"created_at", "updated_at", "position"})


class ExistingRows:
    """Finds a pre-existing row with the same content (see MERGE_KEYS)."""

    def __init__(self) -> None:
        self._max_before: dict[str, int] = {}

    def __call__(self, session: Session, table: Table, values: dict) -> int | None:
        pk = schema.integer_pk(table)
        if pk is None:
            return None
        if table.name not in self._max_before:
            # Taken before this table's first insert: new rows all get larger ids.
            self._max_before[table.name] = session.scalar(select(func.max(table.c[pk]))) or 0
        keys = MERGE_KEYS.get(table.name) or tuple(
            c.name for c in table.columns if c.name != pk and c.name not in IGNORED_IN_KEYS
        )
        if table.name == "boards" and not values.get("subgroup"):
            keys = (*keys, "title")  # without a sous-groupe, the title tells boards apart
        conditions = [table.c[pk] <= self._max_before[table.name]]
        for key in keys:
            value = values.get(key)
            column = table.c[key]
            conditions.append(column.is_(None) if value is None else column == value)
        return session.scalar(select(table.c[pk]).where(and_(*conditions)).order_by(table.c[pk]))


def merge_board(session: Session, preview, into_workshop_id: int | None):
    """Add the file's board to a workshop, or its new cards to the matching board."""
    from kitcop_desktop.storage.exchange import ImportResult
    from kitcop_desktop.storage.exchange_insert import insert_plan

    if into_workshop_id is None:
        raise refuse("Ouvrez d'abord l'atelier qui doit recevoir ce tableau.")
    try:
        workshops.get(session, into_workshop_id)
    except Exception:
        raise refuse(f"L'atelier n° {into_workshop_id} n'existe pas (ou plus).") from None
    anchors = {
        (schema.ROOT_BOARD, link.column): into_workshop_id
        for link in schema.hard_links(schema.ROOT_BOARD)
        if link.target == schema.ROOT_WORKSHOP
    }
    done = insert_plan(session, preview.plan, anchors=anchors, match=ExistingRows())
    board_id = next(iter(done.ids[schema.ROOT_BOARD].values()))
    added = done.added.get("board_cards", 0)
    already = done.matched.get("board_cards", 0)
    if done.matched.get(schema.ROOT_BOARD):
        message = f"Tableau « {preview.title} » complété : {_cards(added)} ajouté"
        message += "s" if added > 1 else ""
        if already:
            message += f", {already} déjà présent{'s' if already > 1 else ''}"
        message += "."
    else:
        message = f"Tableau « {preview.title} » ajouté à l'atelier ({_cards(added)})."
    return ImportResult(
        kind="board",
        message=message,
        workshop_id=into_workshop_id,
        board_id=board_id,
        added=done.added,
        matched=done.matched,
        created=done.created,
    )


def _cards(n: int) -> str:
    return "aucun post-it" if n == 0 else f"{n} post-it"
