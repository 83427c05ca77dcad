"""What the disk and SQLite say, as one French sentence for the facilitator.

USB sticks that are write-protected, a laptop whose disk is full, a file copied from a CD, a
library damaged by a crash: each ends in `translate(exc, path)`, a StoreError whose text says
what happened and what to do. The raw error goes to the log, never to the screen.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage.errors import (
    DamagedDatabase,
    DatabaseLocked,
    DiskFull,
    ReadOnlyDatabase,
    StoreError,
)

NOTHING_CHANGED = tr_later("Rien n'a été modifié.")
READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def read_only_message(path: Path) -> str:
    return tr(
        "Le fichier « {name} » est en lecture seule (clé USB protégée, CD, dossier sans droit d'écriture) : KitCOP peut l'afficher, l'imprimer et l'exporter, mais pas le modifier. Copiez-le sur l'ordinateur pour le modifier. "
    ).format(name=Path(path).name) + tr(NOTHING_CHANGED)


def disk_full_message(path: Path) -> str:
    return tr(
        "Le disque où se trouve « {name} » est plein : libérez de la place (ou choisissez un autre dossier), puis recommencez. "
    ).format(name=Path(path).name) + tr(NOTHING_CHANGED)


# How to put the backup back from the command line; the app's own dialog offers a button
# instead, and leaves this sentence out (ui/recovery.restore_box).
RESTORE_HINT = tr_later(
    "Remettez la dernière sauvegarde avec « kitcop check --restore-latest » "
    "(ou depuis l'accueil de l'application). "
)


def damaged_message(path: Path) -> str:
    return (
        tr("Le fichier « {name} » est endommagé (une partie est illisible). ").format(
            name=Path(path).name
        )
        + tr(RESTORE_HINT)
        + tr(NOTHING_CHANGED)
    )


def _sqlite_error(exc: BaseException | None) -> BaseException | None:
    """The sqlite3 error under a SQLAlchemy wrapper, or the error itself."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.Error | OSError):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
        seen += 1
    return None


def translate(exc: BaseException, path: Path) -> StoreError | None:
    """A French StoreError for a disk or SQLite failure on `path`, or None if it is neither."""
    if isinstance(exc, StoreError):
        return exc
    raw = _sqlite_error(exc)
    if raw is None:
        return None
    if isinstance(raw, OSError):
        if raw.errno in FULL_ERRNOS:
            return DiskFull(disk_full_message(path))
        if raw.errno in READ_ONLY_ERRNOS:
            return ReadOnlyDatabase(read_only_message(path))
        return None
    text = str(raw).lower()
    code = getattr(raw, "sqlite_errorcode", None)
    if "disk is full" in text or code == sqlite3.SQLITE_FULL:
        return DiskFull(disk_full_message(path))
    if "readonly" in text or "read-only" in text or code == sqlite3.SQLITE_READONLY:
        return ReadOnlyDatabase(read_only_message(path))
    if (
        "malformed" in text
        or "not a database" in text
        or code
        in (
            sqlite3.SQLITE_CORRUPT,
            sqlite3.SQLITE_NOTADB,
        )
    ):
        return DamagedDatabase(damaged_message(path))
    if "database is locked" in text or code == sqlite3.SQLITE_BUSY:
        return DatabaseLocked(
            tr(
                "Le fichier « {name} » est occupé par un autre programme : fermez-le, puis recommencez. "
            ).format(name=Path(path).name)
            + tr(NOTHING_CHANGED)
        )
    if ("unable to open" in text or code == sqlite3.SQLITE_CANTOPEN) and not writable(path):
        return ReadOnlyDatabase(read_only_message(path))
    if "disk i/o error" in text or code == sqlite3.SQLITE_IOERR:
        if _nearly_full(path):  # SQLite says « I/O error » when it cannot grow its WAL index
            return DiskFull(disk_full_message(path))
        return StoreError(
            tr(
                "Le disque n'a pas pu lire ou écrire « {name} » (clé USB retirée ?). Vérifiez-la, puis recommencez."
            ).format(name=Path(path).name)
        )
    return None


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(Path(path).parent).free < 1024 * 1024
    except OSError:
        return False


def writable(db_path: Path) -> bool:
    """Whether this process may change the file: its folder, and the file if it exists."""
    db_path = Path(db_path)
    folder = db_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a file to create in folders to create
    if not os.access(folder, os.W_OK):
        return False
    return not db_path.exists() or os.access(db_path, os.W_OK)


def folder_writable(db_path: Path) -> bool:
    folder = Path(db_path).parent
    return folder.is_dir() and os.access(folder, os.W_OK)
