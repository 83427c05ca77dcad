"""« Ouvrir aux téléphones » on the current vote (#19): the address to listen on, then, while
open, the address and code the room screen shows, how many phones joined and voted, and
« Fermer aux téléphones » (the server stops: nothing listens any more)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from kitcop_desktop.phones.addresses import LOOPBACK, candidates
from kitcop_desktop.phones.vote_room import VoteRoom
from kitcop_desktop.storage import voting_phones
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.phones import phone_door

AREA = "voting"


def phones_text(n: int) -> str:
    return "1 téléphone connecté" if n == 1 else f"{n} téléphones connectés"


def ballots_text(n: int) -> str:
    return "1 bulletin" if n == 1 else f"{n} bulletins"


class PhoneBar(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.door = phone_door(ctx)
        self.vote_id = 0
        self.round_id = 0
        self.open_button = QPushButton(icon("phones"), "Ouvrir aux téléphones")
        self.open_button.setToolTip(
            "Les participant·es votent depuis leur téléphone, sur le réseau de la salle, "
            "sans internet\u00a0: l'écran de la salle montre un QR code."
        )
        self.open_button.clicked.connect(self.open)
        self.address_box = QComboBox()
        self.address_box.setToolTip(
            "L'adresse sur laquelle l'ordinateur écoute\u00a0: celle du Wi-Fi de la salle ou "
            "du point d'accès de l'ordinateur («\u00a0127.0.0.1\u00a0»\u00a0: cet ordinateur seul)."
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QPushButton(icon("lock"), "Fermer aux téléphones")
        self.close_button.clicked.connect(self.door.close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_button)
        layout.addWidget(self.address_box, 1)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.close_button)
        self.door.changed.connect(self.refresh)
        self._filled = False
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        # The interfaces are looked up when the bar is first seen, not when the tool loads.
        if not self._filled:
            self._filled = True
            self._fill_addresses()
        super().showEvent(event)

    def _fill_addresses(self) -> None:
        self.address_box.clear()
        for address in candidates():
            label = f"{address} (cet ordinateur seul)" if address == LOOPBACK else address
            self.address_box.addItem(label, address)

    def show_vote(self, vote_id: int, round_id: int) -> None:
        self.vote_id, self.round_id = vote_id, round_id
        self.refresh()

    def open(self) -> bool:
        if not self.vote_id:
            return False
        if not self._filled:
            self._filled = True
            self._fill_addresses()
        host = self.address_box.currentData() or LOOPBACK
        return self.door.open(VoteRoom(self.ctx.store, self.vote_id), self.vote_id, host)

    def refresh(self) -> None:
        here = self.door.is_open_for(AREA, self.vote_id)
        elsewhere = self.door.is_open and not here
        self.open_button.setVisible(not here)
        self.open_button.setEnabled(bool(self.vote_id))
        self.address_box.setVisible(not self.door.is_open)
        self.close_button.setVisible(self.door.is_open)
        self.status.setVisible(self.door.is_open)
        server = self.door.server
        if server is None:
            return
        if elsewhere:
            self.status.setText("Un autre vote est ouvert aux téléphones.")
            self.open_button.setToolTip("Ouvrir plutôt celui-ci (l'autre se ferme).")
            return
        with self.ctx.store.read() as s:
            ballots = voting_phones.phone_ballot_count(s, self.round_id) if self.round_id else 0
        self.status.setText(
            f"{server.address} · code {server.code} · {phones_text(self.door.joined)} · "
            f"{ballots_text(ballots)}"
        )
