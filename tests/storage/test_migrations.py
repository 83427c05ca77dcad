"""Migrations: empty to head, models and migrations agree, backup and restore on failure."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kitcop_desktop import paths
from kitcop_desktop.storage import migrate, workshops
from kitcop_desktop.storage.errors import MigrationFailed, NotAKitcopDatabase
from kitcop_desktop.storage.migrate import current_revision, head_revision, open_store
from kitcop_desktop.storage.models import Base
from tests.storage.old_rows import add_workshop


def test_new_file_is_created_at_head(db_path):
    store = open_store(db_path)
    try:
        assert current_revision(store) == head_revision()
    finally:
        store.close()


def test_models_and_migrations_agree(store):
    """What `alembic check` says: no difference between the models and the migrated schema."""
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(db_path):
    from alembic import command

    store = open_store(db_path)
    store.close()
    cfg = migrate.alembic_config(f"sqlite:///{db_path}")
    command.downgrade(cfg, "base")
    con = sqlite3.connect(db_path)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    con.close()
    assert tables <= {"alembic_version"}
    command.upgrade(cfg, "head")
    store = open_store(db_path)
    assert current_revision(store) == head_revision()
    store.close()


def test_old_file_is_backed_up_then_upgraded(db_path):
    open_store(db_path, target="0001_foundation").close()
    add_workshop(db_path, "Atelier ancien")
    store = open_store(db_path)
    try:
        assert current_revision(store) == head_revision()
        with store.read() as session:
            assert [s.title for s in workshops.list_summaries(session)] == ["Atelier ancien"]
    finally:
        store.close()
    backups = list(paths.backups_dir(db_path).glob("*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("select version_num from alembic_version").fetchone()[0] == "0001_foundation"
    con.close()


def test_failed_migration_restores_the_backup(db_path, monkeypatch):
    open_store(db_path, target="0001_foundation").close()
    add_workshop(db_path, "Mes données précieuses")

    def broken_upgrade(store, revision="head"):
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE participants")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrate, "_upgrade", broken_upgrade)
    with pytest.raises(MigrationFailed) as err:
        open_store(db_path)
    assert "sauvegarde a été restaurée" in str(err.value)
    con = sqlite3.connect(db_path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == "0001_foundation"
    assert con.execute("select title from workshops").fetchone()[0] == "Mes données précieuses"
    assert con.execute("select count(*) from participants").fetchone()[0] == 0
    con.close()


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 50],
    ids=["empty", "text", "truncated"],
)
def test_corrupt_files(db_path, content):
    db_path.write_bytes(content)
    if content == b"":
        store = open_store(db_path)  # an empty file is a new database
        store.close()
        return
    with pytest.raises(NotAKitcopDatabase):
        open_store(db_path)
    assert db_path.read_bytes() == content


def test_foreign_sqlite_file_is_refused_and_untouched(db_path):
    con = sqlite3.connect(db_path)
    con.execute("create table invoices (id integer primary key, total real)")
    con.execute("insert into invoices values (1, 9.5)")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(NotAKitcopDatabase) as err:
        open_store(db_path)
    assert "autre logiciel" in str(err.value)
    assert db_path.read_bytes() == before


def test_file_from_a_newer_version_is_refused(db_path):
    store = open_store(db_path)
    store.close()
    con = sqlite3.connect(db_path)
    con.execute("update alembic_version set version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(NotAKitcopDatabase) as err:
        open_store(db_path)
    assert "plus récente" in str(err.value)


def test_pragmas_are_durable(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_commit_survives_a_killed_process(db_path):
    """A write committed by one process is there for the next, even if the first is killed."""
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent(
        f"""
        import os
        from kitcop_desktop.storage.migrate import open_store
        from kitcop_desktop.storage import workshops
        store = open_store({str(db_path)!r})
        with store.write() as s:
            workshops.create(s, "Écrit juste avant le crash")
        os.kill(os.getpid(), 9)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=False)
    store = open_store(db_path)
    try:
        with store.read() as session:
            titles = [s.title for s in workshops.list_summaries(session)]
    finally:
        store.close()
    assert titles == ["Écrit juste avant le crash"]


def test_engine_url_works_for_any_dialect_string(tmp_path):
    from kitcop_desktop.storage.engine import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    assert engine.dialect.name == "sqlite"
    engine.dispose()
    assert isinstance(engine, sqlalchemy.Engine)


def test_schema_head_constant_matches_alembic():
    """The fast path at start-up trusts SCHEMA_HEAD: it must be the real head."""
    assert head_revision() == migrate.SCHEMA_HEAD
