"""A board laid out afresh picks its column count from bounds, measuring only the counts the
bounds cannot decide (#15): the same count, scale and layout as measuring every count."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kitcop_desktop.domain import board_layout
from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.board_layout import (
    Block,
    choose_columns,
    column_candidates,
    fitted_scale,
    layout_board,
    search_layout,
)


def every_count(rows, blocks, *, aspect, card_width, row_gap, margin, banner, min_zone_width):
    """The search as it was: every count measured until one falls under 80 % of the best."""
    tried: dict[int, float] = {}
    best = 0.0
    for columns in column_candidates(0):
        layout = layout_board(
            rows,
            blocks,
            columns=columns,
            row_gap=row_gap,
            card_width=card_width,
            measure_only=True,
            min_zone_width=min_zone_width,
        )
        tried[columns] = fitted_scale(layout.width, layout.height, aspect, margin, banner)
        best = max(best, tried[columns])
        if tried[columns] < best * 0.8:
            break
    chosen = choose_columns(tried, 0)
    return chosen, tried[chosen]


heights = st.floats(min_value=40, max_value=400, allow_nan=False)
card = st.tuples(heights, st.booleans())


@settings(max_examples=120, deadline=None)
@given(
    kind=st.sampled_from(["speedboat", "kiss", "retro_path", "astonishment"]),
    zone_cards=st.lists(st.lists(heights, max_size=400), min_size=1, max_size=4),
    clustered=st.lists(st.lists(heights, min_size=1, max_size=12), max_size=4),
    aspect=st.sampled_from([16 / 9, 4 / 3, 21 / 9, 1.0]),
    card_width=st.sampled_from([200.0, 260.0, 340.0]),
    min_zone_width=st.sampled_from([0.0, 420.0, 1500.0]),
    banner=st.sampled_from([0.0, 90.0, 400.0]),
)
def test_the_bounded_search_chooses_as_measuring_every_count(
    kind, zone_cards, clustered, aspect, card_width, min_zone_width, banner
):
    rows = KINDS[kind].rows
    zones = [z for row in rows for z in row]
    blocks: dict[str, list[Block]] = {z: [] for z in zones}
    for i, cards in enumerate(zone_cards):
        zone = zones[i % len(zones)]
        blocks[zone] += [Block(f"c{i}-{n}", h) for n, h in enumerate(cards)]
    for i, children in enumerate(clustered):
        blocks[zones[-1 - i % len(zones)]].append(
            Block(
                f"g{i}",
                is_cluster=True,
                children=[(f"g{i}-{n}", h) for n, h in enumerate(children)],
                collapsed=i == 2,
            )
        )

    def banner_height(width: float) -> float:  # a long title wraps on a narrow board
        return banner * 2000 / max(width, 1.0)

    chosen = search_layout(
        rows,
        blocks,
        aspect=aspect,
        card_width=card_width,
        row_gap=24.0,
        margin=16.0,
        banner_height=banner_height,
        min_zone_width=min_zone_width,
    )
    columns, scale = every_count(
        rows,
        blocks,
        aspect=aspect,
        card_width=card_width,
        row_gap=24.0,
        margin=16.0,
        banner=banner_height,
        min_zone_width=min_zone_width,
    )
    assert (chosen.columns, chosen.scale) == (columns, scale)
    assert chosen.layout == layout_board(
        rows,
        blocks,
        columns=columns,
        row_gap=24.0,
        card_width=card_width,
        min_zone_width=min_zone_width,
    )


def test_a_large_board_is_measured_a_few_times_not_forty(monkeypatch):
    """5,000 post-its of a KISS board: the counts near the best are measured, not all 40."""
    rows = KINDS["kiss"].rows
    zones = [z for row in rows for z in row]
    blocks = {z: [Block(f"{z}-{n}", 60 + (n * 37) % 120) for n in range(1250)] for z in zones}
    measured: list[int] = []
    real = board_layout.layout_board

    def counting(*args, **kwargs):
        if kwargs.get("measure_only"):
            measured.append(kwargs["columns"])
        return real(*args, **kwargs)

    monkeypatch.setattr(board_layout, "layout_board", counting)
    chosen = search_layout(rows, blocks, aspect=16 / 9)
    monkeypatch.setattr(board_layout, "layout_board", real)
    assert (chosen.columns, chosen.scale) == every_count(
        rows,
        blocks,
        aspect=16 / 9,
        card_width=board_layout.CARD_WIDTH,
        row_gap=board_layout.GAP,
        margin=0.0,
        banner=lambda _w: 0.0,
        min_zone_width=0.0,
    )
    assert len(measured) <= 10, measured
