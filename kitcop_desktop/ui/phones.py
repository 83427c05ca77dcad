"""The shell's side of phones in the room (#19): `PhoneDoor`, one per workshop context.

It starts and stops `phones/server.PhoneServer` and turns its callbacks (called on the
server's threads) into Qt signals, which Qt queues to the UI thread. A stored ballot becomes
the usual change notification, gathered over `SETTLE_MS` so sixty phones voting at once reload
the views once, not sixty times; while inputs keep pouring in, the views reload at most once
per `GAP_MS`, and not while the server is writing a batch (the reload and the write would share
one interpreter: the phones would wait), yet never later than `LATEST_MS` after the first
input waiting, so the room shows the last ballot well within 300 ms. Phones joining are
gathered the same way (sixty phones opening the page refresh the bar once). Nothing listens
while the door is closed, and the door closes when the application quits.
"""

from __future__ import annotations

import errno
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from kitcop_desktop.i18n import tr
from kitcop_desktop.phones.session import DEFAULT_PORT, Limits

SETTLE_MS = 60  # inputs arriving together: one reload
GAP_MS = 150  # inputs pouring in: at most one reload per GAP_MS
BUSY_MS = 15  # the server still writing a batch: look again after BUSY_MS…
LATEST_MS = 180  # …but reload at the latest LATEST_MS after the first input waiting
JOINED_MS = 100  # phones joining together: one refresh
KEY = "phones.door"


class PhoneDoor(QObject):
    changed = Signal()  # opened, closed, or a phone joined
    _joined = Signal(int)  # from the server's thread
    _stored = Signal(str)  # from the server's thread

    def __init__(self, ctx: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.server: Any = None  # a phones.server.PhoneServer while open
        self.target: tuple[str, int] | None = None  # ("voting", vote id)
        self.joined = 0
        self._pending: set[str] = set()
        self._first_waiting = 0.0  # when the oldest pending input was stored (monotonic s)
        self._last_reload = -1.0  # when the views last reloaded for phones (monotonic s)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._settled)
        self._joined_later = QTimer(self)
        self._joined_later.setSingleShot(True)
        self._joined_later.setInterval(JOINED_MS)
        self._joined_later.timeout.connect(self.changed)
        self._joined.connect(self._on_joined)
        self._stored.connect(self._on_stored)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def is_open(self) -> bool:
        return self.server is not None and self.server.running

    def is_open_for(self, area: str, item_id: int) -> bool:
        return self.is_open and self.target == (area, item_id)

    def open(
        self,
        room: Any,
        item_id: int,
        host: str,
        port: int = DEFAULT_PORT,
        limits: Limits | None = None,
    ) -> bool:
        """Serve `room` on `host`; False (and a French sentence in the status line) when the
        address cannot be used. Opening again replaces what was open."""
        from kitcop_desktop.phones.server import PhoneServer  # aiohttp: only when opened

        self.close()

        def event(kind: str, value: Any) -> None:
            if kind == "joined":
                self._joined.emit(int(value))
            elif kind == "stored":
                self._stored.emit(str(value))

        server = PhoneServer(room, host=host, port=port, limits=limits, on_event=event)
        try:
            server.start()
        except OSError as exc:
            if port and exc.errno == errno.EADDRINUSE:
                return self.open(room, item_id, host, 0, limits)  # the usual port is taken
            why = exc.strerror or str(exc)
            if room.area == "voting":
                self.ctx.show_message(
                    tr(
                        "Impossible d'ouvrir le vote aux téléphones sur {host}\u00a0: {value}. Choisissez une autre adresse ou vérifiez le réseau."
                    ).format(host=host, value=why)
                )
            else:  # a board, a round
                self.ctx.show_message(
                    tr(
                        "Impossible d'ouvrir aux téléphones sur {host}\u00a0: {value}. "
                        "Choisissez une autre adresse ou vérifiez le réseau."
                    ).format(host=host, value=why)
                )
            return False
        self.server, self.target, self.joined = server, (room.area, item_id), 0
        self.changed.emit()
        return True

    def close(self) -> None:
        server, self.server, self.target = self.server, None, None
        if server is not None:
            server.stop()
            self._joined_later.stop()
            self._notify()
            self.changed.emit()

    # --- from the server's threads, queued to this thread -------------------------------------
    def _on_joined(self, count: int) -> None:
        self.joined = count
        if not self._joined_later.isActive():
            self._joined_later.start()

    def _on_stored(self, area: str) -> None:
        self._pending.add(area)
        if self._settle.isActive():
            return
        now = time.monotonic()
        self._first_waiting = now
        since = (now - self._last_reload) * 1000 if self._last_reload >= 0 else GAP_MS
        self._settle.start(int(max(SETTLE_MS, GAP_MS - since)))

    def _settled(self) -> None:
        waited = (time.monotonic() - self._first_waiting) * 1000
        server = self.server
        if server is not None and server.busy and waited + BUSY_MS <= LATEST_MS:
            self._settle.start(BUSY_MS)  # a batch is being written: reload right after it
            return
        self._notify()

    def _notify(self) -> None:
        self._settle.stop()
        if self._joined_later.isActive():  # the phone that sent it is counted with it
            self._joined_later.stop()
            self.changed.emit()
        pending, self._pending = self._pending, set()
        for area in sorted(pending):
            self.ctx.hub.notify(area, self.ctx.workshop_id, received_text(area))
        if pending:
            self._last_reload = time.monotonic()


def received_text(area: str) -> str:
    """What the status line says when phones sent something to this tool."""
    if area == "boards":
        return tr("Post-it reçu d'un téléphone")
    if area == "rounds":
        return tr("Réponse reçue d'un téléphone")
    return tr("Bulletin reçu d'un téléphone")


def phone_door(ctx: Any) -> PhoneDoor:
    """The workshop's door to phones, created on first use."""
    if KEY not in ctx.extras:
        ctx.extras[KEY] = PhoneDoor(ctx)
    door: PhoneDoor = ctx.extras[KEY]
    return door
