"""Boards in print: a drawing of each board (numbered post-its), then its cards by zone and
sous-thématique, readable in full. And the KISS decisions, summed up for the restitution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from kitcop_desktop.domain.board_kinds import ANGLES, KINDS, LANE_LABELS, angle_lanes
from kitcop_desktop.domain.board_layout import Block, best_layout
from kitcop_desktop.domain.french import plural
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_height, frame_width
from kitcop_desktop.printing.drawing import wrap_lines
from kitcop_desktop.printing.fonts import BOLD, FAMILY
from kitcop_desktop.printing.styles import INK, MUTED, tint, zone_colour
from kitcop_desktop.printing.text import one_line, plain
from kitcop_desktop.storage import boards

CARD_FONT = 15.0  # in board units (a card is 260 wide), as on screen


@dataclass(frozen=True)
class PrintedCard:
    number: int
    zone: str
    cluster_id: int | None
    text: str
    weight: int
    angle: str
    colour: str


def _card_height(text: str) -> float:
    """Board units: room for up to six lines of the text, as the screen's post-its."""
    lines = min(6, max(1, math.ceil(len(text) / 26)))
    return 26 + lines * CARD_FONT * 1.3


def board_cards(board) -> tuple[list[PrintedCard], dict[int, object]]:
    """The board's cards numbered zone by zone, cluster by cluster (the list's order)."""
    kind = KINDS[board.kind]
    clusters = {c.id: c for c in board.clusters}
    order = {key: i for i, key in enumerate(kind.zone_keys)}
    cluster_pos = {c.id: c.position for c in board.clusters}

    def sort_key(card):
        in_cluster = card.cluster_id in clusters
        return (
            order.get(card.zone, 99),
            1 if in_cluster else 0,  # loose cards first, as the drawing flows them
            cluster_pos.get(card.cluster_id, 0) if in_cluster else 0,
            card.position,
            card.id,
        )

    printed = []
    for number, card in enumerate(sorted(board.cards, key=sort_key), start=1):
        cluster_id = card.cluster_id if card.cluster_id in clusters else None
        printed.append(
            PrintedCard(
                number, card.zone, cluster_id, card.text, card.weight, card.angle, card.colour
            )
        )
    return printed, clusters


class BoardDrawing(Flowable):
    """The board seen from afar: zones in their colours, numbered post-its, sous-thématiques."""

    def __init__(
        self, board, cards: list[PrintedCard], clusters: dict, max_height: float, aspect: float
    ):
        super().__init__()
        self.kind = KINDS[board.kind]
        self.cards = cards
        self.clusters = clusters
        self.max_height = max_height
        blocks: dict[str, list[Block]] = {key: [] for key in self.kind.zone_keys}
        by_cluster: dict[int, list[PrintedCard]] = {}
        for card in cards:
            if card.cluster_id is not None:
                by_cluster.setdefault(card.cluster_id, []).append(card)
            elif card.zone in blocks:
                blocks[card.zone].append(
                    Block(f"card:{card.number}", _card_height(card.text), lane=card.angle)
                )
        for cluster in sorted(clusters.values(), key=lambda c: c.position):
            if cluster.zone in blocks:
                children = [
                    (f"card:{c.number}", _card_height(c.text))
                    for c in by_cluster.get(cluster.id, [])
                ]
                angles = [c.angle for c in by_cluster.get(cluster.id, [])]
                lane = max(("actions", "feelings", ""), key=angles.count) if angles else ""
                blocks[cluster.zone].append(
                    Block(f"cluster:{cluster.id}", children=children, is_cluster=True, lane=lane)
                )
        # A chemin split by angle: each zone in lanes, as on screen.
        lanes = angle_lanes(board.kind, board.split_by_angle, (c.angle for c in cards))
        # The column count that shows the cards largest on this page's shape.
        self.layout = best_layout(self.kind.rows, blocks, aspect=aspect, lanes=lanes)

    def wrap(self, available_width, available_height):
        height_cap = min(self.max_height, available_height)
        self.scale = min(
            available_width / self.layout.width, height_cap / max(self.layout.height, 1)
        )
        self.width = self.layout.width * self.scale
        self.height = self.layout.height * self.scale
        return self.width, self.height

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
            c.rect(x, y + h - 8 * s, w, 8 * s, stroke=0, fill=1)
            label = plain(self.kind.zone(key).label)
            room = w - 28 * s
            size = max(5.0, min(16.0, 30 * s))
            # Narrow zones (the chemin's five) get a smaller label rather than an overflow.
            while size > 5.0 and stringWidth(label, BOLD, size) > room:
                size -= 0.5
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
            size = max(4.0, min(11.0, 20 * s))
            c.setFillColor(INK if lane else MUTED)
            c.setFont(BOLD, size)
            c.drawString(x + 8 * s, y + h - 10 * s - size, LANE_LABELS[lane])
        for cluster in self.clusters.values():
            rect = self.layout.items.get(f"cluster:{cluster.id}")
            if rect is None:
                continue
            x, y, w, h = self._rect(rect)
            c.setStrokeColor(zone_colour(cluster.zone))
            c.setFillColor(colors.white)
            c.setLineWidth(0.8)
            c.roundRect(x, y, w, h, 6 * s, stroke=1, fill=1)
            size = max(3.5, min(11.0, 17 * s))
            c.setFillColor(INK)
            c.setFont(BOLD, size)
            title = wrap_lines(cluster.title or "Sans titre", BOLD, size, w - 12 * s, limit=1)
            c.drawString(x + 8 * s, y + h - 10 * s - size, title[0] if title else "")
        size = CARD_FONT * s
        for card in self.cards:
            rect = self.layout.items.get(f"card:{card.number}")
            if rect is None:
                continue
            x, y, w, h = self._rect(rect)
            fill = (
                colors.HexColor(card.colour) if card.colour else tint(zone_colour(card.zone), 0.6)
            )
            c.setFillColor(fill)
            c.setStrokeColor(MUTED)
            c.setLineWidth(0.3)
            c.rect(x, y, w, h, stroke=1, fill=1)
            c.setFillColor(INK)
            if size >= 4.5:
                # Readable: the number, then the start of the text.
                lines = wrap_lines(f"{card.number}. {card.text}", FAMILY, size, w - 12 * s, limit=6)
                c.setFont(FAMILY, size)
                for i, line in enumerate(lines):
                    top = y + h - 8 * s - size * (i + 1) * 1.2
                    if top < y + 2 * s:
                        break
                    c.drawString(x + 6 * s, top, line)
            else:
                # Too small to read: the number alone, the list below has the words.
                c.setFont(BOLD, max(3.0, min(h * 0.6, w * 0.4, 9.0)))
                c.drawCentredString(x + w / 2, y + h / 2 - 1.5, str(card.number))


def _listing(board, cards: list[PrintedCard], clusters: dict, width: float) -> list:
    """Cards as a table: n°, zone, sous-thématique, text (weight and angle when they matter)."""
    kind = KINDS[board.kind]
    rows = [head_cells("N°", "Zone", "Sous-thématique", "Post-it")]
    zone_rows = []
    for card in cards:
        text = card.text
        extra = []
        if card.weight > 1:
            extra.append(f"×{card.weight}")
        if card.angle:
            extra.append(ANGLES.get(card.angle, card.angle))
        if extra:
            text += f"  ({', '.join(extra)})"
        cluster = clusters.get(card.cluster_id)
        label = kind.zone(card.zone).label if card.zone in kind.zone_keys else card.zone
        # Number and zone are our own short words: plain strings, far cheaper than Paragraphs
        # on a board of a thousand post-its.
        rows.append([str(card.number), label, *cells(cluster.title if cluster else "—", text)])
        zone_rows.append(card.zone)
    table = grid(rows, [12 * mm, 42 * mm, 52 * mm, width - 106 * mm], zebra=False)
    for index, zone in enumerate(zone_rows, start=1):
        table.setStyle([("BACKGROUND", (1, index), (1, index), tint(zone_colour(zone), 0.8))])
    return [table]


def add_board(doc: Document, session, board) -> None:
    """One board: drawing on an A4 landscape page, then its cards listed."""
    doc.page("landscape")
    name = board.title + (f" — {board.subgroup}" if board.subgroup else "")
    doc.section(f"Tableau\u00a0: {name}")
    kind = KINDS[board.kind]
    cards, clusters = board_cards(board)
    doc.add(markup(one_line(name), "h1"))
    # « post-it » is invariable in French; « 0 sous-thématique », « 2 sous-thématiques ».
    summary = f"{kind.label} · {len(cards)} post-it · {plural(len(clusters), 'sous-thématique')}"
    doc.add(p(summary, "muted"), Spacer(1, 3 * mm))
    if not cards:
        doc.add(nothing("Aucun post-it sur ce tableau."))
        return
    width = frame_width("landscape")
    height = frame_height("landscape") - 30 * mm
    doc.add(BoardDrawing(board, cards, clusters, height, width / height))
    doc.add(Spacer(1, 5 * mm), markup("Les post-it, zone par zone", "h2"))
    doc.add(_listing(board, cards, clusters, width))


def add_boards(doc: Document, session, workshop) -> None:
    """Every board of the workshop (speedboats, KISS, chemin, étonnement), in their order."""
    all_boards = boards.list_boards(session, workshop.id)
    if not all_boards:
        doc.page("portrait")
        doc.section("Tableaux")
        doc.add(markup("Tableaux", "h1"), nothing("Aucun tableau dans cet atelier."))
        return
    for board in all_boards:
        add_board(doc, session, board)


def _decision_rows(zone_key: str, cards, groups, done, width: float):
    """A zone's decisions: each sous-thématique with its post-its under it, then the loose
    post-its; the fiche action each became, on the right."""
    rows, style = [], []
    colour = zone_colour(zone_key)
    square = markup(f"<font color='#{colour.hexval()[2:]}'>■</font>", "body")

    def fiche(number: int) -> object:
        return p(f"→ fiche action {number}", "muted") if number else ""

    def weighted(card) -> str:
        return card.text + (f"  (×{card.weight})" if card.weight > 1 else "")

    for group in groups:
        members = [c for c in cards if c.cluster_id == group.id]
        title = f"<b>{one_line(group.title)}</b>  · {len(members)} post-it"
        rows.append([square, markup(title, "body"), fiche(done.clusters.get(group.id, 0))])
        style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), tint(colour, 0.82)))
        for card in members:
            rows.append(["", p(f"– {weighted(card)}"), ""])
    for card in cards:
        if card.cluster_id is None:
            rows.append([square, p(weighted(card)), fiche(done.cards.get(card.id, 0))])
    table = grid(rows, [7 * mm, width - 42 * mm, 35 * mm], header=False, zebra=False)
    table.setStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0, colors.white),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, tint(colour, 0.5)),
            *style,
        ]
    )
    return table


def add_kiss_decisions(doc: Document, session, workshop) -> None:
    """Restitution: what the KISS retrospective decided, zone by zone, each sous-thématique
    with its post-its, and the fiche action each group or post-it became."""
    from kitcop_desktop.storage import boards_actions

    kiss = boards.list_boards(session, workshop.id, "kiss")
    doc.page("portrait")
    doc.section("Décisions KISS")
    doc.add(markup("Décisions de la rétrospective KISS", "h1"))
    if not kiss:
        doc.add(nothing("Pas de rétrospective KISS dans cet atelier."))
        return
    width = frame_width("portrait")
    kind = KINDS["kiss"]
    done = boards_actions.converted(session, workshop.id)
    for board in kiss:
        if len(kiss) > 1:
            doc.add(p(board.title + (f" — {board.subgroup}" if board.subgroup else ""), "h2"))
        for zone in kind.zones:
            cards = sorted(
                (c for c in board.cards if c.zone == zone.key), key=lambda c: (c.position, c.id)
            )
            doc.add(p(f"{zone.label} ({len(cards)})", "h3"))
            if not cards:
                doc.add(nothing("Rien dans cette zone."))
                continue
            groups = [g for g in board.clusters if g.zone == zone.key]
            doc.add(_decision_rows(zone.key, cards, groups, done, width))
