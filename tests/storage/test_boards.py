"""Board storage: cards, clusters, moves, merges, bad input refused with nothing changed."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters


@pytest.fixture
def board_id(store, workshop_id):
    with store.write() as s:
        return boards.create_board(s, workshop_id, "speedboat", "Speedboat", "Table 1").id


def test_pinned_api(store, workshop_id):
    with store.write() as s:
        b = boards.find_or_create_board(s, workshop_id, "kiss", "KISS")
        again = boards.find_or_create_board(s, workshop_id, "kiss", "KISS")
        assert again.id == b.id
        card = boards.add_card(
            s,
            b.id,
            "start",
            "Un binôme <artisan> & CFA 🚀",
            source="Entretien — Enquêté·e 3",
            source_interview_id=42,
        )
        assert card.text == "Un binôme <artisan> & CFA 🚀"
        assert [c.id for c in boards.cards_of(s, b.id)] == [card.id]
        assert [x.id for x in boards.list_boards(s, workshop_id, "kiss")] == [b.id]
        assert boards.list_boards(s, workshop_id, "speedboat") == []


@pytest.mark.parametrize(
    ("zone", "text"), [("brakes", ""), ("brakes", "   \n "), ("nowhere", "ok"), ("keep", "ok")]
)
def test_bad_cards_are_refused_and_nothing_changes(store, board_id, zone, text):
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        boards.add_card(s, board_id, zone, text)
    with store.read() as s:
        assert boards.cards_of(s, board_id) == []


def test_unknown_kind_refused(store, workshop_id):
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        boards.create_board(s, workshop_id, "bingo", "X")


def test_long_text_kept_whole_and_huge_text_refused(store, board_id):
    long = "mot " * 400
    with store.write() as s:
        assert boards.add_card(s, board_id, "levers", long).text == long.strip()
    with pytest.raises(InvalidInput), store.write() as s:
        boards.add_card(s, board_id, "levers", "x" * 50_000)


def test_paste_adds_one_card_per_line_in_order(store, board_id):
    with store.write() as s:
        added = boards.add_pasted(s, board_id, "brakes", "Coût\n- Délais\n\nManque de formateurs")
        assert [c.text for c in added] == ["Coût", "Délais", "Manque de formateurs"]
        assert [c.position for c in added] == [0, 1, 2]


def test_delete_and_restore_keeps_the_id(store, board_id):
    with store.write() as s:
        card_id = boards.add_card(s, board_id, "brakes", "Coût").id
        data = boards.delete_card(s, card_id)
        assert boards.cards_of(s, board_id) == []
        boards.restore_card(s, data)
        assert [c.id for c in boards.cards_of(s, board_id)] == [card_id]


def test_move_between_zones_and_back(store, board_id):
    with store.write() as s:
        card = boards.add_card(s, board_id, "brakes", "Coût")
        previous = boards.move_card(s, card.id, "levers")
        assert card.zone == "levers"
        boards.move_card(s, card.id, **previous)
        assert card.zone == "brakes" and card.position == 0


def test_duplicate_found_and_merged_then_unmerged(store, board_id):
    with store.write() as s:
        a = boards.add_card(s, board_id, "brakes", "Manque de formateurs", author="Table 1")
        b = boards.add_card(s, board_id, "brakes", "manque de FORMATEURS !", author="Table 2")
        assert [c.id for c in boards.find_duplicates(s, board_id, "Manque de formateurs.")] == [
            a.id,
            b.id,
        ]
        merged = boards.merge_cards(s, a.id, b.id)
        assert a.weight == 2 and a.author == "Table 1, Table 2"
        assert [c.id for c in boards.cards_of(s, board_id)] == [a.id]
        boards.unmerge_cards(s, merged)
        assert a.weight == 1 and len(boards.cards_of(s, board_id)) == 2


def test_cluster_create_rename_collapse_dissolve_and_undo(store, board_id):
    with store.write() as s:
        a = boards.add_card(s, board_id, "brakes", "Coût")
        b = boards.add_card(s, board_id, "levers", "Aides")
        created = clusters.create_cluster(s, board_id, "brakes", "Argent", [a.id, b.id])
        cid = created["cluster_id"]
        assert {c.cluster_id for c in boards.cards_of(s, board_id)} == {cid}
        assert b.zone == "brakes"
        prev = clusters.update_cluster(s, cid, title="Financement", collapsed=True)
        assert prev == {"title": "Argent", "collapsed": False}
        with pytest.raises(InvalidInput):
            clusters.update_cluster(s, cid, title="  ")
        # A card can only join a cluster of its own zone.
        with pytest.raises(InvalidInput):
            boards.move_card(s, b.id, "levers", cid)
        data = clusters.dissolve_cluster(s, cid)
        assert {c.cluster_id for c in boards.cards_of(s, board_id)} == {None}
        clusters.restore_cluster(s, data)
        assert {c.cluster_id for c in boards.cards_of(s, board_id)} == {cid}
        clusters.dissolve_cluster(s, cid)
        clusters.restore_cluster(s, data)
        clusters.undo_create_cluster(s, created)
        assert b.zone == "levers" and b.cluster_id is None
        assert clusters.clusters_of(s, board_id) == []


def test_spotlight_checked(store, board_id):
    with store.write() as s:
        boards.update_board(s, board_id, spotlight="zone:brakes")
        with pytest.raises(InvalidInput):
            boards.update_board(s, board_id, spotlight="zone:keep")


def test_delete_board_and_restore_everything(store, board_id):
    with store.write() as s:
        a = boards.add_card(s, board_id, "brakes", "Coût")
        clusters.create_cluster(s, board_id, "brakes", "Argent", [a.id])
        data = boards.delete_board(s, board_id)
    with store.write() as s:
        boards.restore_board(s, data)
    with store.read() as s:
        cards = boards.cards_of(s, board_id)
        assert [c.text for c in cards] == ["Coût"] and cards[0].cluster_id is not None
