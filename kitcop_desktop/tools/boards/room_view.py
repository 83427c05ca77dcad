"""The room screen while the boards tool is active: the open board, read-only, large, fitted.

It follows the board the facilitator has open (BoardSelection) and the store's changes, so a
card typed on the laptop appears at once. A spotlit zone or cluster fills the screen, the rest
fades. Authors and sources never reach the room (CardItem leaves them out in the room look).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QVBoxLayout, QWidget

from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.tools.boards import board_data
from kitcop_desktop.tools.boards.look import ROOM_LOOK
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.tools.boards.selection import selection_of

AREAS = ("boards", "interviews", "workshop")


class _FittedView(QGraphicsView):
    """Refits on its own resize: the parent's resize comes before the layout resizes us."""

    def __init__(self, scene, on_resize) -> None:
        super().__init__(scene)
        self._on_resize = on_resize

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._on_resize()


class BoardRoomView(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selection = selection_of(ctx)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"background: {ROOM['background']};")
        self.scene = BoardScene(ROOM_LOOK, self)
        self.view = _FittedView(self.scene, self._resized)
        self.view.setInteractive(False)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setBackgroundBrush(QColor(ROOM["background"]))
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._pending = False
        self.selection.changed.connect(self.schedule)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area in AREAS and workshop_id == self.ctx.workshop_id:
            self.schedule()

    def schedule(self) -> None:
        """Coalesce: the editor and the hub both say « changed » for one edit."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        self._pending = False
        sel = self.selection
        shared = sel.fresh_data()
        if shared is not None:
            self.scene.show(shared, self._aspect())
            self.fit()
            return
        if sel.combined_kind:
            data = board_data.load_combined(self.ctx.store, self.ctx.workshop_id, sel.combined_kind)
        else:
            board_id = sel.board_id
            if board_id is None:
                titles = board_data.list_board_titles(self.ctx.store, self.ctx.workshop_id)
                board_id = titles[0][0] if titles else None
            data = board_data.load_board(self.ctx.store, board_id) if board_id else None
        self.scene.show(data, self._aspect())
        self.fit()

    def _aspect(self) -> float:
        w, h = self.view.viewport().width(), self.view.viewport().height()
        return w / h if w > 50 and h > 50 else 16 / 9

    def fit(self) -> None:
        """The whole board, or the spotlit zone or cluster, as large as the screen allows.

        The scene itself holds only the spotlit part (it lays it out again for the screen).
        """
        rect = self.scene.sceneRect()
        if rect.isEmpty():
            return
        port = self.view.viewport().rect()
        needed = min((port.width() - 4) / rect.width(), (port.height() - 4) / rect.height())
        current = self.view.transform().m11()
        if not needed * 0.95 <= current <= needed * 1.001:
            # A new scale redraws every card; a card typed that still fits keeps this one
            # (3 % slack), so the room follows the typing without a full redraw each time.
            self.view.setTransform(QTransform.fromScale(needed * 0.97, needed * 0.97))
        self.view.centerOn(rect.center())

    def card_pixel_size(self) -> float:
        """How tall a card's text is on this screen, in pixels (tests check readability)."""
        return ROOM_LOOK.card_px * self.view.transform().m11()

    def _resized(self) -> None:
        if abs(self._aspect() - self.scene.aspect) > 0.05 and self.scene.data is not None:
            self.scene.aspect = self._aspect()
            self.scene.relayout()
        self.fit()
