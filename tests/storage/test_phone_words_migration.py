"""Migration 0021 (#19): a file from before gets the phones' words of speaking rounds, its
rounds and the words said aloud untouched."""

from __future__ import annotations

from kitcop_desktop.storage import rounds, rounds_phones, workshops
from kitcop_desktop.storage.migrate import current_revision, open_store
from kitcop_desktop.storage.schema_head import SCHEMA_HEAD


def test_migration_0021_adds_the_phones_words_to_a_file_with_rounds(db_path):
    old = open_store(db_path, target="0020_chantier_key_figures")
    try:
        with old.write() as s:
            wid = workshops.create(s, "Atelier d'avant").id
            round_id = rounds.create_round(s, wid, "closing").id
    finally:
        old.close()
    store = open_store(db_path)
    try:
        assert current_revision(store) == SCHEMA_HEAD
        with store.read() as s:
            assert rounds.get(s, round_id).kind == "closing"
            assert rounds_phones.word_count(s, round_id) == (0, 0)
        with store.write() as s:
            rounds_phones.send_word(s, round_id, "cd" * 8, "Confiante", True)
        with store.read() as s:
            assert rounds_phones.word_count(s, round_id) == (1, 1)
    finally:
        store.close()
