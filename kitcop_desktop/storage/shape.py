"""Does a file have the tables and columns of the schema revision it claims?

A file that says « alembic_version = 0001_foundation » but holds only `workshops(id)` would be
migrated (26 tables added) and then fail on the first query. Before anything is written, the
file is compared with the shape that revision really has: the head's from the models, an older
one's by running the real migrations up to it in memory (only on the rare upgrade path).
"""

from __future__ import annotations

import sqlite3
from functools import cache

Shape = dict[str, frozenset[str]]


def file_shape(conn: sqlite3.Connection) -> Shape:
    """Tables and their columns in an open SQLite connection (read only)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: frozenset(row[1] for row in conn.execute(f'PRAGMA table_info("{name}")'))
        for name in names
    }


def head_shape() -> Shape:
    from kitcop_desktop.storage.models import Base

    return {t.name: frozenset(c.name for c in t.columns) for t in Base.metadata.sorted_tables}


@cache
def revision_shape(revision: str) -> Shape:
    """The shape of the schema at `revision`, from the real migrations run in memory."""
    from sqlalchemy import create_engine

    from kitcop_desktop.storage.migrate import SCHEMA_HEAD, alembic_config

    if revision == SCHEMA_HEAD:
        return head_shape()
    from alembic import command

    engine = create_engine("sqlite://")
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        raw = engine.raw_connection()
        try:
            shape = file_shape(raw.driver_connection)  # type: ignore[arg-type]  # sqlite3
        finally:
            raw.close()
    finally:
        engine.dispose()
    shape.pop("alembic_version", None)
    return shape


def missing(actual: Shape, expected: Shape) -> list[str]:
    """« participants », « workshops.title »: what the file lacks, tables first."""
    tables = sorted(name for name in expected if name not in actual)
    columns = sorted(
        f"{name}.{column}"
        for name, cols in expected.items()
        if name in actual
        for column in cols - actual[name]
    )
    return tables + columns


def describe(what: list[str], limit: int = 4) -> str:
    shown = ", ".join(what[:limit])
    return shown + (f" et {len(what) - limit} autres" if len(what) > limit else "")
