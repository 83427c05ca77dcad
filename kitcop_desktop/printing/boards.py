"""Boards in print: a drawing of each board (numbered post-its), then its cards by zone and
sous-thématique, readable in full. And the KISS decisions, summed up for the restitution.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.domain.board_kinds import ANGLES, KINDS
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.printing.board_drawing import (
    PAGED_PT,
    BoardDrawing,
    PrintedCard,
    side_by_side,
    zone_pages,
)
from kitcop_desktop.printing.common import cells, grid, head_cells, markup, nothing, p
from kitcop_desktop.printing.document import Document, frame_height, frame_width
from kitcop_desktop.printing.styles import tint, zone_colour
from kitcop_desktop.printing.text import one_line
from kitcop_desktop.storage import boards, boards_actions

__all__ = ["BoardDrawing", "add_board", "add_boards", "add_kiss_decisions", "board_cards"]


def board_cards(board, fiches: dict[int, int] | None = None) -> tuple[list[PrintedCard], dict]:
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
                number,
                card.zone,
                cluster_id,
                card.text,
                card.weight,
                card.angle,
                card.colour,
                (fiches or {}).get(card.id, 0) if cluster_id is None else 0,
            )
        )
    return printed, clusters


def _listing(board, cards: list[PrintedCard], clusters: dict, width: float) -> list:
    """Cards as a table: n°, zone, sous-thématique, text (weight and angle when they matter)."""
    kind = KINDS[board.kind]
    rows = [head_cells("N°", tr("Zone"), tr("Sous-thématique"), "Post-it")]
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
    doc.section(tr("Tableau : {name}").format(name=name))
    kind = KINDS[board.kind]
    done = boards_actions.converted(session, board.workshop_id) if board.kind == "kiss" else None
    cards, clusters = board_cards(board, done.cards if done else None)
    marks = done.clusters if done else {}
    doc.add(markup(one_line(name), "h1"))
    # « post-it » is invariable in French; « 0 sous-thématique », « 2 sous-thématiques ».
    summary = (
        f"{kind.label} · "
        + tr_n("{n} post-it", "{n} post-it", len(cards)).format(n=len(cards))
        + " · "
        + tr_n("{n} sous-thématique", "{n} sous-thématiques", len(clusters)).format(n=len(clusters))
    )
    doc.add(p(summary, "muted"), Spacer(1, 3 * mm))
    if not cards:
        doc.add(nothing(tr("Aucun post-it sur ce tableau.")))
        return
    width = frame_width("landscape")
    height = frame_height("landscape") - 30 * mm
    drawing = BoardDrawing(board, cards, clusters, height, width / height, marks)
    if drawing.reads_whole(width, height):
        doc.add(drawing)
    else:
        # Too full for one page at 9 pt: zone by zone, never shrunk (#16).
        empty = [z.label for z in kind.zones if not any(c.zone == z.key for c in cards)]
        size = f"{PAGED_PT:g}".replace(".", ",")
        note = tr(
            "Tableau imprimé zone par zone : ses post-it restent lisibles ({size} points au moins)."
        ).format(size=size)
        if empty:
            note += " " + tr("Sans post-it : {zones}.").format(zones=", ".join(empty))
        doc.add(p(note, "muted"), Spacer(1, 2 * mm))
        full = frame_height("landscape") - mm
        pages = zone_pages(board, cards, clusters, width, height, full, marks)
        doc.add(side_by_side(pages, width))
    doc.add(Spacer(1, 5 * mm), markup(tr("Les post-it, zone par zone"), "h2"))
    doc.add(_listing(board, cards, clusters, width))


def add_boards(doc: Document, session, workshop) -> None:
    """Every board of the workshop (speedboats, KISS, chemin, étonnement), in their order."""
    all_boards = boards.list_boards(session, workshop.id)
    if not all_boards:
        doc.page("portrait")
        doc.section(tr("Tableaux"))
        doc.add(markup(tr("Tableaux"), "h1"), nothing(tr("Aucun tableau dans cet atelier.")))
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
        return p(tr("→ fiche action {number}").format(number=number), "muted") if number else ""

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
    kiss = boards.list_boards(session, workshop.id, "kiss")
    doc.page("portrait")
    doc.section(tr("Décisions KISS"))
    doc.add(markup(tr("Décisions de la rétrospective KISS"), "h1"))
    if not kiss:
        doc.add(nothing(tr("Pas de rétrospective KISS dans cet atelier.")))
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
                doc.add(nothing(tr("Rien dans cette zone.")))
                continue
            groups = [g for g in board.clusters if g.zone == zone.key]
            doc.add(_decision_rows(zone.key, cards, groups, done, width))
