"""One app instance per database file, through the `filelock` package.

The lock is an OS-level lock on a file beside the database (flock on POSIX, LockFileEx on
Windows, both kept by filelock), so a crash or a kill never leaves a stale lock behind, and a
second instance is refused without touching the data. Only writers take it: reading commands
(list, pdf, export, check) open the file read-only and read beside the app (SQLite's WAL).
"""

from __future__ import annotations

from pathlib import Path

import filelock

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.errors import DatabaseLocked
from kitcop_desktop.storage.faults import translate


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def locked_message(db_path: Path) -> str:
    return tr(
        "KitCOP Atelier est déjà ouvert sur ce fichier ({name}). Utilisez la fenêtre déjà ouverte. Rien n'a été modifié."
    ).format(name=Path(db_path).name)


class InstanceLock:
    """Held for as long as the app (or a writing command) has the database open."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path_for(self.db_path)
        self._lock = filelock.FileLock(self.path, timeout=0)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock, or raise DatabaseLocked / ReadOnlyDatabase / DiskFull (French)."""
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            raise DatabaseLocked(locked_message(self.db_path)) from None
        except OSError as exc:
            known = translate(exc, self.db_path)
            if known is None:
                raise
            raise known from exc

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
