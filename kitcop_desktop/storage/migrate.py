"""Open a database file at the current schema: create it, or back it up and upgrade it.

A failed upgrade restores the backup, so the facilitator's file is never left half-migrated.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from kitcop_desktop import paths
from kitcop_desktop.storage.engine import Store, inspect_file, make_engine
from kitcop_desktop.storage.errors import MigrationFailed, NotAKitcopDatabase

log = logging.getLogger(__name__)

# The newest revision in alembic/versions. Opening a file already at this revision needs no
# Alembic at all (it costs ~0.25 s to import): a test keeps this equal to Alembic's head.
SCHEMA_HEAD = "0010_fishbowl_visibility"


def alembic_config(url: str | None = None):
    """An Alembic Config that needs no alembic.ini (works from a wheel and a bundle too)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> list[str]:
    """Every schema revision this version can read (and upgrade from)."""
    from alembic.script import ScriptDirectory

    return [rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()]


def current_revision(store: Store) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _file_revision(db_path: Path) -> str | None:
    """The schema revision stored in the file, read without Alembic and without writing."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _upgrade(store: Store, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup_file(db_path: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (never a raw copy of a live file)."""
    folder = paths.backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{label}.sqlite3"
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def restore_file(backup: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.unlink()
    shutil.copyfile(backup, db_path)


def open_store(db_path: Path, *, target: str = "head") -> Store:
    """Open `db_path` at the schema head, creating or upgrading it. The caller holds the lock."""
    db_path = Path(db_path)
    state = inspect_file(db_path)  # raises NotAKitcopDatabase before anything is written
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if state in ("missing", "empty"):
        store = Store(make_engine(db_path), db_path)
        _upgrade(store, target)
        return store

    if target == "head" and _file_revision(db_path) == SCHEMA_HEAD:
        return Store(make_engine(db_path), db_path)  # the common case: nothing to migrate

    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    store = Store(make_engine(db_path), db_path)
    current = current_revision(store)
    known = set(known_revisions())
    if current is not None and current not in known:
        store.engine.dispose()
        raise NotAKitcopDatabase(
            "Ce fichier a été créé par une version plus récente de KitCOP Atelier "
            f"(schéma {current}). Mettez l'application à jour. Rien n'a été modifié."
        )
    if current == script.get_current_head():
        return store

    store.engine.dispose()
    backup = backup_file(db_path, f"avant-{current or 'vide'}")
    store = Store(make_engine(db_path), db_path)
    try:
        _upgrade(store, target)
    except Exception as exc:
        log.exception("migration failed, restoring %s", backup)
        store.engine.dispose()
        restore_file(backup, db_path)
        raise MigrationFailed(
            "La mise à jour du fichier a échoué ; la sauvegarde a été restaurée, "
            f"rien n'est perdu. Sauvegarde : {backup}. Détail : {exc}"
        ) from exc
    return store
