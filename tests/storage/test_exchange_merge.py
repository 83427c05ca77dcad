"""Merging a sous-groupe's board into the main workshop: added, never overwritten, no doubles."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import boards, exchange, workshops
from kitcop_desktop.storage.exchange_format import ExchangeError
from kitcop_desktop.storage.models.board import Board, Card, Cluster

from .exchange_support import dump


@pytest.fixture
def laptops(tmp_path):
    """Two stores: the sous-groupe's laptop and the lead facilitator's."""
    from kitcop_desktop.storage.migrate import open_store

    table = open_store(tmp_path / "table2.sqlite3")
    main = open_store(tmp_path / "main.sqlite3")
    yield table, main
    table.close()
    main.close()


def board_file(store, board_id, path):
    with store.read() as s:
        path.write_bytes(exchange.export_board(s, board_id))
    return path


def cards(store, board_id):
    with store.read() as s:
        return sorted(
            (c.zone, c.text, c.cluster_id is not None)
            for c in s.query(Card).filter_by(board_id=board_id)
        )


def fill_table_board(store):
    with store.write() as s:
        wid = workshops.create(s, "Atelier de la table 2").id
        board = boards.create_board(s, wid, "speedboat", "Speedboat", subgroup="Table 2")
        first = boards.add_card(s, board.id, "brakes", "Manque de formateurs")
        boards.add_card(s, board.id, "levers", "Des CFA motivés")
        boards.add_card(s, board.id, "levers", "Des CFA motivés")
        from kitcop_desktop.storage import boards_clusters

        boards_clusters.create_cluster(s, board.id, "brakes", "Formation", [first.id])
        return board.id


def test_board_lands_in_the_workshop_as_a_new_board(laptops, tmp_path):
    table, main = laptops
    board_id = fill_table_board(table)
    path = board_file(table, board_id, tmp_path / "table2.kitcop")
    with main.write() as s:
        main_id = workshops.create(s, "Atelier principal").id
    result = exchange.import_file(main, path, into_workshop_id=main_id)
    assert result.kind == "board" and result.workshop_id == main_id
    assert "ajouté" in result.message
    with main.read() as s:
        board = s.get(Board, result.board_id)
        assert (board.workshop_id, board.subgroup, board.kind) == (main_id, "Table 2", "speedboat")
    assert cards(main, result.board_id) == cards(table, board_id)


def test_same_file_twice_adds_nothing(laptops, tmp_path):
    table, main = laptops
    board_id = fill_table_board(table)
    path = board_file(table, board_id, tmp_path / "table2.kitcop")
    with main.write() as s:
        main_id = workshops.create(s, "Atelier principal").id
    first = exchange.import_file(main, path, into_workshop_id=main_id)
    before = dump(main)
    second = exchange.import_file(main, path, into_workshop_id=main_id)
    assert second.board_id == first.board_id
    assert "aucun post-it ajouté, 3 déjà présents" in second.message
    assert dump(main) == before


def test_new_cards_are_added_to_the_subgroup_board_and_nothing_is_overwritten(laptops, tmp_path):
    table, main = laptops
    board_id = fill_table_board(table)
    path = board_file(table, board_id, tmp_path / "table2.kitcop")
    with main.write() as s:
        main_id = workshops.create(s, "Atelier principal").id
    main_board = exchange.import_file(main, path, into_workshop_id=main_id).board_id
    # The lead edits a card in the main workshop; the table adds two more on its laptop.
    with main.write() as s:
        card = s.query(Card).filter_by(board_id=main_board, zone="brakes").one()
        boards.update_card(s, card.id, text="Manque de formateurs (revu en plénière)")
        s.get(Board, main_board).title = "Speedboat de la table 2"
    with table.write() as s:
        boards.add_card(s, board_id, "brakes", "Coût des formations")
        boards.add_card(s, board_id, "levers", "Aides de la Région")
    path = board_file(table, board_id, tmp_path / "table2-v2.kitcop")
    result = exchange.import_file(main, path, into_workshop_id=main_id)
    assert result.board_id == main_board
    texts = [t for _, t, _ in cards(main, main_board)]
    assert "Manque de formateurs (revu en plénière)" in texts  # the lead's edit is kept
    assert "Coût des formations" in texts and "Aides de la Région" in texts
    assert texts.count("Des CFA motivés") == 2
    with main.read() as s:
        assert s.get(Board, main_board).title == "Speedboat de la table 2"
        assert s.query(Cluster).filter_by(board_id=main_board).count() == 1


def test_other_subgroup_gets_its_own_board(laptops, tmp_path):
    table, main = laptops
    board_id = fill_table_board(table)
    path2 = board_file(table, board_id, tmp_path / "t2.kitcop")
    with table.write() as s:  # another board (renaming the same one would keep its identity)
        wid = s.get(Board, board_id).workshop_id
        other = boards.create_board(s, wid, "speedboat", "Speedboat", subgroup="Table 3")
        boards.add_card(s, other.id, "brakes", "Manque de formateurs")
    path3 = board_file(table, other.id, tmp_path / "t3.kitcop")
    with main.write() as s:
        main_id = workshops.create(s, "Atelier principal").id
    b2 = exchange.import_file(main, path2, into_workshop_id=main_id).board_id
    b3 = exchange.import_file(main, path3, into_workshop_id=main_id).board_id
    assert b2 != b3
    with main.read() as s:
        assert {b.subgroup for b in s.query(Board).filter_by(workshop_id=main_id)} == {
            "Table 2",
            "Table 3",
        }


def test_board_into_the_same_workshop_changes_nothing(store, tmp_path):
    board_id = fill_table_board(store)
    with store.read() as s:
        workshop_id = s.get(Board, board_id).workshop_id
    path = board_file(store, board_id, tmp_path / "b.kitcop")
    before = dump(store)
    result = exchange.import_file(store, path, into_workshop_id=workshop_id)
    assert result.board_id == board_id
    assert dump(store) == before


def test_board_needs_a_workshop_to_land_in(store, tmp_path):
    board_id = fill_table_board(store)
    path = board_file(store, board_id, tmp_path / "b.kitcop")
    before = dump(store)
    with pytest.raises(ExchangeError, match="Ouvrez d'abord l'atelier"):
        exchange.import_file(store, path)
    with pytest.raises(ExchangeError, match="n'existe pas"):
        exchange.import_file(store, path, into_workshop_id=999)
    assert dump(store) == before


def test_board_file_carries_no_workshop_data(store, tmp_path):
    import json

    board_id = fill_table_board(store)
    envelope = json.loads(board_file(store, board_id, tmp_path / "b.kitcop").read_bytes())
    assert envelope["kind"] == "board"
    assert set(envelope["tables"]) == {"boards", "board_clusters", "board_cards"}
    assert "workshop_id" not in envelope["tables"]["boards"][0]
    assert envelope["title"] == "Speedboat — Table 2"


def test_undo_of_a_merge_removes_only_what_it_added(laptops, tmp_path):
    table, main = laptops
    board_id = fill_table_board(table)
    path = board_file(table, board_id, tmp_path / "table2.kitcop")
    with main.write() as s:
        main_id = workshops.create(s, "Atelier principal").id
    exchange.import_file(main, path, into_workshop_id=main_id)
    with table.write() as s:
        boards.add_card(s, board_id, "brakes", "Coût des formations")
    before = dump(main)
    preview = exchange.read_file(board_file(table, board_id, tmp_path / "v2.kitcop"))
    with main.write() as s:
        result = exchange.import_in(s, preview, into_workshop_id=main_id)
    assert result.created == {"board_cards": [max(result.created["board_cards"])]}
    with main.write() as s:
        exchange.undo_import(s, result)
    assert dump(main) == before
    # Undo of a first import removes the whole new board, cards and clusters with it.
    with main.write() as s:
        other = workshops.create(s, "Autre atelier").id
    empty = dump(main)
    with main.write() as s:
        result = exchange.import_in(s, preview, into_workshop_id=other)
    with main.write() as s:
        exchange.undo_import(s, result)
    assert dump(main) == empty
