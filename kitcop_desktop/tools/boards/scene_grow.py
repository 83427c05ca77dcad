"""Post-its added to a large board without laying the whole board out again (issue 15).

BoardScene holds one GrowingLayout. After each full layout of a board with one card width (more than
scene_plan.WIDTH_SEARCH_MAX post-its), the scene keeps what the layout was decided from: the
blocks of each zone, the column count, the zones' rectangles. When the store then only gained
post-its at the end of their zones (the Enter key, a paste), `grow` places each new post-it
where a full layout would (domain.board_layout.Masonry, one per zone and column count tried),
decides the column count from the zones' heights alone, and moves only what a taller row
pushes down. Anything else (an edit, a move, a deletion, a sous-thématique, a chemin split by
angle, the room's focus, another column count) falls back to the full layout. The result is
the same as the full layout's; tests/tools/boards/test_boards_grow.py checks it item by item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF

from kitcop_desktop.domain.board_layout import (
    GAP,
    ZONE_HEADER,
    Layout,
    Masonry,
    Rect,
    choose_columns,
    column_candidates,
    fitted_scale,
    zone_height,
    zone_width,
)
from kitcop_desktop.tools.boards.board_data import BoardData
from kitcop_desktop.tools.boards.items import CardItem, ClusterItem

if TYPE_CHECKING:
    from kitcop_desktop.tools.boards.scene import BoardScene
    from kitcop_desktop.tools.boards.scene_plan import Plan

MAX_COLUMNS = 40  # as scene.MAX_COLUMNS: search_layout's default
Rows = tuple[tuple[str, ...], ...]  # the zones of each row of a board kind


def _meta(data: BoardData) -> tuple[Any, ...]:
    """What a board's layout depends on besides its post-its."""
    return (
        data.kind,
        data.board_ids,
        data.title,
        data.subgroup,
        data.spotlight,
        data.split_by_angle,
        data.objective,
        data.combined,
        tuple(data.clusters),
    )


class GrowingLayout:
    """The incremental half of a BoardScene: it moves the scene's items, zones, boat and
    banner as a full layout would, and keeps what the last full layout was decided from."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self._grown: dict[str, Any] | None = None

    def forget(self) -> None:
        """The items moved some other way: the next post-it lays the board out again."""
        self._grown = None

    def keep(self, data: BoardData, plan: Plan, layout: Layout) -> None:
        """After a full layout: keep what `grow` needs, when this layout can grow."""
        self._grown = None
        if (
            not plan["one_width"]
            or plan["focus"] is not None
            or plan["lanes"]
            or data.kind == "retro_path"  # its zones read actions first: not by position
            or self.scene.room_page is not None
        ):
            return
        last = {}
        for zone, items in plan["loose"].items():
            if items:
                last[zone] = (items[-1].card.position, items[-1].card.id)
        self._grown = {
            "meta": _meta(data),
            "aspect": self.scene.aspect,
            "columns": plan["choice"].columns,
            "card_width": plan["card_width"],
            "shape": plan["shape"],
            "rows": plan["rows"],
            "row_gap": plan["row_gap"],
            "blocks": plan["blocks"],
            "title": plan["title"],
            "destination": plan["destination"],
            "counts": plan["counts"],
            "zones": dict(layout.zones),
            "width": layout.width,
            "height": layout.height,
            "last": last,
            "flows": None,  # built on the first growth (a full layout never pays for it)
        }

    def _flows(self, grown: dict[str, Any]) -> dict[int, dict[str, Masonry]]:
        """For each column count search_layout will try next, each zone's masonry."""
        if grown["flows"] is None:
            blocks = grown["blocks"]
            grown["flows"] = {
                columns: {
                    zone: Masonry(columns, blocks.get(zone, []))
                    for row in grown["rows"]
                    for zone in row
                }
                for columns in column_candidates(grown["columns"], MAX_COLUMNS)
            }
        return grown["flows"]

    def grow(self, data: BoardData, added: list[CardItem]) -> bool:
        """Place `added` (new CardItems) on the current layout; False: lay it all out again."""
        scene = self.scene
        grown = self._grown
        self._grown = None  # whatever happens below, only a success keeps it
        if (
            grown is None
            or not added
            or grown["meta"] != _meta(data)
            or grown["aspect"] != scene.aspect
            or scene.room_page is not None
            or scene.planner.room_focus(data) is not None
        ):
            return False
        card_width = grown["card_width"]
        last = dict(grown["last"])
        added = sorted(added, key=lambda i: (i.card.position, i.card.id))
        for item in added:
            card = item.card
            key = (card.position, card.id)
            if (
                card.cluster_id is not None
                or card.zone not in scene.zones
                or key <= last.get(card.zone, (-1, -1))
                or abs(item.width - card_width) > 0.5
            ):
                return False
            last[card.zone] = key
        counts = grown["counts"].copy()
        for item in added:
            counts[item.card.zone] += 1
        rows = grown["rows"]
        tab_width = max(scene.zones[z].tab_width(counts[z]) for row in rows for z in row)
        flows = self._flows(grown)
        placed: dict[CardItem, tuple[float, int]] = {}
        columns = grown["columns"]
        for item in added:
            height = item.measure(card_width)
            for count, masonries in flows.items():
                spot = masonries[item.card.zone].add(height)
                if count == columns:
                    placed[item] = spot
        # The column count search_layout would choose, from the zones' heights alone.
        title, destination = grown["title"], grown["destination"]
        scales: dict[int, float] = {}
        sizes: dict[int, tuple[float, float]] = {}
        best = 0.0
        for count in column_candidates(columns, MAX_COLUMNS):
            zone_w, _inset = zone_width(count, card_width, tab_width)
            width, height = self._size(rows, flows[count], zone_w, grown["row_gap"])
            scale = fitted_scale(
                width,
                height,
                scene.aspect,
                GAP,
                lambda w: scene.banner.height_for(title, destination, w),
            )
            scales[count], sizes[count] = scale, (width, height)
            best = max(best, scale)
            if scale < best * 0.8:
                break
        if choose_columns(scales, columns) != columns:
            return False  # the board changes shape: everything moves
        zone_w, inset = zone_width(columns, card_width, tab_width)
        if zone_w != grown["zones"][rows[0][0]].w:
            return False  # a zone's tab grew wider (« 999 » → « 1000 »): everything moves
        width, height = sizes[columns]
        zones = self._zone_rects(rows, flows[columns], zone_w, grown["row_gap"])
        self._push_down(grown["zones"], zones)
        for item, (top, col) in placed.items():
            r = zones[item.card.zone]
            item.home = QPointF(r.x + inset + col * (card_width + GAP), r.y + ZONE_HEADER + top)
            item.setPos(item.home)
            item.setVisible(True)
        for zone_key, zone_item in scene.zones.items():
            rect = zones.get(zone_key)
            zone_item.setVisible(rect is not None)
            if rect is not None:
                zone_item.set_geometry(QRectF(rect.x, rect.y, rect.w, rect.h), counts[zone_key])
        if scene.boat is not None:
            scene.boat.setVisible(True)
            sky, water = zones["levers"], zones["brakes"]
            scene.boat.set_zones(
                QRectF(sky.x, sky.y, sky.w, sky.h), QRectF(water.x, water.y, water.w, water.h)
            )
        banner = scene.banner.set_text(title, destination, width)
        scene.banner.setPos(0, -banner - GAP)
        scene.setSceneRect(
            QRectF(-GAP, -banner - 2 * GAP, width + 2 * GAP, height + banner + 3 * GAP)
        )
        scene.planner.columns[grown["shape"]] = columns
        grown.update(counts=counts, zones=zones, width=width, height=height, last=last)
        self._grown = grown
        scene.apply_spotlight(data.spotlight)
        return True

    @staticmethod
    def _size(
        rows: Rows, flows: dict[str, Masonry], zone_w: float, row_gap: float
    ) -> tuple[float, float]:
        """The board's (width, height) at this zone width (layout_board's rule)."""
        width, y = 0.0, 0.0
        for row in rows:
            y += zone_height(max([0.0] + [flows[z].tallest for z in row])) + row_gap
            width = max(width, len(row) * zone_w + (len(row) - 1) * GAP)
        return width, (y - row_gap if rows else 0.0)

    @staticmethod
    def _zone_rects(
        rows: Rows, flows: dict[str, Masonry], zone_w: float, row_gap: float
    ) -> dict[str, Rect]:
        zones: dict[str, Rect] = {}
        y = 0.0
        for row in rows:
            zone_h = zone_height(max([0.0] + [flows[z].tallest for z in row]))
            for i, zone in enumerate(row):
                zones[zone] = Rect(i * (zone_w + GAP), y, zone_w, zone_h)
            y += zone_h + row_gap
        return zones

    def _push_down(self, before: dict[str, Rect], after: dict[str, Rect]) -> None:
        """A row grew taller: what sits in the rows under it moves down with its zones."""
        moved = {z: after[z].y - r.y for z, r in before.items() if after[z].y != r.y}
        if not moved:
            return
        scene = self.scene
        parts: tuple[tuple[Iterable[ClusterItem | CardItem], Callable[[Any], str]], ...] = (
            (scene.clusters.values(), lambda i: i.cluster.zone),
            (scene.cards.values(), lambda i: i.card.zone),
        )
        for items, zone_of in parts:
            for item in items:
                dy = moved.get(zone_of(item))
                if dy and item.isVisible():
                    item.home = QPointF(item.home.x(), item.home.y() + dy)
                    item.setPos(item.home)
