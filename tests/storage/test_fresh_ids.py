"""Ids are never given twice while the app runs (storage/fresh_ids.py): a row deleted last
does not lend its id to the next one, so an undo history that still names it stays right."""

from __future__ import annotations

from kitcop_desktop.storage import boards
from kitcop_desktop.storage.engine import Store


def test_the_id_of_the_last_row_deleted_is_not_given_again(store, workshop_id):
    with store.write() as s:
        first = boards.create_board(s, workshop_id, "speedboat", "Premier").id
        card = boards.add_card(s, first, "brakes", "Le bus").id
    with store.write() as s:
        snapshot = boards.delete_board(s, first)  # the largest ids of both tables
    with store.write() as s:
        second = boards.create_board(s, workshop_id, "speedboat", "Second").id
        other = boards.add_card(s, second, "brakes", "Le train").id
    assert second > first and other > card
    with store.write() as s:  # and the deleted board comes back as it was, beside the new one
        boards.restore_board(s, snapshot)
    with store.read() as s:
        assert sorted(b.title for b in boards.list_boards(s, workshop_id)) == ["Premier", "Second"]


def test_rows_deleted_before_the_first_insert_of_a_session_count_too(store, workshop_id, db_path):
    with store.write() as s:
        last = boards.create_board(s, workshop_id, "speedboat", "Dernier").id
    store.close()
    again = Store.open(db_path)  # the app started again: deleted first, then a new board
    try:
        with again.write() as s:
            boards.delete_board(s, last)
        with again.write() as s:
            assert boards.create_board(s, workshop_id, "kiss", "Nouveau").id > last
    finally:
        again.close()
