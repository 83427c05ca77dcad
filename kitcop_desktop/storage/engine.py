"""The engine and its pragmas, and the Store: the one door to the database.

Durability choices (see docs/platform.md): WAL with synchronous=FULL so that a commit survives
a power cut; foreign keys on; secure_delete so that erased interviewees leave no readable trace;
every write starts with BEGIN IMMEDIATE so that read-then-write never fails half-way; a read
(`Store.read()`, which never commits) starts a deferred transaction: under WAL it reads its own
snapshot without taking the write lock, so the screens reading never hold up a write (sixty
phones voting while the room redraws, #19) and a write never holds up a screen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import fresh_ids
from kitcop_desktop.storage.errors import NotAKitcopDatabase, ReadOnlyDatabase
from kitcop_desktop.storage.readonly import WAL_INDEX_MIN, connect_readonly  # noqa: F401

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables that only KitCOP databases have; a SQLite file without them is someone else's.
OWN_TABLES = {"alembic_version", "workshops"}


def inspect_file(path: Path) -> str:
    """Classify a database file without writing to it: 'missing', 'empty' or 'kitcop'.

    Raises NotAKitcopDatabase for a corrupt file or another program's SQLite database.
    """
    path = Path(path)
    if not path.exists():
        return "missing"
    if path.is_dir():
        raise NotAKitcopDatabase(
            tr("« {path} » est un dossier, pas un fichier KitCOP.").format(path=path)
        )
    size = path.stat().st_size
    if size == 0:
        return "empty"
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAKitcopDatabase(
            tr(
                "Ce fichier n'est pas une base KitCOP Atelier : « {name} ». Rien n'a été modifié."
            ).format(name=path.name)
        )
    try:
        conn = connect_readonly(path)
        try:
            names = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        from kitcop_desktop.storage.faults import translate

        known = translate(exc, path)  # damaged: DamagedDatabase, which offers the backup
        if known is not None:
            raise known from exc
        raise NotAKitcopDatabase(
            tr("Ce fichier est illisible : « {name} ». Rien n'a été modifié.").format(
                name=path.name
            )
        ) from exc
    if not names:
        return "empty"
    if not names >= OWN_TABLES:
        raise NotAKitcopDatabase(
            tr(
                "Ce fichier est une base SQLite d'un autre logiciel : « {name} ». Rien n'a été modifié."
            ).format(name=path.name)
        )
    return "kitcop"


def make_engine(url_or_path: str | Path, *, readonly: bool = False) -> Engine:
    """An engine with the app's pragmas. A path means SQLite; a string with :// is a URL.

    `readonly`: every connection is read-only (see connect_readonly) and transactions are
    deferred, so reading never waits for, nor blocks, the app that holds the file.
    """
    url = str(url_or_path)
    if readonly:
        path = Path(url_or_path)
        engine = create_engine(
            "sqlite://", creator=lambda: connect_readonly(path), poolclass=NullPool
        )
    else:
        if "://" not in url:
            url = f"sqlite:///{Path(url_or_path)}"
        engine = create_engine(url, future=True, connect_args=_THREADS)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, readonly=readonly)
    return engine


# Import and export run on a worker thread; SQLite (serialized mode) allows it.
_THREADS = {"check_same_thread": False}
# The execution option `Store.read()` sets on its connection: begin deferred, not IMMEDIATE.
READING = "kitcop_reading"


def _configure_sqlite(engine: Engine, *, readonly: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:  # pragma: no cover - wiring
        # Let SQLAlchemy's "begin" event below issue BEGIN IMMEDIATE itself.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA secure_delete=ON")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:  # pragma: no cover - trivial wiring
        reading = readonly or conn.get_execution_options().get(READING, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


class Store:
    """The database of one library of workshops.

    `write()` is one short transaction, committed on exit; `read()` never commits.
    """

    def __init__(self, engine: Engine, path: Path | None = None, *, readonly: bool = False):
        self.engine = engine
        self.path = path
        self.readonly = readonly
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        fresh_ids.install(self._sessions)  # an id some undo history still names is never reused

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open an existing, already migrated database file (see migrate.open_store)."""
        return cls(make_engine(path), Path(path))

    @classmethod
    def open_readonly(cls, path: Path) -> Store:
        """Open a file for reading only: no lock, no migration, not a byte written."""
        return cls(make_engine(path, readonly=True), Path(path), readonly=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self.readonly:
            from kitcop_desktop.storage.faults import read_only_message

            raise ReadOnlyDatabase(read_only_message(self.path or Path("?")))
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            try:
                session.connection(execution_options={READING: True})
                yield session
            finally:
                session.rollback()

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (after erasing private data, and on close)."""
        if self.engine.dialect.name == "sqlite" and not self.readonly:
            raw = self.engine.raw_connection()
            try:
                driver = raw.driver_connection
                if driver is not None:
                    driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()

    def close(self) -> None:
        try:
            self.checkpoint()
        finally:
            self.engine.dispose()
