"""What the facilitator does to one post-it or one sous-thématique: Enter in the post-it line,
a paste, « déjà présent » → fusionner, an edit in place, a drag and drop, folding.

BoardsEditor holds one CardGestures; each gesture is one undoable command (commands.py).
"""

from __future__ import annotations

from kitcop_desktop.domain.board_kinds import zone_label
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards.commands import BoardCommands
from kitcop_desktop.tools.boards.drag import Target
from kitcop_desktop.tools.boards.entry import QuickEntry
from kitcop_desktop.tools.boards.open_board import OpenBoard
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.tools.boards.view import BoardView
from kitcop_desktop.ui.tool_spec import ToolContext


class CardGestures:
    def __init__(
        self,
        ctx: ToolContext,
        commands: BoardCommands,
        board: OpenBoard,
        entry: QuickEntry,
        scene: BoardScene,
        view: BoardView,
    ) -> None:
        self.ctx = ctx
        self.commands = commands
        self.board = board
        self.entry = entry
        self.scene = scene
        self.view = view

    def _editable(self) -> bool:
        data = self.board.data
        return data is not None and not data.combined

    # -- the post-it line ---------------------------------------------------------------------
    def submit(self, zone: str, text: str, author: str, force: bool) -> int | None:
        """Enter in the card field: add the card, or say it is « déjà présent »."""
        data = self.board.data
        if data is None or data.board_id is None:
            return None
        if not force:
            found = data.duplicates(text)  # an index kept with the board: no store read
            if found:
                where = tr("dans « {kind} »").format(kind=zone_label(data.kind, found[0][1]))
                self.entry.show_duplicate(zone, text, author, found[0][0], where)
                return None
        card_id = self.commands.add_card(data.board_id, zone, text, author, self.entry.angle())
        if card_id is not None:
            if force:
                self.entry.duplicate_settled()  # what is typed since stays in the field
            else:
                self.entry.card_added()
            item = self.scene.cards.get(card_id)
            if item is not None:
                self.view.ensureVisible(item, 20, 20)  # typed here, seen here
        return card_id

    def paste(self, zone: str, text: str, author: str) -> list[int]:
        data = self.board.data
        if data is None or data.board_id is None:
            return []
        ids = self.commands.add_pasted(data.board_id, zone, text, author)
        if ids:
            self.entry.card_added()
            self.ctx.show_message(tr("{count} post-it ajoutés.").format(count=len(ids)))
        return ids

    def merge_into(self, card_id: int, author: str) -> bool:
        done = self.commands.count_again(card_id, author)
        if done:
            self.entry.duplicate_settled()
        return done

    # -- on the board -------------------------------------------------------------------------
    def drop_cards(self, card_ids: list[int], target: Target) -> None:
        data = self.board.data
        if data is None or data.board_id is None:
            return
        if not self.commands.drop_cards(data.board_id, card_ids, target):
            self.board.reload()  # refused: put the cards back where they were

    def drop_cluster(self, cluster_id: int, zone: str) -> None:
        if not self.commands.move_cluster(cluster_id, zone):
            self.board.reload()

    def edit_card(self, card_id: int) -> None:
        item = self.scene.cards.get(card_id)
        if item is not None and self._editable():
            self.view.edit_card(item)

    def edit_cluster(self, cluster_id: int) -> None:
        item = self.scene.clusters.get(cluster_id)
        if item is not None and self._editable():
            self.view.edit_cluster(item)

    def commit_edit(self, target: tuple[str, int], text: str) -> None:
        what, ref = target
        if what == "card":
            card = self.scene.cards.get(ref)
            if card is not None and text.strip() != card.card.text:
                self.commands.edit_card(ref, tr("Modifier un post-it"), text=text)
        else:
            cluster = self.scene.clusters.get(ref)
            if cluster is not None and text.strip() != cluster.cluster.title:
                self.commands.update_cluster(ref, tr("Renommer la sous-thématique"), title=text)
        self.view.setFocus()

    def toggle_cluster(self, cluster_id: int) -> None:
        item = self.scene.clusters.get(cluster_id)
        if item is None or not self._editable():
            return
        folded = not item.cluster.collapsed
        text = tr("Replier la sous-thématique") if folded else tr("Déplier la sous-thématique")
        self.commands.update_cluster(cluster_id, text, collapsed=folded)
