"""A board and its post-its keep their identity across laptops (#23 items 7 and 8).

Two real stores (a sous-groupe's laptop and the lead facilitator's), real .kitcop files
written and read back, real Alembic-migrated SQLite files.
"""

from __future__ import annotations

import json

import pytest

from kitcop_desktop.storage import boards, exchange, workshops
from kitcop_desktop.storage.exchange_board import NEW, plan_merge
from kitcop_desktop.storage.exchange_format import ExchangeError
from kitcop_desktop.storage.models.board import Board, Card

from .exchange_support import dump


@pytest.fixture
def laptops(tmp_path):
    from kitcop_desktop.storage.migrate import open_store

    table = open_store(tmp_path / "table.sqlite3")
    main = open_store(tmp_path / "main.sqlite3")
    yield table, main
    table.close()
    main.close()


def speedboat(store, subgroup, texts, workshop="Atelier") -> tuple[int, int]:
    with store.write() as s:
        wid = workshops.create(s, workshop).id
        board = boards.create_board(s, wid, "speedboat", "Speedboat", subgroup=subgroup)
        for zone, text in texts:
            boards.add_card(s, board.id, zone, text)
        return wid, board.id


def write(store, board_id, path):
    with store.read() as s:
        path.write_bytes(exchange.export_board(s, board_id))
    return path


def texts(store, board_id):
    with store.read() as s:
        return sorted(
            (c.zone, c.text, c.weight) for c in s.query(Card).filter_by(board_id=board_id)
        )


def test_an_edited_post_it_comes_back_as_that_post_it_not_a_copy(laptops, tmp_path):
    table, main = laptops
    _, board_id = speedboat(table, "Table 2", [("brakes", "Manque de formateurs")])
    main_id, _ = speedboat(main, "Plénière", [])
    first = exchange.import_file(
        main, write(table, board_id, tmp_path / "v1.kitcop"), into_workshop_id=main_id
    )
    with table.write() as s:  # the table rewords its post-it and adds one
        card = s.query(Card).filter_by(board_id=board_id).one()
        boards.update_card(s, card.id, text="Manque de formateurs qualifiés")
        boards.add_card(s, board_id, "levers", "Des CFA motivés")
    before = dump(main)
    preview = exchange.read_file(write(table, board_id, tmp_path / "v2.kitcop"))
    with main.read() as s:
        plan = plan_merge(s, preview, main_id)
    assert plan.target_id == first.board_id
    assert (plan.count("new"), plan.count("same"), plan.count("modified")) == (1, 0, 1)
    assert plan.counts_sentence() == "1 post-it nouveau, 0 déjà là, 1 modifié."
    with main.write() as s:
        result = exchange.import_in(s, preview, into_workshop_id=main_id)
    assert result.board_id == first.board_id
    assert "1 modifié" in result.message
    assert texts(main, first.board_id) == [
        ("brakes", "Manque de formateurs qualifiés", 1),
        ("levers", "Des CFA motivés", 1),
    ]
    again = exchange.import_file(main, tmp_path / "v2.kitcop", into_workshop_id=main_id)
    assert "aucun post-it ajouté, 2 déjà présents" in again.message
    with main.write() as s:  # undo puts the old text back and removes the new post-it
        exchange.undo_import(s, result)
    assert dump(main) == before


def test_an_edit_made_here_since_is_not_overwritten_by_an_older_file(laptops, tmp_path):
    table, main = laptops
    _, board_id = speedboat(table, "Table 2", [("brakes", "Manque de formateurs")])
    main_id, _ = speedboat(main, "Plénière", [])
    path = write(table, board_id, tmp_path / "v1.kitcop")
    landed = exchange.import_file(main, path, into_workshop_id=main_id).board_id
    with main.write() as s:
        card = s.query(Card).filter_by(board_id=landed).one()
        boards.update_card(s, card.id, text="Manque de formateurs (revu en plénière)")
    result = exchange.import_file(main, path, into_workshop_id=main_id)
    assert "1 déjà présent" in result.message
    assert texts(main, landed) == [("brakes", "Manque de formateurs (revu en plénière)", 1)]


def test_near_duplicates_across_subgroups_are_flagged_and_folded_only_on_request(laptops, tmp_path):
    table, main = laptops
    main_id, main_board = speedboat(
        main, "Table 2", [("brakes", "Manque de formateurs"), ("brakes", "Coût des formations")]
    )
    _, other = speedboat(
        table,
        "Table 3",
        [
            ("brakes", "manque  de Formateurs"),
            ("brakes", "Cout des formations"),
            ("levers", "Coût des formations"),  # another zone: another idea
            ("levers", "Une idée neuve"),
        ],
    )
    preview = exchange.read_file(write(table, other, tmp_path / "t3.kitcop"))
    with main.read() as s:
        auto = plan_merge(s, preview, main_id)
        into = plan_merge(s, preview, main_id, target=main_board)
    assert auto.target_id is None and auto.count("new") == 4  # another board: nothing near
    assert [(c.text, c.existing_text) for c in into.near] == [
        ("manque  de Formateurs", "Manque de formateurs"),
        ("Cout des formations", "Coût des formations"),
    ]
    assert into.counts_sentence() == (
        "2 post-it nouveaux, 0 déjà là, 0 modifié, 2 doublons probables."
    )
    cout = into.near[1].index
    with main.write() as s:
        result = exchange.import_in(
            s, preview, into_workshop_id=main_id, target=main_board, fuse=frozenset({cout})
        )
    assert result.board_id == main_board
    assert "1 fusionné avec son doublon" in result.message
    assert "1 doublon probable" in result.message
    assert texts(main, main_board) == [
        ("brakes", "Coût des formations", 2),  # « fusionner »: one post-it, weight 2
        ("brakes", "Manque de formateurs", 1),
        ("brakes", "manque  de Formateurs", 1),  # flagged, not ticked: both stay
        ("levers", "Coût des formations", 1),
        ("levers", "Une idée neuve", 1),
    ]


def test_two_laptops_first_boards_of_the_same_name_stay_apart(laptops, tmp_path):
    table, main = laptops
    main_id, mine = speedboat(main, "Sous-groupe 1", [("brakes", "Le temps manque")])
    _, theirs = speedboat(table, "Sous-groupe 1", [("brakes", "Les locaux sont loin")])
    result = exchange.import_file(
        main, write(table, theirs, tmp_path / "b.kitcop"), into_workshop_id=main_id
    )
    assert result.board_id != mine
    assert "« Speedboat — Sous-groupe 1 (2) » ajouté" in result.message
    assert texts(main, mine) == [("brakes", "Le temps manque", 1)]
    with main.read() as s:
        assert s.get(Board, result.board_id).subgroup == "Sous-groupe 1 (2)"
    # The same file again: the board it made, nothing added.
    again = exchange.import_file(main, tmp_path / "b.kitcop", into_workshop_id=main_id)
    assert again.board_id == result.board_id and "1 déjà présent" in again.message


def test_a_new_board_on_request_gets_its_own_identity(laptops, tmp_path):
    table, main = laptops
    _, board_id = speedboat(table, "Table 2", [("brakes", "Manque de formateurs")])
    main_id, _ = speedboat(main, "Plénière", [])
    path = write(table, board_id, tmp_path / "b.kitcop")
    first = exchange.import_file(main, path, into_workshop_id=main_id).board_id
    preview = exchange.read_file(path)
    second = exchange.apply_import(main, preview, into_workshop_id=main_id, target=NEW).board_id
    assert second != first
    with main.read() as s:
        assert s.get(Board, second).uid != s.get(Board, first).uid
        assert s.get(Board, second).subgroup == "Table 2 (2)"
    # A later import still finds the first one.
    assert exchange.import_file(main, path, into_workshop_id=main_id).board_id == first


def test_a_file_written_before_identities_imports_and_gets_them(laptops, tmp_path):
    table, main = laptops
    _, board_id = speedboat(table, "Table 2", [("brakes", "A"), ("levers", "B")])
    main_id, _ = speedboat(main, "Plénière", [])
    envelope = json.loads(write(table, board_id, tmp_path / "x.kitcop").read_bytes())
    for rows in envelope["tables"].values():
        for row in rows:
            row.pop("uid", None)
    old = tmp_path / "ancien.kitcop"
    old.write_text(json.dumps(envelope), encoding="utf-8")
    result = exchange.import_file(main, old, into_workshop_id=main_id)
    with main.read() as s:
        landed = s.get(Board, result.board_id)
        uids = [landed.uid] + [c.uid for c in landed.cards]
    assert len(set(uids)) == 3 and all(len(u) == 32 for u in uids)
    again = exchange.import_file(main, old, into_workshop_id=main_id)
    assert again.board_id == result.board_id and "2 déjà présents" in again.message


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("same", "deux fois le même post-it"),
        ("bad", "identifiant de post-it n'est pas valide"),
    ],
)
def test_a_file_with_a_broken_identity_is_refused_in_french(laptops, tmp_path, change, said):
    table, main = laptops
    _, board_id = speedboat(table, "Table 2", [("brakes", "A"), ("levers", "B")])
    main_id, _ = speedboat(main, "Plénière", [])
    envelope = json.loads(write(table, board_id, tmp_path / "x.kitcop").read_bytes())
    cards = envelope["tables"]["board_cards"]
    cards[1]["uid"] = cards[0]["uid"] if change == "same" else "<script>🎉</script>"
    bad = tmp_path / "abime.kitcop"
    bad.write_text(json.dumps(envelope), encoding="utf-8")
    before = dump(main)
    with pytest.raises(ExchangeError, match=said) as refused:
        exchange.import_file(main, bad, into_workshop_id=main_id)
    assert str(refused.value).endswith("Rien n'a été modifié.")
    assert dump(main) == before
