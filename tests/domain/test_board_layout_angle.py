"""A chemin split by angle: each zone in lanes (Actions, Ressentis, Sans angle), as a grid."""

from __future__ import annotations

from kitcop_desktop.domain.board_kinds import KINDS, angle_lanes
from kitcop_desktop.domain.board_layout import (
    Block,
    best_layout,
    lane_of,
    layout_board,
    search_layout,
)

ROWS = KINDS["retro_path"].rows


def _blocks() -> dict[str, list[Block]]:
    blocks = {z: [] for z in KINDS["retro_path"].zone_keys}
    for zone in ("worked", "loved", "learned"):
        for i in range(3):
            blocks[zone].append(Block(f"a-{zone}-{i}", 60 + 10 * i, lane="actions"))
            blocks[zone].append(Block(f"f-{zone}-{i}", 80, lane="feelings"))
    blocks["hated"].append(Block("n-hated", 70, lane=""))
    return blocks


def _inside(inner, outer) -> bool:
    return (
        outer.x <= inner.x
        and inner.right <= outer.right
        and outer.y <= inner.y
        and inner.bottom <= outer.bottom
    )


def _overlap(a, b) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_lanes_only_on_a_split_chemin():
    assert angle_lanes("retro_path", False, ["actions"]) == ()
    assert angle_lanes("kiss", True, ["actions"]) == ()
    assert angle_lanes("retro_path", True, ["actions", "feelings"]) == ("actions", "feelings")
    # Cards still without an angle get their own lane, last, only while some remain.
    assert angle_lanes("retro_path", True, ["actions", ""]) == ("actions", "feelings", "")


def test_each_card_lies_in_its_angle_lane():
    blocks = _blocks()
    lanes = ("actions", "feelings", "")
    layout = layout_board(ROWS, blocks, lanes=lanes, columns=2)
    assert set(layout.lanes) == {(z, lane) for z in KINDS["retro_path"].zone_keys for lane in lanes}
    for zone, zone_blocks in blocks.items():
        for block in zone_blocks:
            card = layout.items[block.key]
            assert _inside(card, layout.lanes[(zone, block.lane)]), block.key
            for other, rect in layout.lanes.items():
                if other != (zone, block.lane):
                    assert not _overlap(card, rect), (block.key, other)
    # Lanes sit inside their zone, below its label, and do not overlap each other.
    for (zone, _lane), rect in layout.lanes.items():
        assert _inside(rect, layout.zones[zone])
    worked = [layout.lanes[("worked", lane)] for lane in lanes]
    assert worked[0].bottom <= worked[1].y and worked[1].bottom <= worked[2].y


def test_lanes_line_up_across_the_row():
    layout = layout_board(ROWS, _blocks(), lanes=("actions", "feelings"), columns=1)
    tops = {(lane, r.y, r.h) for (_z, lane), r in layout.lanes.items()}
    # One band of actions, one of ressentis, across each row of the chemin's zones (two rows
    # since the chemin has the kit's seven stations).
    assert len(tops) == 2 * len(ROWS)
    for row in ROWS:
        assert len({(lane, r.y) for (z, lane), r in layout.lanes.items() if z in row}) == 2


def test_lane_of_finds_the_lane_under_a_point():
    layout = layout_board(ROWS, _blocks(), lanes=("actions", "feelings"), columns=2)
    r = layout.lanes[("loved", "feelings")]
    assert lane_of((r.x + 5, r.y + 5), layout.lanes) == ("loved", "feelings")
    assert lane_of((-100, -100), layout.lanes) is None


def test_search_and_best_layout_pass_the_lanes_on():
    blocks = _blocks()
    lanes = ("actions", "feelings", "")
    choice = search_layout(ROWS, blocks, aspect=16 / 9, lanes=lanes)
    printed = best_layout(ROWS, blocks, lanes=lanes)
    for layout in (choice.layout, printed):
        assert len(layout.lanes) == 3 * len(KINDS["retro_path"].zone_keys)
        assert _inside(layout.items["f-loved-0"], layout.lanes[("loved", "feelings")])


def test_no_lanes_keeps_the_usual_layout():
    blocks = _blocks()
    plain = layout_board(ROWS, blocks, columns=2)
    assert plain.lanes == {}
    assert plain.zones == layout_board(ROWS, blocks, columns=2, lanes=()).zones
