"""Boards and post-its keep one identity (uid) across laptops (#23 item 7)."""

from __future__ import annotations

import re
import sqlite3

from kitcop_desktop.storage import boards, workshops
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage.models.board import Board, Card
from tests.storage.old_rows import add_workshop  # noqa: E402

UID = re.compile(r"[0-9a-f]{32}")


def test_migration_0012_gives_every_existing_board_and_post_it_its_own_identity(db_path):
    open_store(db_path, target="0011_actions_theme_test_plan").close()
    wid = add_workshop(db_path, "Atelier d'avant")
    con = sqlite3.connect(db_path)  # rows as the 0011 schema had them: no uid column yet
    for group in ("Table 1", "Table 2"):
        board = con.execute(
            "insert into boards (workshop_id, kind, title, subgroup, position, split_by_angle,"
            " spotlight, created_at, updated_at) values (?, 'speedboat', 'Speedboat', ?, 0, 0,"
            " '', '2026-01-01', '2026-01-01')",
            (wid, group),
        ).lastrowid
        for i in range(3):
            con.execute(
                "insert into board_cards (board_id, zone, position, text, author, colour, weight,"
                " angle, source, created_at, updated_at) values (?, 'brakes', ?, ?, '', '', 1,"
                " '', '', '2026-01-01', '2026-01-01')",
                (board, i, f"Frein {i}"),
            )
    con.commit()
    con.close()
    store = open_store(db_path)
    try:
        with store.read() as s:
            board_uids = [b.uid for b in s.query(Board)]
            card_uids = [c.uid for c in s.query(Card)]
        assert len(board_uids) == 2 and len(card_uids) == 6
        assert all(UID.fullmatch(u) for u in board_uids + card_uids)
        assert len(set(board_uids)) == 2 and len(set(card_uids)) == 6
        with store.write() as s:  # new rows get one too
            first = s.query(Board).order_by(Board.id).first().id
            card = boards.add_card(s, first, "levers", "Un levier")
            assert UID.fullmatch(card.uid) and card.uid not in card_uids
    finally:
        store.close()
    con = sqlite3.connect(db_path)
    from kitcop_desktop.storage.schema_head import SCHEMA_HEAD

    # Upgraded to the head (0012 then whatever came after it).
    assert con.execute("select version_num from alembic_version").fetchone()[0] == SCHEMA_HEAD
    con.close()


def test_migration_0012_goes_down_and_up_without_losing_a_post_it(db_path):
    from alembic import command

    from kitcop_desktop.storage import migrate

    store = open_store(db_path)
    with store.write() as s:
        wid = workshops.create(s, "Atelier").id
        board = boards.create_board(s, wid, "speedboat", "Speedboat", subgroup="Table 1")
        boards.add_card(s, board.id, "brakes", "Manque de formateurs")
    store.close()
    cfg = migrate.alembic_config(f"sqlite:///{db_path}")
    command.downgrade(cfg, "0011_actions_theme_test_plan")
    con = sqlite3.connect(db_path)
    assert con.execute("select text from board_cards").fetchall() == [("Manque de formateurs",)]
    assert "uid" not in {r[1] for r in con.execute("pragma table_info(board_cards)")}
    con.close()
    command.upgrade(cfg, "head")
    con = sqlite3.connect(db_path)
    assert [bool(UID.fullmatch(u)) for (u,) in con.execute("select uid from board_cards")] == [True]
    assert con.execute("select count(*) from board_cards").fetchone() == (1,)
    con.close()
