"""The board's view on the control window: zoom, fit, and a text field to edit a card in place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import QGraphicsView, QPlainTextEdit

from kitcop_desktop.tools.boards.items import BAND, CardItem, ClusterItem
from kitcop_desktop.tools.boards.look import CONTROL
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.ui import live_keys

READABLE = 0.62  # below this scale a card's text is too small to read on a laptop


class InPlaceEditor(QPlainTextEdit):
    """Enter saves, Shift+Enter starts a new line, Esc cancels."""

    committed = Signal(object, str)  # ("card", id) or ("cluster", id), the text typed
    cancelled = Signal()

    def __init__(self, parent) -> None:
        super().__init__(parent)
        self.target: tuple[str, int] = ("card", 0)
        self.setObjectName("InPlaceEditor")
        # Échap cancels the edit first (the room screen's Échap would close it and leave the
        # edit open); the next Échap is the room's.
        live_keys.claim(self, live_keys.LEAVE)
        self.hide()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.hide()
            self.committed.emit(self.target, self.toPlainText())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.isVisible():  # clicking elsewhere keeps what was typed, like a post-it
            self.hide()
            self.committed.emit(self.target, self.toPlainText())


class BoardView(QGraphicsView):
    zoomed = Signal(float)
    key_action = Signal(str)  # "delete", "edit": keys on the selected cards
    menu_asked = Signal(object, QPoint)  # a right-click on a card or cluster item, where
    _current: CardItem | None  # the post-it ↓ / ↑ last chose

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.reason() == event.Reason.Keyboard:  # the Menu key or Shift+F10: the selection's
            chosen = [
                i for i in self.scene().selectedItems() if isinstance(i, CardItem | ClusterItem)
            ]
            if chosen:
                first = chosen[0]
                where = self.mapFromScene(first.sceneBoundingRect().center())
                self.menu_asked.emit(first, self.viewport().mapToGlobal(where))
                event.accept()
                return
        for item in self.items(event.pos()):
            if isinstance(item, (CardItem, ClusterItem)) and item.isVisible():
                self.menu_asked.emit(item, event.globalPos())
                event.accept()
                return
        super().contextMenuEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.key_action.emit("delete")
            return
        if event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_action.emit("edit")
            return
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not (
            event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step_selection(1 if event.key() == Qt.Key.Key_Down else -1, extend=extend)
            return
        super().keyPressEvent(event)

    def step_selection(self, step: int, *, extend: bool = False) -> None:
        """↓ / ↑ choose the next / previous post-it, in reading order (zone by zone, top to
        bottom); with Maj they add it to the selection (then Regrouper, or the Menu key)."""
        scene = self.scene()
        # The board kind's order of zones.
        zones = list(scene.zones) if isinstance(scene, BoardScene) else []

        def reading(item: CardItem) -> tuple:
            zone = item.card.zone
            rect = item.sceneBoundingRect()
            return (zones.index(zone) if zone in zones else len(zones), rect.top(), rect.left())

        cards = sorted(
            (i for i in self.scene().items() if isinstance(i, CardItem) and i.isVisible()),
            key=reading,
        )
        if not cards:
            return
        current = self._current if self._current in cards else None
        index = cards.index(current) + step if current is not None else (0 if step > 0 else -1)
        item = cards[max(0, min(len(cards) - 1, index))]
        if not extend:
            self.scene().clearSelection()
        item.setSelected(True)
        self._current = item
        self.ensureVisible(item)

    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fitted = True
        self.fit_whole = False
        self._current = None
        self.editor = InPlaceEditor(self.viewport())
        self.zoomed.connect(self._scaled)

    def _scaled(self, scale: float) -> None:
        scene = self.scene()
        if isinstance(scene, BoardScene):
            scene.set_view_scale(scale)  # specks drawn as one picture, or each by itself

    # -- zoom ---------------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.05 <= scale <= 4:
            self.scale(factor, factor)
            self.fitted = self.fit_whole = False
            self.zoomed.emit(self.transform().m11())

    def fit(self, rect: QRectF | None = None, *, whole: bool = False) -> None:
        """Show the board as large as fits; `whole`: all of it, however small.

        Otherwise the scale never goes below READABLE while the board's width still fits:
        a tall board then scrolls instead of shrinking to unreadable type.
        """
        rect = rect or self.sceneRect()
        if rect.isEmpty():
            return
        if whole:
            self.fit_whole = True  # « Ajuster » holds until the next zoom
        whole = whole or self.fit_whole
        view = self.viewport().rect()
        fit_w = (view.width() - 4) / rect.width()
        needed = min(fit_w, (view.height() - 4) / rect.height())
        if not whole:
            needed = max(needed, min(fit_w, READABLE))
        current = self.transform().m11()
        if not (self.fitted and needed * 0.9 <= current <= needed * 1.001) or whole:
            # A little slack (4 %): the next cards typed on a large board fit without a new
            # scale, which would make every card redraw.
            self.setTransform(QTransform.fromScale(needed * 0.96, needed * 0.96))
            top = rect.top() + (view.height() / 2) / (needed * 0.96)
            self.centerOn(rect.center().x(), min(rect.center().y(), top))
        self.fitted = True
        self.zoomed.emit(self.transform().m11())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        scene = self.scene()
        if isinstance(scene, BoardScene) and scene.layout_pending:
            scene.aspect = self._aspect()
            scene.relayout()  # the board built while hidden is laid out once, at this size
            if self.fitted:
                self.fit()

    def _aspect(self) -> float:
        w, h = self.viewport().width(), self.viewport().height()
        return w / h if w > 50 and h > 50 else 16 / 9

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    # -- edit in place ------------------------------------------------------------------------
    def edit_card(self, item: CardItem) -> None:
        self.centerOn(item)
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        scale = self.transform().m11()
        rect = rect.adjusted(int(BAND * scale), 0, 0, 0)
        self._open_editor(("card", item.card.id), item.card.text, rect, item.look.card_px)

    def edit_cluster(self, item: ClusterItem) -> None:
        """Rename a sous-thématique where its title is drawn."""
        self.centerOn(item)
        rect = self.mapFromScene(item.mapRectToScene(item.header_rect())).boundingRect()
        self._open_editor(("cluster", item.cluster.id), item.cluster.title, rect, 16)

    def _open_editor(self, target, text: str, rect, px: int) -> None:
        scale = self.transform().m11()
        self.editor.target = target
        self.editor.setFont(CONTROL.font(max(12, int(px * scale))))
        self.editor.setPlainText(text)
        self.editor.setGeometry(rect.adjusted(0, 0, 0, max(0, 60 - rect.height())))
        self.editor.show()
        self.editor.setFocus()
        self.editor.selectAll()
