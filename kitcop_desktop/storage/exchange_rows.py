"""Rows out of the store (export) and a file's rows checked into a Plan, driven by the metadata.

Export walks from a root row (a workshop, a board) down every foreign key; import checks the
whole file first (types, lengths, counts, references) into a Plan, which exchange_insert then
writes, parents first, giving every row a new id and rewriting every reference to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, or_, select
from sqlalchemy.orm import Session

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage.exchange_format import (
    MAX_COLUMNS,
    MAX_NAME_LEN,
    MAX_ROWS_PER_TABLE,
    MAX_ROWS_TOTAL,
    MAX_TABLES,
    refuse,
)
from kitcop_desktop.storage.exchange_values import Decoder, carried, converter, decoder

if TYPE_CHECKING:
    from kitcop_desktop.storage.exchange_insert import Progress


# --------------------------------------------------------------------------------------- export
def collect(
    session: Session, root: str, root_ids: list[int], *, real_names: bool, contacts: bool
) -> dict[str, list[dict[str, Any]]]:
    """Every row reachable from the root rows, as JSON-ready dicts, private columns left out."""
    everything = schema.tables()
    owned = schema.owned_tables(root)
    owned_set = set(owned)
    skipped = schema.private_tables(owned, real_names=real_names)
    ids: dict[str, set[Any]] = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for name in owned:
        if name in skipped:
            continue
        table = everything[name]
        pk = schema.integer_pk(table)
        if name == root:
            if pk is None:
                raise TypeError(f"the root table {name!r} has no integer id")
            stmt = select(table).where(table.c[pk].in_(root_ids))
        else:
            conds = [
                table.c[link.column].in_(sorted(ids[link.target]))
                for link in schema.hard_links(name)
                if link.target in ids and link.target != name and ids[link.target]
            ]
            if not conds:
                continue
            stmt = select(table).where(or_(*conds))
        order = [table.c[pk]] if pk else list(table.primary_key.columns)
        rows = [dict(r) for r in session.execute(stmt.order_by(*order)).mappings()]
        if name == root:
            # The root's links out of the export (a board's workshop) are filled on import.
            for link in schema.hard_links(name):
                if link.target not in owned_set:
                    for r in rows:
                        r.pop(link.column, None)
        rows = _keep_consistent(name, rows, ids, owned_set - skipped)
        if pk:
            ids[name] = {r[pk] for r in rows}
        out[name] = [_encode_row(table, r, real_names, contacts) for r in rows]
    return {name: rows for name, rows in out.items() if rows}


def _keep_consistent(
    name: str, rows: list[dict[str, Any]], ids: dict[str, set[Any]], owned: set[str]
) -> list[dict[str, Any]]:
    """Clear references that leave the export; drop rows that cannot live without them.

    A target still to come (later in the order, or this very table) is left for the import's
    check; a target outside the export (a library row, a private table) is cleared.
    """
    kept = []
    table_links = schema.links(name)
    for row in rows:
        ok = True
        schema.clear_untagged(name, row)
        for link in table_links:
            value = row.get(link.column)
            if value is None or link.column not in row or not link.applies(row):
                continue
            pending = link.target in owned and link.target not in ids
            if link.separator:
                listed = schema.split_ids(link, value)
                if not pending:
                    known = ids.get(link.target, ())
                    kept_ids = [i for i in listed or () if i in known]
                    row[link.column] = schema.join_ids(link, kept_ids)
                continue
            if link.prefix:
                ref = value[len(link.prefix) :] if value.startswith(link.prefix) else None
                if (
                    ref is not None
                    and not pending
                    and schema.parse_id(ref) not in ids.get(link.target, ())
                ):
                    row[link.column] = ""
                continue
            if pending or value in ids.get(link.target, ()):
                continue
            if link.nullable:
                row[link.column] = None
            elif link.soft:
                row[link.column] = 0
            else:
                ok = False
        if ok:
            kept.append(row)
    return kept


@cache
def _encoders(
    table_name: str, real_names: bool, contacts: bool
) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Per table and choice, once: (column, converter or None) of every column exported."""
    table = schema.tables()[table_name]
    out: list[tuple[str, Callable[[Any], Any] | None]] = []
    for column in table.columns:
        if not carried(column):
            continue
        if schema.is_private(table_name, column.name, real_names=real_names, contacts=contacts):
            continue
        out.append((column.name, converter(column)))
    return tuple(out)


def _encode_row(
    table: Table, row: dict[str, Any], real_names: bool, contacts: bool
) -> dict[str, Any]:
    out = {}
    for name, convert in _encoders(table.name, real_names, contacts):
        if name in row:
            value = row[name]
            out[name] = value if convert is None or value is None else convert(value)
    return out


# ---------------------------------------------------------------------------------- validation
@dataclass
class Plan:
    """A checked file, ready to insert: decoded rows per table, in insertion order."""

    root: str
    rows: dict[str, list[dict[str, Any]]]
    ignored_tables: list[str] = field(default_factory=list)
    ignored_columns: set[str] = field(default_factory=set)

    def count(self, table: str) -> int:
        return len(self.rows.get(table, ()))


def check(
    tables_in: dict[str, Any],
    root: str,
    *,
    anchored: frozenset[tuple[str, str]] = frozenset(),
    progress: Progress | None = None,
) -> Plan:
    """Validate the `tables` part of a file against the schema; raise ExchangeError if anything
    is wrong. `anchored` names the root's columns the importer fills itself (its workshop)."""
    if len(tables_in) > MAX_TABLES:
        raise refuse(
            tr("Ce fichier contient trop de tables ({count}).").format(count=len(tables_in))
        )
    everything = schema.tables()
    owned = schema.owned_tables(root)
    plan = Plan(root, {})
    total = 0
    for name, rows in tables_in.items():
        if len(name) > MAX_NAME_LEN or name not in owned:
            plan.ignored_tables.append(name[:MAX_NAME_LEN])
            continue
        if not isinstance(rows, list):
            raise refuse(
                tr("La table « {name} » devrait être une liste de lignes.").format(name=name)
            )
        if len(rows) > MAX_ROWS_PER_TABLE:
            raise refuse(
                tr("La table « {name} » a trop de lignes ({count}).").format(
                    name=name, count=len(rows)
                )
            )
        total += len(rows)
        if total > MAX_ROWS_TOTAL:
            raise refuse(
                tr("Ce fichier contient trop de lignes ({MAX_ROWS_TOTAL} au plus).").format(
                    MAX_ROWS_TOTAL=MAX_ROWS_TOTAL
                )
            )
    done = 0
    for name in owned:
        if name not in tables_in or name in plan.ignored_tables:
            continue
        rows, table = tables_in[name], everything[name]
        checked = plan.rows[name] = []
        for start in range(0, len(rows), 5_000):  # progress (and Cancel) every 5,000 rows
            checked += [
                _check_row(table, raw, start + i, anchored, plan)
                for i, raw in enumerate(rows[start : start + 5_000])
            ]
            done += len(rows[start : start + 5_000])
            if progress is not None:
                progress(done, total)
        _check_unique_ids(table, checked)
        _check_identities(table, checked)
    roots = plan.rows.get(root, [])
    if len(roots) != 1:
        raise refuse(tr("Ce fichier devrait contenir exactement un élément principal."))
    _check_references(plan, anchored)
    return plan


@cache
def _rules(
    table_name: str,
) -> tuple[dict[str, Decoder], tuple[str, ...], dict[str, Any], bool, str | None]:
    """Per table, once: a decoder per carried column, the required columns, the resets."""
    table = schema.tables()[table_name]
    decoders = {c.name: decoder(table_name, c) for c in table.columns if carried(c)}
    required: list[str] = []
    for column in table.columns:
        if column.nullable or column.default is not None or column.server_default is not None:
            continue
        if column.primary_key and schema.integer_pk(table) is None:
            continue  # checked by the database
        if not column.primary_key:
            required.append(column.name)
    resets = {c: v for (t, c), v in schema.RESET_ON_IMPORT.items() if t == table_name}
    resets = {c: v for c, v in resets.items() if c in table.c}
    untagged = any(t == table_name for t, _ in schema.TAGGED_REFERENCES)
    return decoders, tuple(required), resets, untagged, schema.integer_pk(table)


def _check_row(
    table: Table, raw: object, index: int, anchored: frozenset[tuple[str, str]], plan: Plan
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise refuse(
            tr("La ligne {number} de la table « {name} » est mal formée.").format(
                number=index + 1, name=table.name
            )
        )
    if len(raw) > MAX_COLUMNS:
        raise refuse(
            tr("La ligne {number} de la table « {name} » a trop de champs.").format(
                number=index + 1, name=table.name
            )
        )
    decoders, required, resets, untagged, pk = _rules(table.name)
    row = {}
    for key, value in raw.items():
        decode_value = decoders.get(key) if len(key) <= MAX_NAME_LEN else None
        if decode_value is None:
            plan.ignored_columns.add(f"{table.name}.{key[:MAX_NAME_LEN]}")
            continue
        if anchored and (table.name, key) in anchored:
            continue
        row[key] = decode_value(value, index)
    if untagged:
        schema.clear_untagged(table.name, row)
    row.update(resets)
    for name in required:
        if name not in row and (table.name, name) not in anchored:
            raise refuse(
                tr(
                    "Le champ obligatoire « {name} » manque (table « {name2} », ligne {number})."
                ).format(name=name, name2=table.name, number=index + 1)
            )
    if pk and row.get(pk) is None:
        raise refuse(
            tr("La ligne {number} de la table « {name} » n'a pas d'identifiant.").format(
                number=index + 1, name=table.name
            )
        )
    return row


def _check_unique_ids(table: Table, rows: list[dict[str, Any]]) -> None:
    pk = schema.integer_pk(table)
    if pk and len({r[pk] for r in rows}) != len(rows):
        raise refuse(
            tr("La table « {name} » contient deux fois le même identifiant.").format(
                name=table.name
            )
        )


# Tables whose rows carry an identity across laptops (models/board.py), and what one row is.
IDENTITIES = {"boards": ("tableau", "workshop_id"), "board_cards": ("post-it", "board_id")}
_UID = re.compile(r"[0-9a-f]{32}")


def _check_identities(table: Table, rows: list[dict[str, Any]]) -> None:
    """An identity is 32 hex digits, never twice on one board (a file written before
    identities has none: they are given on import)."""
    if table.name not in IDENTITIES or "uid" not in table.c:
        return
    what, scope = IDENTITIES[table.name]
    seen = set()
    for index, row in enumerate(rows):
        uid = row.get("uid")
        if uid is None or uid == "":
            continue
        if not isinstance(uid, str) or not _UID.fullmatch(uid):
            raise refuse(
                tr(
                    "Un identifiant de {what} n'est pas valide (table « {name} », ligne {number})."
                ).format(what=what, name=table.name, number=index + 1)
            )
        key = (row.get(scope), uid)
        if key in seen:
            raise refuse(
                tr(
                    "Ce fichier contient deux fois le même {what} (table « {name} », ligne {number})."
                ).format(what=what, name=table.name, number=index + 1)
            )
        seen.add(key)


def _check_references(plan: Plan, anchored: frozenset[tuple[str, str]]) -> None:
    everything = schema.tables()
    owned = set(schema.owned_tables(plan.root))
    ids = {
        name: {r[pk] for r in rows}
        for name, rows in plan.rows.items()
        if (pk := schema.integer_pk(everything[name]))
    }
    for name, rows in plan.rows.items():
        for link in schema.links(name):
            if (name, link.column) in anchored:
                continue
            known = ids.get(link.target, set())
            for row in rows:
                value = row.get(link.column)
                if value is None or not link.applies(row):
                    continue
                if link.separator:  # loose: ids the file does not hold are dropped
                    listed = schema.split_ids(link, value) or []
                    row[link.column] = schema.join_ids(link, [i for i in listed if i in known])
                    continue
                if link.prefix:
                    ref = value[len(link.prefix) :] if value.startswith(link.prefix) else None
                    if ref is not None and schema.parse_id(ref) not in known:
                        row[link.column] = ""  # a dangling spotlight just shows the whole board
                    continue
                if value in known:
                    continue
                if link.soft:  # loose by nature: cleared rather than refused
                    row[link.column] = None if link.nullable else 0
                elif link.nullable:
                    if link.target in owned:
                        raise refuse(
                            tr(
                                "Une référence pointe vers un élément absent du fichier (table « {name} », champ « {column} »)."
                            ).format(name=name, column=link.column)
                        )
                    row[link.column] = None  # outside what the file carries: a library row
                else:
                    raise refuse(
                        tr(
                            "Une référence pointe vers un élément absent du fichier (table « {name} », champ « {column} »)."
                        ).format(name=name, column=link.column)
                    )
