"""Board kinds and layout: zones as data, duplicate keys, pasted lines, nothing overlaps."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.board_kinds import KINDS, matches, next_zone, normalise, split_pasted
from kitcop_desktop.domain.board_layout import Block, layout_board
from kitcop_desktop.domain.palette import ZONE_COLOURS


def test_pinned_zones_per_kind():
    assert KINDS["speedboat"].zone_keys == ("levers", "brakes")
    assert set(KINDS["kiss"].zone_keys) == {"keep", "improve", "start", "stop"}
    # Both of the kit's wordings of the chemin (issue #22 item 10: « ré-essayé », « détecté »).
    assert KINDS["retro_path"].zone_keys == (
        "worked",
        "did_not_work",
        "retried",
        "detected",
        "loved",
        "hated",
        "learned",
    )
    assert KINDS["astonishment"].zone_keys == ("agree", "surprised", "missing", "other")
    for kind in KINDS.values():
        assert {z for row in kind.rows for z in row} == set(kind.zone_keys)
        for zone in kind.zones:
            assert zone.colour == ZONE_COLOURS[zone.key]


def test_tab_walks_the_zones_and_wraps():
    # In the kit's order: on garde, on jette, on améliore, on commence.
    assert next_zone("kiss", "keep") == "stop"
    assert next_zone("kiss", "start") == "keep"
    assert next_zone("kiss", "keep", -1) == "start"


def test_kiss_zones_are_the_kits_and_keep_their_stored_keys():
    """Issue #22 item 10: the kit says « on jette », not « on arrête », in this order; files
    made before keep their « stop » key."""
    kiss = KINDS["kiss"]
    assert [z.label for z in kiss.zones] == ["On garde", "On jette", "On améliore", "On commence"]
    assert kiss.zone_keys == ("keep", "stop", "improve", "start")
    assert "nouvelles actions" in kiss.zone("start").hint


def test_duplicates_ignore_case_accents_and_punctuation():
    assert normalise("  Manque de FORMATEURS !") == normalise("manque de formateurs")
    assert normalise("Aides éclatées") == normalise("aides eclatees")
    assert normalise("Coût") != normalise("Coûts élevés")


def test_paste_makes_one_card_per_line_without_bullets():
    assert split_pasted("- un\n\n• deux\r\n  trois  \n") == ["un", "deux", "trois"]


def test_search_matches_every_word():
    assert matches("Manque de formateurs en CFA", "formateur cfa")
    assert not matches("Manque de formateurs", "apprentis")


@pytest.mark.parametrize("count", [0, 1, 7, 120])
def test_layout_never_overlaps(count):
    blocks = {
        "keep": [Block(f"c{i}", 40 + (i % 5) * 30) for i in range(count)],
        "start": [Block("k1", is_cluster=True, children=[("x1", 60), ("x2", 90)])],
    }
    layout = layout_board(KINDS["kiss"].rows, blocks)
    top_level = [layout.items[b.key] for bs in blocks.values() for b in bs]
    for i, a in enumerate(top_level):
        for b in top_level[i + 1 :]:
            assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y
    zone = layout.zones["keep"]
    for b in blocks["keep"]:
        r = layout.items[b.key]
        assert zone.x <= r.x and r.right <= zone.right and zone.y <= r.y and r.bottom <= zone.bottom
    zones = list(layout.zones.values())
    for i, a in enumerate(zones):
        for b in zones[i + 1 :]:
            assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y
