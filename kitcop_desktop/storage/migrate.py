"""Open a database file at the current schema: create it, or back it up and upgrade it.

A failed upgrade restores the backup, so the facilitator's file is never left half-migrated.
"""

from __future__ import annotations

import filecmp
import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kitcop_desktop import paths
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.engine import Store, connect_readonly, inspect_file, make_engine
from kitcop_desktop.storage.errors import MigrationFailed, NotAKitcopDatabase, ReadOnlyDatabase
from kitcop_desktop.storage.faults import read_only_message, translate, writable
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD  # re-exported: the one head

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config that needs no alembic.ini (works from a wheel and a bundle too)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder holds no revision"
    return head


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
    conn = connect_readonly(db_path)
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
    """A consistent copy: the file's exact bytes when no write is pending in its WAL (so a
    restore gives back the very same file), else through SQLite's backup API."""
    folder = paths.backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{label}.sqlite3"
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            shutil.copyfile(db_path, target)
            return target
        src = connect_readonly(db_path)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    except BaseException:
        target.unlink(missing_ok=True)  # never a half-written backup
        raise
    return target


def backup_once(db_path: Path, label: str) -> Path:
    """The newest backup with this label if the file has not changed since; else a new one.

    A migration that fails restores its backup, so the file is then byte for byte that backup:
    retrying reuses it instead of piling up one copy per attempt.
    """
    folder = paths.backups_dir(db_path)
    if folder.is_dir():
        same_label = sorted(folder.glob(f"{db_path.stem}-*-{label}.sqlite3"))
        if same_label and filecmp.cmp(same_label[-1], db_path, shallow=False):
            return same_label[-1]
    return backup_file(db_path, label)


def restore_file(backup: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.unlink()
    shutil.copyfile(backup, db_path)


def _create(db_path: Path, target: str, state: str) -> Store:
    """A new library; if it cannot be completed (disk full), no file is left behind."""
    store = Store(make_engine(db_path), db_path)
    try:
        _upgrade(store, target)
    except Exception as exc:
        store.engine.dispose()
        for suffix in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        if state == "missing":
            db_path.unlink(missing_ok=True)
        else:
            db_path.write_bytes(b"")  # it was an empty file: empty again
        known = translate(exc, db_path)
        if known is not None:
            raise known from exc
        raise
    return store


def check_claimed_shape(db_path: Path, revision: str | None) -> None:
    """Refuse a file whose tables are not those of the revision it claims (nothing written)."""
    from kitcop_desktop.storage import shape

    if revision is None or revision not in set(known_revisions_fast(revision)):
        return  # no claim to check, or a newer version's file (refused with its own words)
    conn = connect_readonly(db_path)
    try:
        actual = shape.file_shape(conn)
    except sqlite3.DatabaseError:
        return  # damaged: the first read says so
    finally:
        conn.close()
    lacking = shape.missing(actual, shape.revision_shape(revision))
    if lacking:
        raise NotAKitcopDatabase(
            tr(
                "Le fichier « {name} » se dit au schéma {revision} de KitCOP Atelier, mais il lui manque : {value}. Il n'a pas été ouvert ; reprenez une sauvegarde (kitcop check --restore-latest). Rien n'a été modifié."
            ).format(name=db_path.name, revision=revision, value=shape.describe(lacking))
        )


def known_revisions_fast(revision: str) -> list[str]:
    """The head needs no Alembic; any other revision is looked up in the scripts."""
    return [SCHEMA_HEAD] if revision == SCHEMA_HEAD else known_revisions()


def open_store(db_path: Path, *, target: str = "head") -> Store:
    """Open `db_path` at the schema head, creating or upgrading it. The caller holds the lock."""
    db_path = Path(db_path)
    state = inspect_file(db_path)  # raises NotAKitcopDatabase before anything is written
    if not writable(db_path):
        raise ReadOnlyDatabase(read_only_message(db_path))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if state in ("missing", "empty"):
        return _create(db_path, target, state)

    revision = _file_revision(db_path)
    check_claimed_shape(db_path, revision)
    if target == "head" and revision == SCHEMA_HEAD:
        return Store(make_engine(db_path), db_path)  # the common case: nothing to migrate

    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    store = Store(make_engine(db_path), db_path)
    current = current_revision(store)
    known = set(known_revisions())
    if current is not None and current not in known:
        store.engine.dispose()
        raise NotAKitcopDatabase(
            tr(
                "Ce fichier a été créé par une version plus récente de KitCOP Atelier (schéma {current}). Mettez l'application à jour. Rien n'a été modifié."
            ).format(current=current)
        )
    if current == script.get_current_head():
        return store

    store.engine.dispose()
    try:
        backup = backup_once(db_path, f"avant-{current or 'vide'}")
    except (OSError, sqlite3.Error) as exc:
        said = translate(exc, db_path)
        if said is None:
            raise
        raise said from exc
    store = Store(make_engine(db_path), db_path)
    try:
        _upgrade(store, target)
    except Exception as exc:
        log.exception("migration failed, restoring %s", backup)  # the SQL goes to the log only
        store.engine.dispose()
        restore_file(backup, db_path)
        said = translate(exc, db_path)
        if said is not None:
            raise said from exc
        raise MigrationFailed(
            tr(
                "La mise à jour du fichier « {name} » pour cette version a échoué ; la sauvegarde a été restaurée, rien n'est perdu (copie : {name2} dans « sauvegardes »)."
            ).format(name=db_path.name, name2=backup.name)
        ) from exc
    return store


def needs_writing(db_path: Path) -> bool:
    """Whether opening this file must write to it first (create it, or upgrade its schema)."""
    db_path = Path(db_path)
    if inspect_file(db_path) != "kitcop":
        return True
    return _file_revision(db_path) != SCHEMA_HEAD


def open_for_reading(db_path: Path) -> Store:
    """A file at the head, opened read-only: no lock, nothing written, beside a running app.

    The caller first asks `needs_writing`; a file to create or upgrade goes through open_store.
    """
    db_path = Path(db_path)
    check_claimed_shape(db_path, _file_revision(db_path))
    return Store.open_readonly(db_path)
