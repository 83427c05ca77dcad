"""A board drawn for print: whole on its page while its post-its read at 9 pt or more, else
zone by zone, each zone on as many pages as it needs (« Freins (ancres) — suite »), never
shrunk below 9 pt.

The drawing follows the screen's layout (domain/board_layout): zones in the kit's shape and
colours, numbered post-its, sous-thématiques, a chemin's lanes. Sizes are in board units (a
post-it is 260 wide, its text 15) times the scale the page allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import Flowable

from kitcop_desktop.domain.board_kinds import KINDS, LANE_LABELS, angle_lanes
from kitcop_desktop.domain.board_layout import (
    CARD_WIDTH,
    GAP,
    LANE_HEADER,
    MIN_LANE_CONTENT,
    ZONE_HEADER,
    ZONE_PADDING,
    Block,
    Layout,
    best_layout,
    layout_board,
)
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing.drawing import wrap_lines
from kitcop_desktop.printing.emoji import text_width
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.styles import INK, MUTED, tint, zone_colour
from kitcop_desktop.printing.text import plain

CARD_FONT = 15.0  # in board units (a card is 260 wide), as on screen
SMALLEST_PT = 9.0  # no printed text under 9 pt: a board that would is paged by zone
PAGED_PT = 9.5  # a zone spread over pages prints its post-its at this size
LARGEST_PT = 11.0  # and a zone that fits its page, at most this size
ROW_GAP = 12.0  # points between zones printed side by side
CONTINUED = tr_later("suite")


@dataclass(frozen=True)
class PrintedCard:
    number: int
    zone: str
    cluster_id: int | None
    text: str
    weight: int
    angle: str
    colour: str
    fiche: int = 0  # KISS: the fiche action a loose post-it became (« ✓ fiche action 2 »)


def fiche_mark(number: int) -> str:
    return tr("✓ fiche action {number}").format(number=number) if number else ""


def card_height(text: str, fiche: int = 0) -> float:
    """Board units: room for up to six lines of the text, as the screen's post-its, and one
    for the fiche action it became."""
    lines = min(6, max(1, math.ceil(len(text) / 26))) + (1 if fiche else 0)
    return 26 + lines * CARD_FONT * 1.3


def zone_blocks(zone_keys, cards: list[PrintedCard], clusters: dict) -> dict[str, list[Block]]:
    """Each zone's loose post-its, then its sous-thématiques with their post-its."""
    blocks: dict[str, list[Block]] = {key: [] for key in zone_keys}
    by_cluster: dict[int, list[PrintedCard]] = {}
    for card in cards:
        if card.cluster_id is not None:
            by_cluster.setdefault(card.cluster_id, []).append(card)
        elif card.zone in blocks:
            blocks[card.zone].append(
                Block(f"card:{card.number}", card_height(card.text, card.fiche), lane=card.angle)
            )
    for cluster in sorted(clusters.values(), key=lambda c: c.position):
        if cluster.zone in blocks:
            members = by_cluster.get(cluster.id, [])
            children = [(f"card:{c.number}", card_height(c.text)) for c in members]
            angles = [c.angle for c in members]
            lane = max(("actions", "feelings", ""), key=angles.count) if angles else ""
            blocks[cluster.zone].append(
                Block(f"cluster:{cluster.id}", children=children, is_cluster=True, lane=lane)
            )
    return blocks


class _Drawn(Flowable):
    """What a board drawing and a zone page share: drawing a layout at a scale."""

    kind = KINDS["speedboat"]
    cards: list[PrintedCard] = []
    clusters: dict = {}
    layout: Layout
    labels: dict[str, str] = {}  # a zone's label when it is not the kind's (« … — suite »)
    cluster_fiches: dict[int, int] = {}  # KISS: sous-thématique id -> its fiche action
    scale = 1.0

    def _rect(self, r):
        s = self.scale
        return r.x * s, self.height - (r.y + r.h) * s, r.w * s, r.h * s

    def draw(self):
        c = self.canv
        s = self.scale
        for key, rect in self.layout.zones.items():
            x, y, w, h = self._rect(rect)
            colour = zone_colour(key)
            c.setFillColor(tint(colour, 0.85))
            c.setStrokeColor(colour)
            c.setLineWidth(1)
            c.roundRect(x, y, w, h, 8 * s, stroke=1, fill=1)
            c.setFillColor(colour)
            c.rect(x, y, w, 8 * s, stroke=0, fill=0)
            c.rect(x, y + h - 8 * s, w, 8 * s, stroke=0, fill=1)
            label = plain(self.labels.get(key) or self.kind.zone(key).label)
            room = w - 28 * s
            size = min(16.0, 30 * s)
            # Narrow zones (the chemin's five) get a smaller label, never under 9 pt.
            while size > SMALLEST_PT and text_width(label, BOLD, size) > room:
                size = max(SMALLEST_PT, size - 0.5)
            c.setFillColor(INK)
            c.setFont(BOLD, size)
            line = wrap_lines(label, BOLD, size, room, limit=1)
            c.drawString(x + 14 * s, y + h - 8 * s - size * 1.3, line[0] if line else "")
        for (zone, lane), rect in self.layout.lanes.items():
            x, y, w, h = self._rect(rect)
            c.setFillColor(colors.white)
            c.setStrokeColor(tint(zone_colour(zone), 0.4))
            c.setLineWidth(0.6)
            c.roundRect(x, y, w, h, 6 * s, stroke=1, fill=1)
            size = max(SMALLEST_PT, min(11.0, 20 * s))
            c.setFillColor(INK if lane else MUTED)
            c.setFont(BOLD, size)
            c.drawString(x + 8 * s, y + h - 10 * s - size, LANE_LABELS[lane])
        for key, rect in self.layout.items.items():
            if not key.startswith("cluster:"):
                continue
            _, ident, *part = key.split(":")
            cluster = self.clusters.get(int(ident))
            if cluster is None:
                continue
            x, y, w, h = self._rect(rect)
            c.setStrokeColor(zone_colour(cluster.zone))
            c.setFillColor(colors.white)
            c.setLineWidth(0.8)
            c.roundRect(x, y, w, h, 6 * s, stroke=1, fill=1)
            name = (cluster.title or tr("Sans titre")) + (" (" + tr("suite") + ")" if part else "")
            mark = fiche_mark(self.cluster_fiches.get(cluster.id, 0))
            name += f" {mark}" if mark else ""
            size = max(SMALLEST_PT, min(11.0, 17 * s))
            while size > SMALLEST_PT and text_width(name, BOLD, size) > w - 12 * s:
                size = max(SMALLEST_PT, size - 0.5)
            c.setFillColor(INK)
            c.setFont(BOLD, size)
            title = wrap_lines(name, BOLD, size, w - 12 * s, limit=1)
            c.drawString(x + 8 * s, y + h - 10 * s - size, title[0] if title else "")
        size = CARD_FONT * s
        for card in self.cards:
            card_rect = self.layout.items.get(f"card:{card.number}")
            if card_rect is None:
                continue
            x, y, w, h = self._rect(card_rect)
            fill = (
                colors.HexColor(card.colour) if card.colour else tint(zone_colour(card.zone), 0.6)
            )
            c.setFillColor(fill)
            c.setStrokeColor(MUTED)
            c.setLineWidth(0.3)
            c.rect(x, y, w, h, stroke=1, fill=1)
            c.setFillColor(INK)
            lines = wrap_lines(f"{card.number}. {card.text}", FAMILY, size, w - 12 * s, limit=6)
            if card.fiche:  # below its words, as on screen
                lines = [*lines[:5], fiche_mark(card.fiche)]
            c.setFont(FAMILY, size)
            for i, card_line in enumerate(lines):
                top = y + h - 8 * s - size * (i + 1) * 1.2
                if top < y + 2 * s:
                    break
                c.drawString(x + 6 * s, top, card_line)


class BoardDrawing(_Drawn):
    """The whole board seen from afar: zones in their colours, numbered post-its,
    sous-thématiques, shrunk to its page."""

    def __init__(
        self,
        board,
        cards: list[PrintedCard],
        clusters: dict,
        max_height: float,
        aspect: float,
        cluster_fiches: dict[int, int] | None = None,
    ):
        super().__init__()
        self.kind = KINDS[board.kind]
        self.cards = cards
        self.clusters = clusters
        self.labels = {}
        self.cluster_fiches = cluster_fiches or {}
        self.max_height = max_height
        blocks = zone_blocks(self.kind.zone_keys, cards, clusters)
        # A chemin split by angle: each zone in lanes, as on screen.
        lanes = angle_lanes(board.kind, board.split_by_angle, (c.angle for c in cards))
        # The column count that shows the cards largest on this page's shape.
        self.layout = best_layout(self.kind.rows, blocks, aspect=aspect, lanes=lanes)

    def fitted_scale(self, available_width: float, available_height: float) -> float:
        height_cap = min(self.max_height, available_height)
        return min(available_width / self.layout.width, height_cap / max(self.layout.height, 1))

    def reads_whole(self, width: float, height: float) -> bool:
        """Its post-its print at 9 pt or more on a page of this size."""
        return CARD_FONT * self.fitted_scale(width, height) >= SMALLEST_PT

    def wrap(self, available_width, available_height):
        self.scale = self.fitted_scale(available_width, available_height)
        self.width = self.layout.width * self.scale
        self.height = self.layout.height * self.scale
        return self.width, self.height


class ZonePage(_Drawn):
    """One zone, or the part of it that fits one page, at a readable scale."""

    def __init__(
        self, kind, cards, clusters, layout: Layout, scale: float, label: str, fiches: dict
    ):
        super().__init__()
        self.cluster_fiches = fiches
        self.kind = kind
        self.cards = cards
        self.clusters = clusters
        self.layout = layout
        self.scale = scale
        self.labels = {zone: label for zone in layout.zones}

    def wrap(self, available_width, available_height):
        self.width = self.layout.width * self.scale
        self.height = self.layout.height * self.scale
        return self.width, self.height


def _split_cluster(block: Block, room: float) -> list[Block]:
    """A sous-thématique taller than a page, in parts that each fit (its title on each)."""
    parts: list[Block] = []
    current: list[tuple[str, float]] = []
    for child in block.children:
        trial = Block(block.key, children=[*current, child], is_cluster=True, lane=block.lane)
        if current and trial.total_height() > room:
            parts.append(Block(block.key, children=current, is_cluster=True, lane=block.lane))
            current = []
        current.append(child)
    parts.append(Block(block.key, children=current, is_cluster=True, lane=block.lane))
    for n, part in enumerate(parts[1:], start=2):
        part.key = f"{block.key}:{n}"
    return parts


class ZoneRow(Flowable):
    """Zones printed side by side while they fit the page's width (a chemin's short zones)."""

    def __init__(self, zones: list[ZonePage]):
        super().__init__()
        self.zones = zones

    def wrap(self, available_width, available_height):
        sizes = [z.wrap(available_width, available_height) for z in self.zones]
        self.width = sum(w for w, _h in sizes) + ROW_GAP * (len(sizes) - 1)
        self.height = max(h for _w, h in sizes)
        return self.width, self.height

    def draw(self):
        x = 0.0
        for zone in self.zones:
            zone.drawOn(self.canv, x, self.height - zone.height)
            x += zone.width + ROW_GAP


def side_by_side(pages: list[ZonePage], width: float) -> list[Flowable]:
    """Consecutive zone pages that fit the width together, in one row: as they are, or a
    little smaller while their post-its stay at PAGED_PT or more (a speedboat's two zones
    side by side rather than one per page)."""
    smallest = PAGED_PT / CARD_FONT
    rows: list[list[ZonePage]] = []
    for page in pages:
        row = rows[-1] if rows else []
        trial = [*row, page]
        natural = sum(p.layout.width * p.scale for p in trial)
        room = width - ROW_GAP * (len(trial) - 1)
        if row and min(p.scale for p in trial) * min(1.0, room / natural) >= smallest:
            row.append(page)
        else:
            rows.append([page])
    for row in rows:
        natural = sum(p.layout.width * p.scale for p in row)
        room = width - ROW_GAP * (len(row) - 1)
        if natural > room:
            for p in row:
                p.scale *= room / natural
    return [row[0] if len(row) == 1 else ZoneRow(row) for row in rows]


def zone_pages(
    board,
    cards,
    clusters,
    width: float,
    first_height: float,
    height: float,
    cluster_fiches: dict[int, int] | None = None,
) -> list[ZonePage]:
    """The board zone by zone, each zone on as many pages as it needs, its post-its at
    PAGED_PT or larger; zones without post-its are left out. The first page has
    `first_height` under the board's title, the next ones `height`."""
    kind = KINDS[board.kind]
    fiches = cluster_fiches or {}
    lanes = angle_lanes(board.kind, board.split_by_angle, (c.angle for c in cards))
    blocks = zone_blocks(kind.zone_keys, cards, clusters)
    paged = PAGED_PT / CARD_FONT
    most = max(1, int((width / paged - 2 * ZONE_PADDING + GAP) // (CARD_WIDTH + GAP)))
    # A zone's frame around its post-its (its title, its lanes' titles and empty lanes).
    frame = ZONE_HEADER + ZONE_PADDING + GAP
    if lanes:
        frame += LANE_HEADER + (len(lanes) - 1) * (LANE_HEADER + MIN_LANE_CONTENT + GAP)
    pages: list[ZonePage] = []
    for zone in kind.zone_keys:
        zone_items = blocks[zone]
        if not zone_items:
            continue
        label = kind.zone(zone).label

        def lay(chunk, columns, z=zone):
            return layout_board(((z,),), {z: chunk}, columns=columns, lanes=lanes)

        tall = first_height if not pages else height
        # The whole zone on one page, as large as it reads best.
        best, best_scale = None, 0.0
        for columns in range(1, most + 1):
            layout = lay(zone_items, columns)
            scale = min(width / layout.width, tall / layout.height, LARGEST_PT / CARD_FONT)
            if scale > best_scale:
                best, best_scale = layout, scale
        if best is not None and best_scale >= paged:
            pages.append(ZonePage(kind, cards, clusters, best, best_scale, label, fiches))
            continue
        # Else page after page of whole post-its at PAGED_PT (a sous-thématique taller than
        # a page in parts, its title on each).
        room = height / paged - frame
        items: list[Block] = []
        for block in zone_items:
            split = block.is_cluster and block.total_height() > room
            items += _split_cluster(block, room) if split else [block]
        start = 0
        while start < len(items):
            tall = first_height if not pages else height
            low, high = start + 1, len(items)  # at least one block a page
            while low < high:  # the longest run that fits: heights grow with the run
                middle = (low + high + 1) // 2
                if lay(items[start:middle], most).height * paged <= tall:
                    low = middle
                else:
                    high = middle - 1
            layout = lay(items[start:low], most)
            scale = min(paged, width / layout.width, tall / layout.height)
            name = label if start == 0 else f"{label} — {tr(CONTINUED)}"
            pages.append(ZonePage(kind, cards, clusters, layout, scale, name, fiches))
            start = low
    return pages
