"""The QR code of phones on the room screen (#19), as a column beside a tool's room view:
the QR code, the address and the code, sized from the room's height (text at 1/20 at
least, never cut). Shown only while the tool's item on screen is open to phones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.phones import phone_door

BODY = 1 / 20
CODE = 1 / 14


class PhoneCorner(QWidget):
    """`item_id()` says which item the room shows; it must not hold the room view itself
    (a callable on a selection object, never a bound method of the parent)."""

    def __init__(self, ctx, area: str, item_id: Callable[[], int | None], parent=None) -> None:
        super().__init__(parent)
        self.area = area
        self.item_id = item_id
        self.door = phone_door(ctx)
        self.door.changed.connect(self.refresh)
        self._qr: tuple[str, list[list[bool]]] = ("", [])
        self.texts: list[str] = []  # what was drawn last (tests)
        self.refresh()

    def refresh(self) -> None:
        shown = self.door.is_open_for(self.area, int(self.item_id() or 0))
        self.setVisible(shown)
        if shown:
            self._fit_width()
            self.update()

    def _lines(self) -> tuple[str, str]:
        server = self.door.server
        return server.address.removeprefix("http://"), f"code {server.code}"

    def _room_height(self) -> int:
        return max(240, self.height(), (self.parentWidget() or self).height())

    def _fit_width(self) -> None:
        if self.door.server is None:
            return
        h = self._room_height()
        address, code = self._lines()
        small = QFontMetricsF(theme.room_font(h, BODY))
        big = QFontMetricsF(theme.room_font(h, CODE, bold=True))
        text_w = max(small.horizontalAdvance(address), big.horizontalAdvance(code))
        self.setFixedWidth(int(max(text_w, h * 0.42) + h * 0.04))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().height() != event.size().height():
            self._fit_width()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        server = self.door.server
        if server is None:
            return
        if self._qr[0] != server.url:
            from kitcop_desktop.phones.qr import qr_modules  # segno: only once opened

            self._qr = (server.url, qr_modules(server.url))
        modules = self._qr[1]
        h = self.height()
        address, code = self._lines()
        body_font = theme.room_font(h, BODY)
        code_font = theme.room_font(h, CODE, bold=True)
        small, big = QFontMetricsF(body_font), QFontMetricsF(code_font)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(ROOM["background"]))
        margin = h * 0.02
        width = self.width() - 2 * margin
        side = min(width, h - small.height() - big.height() - 6 * margin)
        cell = max(1, int(side // len(modules)))
        side = cell * len(modules)
        top = (h - side - small.height() - big.height() - margin) / 2
        left = int(margin + (width - side) / 2)
        painter.fillRect(QRectF(left, top, side, side), QColor(theme.QR_LIGHT))
        dark = QColor(theme.QR_DARK)
        for row, line in enumerate(modules):
            for col, on in enumerate(line):
                if on:
                    painter.fillRect(left + col * cell, int(top) + row * cell, cell, cell, dark)
        y = top + side + margin
        centre = Qt.AlignmentFlag.AlignHCenter
        painter.setPen(QColor(ROOM["text"]))
        painter.setFont(body_font)
        painter.drawText(QRectF(margin, y, width, small.height()), centre, address)
        painter.setPen(QColor(ROOM["accent"]))
        painter.setFont(code_font)
        painter.drawText(QRectF(margin, y + small.height(), width, big.height()), centre, code)
        painter.end()
        self.texts = [address, code]
