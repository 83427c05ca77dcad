"""Migration 0018 (#15): a library with post-its, from 0016, keeps them all, and the two
lookups every post-it typed makes — the zone's next place, what changed since a view last
read the board — are index searches, so typing stays as quick on a board of thousands."""

from __future__ import annotations

import sqlite3

from kitcop_desktop.storage import boards, workshops
from kitcop_desktop.storage.migrate import current_revision, head_revision, open_store


def _plan(con: sqlite3.Connection, sql: str, args: tuple) -> str:
    return " ".join(row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + sql, args))


def test_post_its_kept_and_found_by_index_after_0018(db_path):
    store = open_store(db_path, target="0016_seats_by_hand")
    with store.write() as s:
        wid = workshops.create(s, "Atelier d'avant").id
        board_id = boards.create_board(s, wid, "speedboat", "Bateau", "").id
        for n in range(30):
            boards.add_card(s, board_id, ("levers", "brakes")[n % 2], f"Idée n° {n} « & < ! »")
    store.close()

    store = open_store(db_path)
    try:
        assert current_revision(store) == head_revision()
        with store.write() as s:
            texts = [c.text for c in boards.cards_of(s, board_id)]
            assert len(texts) == 30 and "Idée n° 7 « & < ! »" in texts
            card = boards.add_card(s, board_id, "levers", "Une de plus")
            assert card.position == 15  # after the 15 levers already there
    finally:
        store.close()

    con = sqlite3.connect(db_path)
    try:
        next_place = _plan(
            con,
            "SELECT max(position) FROM board_cards WHERE board_id = ? AND zone = ?",
            (board_id, "levers"),
        )
        changed = _plan(
            con,
            "SELECT id FROM board_cards WHERE board_id = ? AND updated_at >= ?",
            (board_id, "2026-01-01"),
        )
    finally:
        con.close()
    assert "ix_board_cards_board_id_zone_position" in next_place
    assert "ix_board_cards_board_id_updated_at" in changed
