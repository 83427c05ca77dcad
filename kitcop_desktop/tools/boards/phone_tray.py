"""Post-its from phones (#19): the board's « Ouvrir aux téléphones » and its moderation tray.

A phone's post-it waits here, never on the projector, until the facilitator accepts it
(Entrée: it goes to the end of its zone), merges it into a post-it already on the board that
says the same thing (F: the board's post-its, the likeliest first; Entrée merges, Échap goes
back: that post-it counts one more) or discards it (Suppr); ↑/↓ choose. Each is one undo step
of the boards' history (Ctrl+Z puts the post-it back in the tray)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.i18n import tr
from kitcop_desktop.phones.board_room import BoardRoom
from kitcop_desktop.storage import boards, boards_phones
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.widgets.phone_bar import PhoneBar
from kitcop_desktop.ui.widgets.phone_list import PhoneList

AREA = "boards"


def waiting_text(n: int) -> str:
    return "1 post-it en attente" if n == 1 else f"{n} post-it en attente"


class PhoneTray(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.board_id = 0
        self._merging: int | None = None  # the waiting post-it being merged (F)
        self.bar = PhoneBar(
            ctx,
            AREA,
            lambda board_id: BoardRoom(ctx.store, board_id),
            self._summary,
            tr(
                "Les participant·es envoient des post-it depuis leur téléphone, sur le réseau de "
                "la salle, sans internet\u00a0: ils attendent ici que vous les acceptiez."
            ),
        )
        self.title = QLabel()
        theme.style(self.title, theme.BOLD)
        # Entrée accepts the chosen post-it, Suppr discards it, F merges it: no other letter
        # key is taken (typing elsewhere never is).
        self.list = PhoneList(
            {
                Qt.Key.Key_Return: self.accept_current,
                Qt.Key.Key_Enter: self.accept_current,
                Qt.Key.Key_Delete: self.discard_current,
                Qt.Key.Key_Backspace: self.discard_current,
                Qt.Key.Key_F: self.choose_merge,
            }
        )
        self.list.setMaximumHeight(150)
        self.accept_button = QPushButton(icon("check"), tr("Accepter (Entrée)"))
        self.accept_button.clicked.connect(self.accept_current)
        self.discard_button = QPushButton(icon("delete"), tr("Rejeter (Suppr)"))
        self.discard_button.clicked.connect(self.discard_current)
        self.merge_button = QPushButton(icon("merge"), tr("Fusionner… (F)"))
        self.merge_button.setToolTip(
            tr(
                "Ce post-it dit la même chose qu'un post-it déjà au tableau\u00a0: celui-ci compte "
                "un de plus"
            )
        )
        self.merge_button.clicked.connect(self.choose_merge)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.discard_button)
        # Choosing the post-it of the board to merge into, in place of the tray's list.
        self.merge_title = QLabel()
        self.merge_title.setWordWrap(True)
        # The board's post-its to merge the waiting one into: Entrée merges, Échap goes back.
        self.merge_list = PhoneList(
            {
                Qt.Key.Key_Return: self.merge_chosen,
                Qt.Key.Key_Enter: self.merge_chosen,
                Qt.Key.Key_Escape: self.end_merge,
            }
        )
        self.merge_list.setMaximumHeight(150)
        self.merge_list.itemActivated.connect(lambda _item: self.merge_chosen())
        self.merging = QWidget()
        merging = QVBoxLayout(self.merging)
        merging.setContentsMargins(0, 0, 0, 0)
        merging.addWidget(self.merge_title)
        merging.addWidget(self.merge_list)
        self.merging.hide()
        self.tray = QWidget()
        tray_layout = QVBoxLayout(self.tray)
        tray_layout.setContentsMargins(0, 0, 0, 0)
        tray_layout.addLayout(buttons)
        tray_layout.addWidget(self.list)
        tray_layout.addWidget(self.merging)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.tray)
        ctx.hub.changed.connect(self._on_changed)
        self.tray.hide()

    def _summary(self, board_id: int) -> str:
        with self.ctx.store.read() as s:
            return waiting_text(boards_phones.waiting_count(s, board_id))

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area == AREA and workshop_id == self.ctx.workshop_id:
            self.reload()

    def show_board(self, board_id: int) -> None:
        self.board_id = board_id or 0
        self.bar.show_item(self.board_id)
        self.reload()

    def reload(self) -> None:
        rows: list[tuple[int, str]] = []
        if self.board_id:
            with self.ctx.store.read() as s:
                try:
                    kind = KINDS[boards.get_board(s, self.board_id).kind]
                except NotFound:
                    kind = None
                if kind is not None:
                    rows = [
                        (p.id, f"{kind.zone(p.zone).label} — {p.text}")
                        for p in boards_phones.waiting(s, self.board_id)
                    ]
        self.list.fill(rows)
        self.title.setText(
            tr("Post-it des téléphones\u00a0: {value}").format(value=waiting_text(len(rows)))
        )
        self.tray.setVisible(bool(rows))
        self.bar.refresh()

    def accept_current(self) -> bool:
        post_id = self.list.chosen()
        if post_id is None:
            return False
        row = self.list.currentRow()
        done = self.ctx.push(
            tr("Accepter un post-it du téléphone"),
            area=AREA,
            do=lambda s: boards_phones.accept(s, post_id),
            undo=lambda s, data: boards_phones.undo_accept(s, data),
        )
        self.list.choose_after(row)
        return done is not None

    def discard_current(self) -> bool:
        post_id = self.list.chosen()
        if post_id is None:
            return False
        row = self.list.currentRow()
        done = self.ctx.push(
            tr("Rejeter un post-it du téléphone"),
            area=AREA,
            do=lambda s: boards_phones.discard(s, post_id),
            undo=lambda s, data: boards_phones.restore_post(s, data),
        )
        self.list.choose_after(row)
        return done is not None

    # --- merging into a post-it of the board ------------------------------------------------
    def choose_merge(self) -> bool:
        """Show the board's post-its, the likeliest first, to merge the chosen one into."""
        post_id = self.list.chosen()
        if post_id is None:
            return False
        with self.ctx.store.read() as s:
            try:
                kind = KINDS[boards.get_board(s, self.board_id).kind]
                rows = boards_phones.merge_candidates(s, post_id)
            except NotFound:
                return False
        if not rows:
            self.ctx.show_message(
                tr("Aucun post-it au tableau pour l'instant\u00a0: rien avec quoi fusionner.")
            )
            return False
        self._merging = post_id
        self.merge_list.clear()
        self.merge_list.fill(
            [
                (card_id, f"{'= ' if same else ''}{kind.zone(zone).label} — {text}")
                for card_id, zone, text, same in rows
            ]
        )
        waiting = self.list.currentItem().text() if self.list.currentItem() else ""
        self.merge_title.setText(
            tr(
                "Fusionner «\u00a0{waiting}\u00a0» avec\u00a0: (Entrée fusionne, Échap revient)"
            ).format(waiting=waiting)
        )
        self.list.hide()
        self.merging.show()
        self.merge_list.setFocus()
        return True

    def merge_chosen(self) -> bool:
        card_id = self.merge_list.chosen()
        post_id = self._merging
        if card_id is None or post_id is None:
            return False
        row = self.list.currentRow()
        self.end_merge()
        done = self.ctx.push(
            tr("Fusionner un post-it du téléphone"),
            area=AREA,
            do=lambda s: boards_phones.merge(s, post_id, card_id),
            undo=lambda s, data: boards_phones.undo_merge(s, data),
        )
        self.list.choose_after(row)
        return done is not None

    def end_merge(self) -> None:
        self._merging = None
        self.merging.hide()
        self.list.show()
        self.list.setFocus()
