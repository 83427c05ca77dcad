"""One app instance per database file.

An OS-level lock (fcntl on POSIX, msvcrt on Windows) on a file beside the database: the
operating system releases it when the process dies, so a crash or a kill never leaves a stale
lock behind, and a second instance is refused without touching the data.
"""

from __future__ import annotations

import os
from pathlib import Path

from kitcop_desktop.storage.errors import DatabaseLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """Held for as long as the app has the database open."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(Path(db_path))
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseLocked(
                "KitCOP Atelier est déjà ouvert sur ce fichier "
                f"({self.path.with_suffix('').name}). Utilisez la fenêtre déjà ouverte. "
                "Rien n'a été modifié."
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
