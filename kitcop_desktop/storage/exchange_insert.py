"""Rows of a checked file into the store under new ids, every reference rewritten.

Parents first (the metadata's dependency order); a reference to a row not inserted yet (a
forward or self reference) is filled in afterwards. A merge passes a matcher that reuses rows
already there instead of adding duplicates. What was added is recorded, so undo can remove it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Table, delete, insert, update
from sqlalchemy.orm import Session

from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage.exchange_format import refuse
from kitcop_desktop.storage.exchange_rows import Plan

# (table, old row) -> id of an existing row that already holds the same content, or None.
Matcher = Callable[[Session, Table, dict], int | None]


@dataclass
class Inserted:
    ids: dict[str, dict[int, int]] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    # New ids of the rows this import added (not those it matched), per table, for undo.
    created: dict[str, list[int]] = field(default_factory=dict)


def insert_plan(
    session: Session,
    plan: Plan,
    *,
    anchors: dict[tuple[str, str], object] | None = None,
    match: Matcher | None = None,
) -> Inserted:
    """Insert the plan's rows under new ids; references are rewritten, forward ones afterwards.

    `anchors` fills columns the file does not carry (the root board's workshop); `match` lets a
    merge reuse an existing row instead of adding a duplicate.
    """
    anchors = anchors or {}
    everything = schema.tables()
    done = Inserted()
    later: list[tuple[Table, str, int, schema.Link, object]] = []
    for name, rows in plan.rows.items():
        table = everything[name]
        pk = schema.integer_pk(table)
        mapping = done.ids.setdefault(name, {})
        table_links = schema.links(name)
        # Rows can go in one statement unless a row may need an id given earlier in this table
        # (a self-reference) or must first be compared with what is there (a merge).
        batch = match is None and all(link.target != name for link in table_links)
        prepared: list[tuple[object, dict, list]] = []
        for row in _parents_first(name, rows, pk):
            values = dict(row)
            old_id = values.pop(pk) if pk else None
            pending = []
            for link in table_links:
                if (
                    link.column in values
                    and values[link.column] is not None
                    and link.applies(values)
                ):
                    new, is_late = _remap(link, values[link.column], done.ids)
                    values[link.column] = new
                    if is_late:
                        pending.append((link, row[link.column]))
            for (tname, cname), value in anchors.items():
                if tname == name:
                    values[cname] = value
            if batch:
                prepared.append((old_id, values, pending))
                continue
            existing = match(session, table, values) if match else None
            if existing is not None:
                mapping[old_id] = existing
                done.matched[name] = done.matched.get(name, 0) + 1
                continue
            result = session.execute(insert(table).values(values))
            if pk:
                new_id = result.inserted_primary_key[0]
                mapping[old_id] = new_id
                done.created.setdefault(name, []).append(new_id)
                later += [(table, pk, new_id, link, old) for link, old in pending]
            done.added[name] = done.added.get(name, 0) + 1
        if prepared:
            later += _insert_many(session, table, pk, prepared, mapping)
            if pk:
                done.created[name] = [mapping[old_id] for old_id, _, _ in prepared]
            done.added[name] = done.added.get(name, 0) + len(prepared)
    for table, pk, new_id, link, old in later:
        new, is_late = _remap(link, old, done.ids)
        if not is_late:
            session.execute(update(table).where(table.c[pk] == new_id).values({link.column: new}))
    return done


def _insert_many(session: Session, table: Table, pk: str | None, prepared, mapping) -> list:
    """Insert rows a few statements at a time (one per set of columns), ids read back in order."""
    later = []
    groups: dict[tuple[str, ...], list[tuple[object, dict, list]]] = {}
    for item in prepared:
        groups.setdefault(tuple(sorted(item[1])), []).append(item)
    for group in groups.values():
        params = [values for _, values, _ in group]
        if pk is None:
            session.execute(insert(table), params)
            continue
        stmt = insert(table).returning(table.c[pk], sort_by_parameter_order=True)
        new_ids = session.execute(stmt, params).scalars().all()
        for (old_id, _, pending), new_id in zip(group, new_ids, strict=True):
            mapping[old_id] = new_id
            later += [(table, pk, new_id, link, old) for link, old in pending]
    return later


def remove_created(session: Session, created: dict[str, list[int]]) -> None:
    """Delete the rows an import added, children first (undo of a merge)."""
    everything = schema.tables()
    for name in reversed(schema.table_order()):
        ids = created.get(name)
        pk = schema.integer_pk(everything[name]) if name in everything else None
        if ids and pk:
            table = everything[name]
            for start in range(0, len(ids), 500):  # SQLite caps bound parameters
                chunk = ids[start : start + 500]
                session.execute(delete(table).where(table.c[pk].in_(chunk)))


def _remap(link: schema.Link, value, ids: dict[str, dict[int, int]]) -> tuple[object, bool]:
    """The value with its id rewritten, and whether the target is not inserted yet."""
    if link.separator:
        listed = schema.split_ids(link, value) or []
        mapped = ids.get(link.target, {})
        if all(i in mapped for i in listed):
            return schema.join_ids(link, [mapped[i] for i in listed]), False
        return "", True
    if link.prefix:
        if not (isinstance(value, str) and value.startswith(link.prefix)):
            return value, False
        old = schema.parse_id(value[len(link.prefix) :])
        if old is not None and old in ids.get(link.target, {}):
            return f"{link.prefix}{ids[link.target][old]}", False
        return "", True
    if value in ids.get(link.target, {}):
        return ids[link.target][value], False
    if not link.nullable and not link.soft:
        raise refuse(f"Des références circulaires empêchent l'import (table « {link.table} »).")
    return (None if link.nullable else 0), True


def _parents_first(name: str, rows: list[dict], pk: str | None) -> list[dict]:
    """Rows of a self-referencing table ordered so a non-null parent comes before its child."""
    self_links = [
        link for link in schema.hard_links(name) if link.target == name and not link.nullable
    ]
    if not self_links or not pk:
        return rows
    placed: set = set()
    ordered: list[dict] = []
    remaining = list(rows)
    while remaining:
        ready = [r for r in remaining if all(r[k.column] in placed for k in self_links)]
        if not ready:
            raise refuse(f"Des références circulaires empêchent l'import (table « {name} »).")
        ordered += ready
        placed |= {r[pk] for r in ready}
        remaining = [r for r in remaining if r[pk] not in placed]
    return ordered
