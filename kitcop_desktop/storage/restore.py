"""The backups in sauvegardes/: a daily copy, the last good one found, and putting it back.

A copy is taken before every schema upgrade (migrate.py) and once a day when the app opens a
healthy library (`daily_backup`, the last DAILY_KEPT kept). When a library is damaged, the
welcome screen and `kitcop check --restore-latest` put back the newest backup that passes
SQLite's integrity check; the damaged file is kept beside the backups, never deleted.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kitcop_desktop import paths
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.engine import OWN_TABLES, Store, connect_readonly

log = logging.getLogger(__name__)

DAILY_LABEL = "quotidienne"
DAMAGED_LABEL = "endommage"
DAILY_KEPT = 7
_STAMP = re.compile(r"-(\d{8}-\d{6})-\d{6}-")


@dataclass
class Restored:
    restored: bool
    message: str
    backup: Path | None = None
    set_aside: Path | None = None


def backups(db_path: Path) -> list[Path]:
    """This library's backups, newest first (their names start with a sortable stamp)."""
    folder = paths.backups_dir(Path(db_path))
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.glob(f"{Path(db_path).stem}-*.sqlite3")
        if not p.name.endswith(f"-{DAMAGED_LABEL}.sqlite3")
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def is_good(path: Path) -> bool:
    """A KitCOP library that SQLite finds intact."""
    try:
        conn = connect_readonly(path)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return ok and tables >= OWN_TABLES


def latest_good_backup(db_path: Path) -> Path | None:
    return next((p for p in backups(db_path) if is_good(p)), None)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def when(backup: Path) -> str:
    """« 12/03/2026 à 09:41 » from a backup's name."""
    found = _STAMP.search(backup.name)
    try:
        if found is None:
            raise ValueError(backup.name)
        moment = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
    except (AttributeError, ValueError):
        moment = datetime.fromtimestamp(backup.stat().st_mtime)
    return moment.strftime(tr("%d/%m/%Y à %H:%M"))


def restore_latest(db_path: Path) -> Restored:
    """Set the damaged file aside and put the newest good backup in its place.

    The caller holds the instance lock. Nothing is changed if there is no good backup.
    """
    db_path = Path(db_path)
    backup = latest_good_backup(db_path)
    if backup is None:
        return Restored(
            False,
            tr(
                "Aucune sauvegarde saine de « {name} » dans « sauvegardes ». Rien n'a été modifié."
            ).format(name=db_path.name),
        )
    folder = paths.backups_dir(db_path)
    aside = folder / f"{db_path.stem}-{_stamp()}-{DAMAGED_LABEL}.sqlite3"
    tmp = db_path.with_name(f".{db_path.name}.restore")
    shutil.copyfile(backup, tmp)
    if db_path.exists():
        os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    os.replace(tmp, db_path)
    log.warning("restored %s from %s; damaged file kept as %s", db_path, backup, aside)
    return Restored(
        True,
        tr(
            "La sauvegarde du {backup} a été remise en place. Le fichier endommagé est gardé dans « sauvegardes » ({name}). Ce qui a été fait après cette sauvegarde n'y est pas."
        ).format(backup=when(backup), name=aside.name),
        backup,
        aside if aside.exists() else None,
    )


def daily_backup(db_path: Path) -> Path | None:
    """One copy a day of a healthy library, the last DAILY_KEPT kept. Never raises."""
    from kitcop_desktop.storage.migrate import backup_file

    db_path = Path(db_path)
    today = datetime.now().strftime("%Y%m%d")
    daily = [p for p in backups(db_path) if p.name.endswith(f"-{DAILY_LABEL}.sqlite3")]
    if any(f"-{today}-" in p.name for p in daily):
        return None
    try:
        made = backup_file(db_path, DAILY_LABEL)
    except (OSError, sqlite3.Error) as exc:  # a full or read-only disk: no copy today
        log.warning("daily backup of %s skipped: %s", db_path, exc)
        return None
    for old in [made, *daily][DAILY_KEPT:]:
        old.unlink(missing_ok=True)
    return made


def open_for_app(db_path: Path, ask: Callable[..., Any]) -> Store:
    """The app's door: open (create, upgrade), check, and keep the day's backup.

    A damaged library raises DamagedDatabase unless `ask(sentence, backup)` says to put the
    last good backup back, which is then done and the restored file opened.
    """
    from kitcop_desktop.storage.check import quick_check
    from kitcop_desktop.storage.errors import DamagedDatabase
    from kitcop_desktop.storage.faults import damaged_message
    from kitcop_desktop.storage.migrate import open_store

    db_path = Path(db_path)
    try:
        store = open_store(db_path)
        if quick_check(store):
            daily_backup(db_path)
            return store
        store.engine.dispose()
        damaged = DamagedDatabase(damaged_message(db_path))
    except DamagedDatabase as exc:
        damaged = exc
    backup = latest_good_backup(db_path)
    if backup is None or not ask(str(damaged), backup):
        raise damaged
    restore_latest(db_path)
    return open_store(db_path)
