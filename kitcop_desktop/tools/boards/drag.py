"""Drag and drop on a board scene: items move on screen only; on release one target is named.

A mixin of BoardScene. The editor turns what is emitted into one undoable command; the store's
change notification then lays everything out again (or _snap_back puts items home).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF

from kitcop_desktop.tools.boards.items import CardItem, ClusterItem
from kitcop_desktop.tools.boards.zone_item import ZoneItem

# A drop target: ("zone", zone, None) | ("cluster", zone, cluster_id) | ("card", zone, card_id)
# On a chemin split by angle a fourth element says the lane it was dropped in: its angle.
Target = tuple


class DragAndDrop:
    # -- drag and drop ------------------------------------------------------------------------
    def drop_target(self, pos: QPointF, dragged: set) -> Target | None:
        for item in self.items(pos):
            if item in dragged:
                continue
            if isinstance(item, CardItem) and item.isVisible():
                if item.card.cluster_id is not None:
                    return ("cluster", item.card.zone, item.card.cluster_id)
                return ("card", item.card.zone, item.card.id)
            if isinstance(item, ClusterItem) and item.isVisible():
                return ("cluster", item.cluster.zone, item.cluster.id)
            if isinstance(item, ZoneItem):
                return ("zone", item.key, None)
        return None

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        for item in self.selectedItems():
            item.setZValue(10 if isinstance(item, CardItem) else 5)
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if isinstance(item, ClusterItem):
            local = item.mapFromScene(event.scenePos())
            if local.x() < 34 and local.y() < 44:
                self.cluster_toggled.emit(item.cluster.id)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        moved_cards = [
            i
            for i in self.selectedItems()
            if isinstance(i, CardItem) and (i.pos() - i.home).manhattanLength() > 4
        ]
        moved_clusters = [
            i
            for i in self.selectedItems()
            if isinstance(i, ClusterItem) and (i.pos() - i.home).manhattanLength() > 4
        ]
        for item in self.selectedItems():
            item.setZValue(0 if isinstance(item, CardItem) else -1)
        if not (moved_cards or moved_clusters) or self.data is None or self.data.combined:
            self._snap_back()
            return
        pos = event.scenePos()
        dragged = set(moved_cards) | set(moved_clusters)
        for c in moved_clusters:
            dragged.update(self.cards_in_cluster(c.cluster.id))
        target = self.drop_target(pos, dragged)
        if target is None:
            self._snap_back()
            return
        if moved_clusters and not moved_cards:
            cluster = moved_clusters[0].cluster
            if target[1] == cluster.zone:
                self._snap_back()
            else:
                self.cluster_dropped.emit(cluster.id, target[1])
            return
        ids = [i.card.id for i in sorted(moved_cards, key=lambda i: (i.card.position, i.card.id))]
        angle = self.lane_at(pos)
        if angle is not None:
            target = (*target, angle)
        self.cards_dropped.emit(ids, target)

    def _snap_back(self) -> None:
        # Clusters first: moving one drags its cards along, which are then put back.
        for item in [*self.clusters.values(), *self.cards.values()]:
            if item.pos() != item.home:
                item.setPos(item.home)

    def mouseDoubleClickEvent(self, event) -> None:
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if isinstance(item, CardItem):
            self.card_activated.emit(item.card.id)
            return
        if isinstance(item, ClusterItem):
            self.cluster_activated.emit(item.cluster.id)
            return
        super().mouseDoubleClickEvent(event)
