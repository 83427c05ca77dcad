"""Drag and drop on a board scene: items move on screen only; on release one target is named.

BoardScene holds one DragAndDrop and hands it its mouse presses, releases and double-clicks
after Qt has handled them. The editor turns what the scene emits into one undoable command;
the store's change notification then lays everything out again (or `snap_back` puts items
home).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent

from kitcop_desktop.tools.boards.items import CardItem, ClusterItem
from kitcop_desktop.tools.boards.zone_item import ZoneItem

if TYPE_CHECKING:
    from kitcop_desktop.tools.boards.scene import BoardScene

# A drop target: ("zone", zone, None) | ("cluster", zone, cluster_id) | ("card", zone, card_id)
# On a chemin split by angle a fourth element says the lane it was dropped in: its angle.
Target = tuple


class DragAndDrop:
    """The mouse on a board: what a drag was dropped on, a click on a cluster's arrow."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene

    def drop_target(self, pos: QPointF, dragged: set[QGraphicsItem]) -> Target | None:
        for item in self.scene.items(pos):
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

    def _item_at(self, event: QGraphicsSceneMouseEvent) -> QGraphicsItem | None:
        views = self.scene.views()
        return self.scene.itemAt(event.scenePos(), views[0].transform()) if views else None

    def pressed(self, event: QGraphicsSceneMouseEvent) -> None:
        """After Qt's press: the chosen items above the others, a cluster's arrow folds it."""
        scene = self.scene
        for item in scene.selectedItems():
            item.setZValue(10 if isinstance(item, CardItem) else 5)
        under = self._item_at(event)
        if isinstance(under, ClusterItem):
            local = under.mapFromScene(event.scenePos())
            if local.x() < 34 and local.y() < 44:
                scene.cluster_toggled.emit(under.cluster.id)

    def released(self, event: QGraphicsSceneMouseEvent) -> None:
        """After Qt's release: name where the dragged items were dropped, or put them home."""
        scene = self.scene
        chosen = scene.selectedItems()
        moved_cards = [
            i
            for i in chosen
            if isinstance(i, CardItem) and (i.pos() - i.home).manhattanLength() > 4
        ]
        moved_clusters = [
            i
            for i in chosen
            if isinstance(i, ClusterItem) and (i.pos() - i.home).manhattanLength() > 4
        ]
        for item in chosen:
            item.setZValue(0 if isinstance(item, CardItem) else -1)
        if not (moved_cards or moved_clusters) or scene.data is None or scene.data.combined:
            self.snap_back()
            return
        pos = event.scenePos()
        dragged: set[QGraphicsItem] = set(moved_cards) | set(moved_clusters)
        for c in moved_clusters:
            dragged.update(scene.cards_in_cluster(c.cluster.id))
        target = self.drop_target(pos, dragged)
        if target is None:
            self.snap_back()
            return
        if moved_clusters and not moved_cards:
            cluster = moved_clusters[0].cluster
            if target[1] == cluster.zone:
                self.snap_back()
            else:
                scene.cluster_dropped.emit(cluster.id, target[1])
            return
        ids = [i.card.id for i in sorted(moved_cards, key=lambda i: (i.card.position, i.card.id))]
        angle = scene.lane_at(pos)
        if angle is not None:
            target = (*target, angle)
        scene.cards_dropped.emit(ids, target)

    def snap_back(self) -> None:
        # Clusters first: moving one drags its cards along, which are then put back.
        items: list[CardItem | ClusterItem] = [
            *self.scene.clusters.values(),
            *self.scene.cards.values(),
        ]
        for item in items:
            if item.pos() != item.home:
                item.setPos(item.home)

    def double_clicked(self, event: QGraphicsSceneMouseEvent) -> bool:
        """A double-click on a post-it edits it, on a cluster's title renames it: True when
        it was one of those (else Qt handles it)."""
        item = self._item_at(event)
        if isinstance(item, CardItem):
            self.scene.card_activated.emit(item.card.id)
            return True
        if isinstance(item, ClusterItem):
            self.scene.cluster_activated.emit(item.cluster.id)
            return True
        return False
