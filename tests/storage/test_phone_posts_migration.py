"""Migration 0019 (#19): a file from before phones gets the tray of post-its from phones,
its boards and post-its untouched."""

from __future__ import annotations

from kitcop_desktop.storage import boards, boards_phones, workshops
from kitcop_desktop.storage.migrate import current_revision, open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD


def test_migration_0019_adds_the_tray_to_a_file_with_boards(db_path):
    old = open_store(db_path, target="0018_board_card_indexes")
    try:
        with old.write() as s:
            wid = workshops.create(s, "Atelier d'avant").id
            board_id = boards.create_board(s, wid, "kiss", "KISS").id
            boards.add_card(s, board_id, "keep", "On garde le café")
    finally:
        old.close()
    store = open_store(db_path)
    try:
        assert current_revision(store) == SCHEMA_HEAD
        with store.read() as s:
            assert [c.text for c in boards.cards_of(s, board_id)] == ["On garde le café"]
            assert boards_phones.waiting_count(s, board_id) == 0
        with store.write() as s:
            boards_phones.post_from_phone(s, board_id, "start", "Un covoiturage", "cd" * 8)
        with store.read() as s:
            assert boards_phones.waiting_count(s, board_id) == 1
    finally:
        store.close()
