"""What a .kitcop file may hold, derived from the models' metadata rather than listed by hand.

The schema grows while the app grows: a table joins an export as soon as it is reachable from
the exported root (a workshop, a board) through foreign keys, even through other tables. What
metadata cannot say is declared here, in one place:
- SOFT_REFERENCES: plain Integer columns that hold another row's id without a ForeignKey
  (they are remapped on import, or cleared when their target is not in the file);
- STRING_REFERENCES: text columns that embed an id after a prefix (« cluster:12 »);
- LIST_REFERENCES: text columns that list ids (« 12,7,9 »);
- TAGGED_REFERENCES: plain ids whose table depends on another column of the row;
- private columns and tables, left out unless the facilitator explicitly asks;
- EXCLUDED_TABLES: live state that makes no sense on another laptop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

from kitcop_desktop.storage.models import Base

ROOT_WORKSHOP = "workshops"
ROOT_BOARD = "boards"
ROOT_CHANTIER = "chantiers"

# (table, column) -> table whose id the plain integer holds.
SOFT_REFERENCES: dict[tuple[str, str], str] = {
    ("board_cards", "source_interview_id"): "interviews",
    ("interview_marks", "sent_board_id"): "boards",
    ("speaking_rounds", "current_entry_id"): "round_entries",
}

# (table, column) -> (tag column, {tag value: table}): a plain id whose table depends on another
# column of the row (a séquence's tool_ref names a board or a fishbowl, after its tool_key).
# A value whose tag names no known table is cleared: the link cannot follow it to another laptop.
TAGGED_REFERENCES: dict[tuple[str, str], tuple[str, dict[str, str]]] = {
    ("agenda_sequences", "tool_ref"): (
        "tool_key",
        {
            "boards": "boards",
            "fishbowl": "fishbowls",
            "rounds": "speaking_rounds",
            "interviews": "interview_guides",
            "voting": "dot_votes",
            "actions": "action_cards",
        },
    ),
}

# (table, column) -> (separator, table): « 12,7,9 » in vote_decisions.ordered_item_ids lists
# vote items. Ids a file does not hold are dropped from the list.
LIST_REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("vote_decisions", "ordered_item_ids"): (",", "vote_items"),
    ("initiatives", "interview_ids"): (",", "interviews"),
}

# (table, column) -> ((prefix, table), ...): « cluster:12 » in boards.spotlight names a cluster
# row; a fiche action remembers the KISS card (« card:7 ») or sous-thématique (« cluster:4 »),
# or the vote item (« vote_item:3 ») it came from, so importing a workshop never lets
# « Créer les fiches actions » make a second one.
STRING_REFERENCES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("boards", "spotlight"): (("cluster:", "board_clusters"),),
    ("action_cards", "origin_ref"): (
        ("card:", "board_cards"),
        ("cluster:", "board_clusters"),
        ("vote_item:", "vote_items"),
    ),
}

# Interviewees' real names live in their own table; only exported when explicitly asked.
REAL_NAME_TABLES = frozenset({"interviewee_identities"})
REAL_NAME_COLUMNS = frozenset({"real_name"})
# E-mail addresses and phone numbers: personal data, only exported when asked.
CONTACT_COLUMNS = frozenset({"email", "phone", "telephone"})

# Tables outside any workshop, shared by all of them (exported by their own kind of file).
# A chantier groups workshops: a workshop's file leaves its chantier behind (the link is
# cleared), while its fiches actions' steps and protocols travel with it.
LIBRARY_TABLES = frozenset({"agenda_templates", "chantiers"})
# The chantier's état des lieux (Brique 1: its map, gouvernance, initiatives, données clés and
# ressources financières) travels in a chantier's file (kind « chantier »: the chantier, its
# workshops and all they hold), not in one of its workshops'.
CHANTIER_TABLES = frozenset(
    {
        "actors",
        "governance_bodies",
        "governance_members",
        "initiatives",
        "key_figures",
        "funding_sources",
    }
)
# Integer columns named like references that are not (checked by tests/storage/test_exchange_schema).
NOT_REFERENCES: frozenset[tuple[str, str]] = frozenset()

# Tables never exported (live state bound to this laptop). Empty for now; named here on purpose.
EXCLUDED_TABLES: frozenset[str] = frozenset()
# Columns reset on import whatever the file says: a trashed workshop comes back alive.
RESET_ON_IMPORT: dict[tuple[str, str], object] = {("workshops", "deleted_at"): None}


@dataclass(frozen=True)
class Link:
    """A column of `table` that holds the id of a row of `target` (a foreign key or a soft one)."""

    table: str
    column: str
    target: str
    nullable: bool
    soft: bool = False
    prefix: str = ""  # set for string references: the text before the id
    separator: str = ""  # set for list references: between the ids
    tag: tuple[str, str] | None = None  # tagged references: (column, value) where it applies

    def applies(self, row: dict[str, Any]) -> bool:
        """Whether this link holds for this row (always, unless it is a tagged reference)."""
        return self.tag is None or row.get(self.tag[0]) == self.tag[1]


def tables() -> dict[str, Table]:
    """Every table of the app, by name."""
    return dict(Base.metadata.tables)


def table_order() -> list[str]:
    """Parents before children (SQLAlchemy's dependency sort of the metadata)."""
    return [t.name for t in Base.metadata.sorted_tables]


def links(table_name: str) -> tuple[Link, ...]:
    """Foreign keys, soft references and string references of a table."""
    table = Base.metadata.tables[table_name]
    out: list[Link] = []
    for fk in table.foreign_keys:
        col = fk.parent
        out.append(Link(table_name, col.name, fk.column.table.name, bool(col.nullable)))
    for (tname, cname), target in SOFT_REFERENCES.items():
        if tname == table_name and cname in table.c and target in Base.metadata.tables:
            col = table.c[cname]
            out.append(Link(tname, cname, target, bool(col.nullable), soft=True))
    for (tname, cname), pairs in STRING_REFERENCES.items():
        for prefix, target in pairs:
            if tname == table_name and cname in table.c and target in Base.metadata.tables:
                out.append(Link(tname, cname, target, True, soft=True, prefix=prefix))
    for (tname, cname), (separator, target) in LIST_REFERENCES.items():
        if tname == table_name and cname in table.c and target in Base.metadata.tables:
            out.append(Link(tname, cname, target, True, soft=True, separator=separator))
    for (tname, cname), (tag_column, targets) in TAGGED_REFERENCES.items():
        if tname != table_name or cname not in table.c or tag_column not in table.c:
            continue
        for tag_value, target in sorted(targets.items()):
            if target in Base.metadata.tables:
                col = table.c[cname]
                tag = (tag_column, tag_value)
                out.append(Link(tname, cname, target, bool(col.nullable), soft=True, tag=tag))
    return tuple(sorted(out, key=lambda link: (link.column, link.tag or ("", ""))))


# An id written in a file: ASCII digits only (« ² ».isdigit() is true, and int() refuses it).
_ID = re.compile(r"[0-9]{1,18}")


def parse_id(text: object) -> int | None:
    """The id in « 12 », or None for anything else (« ² », « ١٢ », « -3 », « 1e3 »)."""
    return int(text) if isinstance(text, str) and _ID.fullmatch(text) else None


def split_ids(link: Link, value: object) -> list[int] | None:
    """The ids of a list reference (« 12,7,9 »), or None when the text is not such a list."""
    if not isinstance(value, str):
        return None
    parts = [part.strip() for part in value.split(link.separator)] if value.strip() else []
    ids = [parse_id(part) for part in parts]
    found = [i for i in ids if i is not None]
    if len(found) != len(ids):
        return None
    return found


def join_ids(link: Link, ids: list[int]) -> str:
    return link.separator.join(str(i) for i in ids)


def clear_untagged(table_name: str, row: dict[str, Any]) -> None:
    """Clear tagged references whose tag names no table this version knows (see above)."""
    for (tname, cname), (tag_column, targets) in TAGGED_REFERENCES.items():
        if tname != table_name or row.get(cname) is None:
            continue
        tag = row.get(tag_column)
        target = targets.get(tag) if isinstance(tag, str) else None
        if target is None or target not in Base.metadata.tables:
            row[cname] = None


def hard_links(table_name: str) -> tuple[Link, ...]:
    return tuple(link for link in links(table_name) if not link.soft)


def owned_tables(root: str) -> list[str]:
    """The root and every table reachable from it through foreign keys, parents first.

    A table joins when one of its foreign keys points at a table already in, so tables linked
    to the root only through another table (cards -> boards -> workshops) are found too.
    """
    order = table_order()
    owned = {root}
    grew = True
    while grew:  # fixed point: sorted order usually needs one pass, cycles may need more
        grew = False
        for name in order:
            if name in owned or name in EXCLUDED_TABLES:
                continue
            outward = [link for link in hard_links(name) if link.target != name]
            # In only when tied to the export and needing nothing outside it.
            if any(link.target in owned for link in outward) and all(
                link.target in owned for link in outward if not link.nullable
            ):
                owned.add(name)
                grew = True
    return [name for name in order if name in owned]


def is_private(table: str, column: str, *, real_names: bool, contacts: bool) -> bool:
    """True when this column must be left out of an export made with these choices."""
    if column in REAL_NAME_COLUMNS or table in REAL_NAME_TABLES:
        return not real_names
    if column in CONTACT_COLUMNS:
        return not contacts
    return False


def private_tables(names: Iterable[str], *, real_names: bool) -> set[str]:
    """Whole tables left out of the export (identities, unless real names were asked for)."""
    return set() if real_names else {n for n in names if n in REAL_NAME_TABLES}


def integer_pk(table: Table) -> str | None:
    """The name of the single integer primary key, remapped on import; None otherwise."""
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and pk[0].type.python_type is int:
        return pk[0].name
    return None
