"""Auto-layout of a board: zones side by side in rows, cards and clusters flowed in columns.

Pure geometry, no Qt: the view measures each card's height and asks where everything goes.
Rules: nothing overlaps; a zone grows with its content; rows of zones share one height;
the number of card columns in a zone grows with its content so a board stays wide rather
than endlessly tall (it must fit a 16:9 projector).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

CARD_WIDTH = 260.0
GAP = 16.0
ZONE_PADDING = 20.0
ZONE_HEADER = 84.0  # room for the zone's label and hint
CLUSTER_HEADER = 44.0
MIN_ZONE_HEIGHT = 220.0
LANE_HEADER = 46.0  # a lane's label (« Actions », « Ressentis »…)
MIN_LANE_CONTENT = 72.0  # an empty lane still has room to drop a card into


class Rect(NamedTuple):
    """Where a zone, cluster or card goes (a tuple: thousands are made per layout)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w


@dataclass
class Block:
    """One thing a zone holds: a loose card (no children) or a cluster and its cards."""

    key: str
    height: float = 0.0  # a card's height; ignored for a cluster
    children: list[tuple[str, float]] = field(default_factory=list)
    is_cluster: bool = False
    collapsed: bool = False
    header: float = CLUSTER_HEADER  # a cluster's title area; a long title wraps and grows it
    lane: str = ""  # on a board split into lanes (the chemin by angle): which lane it goes in

    def total_height(self) -> float:
        if not self.is_cluster:
            return self.height
        if self.collapsed or not self.children:
            return self.header + (0 if self.collapsed else GAP * 2)
        return self.header + sum(h + GAP for _, h in self.children) + GAP / 2


@dataclass
class Layout:
    zones: dict[str, Rect]
    items: dict[str, Rect]  # card and cluster keys -> where they go
    width: float
    height: float
    # A board split into lanes: (zone, lane) -> the lane's area inside its zone, label on top.
    lanes: dict[tuple[str, str], Rect] = field(default_factory=dict)


def lane_of(
    point: tuple[float, float], lanes: dict[tuple[str, str], Rect]
) -> tuple[str, str] | None:
    """The (zone, lane) whose area holds this point, or None."""
    x, y = point
    for key, r in lanes.items():
        if r.x <= x <= r.right and r.y <= y <= r.bottom:
            return key
    return None


def _split(zone_blocks: list[Block], lanes: tuple[str, ...]) -> dict[str, list[Block]]:
    """A zone's blocks by lane; a block of an unknown lane goes to the last one."""
    by_lane: dict[str, list[Block]] = {lane: [] for lane in lanes}
    for block in zone_blocks:
        by_lane[block.lane if block.lane in by_lane else lanes[-1]].append(block)
    return by_lane


def columns_for(blocks: list[Block], minimum: int = 2, maximum: int = 12) -> int:
    """More columns for fuller zones: about as many columns as rows of cards."""
    count = sum(max(1, len(b.children)) if b.is_cluster else 1 for b in blocks)
    return max(minimum, min(maximum, math.ceil(math.sqrt(count * 0.9))))


def _flow(
    blocks: list[Block],
    columns: int,
    x0: float,
    y0: float,
    items: dict[str, Rect] | None,
    card_width: float = CARD_WIDTH,
) -> float:
    """Masonry: each block goes to the shortest column (leftmost on a tie).

    Returns the content height; `items=None` only measures (the column search tries several
    counts and places the cards for one). A heap keeps it O(n log columns).
    """
    if items is None:
        return _measure(blocks, columns)
    free = [(0.0, col) for col in range(columns)]  # (height so far, column), a valid heap
    tallest = 0.0
    for block in blocks:
        top, col = heapq.heappop(free)
        total = block.total_height()
        if items is not None:
            x = x0 + col * (card_width + GAP)
            y = y0 + top
            items[block.key] = Rect(x, y, card_width, total)
        if items is not None and block.is_cluster and not block.collapsed:
            cy = y + block.header
            for key, h in block.children:
                items[key] = Rect(x + GAP / 2, cy, card_width - GAP, h)
                cy += h + GAP
        top += total + GAP
        tallest = max(tallest, top)
        heapq.heappush(free, (top, col))
    return tallest


class Masonry:
    """One zone's masonry kept between layouts: where `_flow` would put the next block.

    Fed the blocks `_flow` was given, in the same order, it is in the state `_flow` ends in;
    `add` then places one more block exactly as a new `_flow` over all of them would, so a
    post-it added at the end of a zone is placed without flowing the whole zone again.
    """

    __slots__ = ("free", "tallest")

    def __init__(self, columns: int, blocks: Sequence[Block] = ()) -> None:
        self.free = [(0.0, col) for col in range(columns)]
        self.tallest = 0.0
        for block in blocks:
            self.add(block.total_height())

    def add(self, total: float) -> tuple[float, int]:
        """Place a block of this height: (its top in the zone's content, its column)."""
        top, col = self.free[0]
        bottom = top + (total + GAP)  # as _flow adds it, to the last bit
        self.tallest = max(self.tallest, bottom)
        heapq.heapreplace(self.free, (bottom, col))
        return top, col


def zone_width(columns: int, card_width: float, min_zone_width: float) -> tuple[float, float]:
    """(a zone's width, the inset of its first card column), as layout_board makes them."""
    natural_w = 2 * ZONE_PADDING + columns * card_width + (columns - 1) * GAP
    zone_w = max(natural_w, min_zone_width)
    return zone_w, ZONE_PADDING + (zone_w - natural_w) / 2


def zone_height(content: float) -> float:
    """A zone's height for the tallest of its columns (layout_board's rule, without lanes)."""
    return max(MIN_ZONE_HEIGHT, ZONE_HEADER + content + ZONE_PADDING)


def _measure(blocks: list[Block], columns: int) -> float:
    """_flow's height without placing anything: the column search calls it dozens of times
    on thousands of post-its (issue 15), so it is kept to one heap operation per block."""
    return _measure_heights(_TOTALS.get(id(blocks)) or [b.total_height() for b in blocks], columns)


def _measure_heights(totals: list[float], columns: int) -> float:
    free = [(0.0, col) for col in range(columns)]
    replace = heapq.heapreplace
    for total in totals:
        top, col = free[0]
        replace(free, (top + (total + GAP), col))
    return max(top for top, _col in free) if totals else 0.0


# The blocks' heights during one column search (id of a zone's block list -> heights): the
# search measures the same blocks for up to 40 column counts.
_TOTALS: dict[int, list[float]] = {}


def layout_board(
    rows: tuple[tuple[str, ...], ...],
    blocks: dict[str, list[Block]],
    *,
    min_columns: int = 2,
    top: float = 0.0,
    row_gap: float = GAP,
    columns: int | None = None,
    card_width: float = CARD_WIDTH,
    measure_only: bool = False,
    lanes: tuple[str, ...] = (),
    min_zone_width: float = 0.0,
) -> Layout:
    """Place every zone and every block. `rows` comes from BoardKind.rows.

    `min_zone_width`: no zone is narrower (its label and count must fit on its tab); the card
    columns are then centred in the wider zone.

    `columns` forces the number of card columns per zone (else it grows with the content).
    `measure_only`: zones and size only, no card placed (cheaper, for comparing shapes).
    `lanes`: each zone is split into these lanes, stacked top to bottom (Block.lane says
    where a block goes). Lanes line up across a row of zones, so the board reads as a grid.
    """
    items: dict[str, Rect] | None = None if measure_only else {}
    zones: dict[str, Rect] = {}
    lane_rects: dict[tuple[str, str], Rect] = {}
    # One column count for the whole board: every zone has the same width, so a 2×2 board
    # stays square and the speedboat's sky and water line up.
    if columns is None:
        columns = max(columns_for(blocks.get(z, []), min_columns) for row in rows for z in row)
    natural_w = 2 * ZONE_PADDING + columns * card_width + (columns - 1) * GAP
    zone_w = max(natural_w, min_zone_width)
    inset = ZONE_PADDING + (zone_w - natural_w) / 2  # from a zone's left edge to its cards
    y = top
    width = 0.0
    for row in rows:
        if lanes:
            y = _lane_row(
                row, blocks, lanes, columns, zone_w, y, items, zones, lane_rects, card_width, inset
            )
            width = max(width, len(row) * zone_w + (len(row) - 1) * GAP)
            y += row_gap
            continue
        content = [0.0]
        for i, zone in enumerate(row):
            x = i * (zone_w + GAP)
            content.append(
                _flow(
                    blocks.get(zone, []),
                    columns,
                    x + inset,
                    y + ZONE_HEADER,
                    items,
                    card_width,
                )
            )
        zone_h = max(MIN_ZONE_HEIGHT, ZONE_HEADER + max(content) + ZONE_PADDING)
        for i, zone in enumerate(row):
            zones[zone] = Rect(i * (zone_w + GAP), y, zone_w, zone_h)
        width = max(width, len(row) * zone_w + (len(row) - 1) * GAP)
        y += zone_h + row_gap
    return Layout(zones, items or {}, width, y - row_gap - top if rows else 0.0, lane_rects)


def _lane_row(
    row: tuple[str, ...],
    blocks: dict[str, list[Block]],
    lanes: tuple[str, ...],
    columns: int,
    zone_w: float,
    y: float,
    items: dict[str, Rect] | None,
    zones: dict[str, Rect],
    lane_rects: dict[tuple[str, str], Rect],
    card_width: float,
    inset: float,
) -> float:
    """One row of zones split into lanes; returns the row's bottom."""
    split = {zone: _split(blocks.get(zone, []), lanes) for zone in row}
    heights = {
        lane: LANE_HEADER
        + max(
            [MIN_LANE_CONTENT]
            + [_flow(split[zone][lane], columns, 0.0, 0.0, None, card_width) for zone in row]
        )
        for lane in lanes
    }
    for i, zone in enumerate(row):
        x = i * (zone_w + GAP)
        lane_y = y + ZONE_HEADER
        for lane in lanes:
            lane_rects[(zone, lane)] = Rect(
                x + ZONE_PADDING / 2, lane_y, zone_w - ZONE_PADDING, heights[lane]
            )
            if items is not None:
                _flow(
                    split[zone][lane],
                    columns,
                    x + inset,
                    lane_y + LANE_HEADER,
                    items,
                    card_width,
                )
            lane_y += heights[lane] + GAP / 2
    zone_h = ZONE_HEADER + sum(heights.values()) + GAP / 2 * (len(lanes) - 1) + ZONE_PADDING / 2
    for i, zone in enumerate(row):
        zones[zone] = Rect(i * (zone_w + GAP), y, zone_w, zone_h)
    return y + zone_h


def best_layout(
    rows: tuple[tuple[str, ...], ...],
    blocks: dict[str, list[Block]],
    *,
    aspect: float = 16 / 9,
    top: float = 0.0,
    row_gap: float = GAP,
    extra_height: float = 0.0,
    card_width: float = CARD_WIDTH,
    lanes: tuple[str, ...] = (),
    min_zone_width: float = 0.0,
) -> Layout:
    """The layout that, fitted into a screen of this aspect ratio, shows cards the largest.

    Tries a few column counts; a board of 10 cards and one of 1,000 both fill the screen.
    """
    best, best_scale = None, 0.0
    for columns in range(1, 13):
        layout = layout_board(
            rows,
            blocks,
            columns=columns,
            top=top,
            row_gap=row_gap,
            card_width=card_width,
            lanes=lanes,
            min_zone_width=min_zone_width,
        )
        height = layout.height + top + extra_height
        scale = min(aspect / max(layout.width, 1.0), 1.0 / max(height, 1.0))
        if scale > best_scale * 1.0001:
            best, best_scale = layout, scale
        elif best is not None and scale < best_scale * 0.8:
            break  # wider only gets worse from here
    assert best is not None  # the first column count always beats a scale of 0
    return best


def column_candidates(last: int, max_columns: int = 40) -> list[int]:
    """The column counts search_layout tries: all of them, or the neighbours of `last`."""
    if last:
        return [c for c in (last - 1, last, last + 1) if 1 <= c <= max_columns]
    return list(range(1, max_columns + 1))


def fitted_scale(
    width: float,
    height: float,
    aspect: float,
    margin: float,
    banner_height: Callable[[float], float],
) -> float:
    """How large a board of this size shows once fitted to a screen of this aspect ratio."""
    full_w = width + 2 * margin
    full_h = height + banner_height(width) + 3 * margin
    return min(aspect / max(full_w, 1.0), 1.0 / max(full_h, 1.0))


def choose_columns(scales: dict[int, float], last: int) -> int:
    """Among the column counts tried (count -> scale), the fewest within 6 % of the best;
    the count shown now (`last`) stays unless another is clearly (5 %) larger."""
    best = max(scales.values())
    chosen = min(c for c, scale in scales.items() if scale >= best * 0.94)
    if last in scales and scales[last] >= scales[chosen] * 0.95:
        chosen = last
    return chosen


@dataclass
class Choice:
    """What search_layout found: the layout, its scale once fitted, its column count."""

    layout: Layout
    scale: float
    columns: int


def search_layout(
    rows: tuple[tuple[str, ...], ...],
    blocks: dict[str, list[Block]],
    *,
    aspect: float,
    card_width: float = CARD_WIDTH,
    row_gap: float = GAP,
    margin: float = 0.0,
    banner_height: Callable[[float], float] = lambda _width: 0.0,
    last: int = 0,
    max_columns: int = 40,
    lanes: tuple[str, ...] = (),
    min_zone_width: float = 0.0,
) -> Choice:
    """The column count that, fitted to a screen of this aspect ratio, shows cards the largest.

    `banner_height(width)` measures what sits above the board (a long title wraps on narrow
    boards); `margin` is added around. With `last` (the count shown now) only its neighbours
    are tried, and it is kept unless another is clearly larger, so cards do not jump between
    columns while someone types. Among near-equals the fewest columns win: empty columns only
    spread a board thin.

    A board laid out afresh (no `last`, no lanes) gets the same answer with fewer
    measurements: each count's height is first bounded from its zones' sums (`_Bounds`), and a
    count is measured only when its bounds cannot decide (#15: the search measured all 40 counts
    of a 5,000-post-it board at each opening).
    """
    _TOTALS.clear()
    _TOTALS.update((id(b), [x.total_height() for x in b]) for b in blocks.values() if b)
    try:

        def measure(columns: int) -> Choice:
            layout = layout_board(
                rows,
                blocks,
                columns=columns,
                row_gap=row_gap,
                card_width=card_width,
                measure_only=True,
                lanes=lanes,
                min_zone_width=min_zone_width,
            )
            scale = fitted_scale(layout.width, layout.height, aspect, margin, banner_height)
            return Choice(layout, scale, columns)

        if last or lanes:
            tried = _try_counts(column_candidates(last, max_columns), measure)
            chosen = choose_columns({c: choice.scale for c, choice in tried.items()}, last)
            scale = tried[chosen].scale
        else:
            bounds = _Bounds(rows, blocks, card_width, row_gap, min_zone_width)

            def scale_range(columns: int) -> tuple[float, float]:
                width, low, high = bounds.size(columns)
                return (
                    fitted_scale(width, high, aspect, margin, banner_height),
                    fitted_scale(width, low, aspect, margin, banner_height),
                )

            chosen, scale = _bounded_search(
                column_candidates(0, max_columns), scale_range, lambda c: measure(c).scale
            )
    finally:
        _TOTALS.clear()
    layout = layout_board(
        rows,
        blocks,
        columns=chosen,
        row_gap=row_gap,
        card_width=card_width,
        lanes=lanes,
        min_zone_width=min_zone_width,
    )
    return Choice(layout, scale, chosen)


def _try_counts(candidates: list[int], measure: Callable[[int], Choice]) -> dict[int, Choice]:
    """Every candidate measured in order, until one is under 80 % of the best so far."""
    tried: dict[int, Choice] = {}
    best = 0.0
    for columns in candidates:
        tried[columns] = measure(columns)
        best = max(best, tried[columns].scale)
        if tried[columns].scale < best * 0.8:
            break  # wider only gets worse from here
    return tried


class _Bounds:
    """A measure-only layout's width (exact) and height (a range) for any column count, from
    each zone's sum and largest block: a zone's masonry is at least its blocks' sum shared out
    evenly (and its largest block), at most that plus its largest block (each block goes to
    the shortest column)."""

    def __init__(
        self,
        rows: tuple[tuple[str, ...], ...],
        blocks: dict[str, list[Block]],
        card_width: float,
        row_gap: float,
        min_zone_width: float,
    ) -> None:
        self.rows, self.row_gap = rows, row_gap
        self.card_width, self.min_zone_width = card_width, min_zone_width
        self.sums: dict[str, tuple[float, float]] = {}
        for row in rows:
            for zone in row:
                totals = _TOTALS.get(id(blocks.get(zone))) or [
                    b.total_height() for b in blocks.get(zone, [])
                ]
                if totals:
                    self.sums[zone] = (
                        sum(t + GAP for t in totals),
                        max(t + GAP for t in totals),
                    )

    def size(self, columns: int) -> tuple[float, float, float]:
        """(width, least height, greatest height) of layout_board(..., columns, measure_only)."""
        zone_w = zone_width(columns, self.card_width, self.min_zone_width)[0]
        width = low = high = 0.0
        for row in self.rows:
            width = max(width, len(row) * zone_w + (len(row) - 1) * GAP)
            least = most = 0.0
            for zone in row:
                if zone in self.sums:
                    total, largest = self.sums[zone]
                    least = max(least, total / columns, largest)
                    most = max(most, total / columns + largest)
            low += max(MIN_ZONE_HEIGHT, ZONE_HEADER + least + ZONE_PADDING) + self.row_gap
            high += max(MIN_ZONE_HEIGHT, ZONE_HEADER + most + ZONE_PADDING) + self.row_gap
        if self.rows:
            low, high = low - self.row_gap, high - self.row_gap
        # Sums taken in another order than the masonry's: a hair of slack either way.
        return width, low * (1 - 1e-9) - 1e-6, high * (1 + 1e-9) + 1e-6


def _bounded_search(
    candidates: list[int],
    scale_range: Callable[[int], tuple[float, float]],
    scale_of: Callable[[int], float],
) -> tuple[int, float]:
    """What `_try_counts` then `choose_columns(…, last=0)` would pick, and its scale, measuring
    (`scale_of`) only the counts whose range (`scale_range`: least, greatest) cannot decide."""
    low: dict[int, float] = {}
    high: dict[int, float] = {}
    exact: set[int] = set()

    def refine(columns: int) -> None:
        low[columns] = high[columns] = scale_of(columns)
        exact.add(columns)

    tried: list[int] = []
    for columns in candidates:
        low[columns], high[columns] = scale_range(columns)
        tried.append(columns)
        stop = False
        while True:  # does « under 80 % of the best so far » stop the search here?
            if high[columns] < 0.8 * max(low[t] for t in tried):
                stop = True
                break
            if low[columns] >= 0.8 * max(high[t] for t in tried):
                break
            vague = [t for t in tried if t not in exact]
            refine(columns if columns in vague else max(vague, key=high.__getitem__))
        if stop:
            break
    while True:  # the best scale among those tried
        top = max(tried, key=high.__getitem__)
        if top in exact:
            best = high[top]
            break
        refine(top)
    for columns in tried:  # the fewest columns within 6 % of the best
        while columns not in exact and low[columns] < best * 0.94 <= high[columns]:
            refine(columns)
        if low[columns] >= best * 0.94:
            if columns not in exact:
                refine(columns)
            return columns, low[columns]
    raise AssertionError("the best count is within 6 % of itself")  # pragma: no cover
