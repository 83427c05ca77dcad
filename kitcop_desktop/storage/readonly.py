"""Opening a SQLite file read-only with the standard library alone (no SQLAlchemy): the
store's read-only engine, the checks before opening, and `kitcop list` (quick_list.py) share it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that never writes a byte, not even the WAL's index.

    Beside a running app (WAL), `mode=ro` reads the latest commits. Where the WAL's index
    cannot be created (a read-only medium, a full disk), no other program has the file open,
    and with no pending WAL the file is read as immutable.
    """
    path = Path(path)
    uri = path.resolve().as_uri()
    sides = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [side.exists() for side in sides]
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return conn
    except sqlite3.OperationalError:
        wal, shm = sides
        live = (wal.exists() and wal.stat().st_size > 0) or (
            shm.exists() and shm.stat().st_size >= WAL_INDEX_MIN
        )
        if live:
            raise
        for side, was_there in zip(sides, existed, strict=True):
            if not was_there and side.exists():  # left by the failed attempt (a full disk)
                with contextlib.suppress(OSError):
                    side.unlink()
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)


# A WAL index in use is at least one 32 KiB block; anything smaller was never completed.
WAL_INDEX_MIN = 32768
