"""A QGraphicsScene mirroring one board of the store.

`show(data)` syncs items by id (only changed cards are laid out again) and places everything
with the pure auto-layout of domain/board_layout.py. A drag only moves items on screen; on
release the scene says where they were dropped and the editor pushes one undoable command;
the store's change notification then brings the layout back in line.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
)

from kitcop_desktop.domain.board_kinds import KINDS, LANE_LABELS, matches
from kitcop_desktop.domain.board_layout import GAP, Rect, lane_of
from kitcop_desktop.tools.boards.board_data import BoardData, CardData
from kitcop_desktop.tools.boards.decor import BannerItem, SpeedboatItem
from kitcop_desktop.tools.boards.drag import DragAndDrop
from kitcop_desktop.tools.boards.items import CardItem, ClusterItem, ensure_pixmap_cache
from kitcop_desktop.tools.boards.look import Look
from kitcop_desktop.tools.boards.room_pages import RoomPage
from kitcop_desktop.tools.boards.scene_grow import GrowingLayout
from kitcop_desktop.tools.boards.scene_plan import Grouped, LayoutPlanner
from kitcop_desktop.tools.boards.speck_layer import SpeckLayer, is_speck_scale
from kitcop_desktop.tools.boards.zone_item import ZoneItem

MAX_COLUMNS = 40  # a 1,000-card zone on a wide screen still finds its best shape
# Up to this many post-its, each keeps the text layout it was measured with to draw it (all
# are drawn when the board opens: laid out once, not twice); above, most are never drawn and
# one layout each would cost memory (5,000 post-its: 27 MB).
KEEP_LAYOUTS = 1500


def _drawn_text(card: CardData) -> tuple[Any, ...]:
    """What a card's text layout depends on: when only this is equal, no new layout is needed."""
    return (
        card.text,
        card.weight,
        card.author,
        card.angle,
        card.subgroup,
        card.source,
        card.fiche,
    )


class BoardScene(QGraphicsScene):
    """The items of one board. Its parts: `planner` decides a layout (scene_plan.py),
    `growing` places post-its added at the end of their zones (scene_grow.py), `drag` says
    where a drag was dropped (drag.py)."""

    cards_dropped = Signal(list, object)  # card ids, Target
    cluster_dropped = Signal(int, str)  # cluster id, zone
    card_activated = Signal(int)  # double-click: edit in place
    cluster_activated = Signal(int)  # double-click on a cluster's title: rename
    cluster_toggled = Signal(int)  # click on the arrow: collapse / expand

    def __init__(self, look: Look, parent: QObject | None = None) -> None:
        super().__init__(parent)
        ensure_pixmap_cache()
        self.look = look
        self.data: BoardData | None = None
        self.cards: dict[int, CardItem] = {}
        self.clusters: dict[int, ClusterItem] = {}
        self.zones: dict[str, ZoneItem] = {}
        self.banner = BannerItem(look)
        self.addItem(self.banner)
        self.boat: SpeedboatItem | None = None
        self.query = ""
        self.spotlight = ""
        self.aspect = 16 / 9
        self._kind = ""
        self.planner = LayoutPlanner(self)
        self.growing = GrowingLayout(self)
        self.drag = DragAndDrop(self)
        self._faded = False
        self._searched = False  # a search has marked cards (matched True / False)
        self.layout_pending = False  # laid out when a view first shows it
        self._dragged = False
        self._serial: int | None = None  # BoardData.serial of the read the items mirror
        self._laid_out: tuple[Any, ...] | None = None  # what the items are laid out for
        self.lanes: dict[tuple[str, str], Rect] = {}  # on a chemin split by angle
        # The room screen's page of a board too full to read (tools/boards/room_pages.py).
        self.room_page: RoomPage | None = None
        self.setBackgroundBrush(self._background())
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # The plain post-its of a board seen whole, drawn as one picture (speck_layer.py).
        self.specks = SpeckLayer()
        self.addItem(self.specks)
        self._chosen: set[CardItem] = set()  # the post-its chosen, while the layer is on
        self.selectionChanged.connect(self._mark_chosen)

    def set_view_scale(self, scale: float) -> None:
        """The control window's view changed scale: post-its too small to read are drawn by
        the speck layer, larger ones by themselves."""
        active = not self.look.room and is_speck_scale(self.look.card_px, scale)
        if active != self.specks.active:
            self._chosen = {i for i in self.selectedItems() if isinstance(i, CardItem)}
            self.specks.set_active(active, self.cards.values())

    def _mark_chosen(self) -> None:
        """A post-it chosen draws itself (its dashed outline); one let go goes back to the
        speck layer."""
        if not self.specks.active:
            return
        chosen = {i for i in self.selectedItems() if isinstance(i, CardItem)}
        for item in chosen ^ self._chosen:
            self.specks.mark(item)
        self._chosen = chosen

    def removeItem(self, item: QGraphicsItem) -> None:  # noqa: N802 - Qt API
        if isinstance(item, CardItem):
            if item.speck:
                self.specks.redraw(item)  # its place on the speck layer is emptied
            self._chosen.discard(item)
        super().removeItem(item)

    def _background(self) -> QColor:
        return QColor(self.look.background)

    # -- syncing with the store ---------------------------------------------------------------
    def show(self, data: BoardData | None, aspect: float | None = None) -> None:
        """Mirror `data` (None: an empty scene).

        Only what changed is touched: unchanged post-its keep their items; post-its added at
        the end of their zones are placed on the current layout (scene_grow.py); anything
        else lays the board out again.
        """
        if aspect:
            self.aspect = aspect
        self.data = data
        if data is None:
            self.growing.forget()
            self._laid_out = self._serial = None
            items: list[QGraphicsItem] = [
                *self.cards.values(),
                *self.clusters.values(),
                *self.zones.values(),
            ]
            for item in items:
                self.removeItem(item)
            self.cards.clear()
            self.clusters.clear()
            self.zones.clear()
            self.banner.set_text("", "", 10)
            if self.boat is not None:
                self.removeItem(self.boat)
                self.boat = None
            self._kind = ""
            return
        if data.kind != self._kind:
            self.growing.forget()
            self._serial = None
            self._build_zones(data.kind)
        derived = data.derived
        if derived is not None and derived[0] == self._serial:
            added, moved = self._sync_changed(derived[1])  # only what the read found changed
        else:
            added, moved = self._sync_cards(data)
        self._serial = data.serial
        moved |= self._sync_clusters(data)
        if not moved and added and len(added) < len(self.cards) and self.growing.grow(data, added):
            self._laid_out = self._layout_key()
        else:
            if moved or added:
                self._laid_out = None
            self.relayout()  # nothing it depends on changed (a colour…): it returns at once
        self.apply_search(self.query)

    def _build_zones(self, kind_key: str) -> None:
        for item in self.zones.values():
            self.removeItem(item)
        self.zones.clear()
        for zone in KINDS[kind_key].zones:
            item = ZoneItem(zone.key, zone.label, zone.hint, self.look)
            self.zones[zone.key] = item
            self.addItem(item)
        if self.boat is not None:
            self.removeItem(self.boat)
            self.boat = None
        if kind_key == "speedboat":
            self.boat = SpeedboatItem(self.look)
            self.addItem(self.boat)
        self._kind = kind_key

    def _sync_changed(self, changed: dict[int, CardData | None]) -> tuple[list[CardItem], bool]:
        """_sync_cards for a read derived from the one mirrored: only the changed post-its."""
        added: list[CardItem] = []
        moved = False
        for card_id, card in changed.items():
            item = self.cards.get(card_id)
            if card is None:
                if item is not None:
                    self.removeItem(self.cards.pop(card_id))
                    moved = True
            elif item is None:
                added.append(self._new_item(card))
            else:
                moved |= self._update_item(item, card)
        return added, moved

    def _new_item(self, card: CardData) -> CardItem:
        keep = self.data is None or len(self.data.cards) <= KEEP_LAYOUTS
        item = CardItem(card, self.look, self.look.card_width, keep_layout=keep)
        self.cards[card.id] = item
        self.addItem(item)
        self.specks.adopt(item)
        return item

    def _update_item(self, item: CardItem, card: CardData) -> bool:
        """New data for an item; True when its place or size may have changed."""
        old = item.card
        if old == card:
            item.card = card
            return False
        if _drawn_text(old) == _drawn_text(card):
            item.card = card  # recoloured: no need to lay the text out again
            item.update()
            moved = False
        else:
            item.set_card(card)
            moved = True
        return moved or (old.zone, old.cluster_id, old.position) != (
            card.zone,
            card.cluster_id,
            card.position,
        )

    def _sync_cards(self, data: BoardData) -> tuple[list[CardItem], bool]:
        """Items for new post-its, new data for changed ones, none for gone ones. Returns
        (the items added, whether anything else that the layout depends on changed)."""
        added: list[CardItem] = []
        moved = False
        cards = self.cards
        kept = 0
        for card in data.cards:
            item = cards.get(card.id)
            if item is not None:
                kept += 1
        if kept < len(cards):  # some post-its are gone
            wanted = {c.id for c in data.cards}
            for card_id in [cid for cid in cards if cid not in wanted]:
                self.removeItem(cards.pop(card_id))
            moved = True
        for card in data.cards:
            item = cards.get(card.id)
            if item is None:
                added.append(self._new_item(card))
            elif item.card is not card:
                moved |= self._update_item(item, card)
        return added, moved

    def _sync_clusters(self, data: BoardData) -> bool:
        """Mirror the sous-thématiques; True when any was added, changed or removed."""
        changed = False
        wanted = {c.id: c for c in data.clusters}
        for cid in [cid for cid in self.clusters if cid not in wanted]:
            self.removeItem(self.clusters.pop(cid))
            changed = True
        for cluster in data.clusters:
            item = self.clusters.get(cluster.id)
            if item is None:
                item = ClusterItem(cluster, self.look)
                self.clusters[cluster.id] = item
                self.addItem(item)
                changed = True
            elif item.cluster != cluster:
                item.set_cluster(cluster)
                changed = True
        return changed

    def cards_in_cluster(self, cluster_id: int) -> list[CardItem]:
        return [i for i in self.cards.values() if i.card.cluster_id == cluster_id]

    # -- layout -------------------------------------------------------------------------------
    def page_keys(
        self, zone: str, cluster_id: int | None = None, grouped: Grouped | None = None
    ) -> list[str]:
        """The layout keys of a zone (or of one sous-thématique), in reading order: what the
        room's pages are cut from. `grouped`: `grouped()` made once for several calls (it
        sorts every post-it of the board)."""
        if self.data is None:
            return []
        members, loose = grouped or self.planner.group(self.data)
        if cluster_id is not None:
            return [f"c{i.card.id}" for i in members.get(cluster_id, [])]
        clusters = sorted(
            (c for c in self.clusters.values() if c.cluster.zone == zone),
            key=lambda c: c.cluster.position,
        )
        return [f"k{c.cluster.id}" for c in clusters] + [f"c{i.card.id}" for i in loose[zone]]

    def grouped(self) -> Grouped | None:
        """The cards by cluster and zone, to hand to several `trial_size` calls."""
        return self.planner.group(self.data) if self.data is not None else None

    def trial_size(self, grouped: Grouped | None = None) -> tuple[float, float]:
        """The scene's size if it were laid out now (the room's pages try several), without
        moving a single item."""
        if self.data is None:
            return 0.0, 0.0
        plan = self.planner.plan(self.data, grouped)
        layout = plan["choice"].layout
        banner = self.banner.height_for(plan["title"], plan["destination"], layout.width)
        return layout.width + 2 * GAP, layout.height + banner + 3 * GAP

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:  # noqa: N802 - Qt API
        """A post-it's tooltip is made when the pointer rests on it (not for each post-it)."""
        for item in self.items(event.scenePos()):
            if isinstance(item, CardItem):
                item.ensure_tooltip()
                break
        super().helpEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        self._dragged = True  # items may move by hand: the next show() puts them home
        super().mousePressEvent(event)
        self.drag.pressed(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        self.drag.released(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.drag.double_clicked(event):
            super().mouseDoubleClickEvent(event)

    def _layout_key(self) -> tuple[Any, ...]:
        """What a layout of the current items is made for: the same key, the same layout."""
        data = self.data
        meta = None if data is None else (data.kind, data.title, data.subgroup, data.objective)
        return (
            meta,
            None if data is None else (data.spotlight, data.split_by_angle, data.combined),
            self.aspect,
            self.room_page,
            len(self.cards),
            self._dragged,
        )

    def relayout(self) -> None:
        data = self.data
        if data is None:
            return
        if self._laid_out is not None and self._laid_out == self._layout_key():
            # Laid out already for exactly this (the room view lays out after show()).
            return
        views = self.views()
        if not self.look.room and views and not any(v.isVisible() for v in views):
            # Not on screen yet (the editor is built before it is shown, at a size it will not
            # keep): laid out once, when its view is shown (BoardView.showEvent).
            self.growing.forget()
            self._laid_out = None
            self.layout_pending = True
            return
        self.layout_pending = False
        self.growing.forget()
        self._dragged = False
        plan = self.planner.plan(data)
        members, focus, counts = plan["members"], plan["focus"], plan["counts"]
        title, destination, lanes, choice = (
            plan["title"],
            plan["destination"],
            plan["lanes"],
            plan["choice"],
        )
        for item in self.cards.values():
            item.set_show_angle(not lanes)
        layout = choice.layout
        self.lanes = layout.lanes
        lane_counts = Counter((i.card.zone, i.card.angle) for i in self.cards.values())
        for key, zone_item in self.zones.items():
            r = layout.zones.get(key)
            zone_item.setVisible(r is not None)
            if r is not None:
                zone_item.set_geometry(QRectF(r.x, r.y, r.w, r.h), counts[key])
                zone_item.set_lanes(
                    [
                        (LANE_LABELS[lane], QRectF(lr.x, lr.y, lr.w, lr.h), lane_counts[key, lane])
                        for (zone, lane), lr in layout.lanes.items()
                        if zone == key
                    ]
                )
        for cid, citem in self.clusters.items():
            r = layout.items.get(f"k{cid}")
            citem.setVisible(r is not None)
            if r is not None:
                citem.set_size(r.w, r.h, len(members[cid]))
                citem.home = QPointF(r.x, r.y)
                citem.setPos(citem.home)
        for card_id, item in self.cards.items():
            r = layout.items.get(f"c{card_id}")
            item.setVisible(r is not None)  # hidden inside a collapsed cluster
            if r is not None:
                if abs(item.width - r.w) > 0.5:
                    item.width = r.w
                    item.set_card(item.card)
                item.home = QPointF(r.x, r.y)
                item.setPos(item.home)
        if self.boat is not None:
            self.boat.setVisible(focus is None)
        if self.boat is not None and focus is None:
            sky, water = layout.zones["levers"], layout.zones["brakes"]
            self.boat.set_zones(
                QRectF(sky.x, sky.y, sky.w, sky.h), QRectF(water.x, water.y, water.w, water.h)
            )
        height = self.banner.set_text(title, destination, layout.width)
        self.banner.setPos(0, -height - GAP)
        self.setSceneRect(
            QRectF(
                -GAP, -height - 2 * GAP, layout.width + 2 * GAP, layout.height + height + 3 * GAP
            )
        )
        self.apply_spotlight(data.spotlight)
        self.growing.keep(data, plan, layout)
        self._laid_out = self._layout_key()

    def lane_at(self, pos: QPointF) -> str | None:
        """The angle of the lane under a scene point ("" = sans angle), None when not split."""
        found = lane_of((pos.x(), pos.y()), self.lanes) if self.lanes else None
        return None if found is None else found[1]

    # -- search and spotlight -----------------------------------------------------------------
    def apply_search(self, query: str) -> int:
        """Highlight matching cards, dim the others; returns how many match."""
        self.query = query.strip()
        if not self.query and not self._searched:
            return 0  # no search, none before: every card is already unmarked
        self._searched = bool(self.query)
        count = 0
        for item in self.cards.values():
            if not self.query:
                item.set_match(None)
                continue
            hit = matches(item.card.text + " " + item.card.author, self.query)
            count += hit
            item.set_match(hit)
        return count

    def spotlight_rect(self, spotlight: str) -> QRectF | None:
        what, _, ref = spotlight.partition(":")
        if what == "zone" and ref in self.zones:
            return self.zones[ref].rect
        if what == "cluster" and ref.isdigit() and int(ref) in self.clusters:
            item = self.clusters[int(ref)]
            if item.isVisible():
                return item.mapRectToScene(item.rect)
        return None

    def apply_spotlight(self, spotlight: str) -> None:
        """On the room screen, everything outside the spotlit zone or cluster fades.

        The control window keeps every card at full strength: it is where one works.
        """
        self.spotlight = spotlight
        rect = self.spotlight_rect(spotlight) if spotlight and self.look.room else None
        if rect is None and not self._faded:
            return  # nothing faded, nothing to restore: the usual case, kept cheap
        self._faded = rect is not None
        for item in [*self.cards.values(), *self.clusters.values(), *self.zones.values()]:
            if rect is None:
                inside = True
            else:
                inside = rect.adjusted(-2, -2, 2, 2).contains(
                    item.sceneBoundingRect().adjusted(3, 3, -3, -3)
                )
            if isinstance(item, CardItem) and item.matched is False:
                continue
            item.setOpacity(1.0 if inside else 0.18)
