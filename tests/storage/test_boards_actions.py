"""KISS « on commence » → fiches actions: one fiche per sous-thématique, its post-its in it."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import actions, boards
from kitcop_desktop.storage import boards_actions as kiss
from kitcop_desktop.storage import boards_clusters as clusters


@pytest.fixture
def kiss_board(store, workshop_id):
    """Two « comité » post-its grouped in « on commence », a loose one, and one elsewhere."""
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "Rétrospective KISS")
        a = boards.add_card(s, board.id, "start", "Un comité de suivi mensuel").id
        b = boards.add_card(s, board.id, "start", "Un comité avec les entreprises").id
        c = boards.add_card(s, board.id, "start", "Un forum des métiers au lycée").id
        d = boards.add_card(s, board.id, "keep", "Les visites de chantier").id
        boards.update_card(s, b, weight=2)
        cluster = clusters.create_cluster(s, board.id, "start", "Comité de pilotage", [a, b])
        return {"board": board.id, "a": a, "b": b, "c": c, "d": d, "cluster": cluster["cluster_id"]}


def _fiches(store, workshop_id):
    with store.read() as s:
        return [(f.origin_ref, f.action, f.description) for f in actions.list_for(s, workshop_id)]


def test_a_sous_thematique_becomes_one_fiche_listing_its_post_its(store, workshop_id, kiss_board):
    """Issue #22 item 2: two grouped « comité » post-its became two fiches with the same défi."""
    with store.write() as s:
        made = kiss.start_to_actions(s, workshop_id, kiss_board["board"])
    fiches = _fiches(store, workshop_id)
    assert len(made) == len(fiches) == 2
    ref, action, description = fiches[0]
    assert ref == f"cluster:{kiss_board['cluster']}"
    assert action == "Comité de pilotage"
    assert "• Un comité de suivi mensuel" in description
    assert "• Un comité avec les entreprises (×2)" in description
    assert fiches[1][:2] == (f"card:{kiss_board['c']}", "Un forum des métiers au lycée")
    with store.write() as s:  # again: nothing twice
        assert kiss.start_to_actions(s, workshop_id, kiss_board["board"]) == []
    with store.read() as s:
        done = kiss.converted(s, workshop_id)
    assert done.clusters == {kiss_board["cluster"]: 1}
    assert done.cards == {kiss_board["a"]: 1, kiss_board["b"]: 1, kiss_board["c"]: 2}


def test_a_chosen_card_of_a_group_brings_its_group(store, workshop_id, kiss_board):
    with store.write() as s:
        kiss.start_to_actions(s, workshop_id, kiss_board["board"], card_ids=[kiss_board["a"]])
    assert [f[0] for f in _fiches(store, workshop_id)] == [f"cluster:{kiss_board['cluster']}"]


def test_only_a_kiss_board_and_its_on_commence(store, workshop_id, kiss_board):
    with store.write() as s:
        assert kiss.start_to_actions(s, workshop_id, kiss_board["board"], [kiss_board["d"]]) == []
        speedboat = boards.create_board(s, workshop_id, "speedboat", "Speedboat").id
    with pytest.raises(InvalidInput, match="Rien n'a été créé"), store.write() as s:
        kiss.start_to_actions(s, workshop_id, speedboat)


def test_an_imported_workshop_keeps_its_groups_fiches(store, workshop_id, kiss_board, tmp_path):
    """« cluster:N » is remapped on import: the copy's board still knows its group's fiche."""
    from kitcop_desktop.storage import exchange
    from tests.storage.exchange_support import export_bytes

    with store.write() as s:
        kiss.start_to_actions(s, workshop_id, kiss_board["board"])
    path = tmp_path / "kiss.kitcop"
    path.write_bytes(export_bytes(store, workshop_id))
    new_id = exchange.import_file(store, path).workshop_id
    with store.read() as s:
        (board,) = boards.list_boards(s, new_id, "kiss")
        (group,) = board.clusters
        board_id = board.id
        assert kiss.converted(s, new_id).clusters == {group.id: 1}
    with store.write() as s:
        assert kiss.start_to_actions(s, new_id, board_id) == []
