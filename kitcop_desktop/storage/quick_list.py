"""`kitcop list` with the standard library only: sqlite3, read-only, no SQLAlchemy, no Alembic.

Printing a few titles must not cost a second of imports (issue 15: 1.07 s, 44× a bare Python).
Only the ordinary case is answered here: a KitCOP file at the current schema that reads
cleanly. Anything else (no file, an older or newer schema, a damaged, foreign or lying file, a
file that cannot be opened read-only) returns None, and the command takes the full path, which
says what is wrong in one French sentence.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from kitcop_desktop.storage.readonly import connect_readonly
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD

# The same query as workshops.list_summaries: most recent first, undated last, trash left out.
_LISTING = (
    "SELECT id, date, title FROM workshops WHERE deleted_at IS NULL "
    "ORDER BY date IS NULL, date DESC, updated_at DESC"
)


def workshop_lines(db_path: Path) -> list[tuple[int, str, str]] | None:
    """(id, ISO date or « ---------- », title) of each workshop, or None (take the full path)."""
    db_path = Path(db_path)
    if not db_path.is_file():
        return None
    try:
        conn = connect_readonly(db_path)  # what the full path reads with, minus SQLAlchemy
    except (sqlite3.Error, OSError):
        return None
    try:
        if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(SCHEMA_HEAD,)]:
            return None
        rows = conn.execute(_LISTING).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    lines = []
    for workshop_id, day, title in rows:
        if not isinstance(workshop_id, int) or not isinstance(title, str):
            return None
        if day is None:
            shown = "----------"
        else:
            try:
                shown = date.fromisoformat(day).isoformat()
            except (TypeError, ValueError):
                return None
        lines.append((workshop_id, shown, title))
    return lines
