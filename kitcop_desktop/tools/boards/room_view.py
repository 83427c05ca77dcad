"""The room screen while the boards tool is active: the open board, read-only, large, fitted.

It follows the board the facilitator has open (BoardSelection) and the store's changes, so a
card typed on the laptop appears at once. A spotlit zone or cluster fills the screen, the rest
fades. Authors and sources never reach the room (CardItem leaves them out in the room look).
When a zone or sous-thématique put forward is too full to read from the back (post-its
under 1/20 of the height), it is shown page by page (room_pages.py): « Freins — 1/3 », turned
by the clicker. « Tout le tableau » is the drawing when it reads from the back; too full, it is
a summary instead (room_summary.py: each zone's title, count and first post-its), and the
clicker's next step is its first zone's first page.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QHBoxLayout, QVBoxLayout, QWidget

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.tools.boards import board_data
from kitcop_desktop.tools.boards.items import CardItem
from kitcop_desktop.tools.boards.look import ROOM_LOOK
from kitcop_desktop.tools.boards.room_pages import (
    READABLE_SHARE,
    RoomPage,
    cut_in_pages,
    pages_of,
)
from kitcop_desktop.tools.boards.room_summary import BoardSummary, ZoneSummary
from kitcop_desktop.tools.boards.scene import BoardScene
from kitcop_desktop.tools.boards.selection import selection_of
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.phone_corner import PhoneCorner

# fit() never keeps a scale under the ideal one (only one up to 3 % over it, while a post-it
# typed still fits): a page measured readable at the ideal scale is readable on screen.
FIT_SLACK = 1.0

AREAS = ("boards", "interviews", "workshop")


def _fiche(number: int) -> str:
    """KISS: what already became a fiche action says so, in the overview too (#22)."""
    return f" ✓ fiche action {number}" if number else ""


class _FittedView(QGraphicsView):
    """Refits on its own resize: the parent's resize comes before the layout resizes us.

    It says so by a signal, not by holding the room view's bound method: that reference
    cycle left a dropped room view to Python's cycle collector, which could delete it (and
    its summary) in the middle of a paint: a segfault on the projector.
    """

    resized = Signal()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.resized.emit()


class BoardRoomView(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selection = selection_of(ctx)
        self.setAutoFillBackground(True)
        theme.style(self, theme.ROOM_PANEL)
        self.scene = BoardScene(ROOM_LOOK, self)
        self.view = _FittedView(self.scene)
        self.view.resized.connect(self._resized)
        self.view.setInteractive(False)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setBackgroundBrush(QColor(ROOM["background"]))
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        row.addLayout(layout, 1)
        layout.addWidget(self.view)
        self.summary = BoardSummary(self)
        self.summary.hide()
        layout.addWidget(self.summary)
        # #19: the QR code for phones beside the board while it is open to them.
        self.phone_corner = PhoneCorner(ctx, "boards", partial(getattr, self.selection, "board_id"))
        row.addWidget(self.phone_corner)
        self.selection.changed.connect(self.phone_corner.refresh)
        self._pending = False
        self._stale = False  # hidden: the board is known, its items wait until shown
        self.pages = pages_of(ctx)
        self.pages.changed.connect(self._show_page)
        self.selection.changed.connect(self.schedule)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self.schedule()  # once the room window has its size

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if area in AREAS and workshop_id == self.ctx.workshop_id:
            self.schedule()

    def schedule(self) -> None:
        """Coalesce: the editor and the hub both say « changed » for one edit."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.reload)  # never fires once this view is deleted

    def reload(self) -> None:
        self._pending = False
        sel = self.selection
        shared = sel.fresh_data()
        if shared is not None:
            self._show(shared)
            return
        data: board_data.BoardData | None
        if sel.combined_kind:
            data = board_data.load_combined(self.ctx.store, self.ctx.workshop_id, sel.combined_kind)
        else:
            board_id = sel.board_id
            if board_id is None:
                titles = board_data.list_board_titles(self.ctx.store, self.ctx.workshop_id)
                board_id = titles[0][0] if titles else None
            data = board_data.load_board(self.ctx.store, board_id) if board_id else None
        self._show(data)

    def _show(self, data) -> None:
        if not self.isVisible() and data is not None:
            # The room screen is off or shows another tool: remember the board, make its
            # thousands of items only when it is shown (issue 15: opening a board).
            self.scene.data, self._stale = data, True
            return
        was_stale, self._stale = self._stale, False
        self.scene.room_page = None
        self.scene.show(data, self._aspect())
        self._paginate()
        layout = self.layout()
        if was_stale and layout is not None:
            layout.activate()  # the summary or the drawing shown has its size at once

    # -- pages of a board too full to read --------------------------------------------------
    def _room_height(self) -> int:
        return max(1, self.window().height())

    def _ideal_scale(self, size: tuple[float, float] | None = None) -> float:
        """The scale fit() gives a scene of this size (the current one by default)."""
        if size is None:
            rect = self.scene.sceneRect()
            size = (rect.width(), rect.height())
        port = self.rect()  # the view's viewport, even while the summary stands in for it
        if size[0] <= 0 or size[1] <= 0 or port.width() < 50 or port.height() < 50:
            return 0.0
        return min((port.width() - 4) / size[0], (port.height() - 4) / size[1]) * 0.97

    def readable(self, size: tuple[float, float] | None = None, keys=None) -> bool:
        """Is every text of the post-its (as laid out now, or in a scene of `size` showing
        `keys`) at least 1/20 of the room's height?"""
        scale = self._ideal_scale(size) * FIT_SLACK
        return self._smallest_px(keys) * scale >= self._room_height() * READABLE_SHARE

    def _smallest_px(self, keys=None) -> float:
        """The smallest text size (scene units) of these layout keys (all the board's by
        default): a post-it's words, a sous-thématique's title, a post-it's footer or badge."""
        look, scene = ROOM_LOOK, self.scene
        sizes = [look.card_px]
        items: list[CardItem | None]
        if keys is None:  # every post-it and sous-thématique, without building their keys
            items = list(scene.cards.values())
            if scene.clusters:
                sizes.append(look.cluster_px)
        else:
            grouped = scene.grouped() if any(k.startswith("k") for k in keys) else None
            items = []
            for key in keys:
                if key.startswith("k"):
                    sizes.append(look.cluster_px)
                    keys_in = scene.page_keys("", int(key[1:]), grouped)
                else:
                    keys_in = [key]
                items += [scene.cards.get(int(card_key[1:])) for card_key in keys_in]
        for item in items:
            if item is not None and item._footer:
                sizes.append(look.small_px)
            if item is not None and item._badge:
                sizes.append(item._badge_font.pixelSize())
        return min(sizes)

    def _pages_for(self, zone: str, cluster_id: int | None) -> list[RoomPage]:
        keys = self.scene.page_keys(zone, cluster_id)
        if not keys:
            return []

        grouped = self.scene.grouped()

        def fits(run: list[str]) -> bool:
            # « 1/2 »: a page title as long as the real ones, nothing laid out for real.
            self.scene.room_page = RoomPage(zone, cluster_id, tuple(run), 1, 2)
            return self.readable(self.scene.trial_size(grouped), run)

        runs = cut_in_pages(keys, fits)
        parts: list[tuple[int | None, list[str]]] = []
        for run in runs:
            if cluster_id is None and len(run) == 1 and run[0][0] == "k" and not fits(run):
                # A sous-thématique too tall for one readable page: its post-its spread over
                # the screen, page by page, within the zone's pages.
                inner = int(run[0][1:])
                inner_pages = self._pages_for(zone, inner)
                parts += [(inner, list(page.keys)) for page in inner_pages] or [(inner, [])]
            else:
                parts.append((cluster_id, run))
        parts = [(cid, run or self.scene.page_keys(zone, cid)) for cid, run in parts]
        return [
            RoomPage(zone, cid, tuple(run), n, len(parts))
            for n, (cid, run) in enumerate(parts, start=1)
        ]

    def _paginate(self) -> None:
        """Lay the board out for the room; when the zone or sous-thématique put forward cannot
        be read from the back, cut it into pages."""
        data = self.scene.data
        plan: list[RoomPage] = []
        summary = False
        if data is not None and not data.combined and self._ideal_scale() > 0:
            focus = self.scene.planner.room_focus(data)
            if focus is None:
                summary = bool(data.cards) and not self.readable()
            elif not self.readable(keys=self.scene.page_keys(*focus)):
                plan = self._pages_for(*focus)
                if len(plan) == 1:
                    plan = []  # one page: the spotlight as it is
        self.pages.set_plan(plan)
        self._show_summary(summary)
        self._show_page()

    def _show_summary(self, shown: bool) -> None:
        """« Tout le tableau » too full to read whole: each zone's title, count and first
        post-its instead of the drawing."""
        data = self.scene.data
        if shown and data is not None:
            rows = KINDS[data.kind].rows
            title = self.scene.planner.title(data)
            self.summary.set_summary(title, self._zone_summaries(data), rows)
        self.summary.setVisible(shown)
        self.view.setVisible(not shown)

    def _zone_summaries(self, data: board_data.BoardData) -> list[ZoneSummary]:
        scene = self.scene
        kind = KINDS[data.kind]
        # The board's post-its sorted once (not once per zone and sous-thématique: at 5,000
        # post-its that was 20 ms of every post-it typed while the room showed the summary).
        grouped = scene.planner.group(data)
        members = grouped[0]
        counts = Counter(c.zone for c in data.cards)
        summaries = []
        for zone in kind.zones:
            items = []
            for key in scene.page_keys(zone.key, None, grouped):
                if key.startswith("k"):
                    cluster = scene.clusters[int(key[1:])].cluster
                    count = len(members.get(cluster.id, ()))
                    items.append((f"▸ {cluster.title}", f" ({count}){_fiche(cluster.fiche)}"))
                else:
                    card = scene.cards[int(key[1:])].card
                    items.append((card.text, _fiche(card.fiche)))
            summaries.append(
                ZoneSummary(zone.key, zone.label, zone.colour, counts[zone.key], tuple(items))
            )
        return summaries

    def _show_page(self) -> None:
        if self._stale:
            return  # laid out when shown
        self.scene.room_page = self.pages.current()
        self.scene.relayout()
        self.fit()

    def page_label(self) -> str:
        """What the room's title says of the page (« Freins — 1/3 »), empty without pages."""
        page = self.pages.current()
        if page is None or self.scene.data is None:
            return ""
        kind = KINDS[self.scene.data.kind]
        if page.cluster_id is not None and page.cluster_id in self.scene.clusters:
            name = self.scene.clusters[page.cluster_id].cluster.title
        else:
            name = kind.zone(page.zone).label
        return page.label(name)

    def _aspect(self) -> float:
        w, h = self.width(), self.height()
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
        if not needed * 0.97 * 0.999 <= current <= needed * 1.001:
            # A new scale redraws every card; a card typed that still fits keeps this one
            # (3 % slack), so the room follows the typing without a full redraw each time.
            self.view.setTransform(QTransform.fromScale(needed * 0.97, needed * 0.97))
        self.view.centerOn(rect.center())

    def card_pixel_size(self) -> float:
        """How tall a card's text is on this screen, in pixels (tests check readability)."""
        return ROOM_LOOK.card_px * self.view.transform().m11()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.view.isHidden():
            self._resized()  # the hidden drawing gets no resize of its own

    def _resized(self) -> None:
        if self._stale:
            return  # laid out when shown
        if self.scene.data is not None:
            self.scene.aspect = self._aspect()
            self.scene.room_page = None
            self.scene.relayout()
            self._paginate()  # another size, another number of pages
        else:
            self.fit()
