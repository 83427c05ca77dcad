"""Who speaks when, in a speaking round: move a person up or down, add a latecomer, take in
whoever signed in since. RoundPanel (round_panel.py) holds one RoundOrder and lays its row out;
the order acts on the round the panel shows through its RoundScreen side."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton

from kitcop_desktop.domain.french import people_added
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import rounds as ops
from kitcop_desktop.tools.fishbowl.round_word import AREA, RoundScreen
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext


class RoundOrder:
    """The row under the table (`row`) and its commands."""

    def __init__(self, ctx: ToolContext, screen: RoundScreen) -> None:
        self.ctx = ctx
        self.screen = screen
        up = QPushButton(icon("up"), "")
        up.setToolTip(tr("Parler plus tôt"))
        up.clicked.connect(lambda: self.move(-1))
        down = QPushButton(icon("down"), "")
        down.setToolTip(tr("Parler plus tard"))
        down.clicked.connect(lambda: self.move(1))
        self.latecomer = QLineEdit()
        self.latecomer.setPlaceholderText(tr("Retardataire : prénom nom, puis Entrée"))
        self.latecomer.returnPressed.connect(self.add_latecomer)
        sync = QPushButton(icon("user"), tr("Présent·es"))
        sync.setToolTip(tr("Ajouter à la fin les présent·es de la liste d'émargement"))
        sync.clicked.connect(self.sync_entries)
        self.row = QHBoxLayout()
        self.row.addWidget(up)
        self.row.addWidget(down)
        self.row.addWidget(self.latecomer, 1)
        self.row.addWidget(sync)

    def move(self, step: int) -> None:
        entry = self.screen.table.selected_entry()
        if entry is not None:
            self.ctx.push(
                tr("Changer l'ordre"),
                area=AREA,
                do=lambda s: ops.move_entry(s, entry, step),
                undo=lambda s, snap: ops.restore_live(s, snap),
            )

    def add_latecomer(self) -> None:
        round_id, name = self.screen.round_id, self.latecomer.text()
        if round_id is None or not name.strip():
            return
        if (
            self.ctx.push(
                tr("Ajouter {strip}").format(strip=name.strip()),
                area=AREA,
                do=lambda s: ops.add_latecomer(s, round_id, name),
                undo=lambda s, added: ops.undo_latecomer(s, added),
            )
            is not None
        ):
            self.latecomer.clear()
            self.ctx.hub.notify("participants", self.ctx.workshop_id)

    def sync_entries(self) -> None:
        round_id = self.screen.round_id
        if round_id is None:
            return
        added = self.ctx.push(
            tr("Reprendre la liste d'émargement"),
            area=AREA,
            do=lambda s: ops.sync_entries(s, round_id),
            undo=lambda s, ids: ops.remove_entries(s, ids),
        )
        if added is not None:
            count = len(added) if isinstance(added, list) else 0
            self.ctx.show_message(
                people_added(count, tr("au tour"), tr("Tout le monde est déjà dans ce tour."))
            )
