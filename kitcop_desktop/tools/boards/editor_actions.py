"""What the facilitator does on a board, each gesture one undoable command.

A mixin of BoardsEditor, kept apart so each module stays short.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
)

from kitcop_desktop.domain.board_kinds import KINDS, zone_label
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.context_menu import board_menu
from kitcop_desktop.tools.boards.items import CardItem, ClusterItem
from kitcop_desktop.tools.boards.spotlight import spotlight_label


class EditorActions:
    """Gestures of the boards editor (self is the BoardsEditor)."""

    # -- boards -------------------------------------------------------------------------------
    def new_board(self, kind: str) -> int | None:
        with self.ctx.store.read() as s:
            count = len(boards.list_boards(s, self.ctx.workshop_id, kind))
        board_id = self.commands.new_board(kind, KINDS[kind].label, f"Sous-groupe {count + 1}")
        if board_id is not None:
            self.show_entry(("board", board_id))
            self.entry.line.setFocus()
        return board_id

    def rename_board(self, title: str, subgroup: str) -> bool:
        if self.data is None or self.data.board_id is None:
            return False
        return self.commands.update_board(
            self.data.board_id, tr("Renommer le tableau"), title=title, subgroup=subgroup
        )

    def ask_rename(self) -> None:
        if self.data is None or self.data.board_id is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(tr("Renommer le tableau"))
        form = QFormLayout(dialog)
        title, subgroup = QLineEdit(self.data.title), QLineEdit(self.data.subgroup)
        form.addRow(tr("Titre"), title)
        form.addRow(tr("Sous-groupe"), subgroup)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.rename_board(title.text(), subgroup.text())

    def delete_board(self) -> bool:
        if self.data is None or self.data.board_id is None:
            return False
        done = self.commands.delete_board(self.data.board_id, self.data.title)
        if done:
            self.ctx.show_message(tr("Tableau supprimé (Ctrl+Z pour le retrouver)."))
        return done

    def set_split(self, split: bool) -> bool:
        """Chemin: each zone in two lanes, Actions and Ressentis (one undo step)."""
        if self.data is None or self.data.board_id is None or self.data.kind != "retro_path":
            return False
        if split == self.data.split_by_angle:
            return False
        done = self.commands.set_split(self.data.board_id, split)
        if not done:
            self.reload()  # refused: the toggle shows the board's state again
        return done

    def set_spotlight(self, value: str) -> None:
        """What the room screen puts forward. Not an undo step: it changes no content."""
        if self.data is None or self.data.board_id is None:
            return
        with self.ctx.store.write() as s:
            boards.update_board(s, self.data.board_id, spotlight=value)
        self.ctx.hub.notify(
            "boards",
            self.ctx.workshop_id,
            tr("Écran de salle : {data}").format(data=spotlight_label(self.data, value)),
        )

    # -- view ---------------------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        if factor == 0:
            self.view.fit(whole=True)
        else:
            self.view.zoom_by(factor)

    def apply_search(self, query: str) -> int:
        count = self.scene.apply_search(query)
        self._show_found()
        return count

    def _show_found(self) -> None:
        if not self.scene.query:
            self.bar.show_found("")
            return
        n = sum(1 for i in self.scene.cards.values() if i.matched)
        self.bar.show_found(
            tr("Aucun post-it") if n == 0 else tr_n("{n} trouvé", "{n} trouvés", n).format(n=n)
        )

    def _down_to_board(self) -> None:
        """↓ in the post-it line: the keyboard goes onto the board, on its first post-it."""
        self.view.setFocus()
        if not self.selected_cards():
            self.view.step_selection(1)

    def _zone_changed(self, zone: str) -> None:
        item = self.scene.zones.get(zone)
        if item is not None and not self.view.fitted:
            self.view.ensureVisible(item.rect, 20, 20)

    # -- cards --------------------------------------------------------------------------------
    def submit(self, zone: str, text: str, author: str, force: bool) -> int | None:
        """Enter in the card field: add the card, or say it is « déjà présent »."""
        if self.data is None or self.data.board_id is None:
            return None
        if not force:
            found = self.data.duplicates(text)  # an index kept with the board: no store read
            if found:
                where = tr("dans « {kind} »").format(kind=zone_label(self.data.kind, found[0][1]))
                self.entry.show_duplicate(zone, text, author, found[0][0], where)
                return None
        card_id = self.commands.add_card(self.data.board_id, zone, text, author, self.entry.angle())
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
        if self.data is None or self.data.board_id is None:
            return []
        ids = self.commands.add_pasted(self.data.board_id, zone, text, author)
        if ids:
            self.entry.card_added()
            self.ctx.show_message(tr("{count} post-it ajoutés.").format(count=len(ids)))
        return ids

    def merge_into(self, card_id: int, author: str) -> bool:
        done = self.commands.count_again(card_id, author)
        if done:
            self.entry.duplicate_settled()
        return done

    def drop_cards(self, card_ids: list, target) -> None:
        if self.data is None or self.data.board_id is None:
            return
        if not self.commands.drop_cards(self.data.board_id, card_ids, target):
            self.reload()  # refused: put the cards back where they were

    def drop_cluster(self, cluster_id: int, zone: str) -> None:
        if not self.commands.move_cluster(cluster_id, zone):
            self.reload()

    def edit_card(self, card_id: int) -> None:
        item = self.scene.cards.get(card_id)
        if item is not None and not self.data.combined:
            self.view.edit_card(item)

    def edit_cluster(self, cluster_id: int) -> None:
        item = self.scene.clusters.get(cluster_id)
        if item is not None and not self.data.combined:
            self.view.edit_cluster(item)

    def commit_edit(self, target, text: str) -> None:
        what, ref = target
        if what == "card":
            item = self.scene.cards.get(ref)
            if item is not None and text.strip() != item.card.text:
                self.commands.edit_card(ref, tr("Modifier un post-it"), text=text)
        else:
            item = self.scene.clusters.get(ref)
            if item is not None and text.strip() != item.cluster.title:
                self.commands.update_cluster(ref, tr("Renommer la sous-thématique"), title=text)
        self.view.setFocus()

    def toggle_cluster(self, cluster_id: int) -> None:
        item = self.scene.clusters.get(cluster_id)
        if item is None or self.data.combined:
            return
        folded = not item.cluster.collapsed
        text = tr("Replier la sous-thématique") if folded else tr("Déplier la sous-thématique")
        self.commands.update_cluster(cluster_id, text, collapsed=folded)

    # -- selection ----------------------------------------------------------------------------
    def selected_cards(self) -> list:
        items = [i for i in self.scene.selectedItems() if isinstance(i, CardItem)]
        return [i.card for i in sorted(items, key=lambda i: (i.card.position, i.card.id))]

    def selected_clusters(self) -> list:
        items = [i for i in self.scene.selectedItems() if isinstance(i, ClusterItem)]
        return [i.cluster for i in items]

    def _selection_changed(self) -> None:
        if self.data is None:
            return
        self.actions_bar.show_selection(
            len(self.selected_cards()),
            len(self.selected_clusters()),
            not self.data.combined,
            self.data.kind == "kiss",
        )

    def _view_key(self, action: str) -> None:
        if action == "delete":
            self.delete_selected()
        elif action == "edit":
            cards = self.selected_cards()
            if len(cards) == 1:
                self.edit_card(cards[0].id)

    def group_selected(self, title: str = "Sous-thématique") -> int | None:
        if not isinstance(title, str) or not title.strip():
            title = "Sous-thématique"
        cards = self.selected_cards()
        if not cards or self.data is None or self.data.board_id is None:
            return None
        cluster_id = self.commands.group(
            self.data.board_id, cards[0].zone, [c.id for c in cards], title
        )
        if cluster_id is not None and cluster_id in self.scene.clusters:
            self.edit_cluster(cluster_id)  # name it right away
        return cluster_id

    def merge_selected(self) -> bool:
        """The chosen cards say the same thing: one stays (the first), counted ×n."""
        cards = self.selected_cards()
        if len(cards) < 2 or self.data is None or self.data.combined:
            return False
        return self.commands.merge_cards(cards[0].id, [c.id for c in cards[1:]])

    def dissolve_selected(self) -> None:
        for cluster in self.selected_clusters():
            self.commands.dissolve_cluster(cluster.id)

    def show_menu(self, item, global_pos) -> None:
        """Right-click on a post-it or a sous-thématique (context_menu.py)."""
        menu = board_menu(self, item)
        if menu is not None:
            menu.exec(global_pos)

    def set_angle_selected(self, angle: str) -> bool:
        """Chemin: the chosen post-its take this angle, in one undo step."""
        cards = [c for c in self.selected_cards() if c.angle != angle]
        if not cards or self.data is None or self.data.kind != "retro_path":
            return False
        return self.commands.set_angles([c.id for c in cards], angle)

    def recolour_selected(self, colour: str) -> bool:
        cards = self.selected_cards()
        return bool(cards) and self.commands.recolour([c.id for c in cards], colour)

    def delete_selected(self) -> bool:
        cards = self.selected_cards()
        if not cards or self.data is None or self.data.combined:
            return False
        done = self.commands.delete_cards([c.id for c in cards])
        if done:
            self.ctx.show_message(tr("Supprimé (Ctrl+Z pour annuler)."))
        return done

    def send_selected_to_vote(self) -> int | None:
        """Selected sous-thématiques go as their title, loose selected cards as their text."""
        clusters = self.selected_clusters()
        inside = {c.id for c in clusters}
        items = [(c.title, None) for c in clusters]
        items += [(c.text, c.id) for c in self.selected_cards() if c.cluster_id not in inside]
        if not items:
            self.ctx.show_message(tr("Choisissez d'abord des post-it ou des sous-thématiques."))
            return None
        title = tr("Vote — {title}").format(title=self.data.title) if self.data else "Vote"
        return self.commands.send_to_vote(items, title)

    def start_to_actions(self) -> list[int]:
        """KISS: the chosen « on commence » post-its and sous-thématiques (all of the zone if
        none chosen) → fiches actions, one per sous-thématique, one per loose post-it."""
        if self.data is None or self.data.kind != "kiss" or self.data.board_id is None:
            return []
        cards = [c.id for c in self.selected_cards() if c.zone == "start"]
        groups = [c.id for c in self.selected_clusters() if c.zone == "start"]
        if not (cards or groups) and not any(c.zone == "start" for c in self.data.cards):
            self.ctx.show_message(tr("Aucun post-it dans « On commence ». Rien n'a été créé."))
            return []
        return self.commands.start_to_actions(self.data.board_id, cards, groups)
