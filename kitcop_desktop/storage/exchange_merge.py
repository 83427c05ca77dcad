"""Merging a board from another laptop into a workshop: add what is new, overwrite nothing.

A sous-groupe's table fills its speedboat on a second laptop; the lead facilitator imports the
file into the main workshop. The board of the same kind and sous-groupe receives the cards;
a card already there (same zone, same text) is not added again, so importing the same file
twice adds nothing. Rows are only ever matched against rows that existed before the import,
so two identical post-its inside one file both land the first time.
"""

from __future__ import annotations

from sqlalchemy import Table, select
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
    """Finds pre-existing rows with the same content (see MERGE_KEYS), a whole table at once.

    Rows already there are read once per table into a dict keyed by their content (restricted
    to the parents the file's rows point at), so a merge of 50,000 post-its costs one query and
    50,000 dict lookups, not 50,000 queries. Only rows that existed before the import are
    candidates: two identical post-its inside one file both land the first time.
    """

    def match_many(self, session: Session, table: Table, rows: list[dict]) -> list[int | None]:
        pk = schema.integer_pk(table)
        if pk is None or not rows:
            return [None] * len(rows)
        index: dict[tuple, dict[tuple, int]] = {}
        out: list[int | None] = []
        for values in rows:
            keys = self._keys(table, pk, values)
            if keys not in index:
                index[keys] = self._load(session, table, pk, keys, rows)
            wanted = tuple(values.get(k) for k in keys)
            out.append(index[keys].get(wanted))
        return out

    @staticmethod
    def _keys(table: Table, pk: str, values: dict) -> tuple[str, ...]:
        keys = MERGE_KEYS.get(table.name) or tuple(
            c.name for c in table.columns if c.name != pk and c.name not in IGNORED_IN_KEYS
        )
        if table.name == "boards" and not values.get("subgroup"):
            keys = (*keys, "title")  # without a sous-groupe, the title tells boards apart
        return keys

    @staticmethod
    def _load(session: Session, table: Table, pk: str, keys, rows) -> dict[tuple, int]:
        """{content: smallest id} of the rows already there, under the parents in `rows`."""
        scope = keys[0]
        parents = sorted({r.get(scope) for r in rows if r.get(scope) is not None}, key=repr)
        columns = [table.c[pk], *(table.c[k] for k in keys)]
        found: dict[tuple, int] = {}
        for start in range(0, max(len(parents), 1), 500):  # SQLite caps bound parameters
            stmt = select(*columns).order_by(table.c[pk].desc())
            if parents:
                stmt = stmt.where(table.c[scope].in_(parents[start : start + 500]))
            for row in session.execute(stmt):
                found[tuple(row[1:])] = row[0]  # read largest first: the smallest id wins
        return found


def merge_board(session: Session, preview, into_workshop_id: int | None, progress=None):
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
    done = insert_plan(
        session, preview.plan, anchors=anchors, match=ExistingRows(), progress=progress
    )
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
