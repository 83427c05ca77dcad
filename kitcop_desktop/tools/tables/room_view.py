"""The rotation on the room screen (#24): a large map of who sits where this round, then the
round's countdown.

Each table is a block, « Table 3 — Financer la formation » over the names of the people seated
there (the host first, in bold), set in columns; the names are never smaller than 1/20 of the
room's height and never cut: what does not fit is paged (whole tables, « 1/2 ▸ » in the
corner), and the clicker turns the pages (RotationRoom). While the déroulé's run is on this
round's séquence, one more page follows the map: the round's title and its big countdown
(« Puis changez de table »). Absent participants are not shown (storage/tables_room).
When the facilitator shows a table's harvest (RotationRoom.harvest), the room shows it
instead: the table's title, the round, then its salle lines under their angles, fitted and
paged as any room text (a private line never comes: storage/tables_room.room_harvest asks the
visibility rule).
`drawn` records what was painted (text, pixel size, rect) for the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kitcop_desktop.domain.clock import SystemClock
from kitcop_desktop.domain.palette import ROOM
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import tables_room
from kitcop_desktop.tools.tables.room_state import room_state
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.widgets.big_countdown import BigCountdown
from kitcop_desktop.ui.widgets.room_text import (
    FittedText,
    french_spacing,
    page_label,
    room_text_font,
    wrap_lines,
)

AREAS = ("tables", "participants", "agenda", "run", "workshop")
BODY = 1 / 20  # the names: never smaller (readable from the back of the room)
LARGEST = 1 / 13  # a few tables: as large as this
HEADER = 1 / 14
TITLE_SCALE = 1.0  # a table's title against its names (bold, in the accent colour)
GUTTER = 0.6  # between two columns, in font sizes
BLOCK_GAP = 0.45  # under a table, in lines (its rule drawn in it)
MAX_COLUMNS = 4
NAME_GAP = 0.9  # the space between two names on a line, in font sizes
EMPTY = tr_later("personne pour l'instant")


@dataclass
class Block:
    """A table laid out at one size: its title's lines, then its names' lines."""

    table: tables_room.SeatedTable
    title_lines: list[str]
    name_lines: list[list[tuple[str, bool]]]  # each line: (name, host?)
    height: float
    wrapped: int = 0  # pieces of names too wide for the column


@dataclass
class Layout:
    size: int  # the names' pixel size
    columns: int
    pages: list[list[list[Block]]] = field(default_factory=list)  # page -> column -> blocks
    wrapped: int = 0  # names that had to be wrapped (a column too narrow for them)


def _name_lines(
    names: list[tuple[str, bool]], size: int, width: float
) -> list[list[tuple[str, bool]]]:
    """Names flowed on lines, each name whole (a name wider than the column alone on its lines,
    wrapped between its words)."""
    plain = QFontMetricsF(room_text_font(size))
    bold = QFontMetricsF(room_text_font(size, bold=True))
    gap = size * NAME_GAP
    lines: list[list[tuple[str, bool]]] = []
    current: list[tuple[str, bool]] = []
    used = 0.0
    for name, host in names:
        metrics = bold if host else plain
        w = metrics.horizontalAdvance(name)
        if w > width:
            if current:
                lines.append(current)
                current, used = [], 0.0
            font = room_text_font(size, bold=host)
            lines.extend([(part, host)] for part in wrap_lines(name, font, width))
            continue
        if current and used + gap + w > width:
            lines.append(current)
            current, used = [], 0.0
        used += (gap if current else 0.0) + w
        current.append((name, host))
    if current:
        lines.append(current)
    return lines


def block_for(table: tables_room.SeatedTable, size: int, width: float) -> Block:
    title_size = int(size * TITLE_SCALE)
    title_font = room_text_font(title_size, bold=True)
    # The team on a line of its own (« Équipe 2 »): a team looks for its number, and a
    # separator wrapped with the title's words was left alone at a line's end or start.
    title_lines = wrap_lines(french_spacing(table.heading), title_font, width)
    if table.team_label:
        title_lines += wrap_lines(table.team_label, title_font, width)
    names = ([(table.host, True)] if table.host else []) + [(n, False) for n in table.people]
    name_lines = _name_lines(names, size, width) if names else [[(tr(EMPTY), False)]]
    whole = {name for name, _host in names}
    wrapped = sum(1 for line in name_lines for name, _h in line if name not in whole and names)
    spacing = QFontMetricsF(room_text_font(size)).lineSpacing()
    title_spacing = QFontMetricsF(title_font).lineSpacing()
    height = len(title_lines) * title_spacing + len(name_lines) * spacing + spacing * BLOCK_GAP
    return Block(table, title_lines, name_lines, height, wrapped)


def lay_out(
    tables: tuple[tables_room.SeatedTable, ...],
    width: float,
    height: float,
    floor_px: int,
    ceiling_px: int,
) -> Layout:
    """Whole tables in columns and pages: no table taller than the page (it would run off
    the bottom: a world café's long questions at a large size did), every name on one line
    when the width allows it (a name broken over two lines reads as two people), then the
    fewest pages, then the largest names (never under `floor_px`), then the fewest columns.
    Tables keep their order."""
    best: tuple[tuple[int, int, int, int, int], Layout] | None = None
    sizes = sorted({floor_px, *range(floor_px, ceiling_px + 1, max(1, floor_px // 8))})
    for size in reversed(sizes):
        for columns in range(1, MAX_COLUMNS + 1):
            gutter = size * GUTTER
            col_w = (width - gutter * (columns - 1)) / columns
            if col_w < size * 7 and columns > 1:
                break
            blocks = [block_for(t, size, col_w) for t in tables]
            pages = _pack(blocks, columns, height)
            wrapped = sum(b.wrapped for b in blocks)
            overflow = sum(1 for b in blocks if b.height > height)
            score = (overflow, wrapped, len(pages), -size, columns)
            if best is None or score < best[0]:
                best = (score, Layout(size, columns, pages, wrapped))
        if best is not None and len(best[1].pages) == 1 and best[0][:2] == (0, 0):
            break  # the largest size that shows every table at once
    assert best is not None
    return best[1]


def _pack(blocks: list[Block], columns: int, height: float) -> list[list[list[Block]]]:
    pages: list[list[list[Block]]] = []
    page: list[list[Block]] = [[]]
    used = 0.0
    for block in blocks:
        if page[-1] and used + block.height > height:
            if len(page) < columns:
                page.append([])
            else:
                pages.append(page)
                page = [[]]
            used = 0.0
        page[-1].append(block)
        used += block.height
    if page[-1] or not pages:
        pages.append(page)
    return pages


class RotationMapView(QWidget):
    """The map of one round, painted; `page` of `page_count`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map: tables_room.RotationMap | None = None
        self.page = 0
        self.layout_: Layout | None = None
        self.drawn: list[tuple[str, int, QRectF]] = []
        self.reference_height = 0
        self._laid_for: tuple | None = None

    def set_map(self, rotation: tables_room.RotationMap) -> None:
        self.map = rotation
        self._laid_for = None
        self.update()

    def room_height(self) -> int:
        return max(240, self.reference_height or self.height())

    def _margins(self) -> tuple[float, float]:
        return max(14.0, self.width() / 48), max(8.0, self.room_height() / 80)

    def header(self) -> tuple[int, list[str], bool]:
        """The round's title and where « 1/2 ▸ » goes: (size, lines, the page label beside
        the title). One line from 1/14 down to 1/20 of the height beside the label, else one
        line with the label at the bottom right, else wrapped at 1/20 (never cut)."""
        h = self.room_height()
        side, _top = self._margins()
        title = french_spacing(self.map.title) if self.map else ""
        full = max(50.0, self.width() - 2 * side)
        corner = QFontMetricsF(room_text_font(int(h * BODY))).horizontalAdvance("88/88 ▸") + 12
        floor = int(h * BODY)
        for width, beside in ((full - corner, True), (full, False)):
            size = int(h * HEADER)
            while True:
                lines = wrap_lines(title, room_text_font(size, bold=True), max(50.0, width))
                if len(lines) <= 1:
                    return size, lines or [""], beside
                if size <= floor:
                    break
                size = max(floor, size - 2)
        return floor, wrap_lines(title, room_text_font(floor, bold=True), full - corner), True

    def header_height(self) -> float:
        size, lines, _beside = self.header()
        spacing = QFontMetricsF(room_text_font(size, bold=True)).lineSpacing()
        return spacing * len(lines) + spacing * 0.25

    def laid_out(self) -> Layout:
        h = self.room_height()
        key = (self.width(), self.height(), h, id(self.map))
        if self.layout_ is None or self._laid_for != key:
            side, top = self._margins()
            width = max(100.0, self.width() - 2 * side)
            beside = self.header()[2]
            corner = 0.0 if beside else QFontMetricsF(room_text_font(int(h * BODY))).lineSpacing()
            body_h = max(50.0, self.height() - top - corner - self.header_height())
            tables = self.map.tables if self.map else ()
            self.layout_ = lay_out(tables, width, body_h, int(h * BODY), int(h * LARGEST))
            self._laid_for = key
        return self.layout_

    def page_count(self) -> int:
        return max(1, len(self.laid_out().pages))

    def set_page(self, page: int) -> None:
        if page != self.page:
            self.page = page
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(ROOM["background"]))
        self.drawn = []
        if self.map is None:
            return
        layout = self.laid_out()
        h = self.room_height()
        side, top = self._margins()
        count = len(layout.pages)
        page = min(self.page, count - 1)
        # The header: the round's title, and « 1/2 ▸ » at the right when paged.
        header_size, header_lines, beside = self.header()
        header_font = room_text_font(header_size, bold=True)
        header_spacing = QFontMetricsF(header_font).lineSpacing()
        corner = page_label(page, count) if count > 1 else ""
        corner_font = room_text_font(int(h * BODY))
        corner_w = QFontMetricsF(corner_font).horizontalAdvance(corner) + 8 if corner else 0
        header_h = self.header_height()
        for n, line in enumerate(header_lines):
            rect = QRectF(side, top + n * header_spacing, self.width() - 2 * side, header_spacing)
            self._text(painter, line, header_font, ROOM["accent"], rect)
        if corner:  # beside the title, else at the bottom right
            corner_h = QFontMetricsF(corner_font).lineSpacing()
            y = top if beside else self.height() - corner_h
            rect = QRectF(self.width() - side - corner_w, y, corner_w, header_spacing)
            self._text(painter, corner, corner_font, ROOM["muted"], rect, right=True)
        # The tables, column by column.
        size = layout.size
        gutter = size * GUTTER
        width = self.width() - 2 * side
        col_w = (width - gutter * (layout.columns - 1)) / layout.columns
        spacing = QFontMetricsF(room_text_font(size)).lineSpacing()
        title_font = room_text_font(int(size * TITLE_SCALE), bold=True)
        title_spacing = QFontMetricsF(title_font).lineSpacing()
        pen = QPen(QColor(ROOM["muted"]))
        pen.setWidthF(max(1.0, h / 400))
        for c, column in enumerate(layout.pages[page]):
            x = side + c * (col_w + gutter)
            y = top + header_h
            for block in column:
                painter.setPen(pen)
                painter.drawLine(
                    int(x), int(y + 2), int(x + min(col_w, size * 6)), int(y + 2)
                )  # a rule above each table
                y += max(3.0, h / 200)
                for line in block.title_lines:
                    rect = QRectF(x, y, col_w, title_spacing)
                    self._text(painter, line, title_font, ROOM["accent"], rect)
                    y += title_spacing
                for names in block.name_lines:
                    cx = x
                    for name, host in names:
                        font = room_text_font(size, bold=host)
                        colour = ROOM["muted"] if name == tr(EMPTY) else ROOM["text"]
                        w = QFontMetricsF(font).horizontalAdvance(name)
                        self._text(painter, name, font, colour, QRectF(cx, y, w + 2, spacing))
                        cx += w + size * NAME_GAP
                    y += spacing
                y += spacing * BLOCK_GAP - max(3.0, h / 200)
        painter.end()

    def _text(self, painter, text, font, colour, rect: QRectF, *, right: bool = False) -> None:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        )
        painter.drawText(rect, int(align), text)
        self.drawn.append((text, font.pixelSize(), QRectF(rect)))


class TablesRoomView(QWidget):
    """The tables tool's room view: the rotation map's pages, then (live) the countdown."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = room_state(ctx)
        self.setObjectName("TablesRoom")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        theme.style(self, theme.room_backdrop("TablesRoom"))
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # The map's pages: the map, and under it the round's time as a strip (the déroulé's
        # own strip folds away while ours shows, so the map's room never changes with it).
        self.map_page = QWidget()
        map_layout = QVBoxLayout(self.map_page)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.setSpacing(0)
        self.map_view = RotationMapView()
        self.strip = BigCountdown()
        self.strip.set_room_style(True)
        self.strip.set_label_beside(True)
        self.strip_box = QWidget()
        self.strip_box.setObjectName("TablesStrip")
        self.strip_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        theme.style(self.strip_box, theme.room_strip("TablesStrip"))
        box = QHBoxLayout(self.strip_box)
        box.setContentsMargins(24, 4, 24, 4)
        box.addWidget(self.strip)
        map_layout.addWidget(self.map_view, 1)
        map_layout.addWidget(self.strip_box, 0)
        self.stack.addWidget(self.map_page)
        self.countdown_page = QWidget()
        cd_layout = self.countdown_layout = QVBoxLayout(self.countdown_page)
        self.countdown_title = FittedText(bold=True)
        self.countdown_title.set_colour(ROOM["accent"])
        self.countdown_title.set_centered(True)
        self.countdown = BigCountdown()
        self.countdown.set_room_style(True)
        cd_layout.addWidget(self.countdown_title, 30)
        cd_layout.addWidget(self.countdown, 70)
        self.stack.addWidget(self.countdown_page)
        # A table's harvest, when the facilitator shows it.
        self.harvest_page = QWidget()
        hv_layout = self.harvest_layout = QVBoxLayout(self.harvest_page)
        hv_layout.setSpacing(6)
        self.harvest_title = FittedText(bold=True)
        self.harvest_title.set_colour(ROOM["accent"])
        self.harvest_round = FittedText()
        self.harvest_round.set_colour(ROOM["muted"])
        self.harvest_body = FittedText()
        self.harvest_body.pages_changed.connect(self.state.harvest_pages)
        self.state.harvest_counter = self.harvest_body.page_count
        hv_layout.addWidget(self.harvest_title, 0)
        hv_layout.addWidget(self.harvest_round, 0)
        hv_layout.addWidget(self.harvest_body, 1)
        self.stack.addWidget(self.harvest_page)
        self.harvest: tables_room.RoomHarvest | None = None
        self.map: tables_room.RotationMap | None = None
        self.state.changed.connect(self._show_page)
        ctx.hub.changed.connect(self._on_hub)
        self.countdown.second_changed.connect(self._on_tick)
        self.reload()

    # --- loading -----------------------------------------------------------------------------
    def _on_hub(self, area: str, workshop_id: int) -> None:
        if workshop_id == self.ctx.workshop_id and area in AREAS:
            self.reload()

    def reload(self) -> None:
        clock = self.ctx.extras.get("clock") or SystemClock()
        with self.ctx.store.read() as session:
            rotation = tables_room.rotation_map(session, self.ctx.workshop_id, self.state.picked)
            countdown = (
                tables_room.run_countdown(session, self.ctx.workshop_id, clock)
                if rotation.live
                else None
            )
        self.map = rotation
        self._load_harvest()
        self.map_view.set_map(rotation)
        self.countdown.set_countdown(countdown)
        self.strip.set_countdown(countdown)
        self.strip_box.setVisible(countdown is not None)
        title = french_spacing(rotation.title)
        self.countdown_title.set_text(title)
        self._caption()
        self._report()

    def _load_harvest(self) -> None:
        shown = self.state.harvest
        harvest = None
        if shown is not None:
            with self.ctx.store.read() as session:
                harvest = tables_room.room_harvest(session, self.ctx.workshop_id, *shown)
        self.harvest = harvest
        if harvest is None:
            if shown is not None:  # the table went: the map again
                self.state.show_harvest(None, 0)
            return
        self.harvest_title.set_text(harvest.title)
        round_said = harvest.round_label
        if harvest.host:
            # The host on a line of their own: joined by « · », the separator was left at the
            # end of the round's line when it wrapped.
            host = harvest.host.replace(" ", "\u00a0")  # a name is never broken
            round_said += "\n" + tr("Porteur·se\u00a0: {host}").format(host=host)
        self.harvest_round.set_text(round_said)
        self.harvest_body.set_text(harvest.text())
        self._size_headers()
        self.state.harvest_pages(self.harvest_body.page_count())

    def _size_headers(self) -> None:
        """The harvest's title and round as tall as their lines at 1/20 of the height need (so
        they are never paged: only the lines are), the lines the rest."""
        room_h = self.window().height() if self.window() is not self else self.height()
        margins = self.harvest_layout.contentsMargins()
        width = max(100, self.width() - margins.left() - margins.right())
        floor = max(12, int(room_h * BODY))
        for text, bold in ((self.harvest_title, True), (self.harvest_round, False)):
            font = room_text_font(floor, bold=bold)
            lines = wrap_lines(french_spacing(text.text()), font, width)
            spacing = QFontMetricsF(font).lineSpacing()
            text.setFixedHeight(int(len(lines) * spacing + spacing * 0.3) + 2)

    def on_harvest_page(self) -> bool:
        return self.stack.currentWidget() is self.harvest_page

    def _caption(self) -> None:
        cd = self.countdown.countdown()
        if cd is None or self.map is None or self.map.last:
            self.countdown.set_caption("")
            self.strip.set_side_title(tr("Dernier tour") if self.map is not None else "")
            return
        stage = str(cd.stage())
        done = stage == "overrun" or (cd.display_seconds() == 0 and stage != "idle")
        said = "Changez de table\u202f!" if done else "Puis changez de table"
        self.countdown.set_caption(said)
        self.strip.set_side_title(said)

    def _on_tick(self, *_args) -> None:
        self._caption()

    def _has_countdown_page(self) -> bool:
        return self.map is not None and self.map.live and self.countdown.countdown() is not None

    def page_count(self) -> int:
        return self.map_view.page_count() + (1 if self._has_countdown_page() else 0)

    def _report(self) -> None:
        if self.map is None or self.width() < 50 or self.height() < 50:
            return
        key = self.map.round_id if self.map.round_id is not None else None
        self.state.show(key if self.map.round_id is not None else None, self.page_count())
        self._show_page()

    def _show_page(self) -> None:
        if self.state.harvest is not None and (
            self.harvest is None
            or (self.harvest.table_id, self.harvest.round_number) != self.state.harvest
        ):
            self._load_harvest()
        if self.state.harvest is not None and self.harvest is not None:
            self.harvest_body.set_page(self.state.harvest_page)
            self.stack.setCurrentWidget(self.harvest_page)
            room = self.ctx.room
            if room is not None and hasattr(room, "stage_changed"):
                room.stage_changed.emit()
            return
        page = self.state.page
        maps = self.map_view.page_count()
        if page >= maps and self._has_countdown_page():
            self.stack.setCurrentWidget(self.countdown_page)
        else:
            self.map_view.set_page(min(page, maps - 1))
            self.stack.setCurrentWidget(self.map_page)
        room = self.ctx.room
        if room is not None and hasattr(room, "stage_changed"):
            room.stage_changed.emit()  # the footer folds while our own countdown shows

    def on_countdown_page(self) -> bool:
        return self.stack.currentWidget() is self.countdown_page

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        room_h = self.window().height() if self.window() is not self else self.height()
        self.map_view.reference_height = room_h
        self.countdown_title.reference_height = room_h
        self.countdown_title.set_fractions(1 / 14, 1 / 9)
        for text, fractions in (
            (self.harvest_title, (BODY, BODY)),
            (self.harvest_round, (BODY, BODY)),
            (self.harvest_body, (BODY, LARGEST)),
        ):
            text.reference_height = room_h
            text.set_fractions(*fractions)
        self.countdown.label_floor = int(room_h * BODY)
        self.strip.label_floor = int(room_h * BODY)
        # Digits of 1/8 of the height, as the déroulé's strip.
        self.strip_box.setFixedHeight(int(room_h / 8 * 1.04) + 24)
        margin = max(16, self.width() // 30)
        self.countdown_layout.setContentsMargins(margin, margin // 2, margin, margin // 3)
        self.harvest_layout.setContentsMargins(margin, margin // 2, margin, margin // 3)
        self._size_headers()
        self._report()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.reload()
