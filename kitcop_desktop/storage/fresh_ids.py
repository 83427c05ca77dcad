"""Ids are never given twice while the app runs.

SQLite gives a new row the largest id + 1, so the id of a row deleted last comes back with the
next insert. With one undo history per tool, another tool's history may still name that row:
its redo would then clash with the newcomer (« UNIQUE constraint failed ») or, worse, act on
it. So each store remembers, per table, the highest id it has seen (every table's largest id
at its first write, then every id inserted), and a new row takes the next one above it.

A redo that runs its change again gets the ids it got the first time (they were never given
to anyone since): `with recording(session) as ids:` around the first run, then `with
replaying(session, ids):` around each redo (ui/undo.StoreCommand does both), so the commands
after it in the history, which name those ids, still find their rows.

`install(sessions)` hooks a sessionmaker (storage/engine.Store does it); `reserve(session,
table, pk, count)` hands out ids for inserts that bypass the ORM (storage/exchange_insert.py).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Integer, Table, event, func, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

KEY = "kitcop_high_water"
RECORD = "kitcop_record_ids"
REPLAY = "kitcop_replay_ids"


def install(sessions: sessionmaker[Session]) -> None:
    sessions.kw.setdefault("info", {})[KEY] = {}
    event.listen(sessions, "before_flush", _give_ids)


@contextmanager
def recording(session: Session) -> Iterator[dict[str, list[int]]]:
    """The ids given to new rows inside the block, per table, in order."""
    ids: dict[str, list[int]] = {}
    session.info[RECORD] = ids
    try:
        yield ids
        session.flush()  # rows added but not flushed yet get their ids here
    finally:
        session.info.pop(RECORD, None)


@contextmanager
def replaying(session: Session, ids: dict[str, list[int]]) -> Iterator[None]:
    """New rows inside the block take those ids again, table by table, in the same order."""
    session.info[REPLAY] = {table: deque(values) for table, values in ids.items()}
    try:
        yield
        session.flush()
    finally:
        session.info.pop(REPLAY, None)


def _given(session: Session, table: str, fresh: int) -> int:
    """The id a new row of `table` takes: the one it had the first time when replaying, else
    `fresh`; written down when recording."""
    again = session.info.get(REPLAY, {}).get(table)
    value = again.popleft() if again else fresh
    record = session.info.get(RECORD)
    if record is not None:
        record.setdefault(table, []).append(value)
    return value


def _single_int_pk(table: Table) -> Column[Any] | None:
    columns = list(table.primary_key.columns)
    if len(columns) == 1 and isinstance(columns[0].type, Integer):
        return columns[0]
    return None


def _high_water(session: Session) -> dict[str, int] | None:
    marks: dict[str, int] | None = session.info.get(KEY)
    if marks is None:
        return None
    if not marks:  # first write: every table's largest id, deleted rows included from now on
        import kitcop_desktop.storage.models  # noqa: F401 - every table in the metadata
        from kitcop_desktop.storage.base import Base

        with session.no_autoflush:
            present = set(session.scalars(text("SELECT name FROM sqlite_master")))
            for table in Base.metadata.sorted_tables:
                column = _single_int_pk(table)
                if column is not None and table.name in present:
                    marks[table.name] = session.scalar(select(func.max(column))) or 0
        marks.setdefault("", 0)  # never empty again, even for a schema without a table
    return marks


def _top(session: Session, marks: dict[str, int], table: Table, column: Column[Any]) -> int:
    with session.no_autoflush:
        largest = session.scalar(select(func.max(column))) or 0
    return max(marks.get(table.name, 0), largest)


def reserve(session: Session, table: Table, pk: str, count: int) -> int:
    """The first of `count` fresh ids for `table` (the caller inserts them itself)."""
    marks = _high_water(session)
    first = (session.scalar(select(func.max(table.c[pk]))) or 0) + 1
    if marks is not None:
        first = max(first, marks.get(table.name, 0) + 1)
    again = session.info.get(REPLAY, {}).get(table.name)
    if again and len(again) >= count:
        first = again[0]  # the same range as the first time
        for _ in range(count):
            again.popleft()
    record = session.info.get(RECORD)
    if record is not None:
        record.setdefault(table.name, []).extend(range(first, first + count))
    if marks is not None:
        marks[table.name] = max(marks.get(table.name, 0), first + count - 1)
    return first


def _give_ids(session: Session, _context: Any, _instances: Any) -> None:
    marks = _high_water(session)
    if marks is None or not session.new:
        return
    tops: dict[str, int] = {}
    for obj in list(session.new):
        mapper = inspect(obj).mapper
        table = mapper.local_table
        column = _single_int_pk(table) if isinstance(table, Table) else None
        if column is None:
            continue
        key = mapper.get_property_by_column(column).key
        if table.name not in tops:
            tops[table.name] = _top(session, marks, table, column)
        value = getattr(obj, key)
        if value is None:
            value = _given(session, table.name, tops[table.name] + 1)
            setattr(obj, key, value)
        tops[table.name] = max(tops[table.name], value)
        marks[table.name] = max(marks.get(table.name, 0), value)
