"""Rows of a checked file into the store under new ids, every reference rewritten.

Parents first (the metadata's dependency order); a reference to a row not inserted yet (a
forward or self reference) is filled in afterwards. A merge passes a matcher that reuses rows
already there instead of adding duplicates. What was added is recorded, so undo can remove it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Protocol

from sqlalchemy import Table, bindparam, delete, insert, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import CallableColumnDefault

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage import fresh_ids
from kitcop_desktop.storage.exchange_format import refuse
from kitcop_desktop.storage.exchange_rows import Plan

# Called with (rows done, rows in all) every few thousand rows; it may raise Cancelled, and
# the caller's transaction then rolls back: a cancelled import changes nothing.
Progress = Callable[[int, int], None]
CHUNK = 5_000


class Matcher(Protocol):
    """What a merge passes to reuse rows already there (exchange_merge.ExistingRows)."""

    def match_many(
        self, session: Session, table: Table, rows: list[dict[str, Any]]
    ) -> list[int | None]:
        """Per row, the id of the same row already there, or None (it is added)."""
        ...


# A reference not inserted yet: the link and the file's value, filled in afterwards.
Late = tuple[schema.Link, Any]


class Cancelled(Exception):
    """The facilitator pressed « Annuler » during an import or an export."""


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
    anchors: Mapping[tuple[str, str], object] | None = None,
    match: Matcher | None = None,
    progress: Progress | None = None,
) -> Inserted:
    """Insert the plan's rows under new ids; references are rewritten, forward ones afterwards.

    New ids are given here (after the largest id in the table: what SQLite would give, and we
    hold the write lock), so every table goes in with one executemany, whatever it references.
    `anchors` fills columns the file does not carry (the root board's workshop); `match` (see
    exchange_merge.ExistingRows) reuses existing rows instead of adding duplicates.
    """
    anchors = anchors or {}
    everything = schema.tables()
    done = Inserted()
    later: dict[tuple[str, str], list[tuple[int, Late]]] = {}
    total = sum(len(rows) for rows in plan.rows.values())
    counted = 0
    for name, rows in plan.rows.items():
        table = everything[name]
        pk = schema.integer_pk(table)
        mapping = done.ids.setdefault(name, {})
        table_links = schema.links(name)
        table_anchors = {c: v for (t, c), v in anchors.items() if t == name}
        # A file written before identities (models/board.py): its rows get one here, as the
        # model would, so the table still goes in with one executemany.
        uid_default = table.c["uid"].default if "uid" in table.c else None
        make_uid: Callable[[Any], Any] | None = (
            uid_default.arg if isinstance(uid_default, CallableColumnDefault) else None
        )
        prepared: list[tuple[Any, dict[str, Any], list[Late]]] = []
        for row in _parents_first(name, rows, pk):
            values = dict(row)
            old_id = values.pop(pk) if pk else None
            pending: list[Late] = []
            for link in table_links:
                raw = values.get(link.column)
                if raw is not None and link.applies(values):
                    new, is_late = _remap(link, raw, done.ids)
                    values[link.column] = new
                    if is_late:
                        pending.append((link, row[link.column]))
            values.update(table_anchors)
            if make_uid is not None and not values.get("uid"):
                values["uid"] = make_uid(None)
            prepared.append((old_id, values, pending))
        existing = match.match_many(session, table, [v for _, v, _ in prepared]) if match else None
        fresh = []
        for i, item in enumerate(prepared):
            found = existing[i] if existing is not None else None
            if found is not None:
                mapping[item[0]] = found
                done.matched[name] = done.matched.get(name, 0) + 1
            else:
                fresh.append(item)
        if pk and fresh:
            first = fresh_ids.reserve(session, table, pk, len(fresh))
            new_ids = list(range(first, first + len(fresh)))
            for (old_id, values, pending), new_id in zip(fresh, new_ids, strict=True):
                mapping[old_id] = new_id
                values[pk] = new_id
                for link, old in pending:
                    later.setdefault((name, link.column), []).append((new_id, (link, old)))
            done.created[name] = new_ids
        for start in range(0, len(fresh), CHUNK):
            _insert_many(session, table, [values for _, values, _ in fresh[start : start + CHUNK]])
            counted += min(CHUNK, len(fresh) - start)
            if progress is not None:
                progress(counted, total)
        counted += len(prepared) - len(fresh)
        if fresh:
            done.added[name] = done.added.get(name, 0) + len(fresh)
    for (name, column), items in later.items():
        table = everything[name]
        pk = schema.integer_pk(table)
        if pk is None:
            continue  # never: only rows given a new id wait for a late reference
        params = []
        for new_id, (link, old) in items:
            new, is_late = _remap(link, old, done.ids)
            if not is_late:
                params.append({"_row": new_id, "_value": new})
        if params:
            stmt = (
                update(table)
                .where(table.c[pk] == bindparam("_row"))
                .values({column: bindparam("_value")})
            )
            session.connection().execute(stmt, params)
    if progress is not None:
        progress(total, total)
    return done


def _insert_many(session: Session, table: Table, params: list[dict[str, Any]]) -> None:
    """One executemany per set of columns (rows of a file may leave out optional columns).

    Tables of plain columns (text, numbers, dates) go straight to sqlite3 with values
    converted here as SQLAlchemy's SQLite dialect stores them; others through SQLAlchemy.
    """
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in params:
        groups.setdefault(tuple(sorted(values)), []).append(values)
    conn = session.connection()
    raw = conn.connection.driver_connection if conn.dialect.name == "sqlite" else None
    for names, group in groups.items():
        converters = _raw_converters(table, names) if raw is not None else None
        if converters is None or raw is None:
            conn.execute(insert(table), group)
            continue
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" * len(names))
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
        pairs = list(zip(names, converters, strict=True))
        raw.executemany(
            sql,
            [
                tuple(
                    v if (v := values[n]) is None or convert is None else convert(v)
                    for n, convert in pairs
                )
                for values in group
            ],
        )


def _stored_datetime(value: datetime) -> str:
    # SQLAlchemy's SQLite DateTime: « 2026-03-03 10:00:00.000000 », the time zone dropped.
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _stored_time(value: time) -> str:
    return value.replace(tzinfo=None).isoformat("microseconds")


def _raw_converters(
    table: Table, names: tuple[str, ...]
) -> list[Callable[[Any], Any] | None] | None:
    """Per column, how SQLAlchemy would store its value in SQLite (None: as it is); None for
    the whole table when one column needs SQLAlchemy itself (JSON, decimals, enums)."""
    from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer, String, Time

    if any(c.default is not None and c.name not in names for c in table.columns):
        return None  # a Python-side default to fill: SQLAlchemy's job
    out: list[Callable[[Any], Any] | None] = []
    for name in names:
        kind = table.c[name].type
        if isinstance(kind, Enum) or not isinstance(
            kind, String | Integer | Float | Boolean | DateTime | Date | Time
        ):
            return None
        if isinstance(kind, Boolean):
            out.append(int)
        elif isinstance(kind, DateTime):
            out.append(_stored_datetime)
        elif isinstance(kind, Date):
            out.append(date.isoformat)
        elif isinstance(kind, Time):
            out.append(_stored_time)
        else:
            out.append(None)
    return out


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


def _remap(link: schema.Link, value: Any, ids: dict[str, dict[int, int]]) -> tuple[object, bool]:
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
        raise refuse(
            tr("Des références circulaires empêchent l'import (table « {table} »).").format(
                table=link.table
            )
        )
    return (None if link.nullable else 0), True


def _parents_first(name: str, rows: list[dict[str, Any]], pk: str | None) -> list[dict[str, Any]]:
    """Rows of a self-referencing table ordered so a non-null parent comes before its child."""
    self_links = [
        link for link in schema.hard_links(name) if link.target == name and not link.nullable
    ]
    if not self_links or not pk:
        return rows
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    remaining = list(rows)
    while remaining:
        ready = [r for r in remaining if all(r[k.column] in placed for k in self_links)]
        if not ready:
            raise refuse(
                tr("Des références circulaires empêchent l'import (table « {name} »).").format(
                    name=name
                )
            )
        ordered += ready
        placed |= {r[pk] for r in ready}
        remaining = [r for r in remaining if r[pk] not in placed]
    return ordered
