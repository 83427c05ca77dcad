"""Rows written as an older schema had them, in plain SQL: the models describe the head, so
`workshops.create` on a file at an old revision would name columns it does not have yet."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def add_workshop(db_path: Path, title: str) -> int:
    """A workshop as every revision since 0001 has it; returns its id."""
    con = sqlite3.connect(db_path)
    try:
        workshop_id = con.execute(
            "insert into workshops (title, place, problem_statement, participation_level,"
            " facilitators, notes, created_at, updated_at)"
            " values (?, '', '', 'co_construction', '', '', '2026-01-01', '2026-01-01')",
            (title,),
        ).lastrowid
        con.commit()
    finally:
        con.close()
    assert workshop_id is not None
    return workshop_id
