"""« Ouvrir aux téléphones » for one item of a tool (a vote, a board) (#19): the address to
listen on, then, while open, the address and code the room shows, how many phones joined,
what they sent (the tool says), and « Fermer aux téléphones » (the server stops)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.phones.addresses import LOOPBACK, candidates
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.phones import phone_door


def phones_text(n: int) -> str:
    return tr_n("{n} téléphone connecté", "{n} téléphones connectés", n).format(n=n)


class PhoneBar(QWidget):
    """`make_room(item_id)` is what the server serves (phones/vote_room.VoteRoom…);
    `summary(item_id)` what the phones sent, in a few words (« 3 bulletins »)."""

    def __init__(
        self,
        ctx,
        area: str,
        make_room: Callable[[int], Any],
        summary: Callable[[int], str],
        explain: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.area = area
        self.make_room = make_room
        self.summary = summary
        self.door = phone_door(ctx)
        self.item_id = 0
        self.open_button = QPushButton(icon("phones"), tr("Ouvrir aux téléphones"))
        self.open_button.setToolTip(explain)
        self.open_button.clicked.connect(self.open)
        self.address_box = QComboBox()
        self.address_box.setToolTip(
            tr(
                "L'adresse sur laquelle l'ordinateur écoute\u00a0: celle du Wi-Fi de la salle ou "
                "du point d'accès de l'ordinateur («\u00a0127.0.0.1\u00a0»\u00a0: cet ordinateur seul)."
            )
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(icon("lock"), tr("Fermer aux téléphones"))
        self.close_button.clicked.connect(self.door.close)
        # The buttons on one line, then what the room shows and what the phones sent on lines
        # of their own: a warning (« ⚠ Peut-être compté·e deux fois… ») is never cut.
        row = QHBoxLayout()
        self.address_box.setMaximumWidth(280)
        row.addWidget(self.open_button)
        row.addWidget(self.address_box)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.door.changed.connect(self.refresh)
        self._filled = False
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        # The interfaces are looked up when the bar is first seen, not when the tool loads.
        self._fill_addresses()
        super().showEvent(event)

    def _fill_addresses(self) -> None:
        if self._filled:
            return
        self._filled = True
        self.address_box.clear()
        for address in candidates():
            label = f"{address} (cet ordinateur seul)" if address == LOOPBACK else address
            self.address_box.addItem(label, address)

    def show_item(self, item_id: int) -> None:
        self.item_id = item_id
        self.refresh()

    def open(self) -> bool:
        if not self.item_id:
            return False
        self._fill_addresses()
        host = self.address_box.currentData() or LOOPBACK
        return self.door.open(self.make_room(self.item_id), self.item_id, host)

    def refresh(self) -> None:
        here = self.door.is_open_for(self.area, self.item_id)
        self.open_button.setVisible(not here)
        self.open_button.setEnabled(bool(self.item_id))
        self.address_box.setVisible(not self.door.is_open)
        self.close_button.setVisible(self.door.is_open)
        self.status.setVisible(self.door.is_open)
        server = self.door.server
        if server is None:
            return
        if not here:
            self.status.setText(tr("Un autre outil est ouvert aux téléphones (il se fermera)."))
            return
        self.status.setText(
            f"{server.address} · code {server.code} · {phones_text(self.door.joined)} · "
            f"{self.summary(self.item_id)}"
        )
