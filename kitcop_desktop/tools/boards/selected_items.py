"""What the facilitator does to the chosen post-its and sous-thématiques: the selection bar's
buttons, the keys on the board (Suppr, F2, Entrée), the right-click menu.

BoardsEditor holds one SelectedItems; each gesture is one undoable command (commands.py).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QGraphicsItem, QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards.board_data import CardData, ClusterData
from kitcop_desktop.tools.boards.card_gestures import CardGestures
from kitcop_desktop.tools.boards.commands import BoardCommands
from kitcop_desktop.tools.boards.context_menu import board_menu
from kitcop_desktop.tools.boards.items import CardItem, ClusterItem
from kitcop_desktop.tools.boards.open_board import OpenBoard
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.tools.boards.selection_bar import SelectionBar
from kitcop_desktop.ui.tool_spec import ToolContext

GROUP_TITLE = "Sous-thématique"  # a new sous-thématique's name, until it is renamed


class SelectedItems:
    def __init__(
        self,
        ctx: ToolContext,
        commands: BoardCommands,
        board: OpenBoard,
        scene: BoardScene,
        bar: SelectionBar,
        gestures: CardGestures,
        parent: QWidget,
    ) -> None:
        self.ctx = ctx
        self.commands = commands
        self.board = board
        self.scene = scene
        self.bar = bar
        self.gestures = gestures  # editing one post-it or renaming a new sous-thématique
        self.parent = parent  # the menu opens over it

    def cards(self) -> list[CardData]:
        """The chosen post-its, in the board's order."""
        items = [i for i in self.scene.selectedItems() if isinstance(i, CardItem)]
        return [i.card for i in sorted(items, key=lambda i: (i.card.position, i.card.id))]

    def clusters(self) -> list[ClusterData]:
        return [i.cluster for i in self.scene.selectedItems() if isinstance(i, ClusterItem)]

    def show_count(self) -> None:
        """The selection bar says what is chosen and offers what can be done with it."""
        data = self.board.data
        if data is None:
            return
        self.bar.show_selection(
            len(self.cards()), len(self.clusters()), not data.combined, data.kind == "kiss"
        )

    def key(self, action: str) -> None:
        """A key on the board (BoardView.key_action): "delete" or "edit"."""
        if action == "delete":
            self.delete()
        elif action == "edit":
            cards = self.cards()
            if len(cards) == 1:
                self.gestures.edit_card(cards[0].id)

    def show_menu(self, item: QGraphicsItem, global_pos: QPoint) -> None:
        """Right-click on a post-it or a sous-thématique (context_menu.py)."""
        data = self.board.data
        if data is None or not isinstance(item, CardItem | ClusterItem):
            return
        menu = board_menu(self, self.gestures, data, item, self.parent)
        menu.exec(global_pos)

    # -- gestures -----------------------------------------------------------------------------
    def group(self, title: str = GROUP_TITLE) -> int | None:
        if not isinstance(title, str) or not title.strip():
            title = GROUP_TITLE
        cards = self.cards()
        data = self.board.data
        if not cards or data is None or data.board_id is None:
            return None
        cluster_id = self.commands.group(data.board_id, cards[0].zone, [c.id for c in cards], title)
        if cluster_id is not None and cluster_id in self.scene.clusters:
            self.gestures.edit_cluster(cluster_id)  # name it right away
        return cluster_id

    def merge(self) -> bool:
        """The chosen cards say the same thing: one stays (the first), counted ×n."""
        cards = self.cards()
        data = self.board.data
        if len(cards) < 2 or data is None or data.combined:
            return False
        return self.commands.merge_cards(cards[0].id, [c.id for c in cards[1:]])

    def dissolve(self) -> None:
        for cluster in self.clusters():
            self.commands.dissolve_cluster(cluster.id)

    def set_angle(self, angle: str) -> bool:
        """Chemin: the chosen post-its take this angle, in one undo step."""
        cards = [c for c in self.cards() if c.angle != angle]
        data = self.board.data
        if not cards or data is None or data.kind != "retro_path":
            return False
        return self.commands.set_angles([c.id for c in cards], angle)

    def recolour(self, colour: str) -> bool:
        cards = self.cards()
        return bool(cards) and self.commands.recolour([c.id for c in cards], colour)

    def delete(self) -> bool:
        cards = self.cards()
        data = self.board.data
        if not cards or data is None or data.combined:
            return False
        done = self.commands.delete_cards([c.id for c in cards])
        if done:
            self.ctx.show_message(tr("Supprimé (Ctrl+Z pour annuler)."))
        return done

    def send_to_vote(self) -> int | None:
        """Selected sous-thématiques go as their title, loose selected cards as their text."""
        clusters = self.clusters()
        inside = {c.id for c in clusters}
        items: list[tuple[str, int | None]] = [(c.title, None) for c in clusters]
        items += [(c.text, c.id) for c in self.cards() if c.cluster_id not in inside]
        if not items:
            self.ctx.show_message(tr("Choisissez d'abord des post-it ou des sous-thématiques."))
            return None
        data = self.board.data
        title = tr("Vote — {title}").format(title=data.title) if data else "Vote"
        return self.commands.send_to_vote(items, title)

    def start_to_actions(self) -> list[int]:
        """KISS: the chosen « on commence » post-its and sous-thématiques (all of the zone if
        none chosen) → fiches actions, one per sous-thématique, one per loose post-it."""
        data = self.board.data
        if data is None or data.kind != "kiss" or data.board_id is None:
            return []
        cards = [c.id for c in self.cards() if c.zone == "start"]
        groups = [c.id for c in self.clusters() if c.zone == "start"]
        if not (cards or groups) and not any(c.zone == "start" for c in data.cards):
            self.ctx.show_message(tr("Aucun post-it dans « On commence ». Rien n'a été créé."))
            return []
        return self.commands.start_to_actions(data.board_id, cards, groups)
