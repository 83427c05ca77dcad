"""`kitcop demo` fills a speedboat per sous-groupe (with sous-thématiques) and a KISS board."""

from __future__ import annotations

from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters


def test_demo_has_two_subgroup_speedboats_and_a_kiss(store, demo):
    workshop_id = demo
    with store.read() as s:
        speedboats = [b for b in boards.list_boards(s, workshop_id, "speedboat") if b.subgroup]
        assert [b.subgroup for b in speedboats] == [
            "Sous-groupe 1 — table bleue",
            "Sous-groupe 2 — table verte",
        ]
        for board in speedboats:
            zones = {c.zone for c in boards.cards_of(s, board.id)}
            assert zones == {"brakes", "levers"}
            assert clusters.clusters_of(s, board.id)
        (kiss,) = boards.list_boards(s, workshop_id, "kiss")
        cards = boards.cards_of(s, kiss.id)
        assert {c.zone for c in cards} == {"keep", "improve", "start", "stop"}
        assert any(c.weight == 2 for c in cards)  # a merged « déjà présent »
