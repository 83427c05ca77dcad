"""How a board scene decides its layout: what each zone holds at a card width, the room's focus
(a spotlit zone or sous-thématique gets the whole screen), and the best of a few card widths
(domain/board_layout.search_layout). BoardScene (scene.py) owns the items and holds one
LayoutPlanner, which reads them and moves none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kitcop_desktop.domain.board_kinds import KINDS, BoardKind, angle_lanes
from kitcop_desktop.domain.board_layout import GAP, Block, Choice, search_layout
from kitcop_desktop.i18n import tr
from kitcop_desktop.tools.boards.board_data import BoardData
from kitcop_desktop.tools.boards.items import CardItem

if TYPE_CHECKING:
    from kitcop_desktop.tools.boards.scene import BoardScene

# The post-its of each sous-thématique and the loose post-its of each zone, in reading order.
Grouped = tuple[dict[int, list[CardItem]], dict[str, list[CardItem]]]
# What a layout is decided from (LayoutPlanner.plan): its keys are listed there.
Plan = dict[str, Any]
# (zone, cluster id or None) the room screen is focused on.
Focus = tuple[str, int | None]

CARD_WIDTH_FACTORS = (1.0, 1.35, 1.75, 2.3)
WIDTH_SEARCH_MAX = 200  # cards


def _majority_angle(items: Iterable[CardItem]) -> str:
    """A sous-thématique sits in the lane most of its cards belong to (actions on a tie)."""
    counts = Counter(i.card.angle for i in items)
    if not counts:
        return ""
    return max(("actions", "feelings", ""), key=lambda a: counts.get(a, 0))


class LayoutPlanner:
    """The planning half of a BoardScene: it reads the scene's items, look, banner, aspect
    and room page, and keeps the column count last chosen per board shape."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.columns: dict[tuple[Any, ...], int] = {}  # column count last chosen per shape

    def group(self, data: BoardData) -> Grouped:
        """(cards of each cluster, loose cards of each zone), in reading order."""
        scene = self.scene
        kind = KINDS[data.kind]
        members: dict[int, list[CardItem]] = {cid: [] for cid in scene.clusters}
        loose: dict[str, list[CardItem]] = {z: [] for z in kind.zone_keys}
        # On the chemin de la rétrospective, each zone reads actions first, then ressentis.
        angle_first = {"actions": 0, "": 1, "feelings": 2} if data.kind == "retro_path" else {}
        order = sorted(
            scene.cards.values(),
            key=lambda i: (angle_first.get(i.card.angle, 1), i.card.position, i.card.id),
        )
        for item in order:
            cid = item.card.cluster_id
            if cid is not None and cid in members:
                members[cid].append(item)
            elif item.card.zone in loose:
                loose[item.card.zone].append(item)
        return members, loose

    def title(self, data: BoardData) -> str:
        """The banner's title: the board and its sous-groupe, or the combined view."""
        label = KINDS[data.kind].label
        if data.combined:
            return tr("{label} — vue combinée de tous les sous-groupes").format(label=label)
        parts = [data.title] + ([data.subgroup] if data.subgroup else [])
        title = " — ".join(parts)
        return title if label.casefold() in title.casefold() else f"{label} : {title}"

    def plan(self, data: BoardData, grouped: Grouped | None = None) -> Plan:
        """Everything a layout of the board (or of the room's focus) is decided from."""
        scene = self.scene
        kind = KINDS[data.kind]
        members, loose = grouped or self.group(data)
        row_gap = scene.look.hull_gap if data.kind == "speedboat" else GAP * 2
        title = self.title(data)
        destination = data.objective if data.kind == "speedboat" else ""
        rows = kind.rows
        focus = self.room_focus(data)
        lanes = angle_lanes(
            data.kind, data.split_by_angle, (i.card.angle for i in scene.cards.values())
        )
        if focus is not None and focus[1] is not None:
            lanes = ()  # a spotlit cluster spreads its cards over the screen
        if focus is not None:
            # The room screen gives the spotlit zone or cluster the whole screen, laid out
            # again for it, rather than zooming into a board laid out for something else.
            rows, destination = ((focus[0],),), ""
            if focus[1] is not None:
                title = f"{title} — {scene.clusters[focus[1]].cluster.title}"
            page = scene.room_page
            if page is not None and page.count > 1:
                name = (
                    scene.clusters[focus[1]].cluster.title
                    if focus[1] is not None
                    else kind.zone(focus[0]).label
                )
                title = page.label(name)  # « Freins — 1/3 »
        # Wider cards have fewer lines each: on a wide screen the same board is then shorter
        # and its type larger. A few widths are tried; each card's height is cached per width.
        # Past a few hundred cards the gain is small and the cost is not: one width then.
        factors = CARD_WIDTH_FACTORS if len(scene.cards) <= WIDTH_SEARCH_MAX else (1.0,)
        widths = [scene.look.card_width * f for f in factors]
        counts = Counter(i.card.zone for i in scene.cards.values())
        if focus is not None and focus[1] is not None:
            counts[focus[0]] = len(members[focus[1]])  # the zone shows only that cluster
        # Every zone as wide as its tab needs: its name and its count, never cut.
        tab_width = max(scene.zones[z].tab_width(counts[z]) for row in rows for z in row)
        banner = scene.banner

        def banner_height(width: float) -> float:
            return banner.height_for(title, destination, width)

        choice: Choice | None = None
        chosen: tuple[float, tuple[Any, ...], dict[str, list[Block]]] | None = None
        for card_width in widths:
            blocks = self._blocks(kind, members, loose, card_width, focus)
            shape = (rows, scene.aspect, card_width, lanes)
            found = search_layout(
                rows,
                blocks,
                aspect=scene.aspect,
                card_width=card_width,
                row_gap=row_gap,
                margin=GAP,
                banner_height=banner_height,
                last=self.columns.get(shape, 0),
                lanes=lanes,
                min_zone_width=tab_width,
            )
            self.columns[shape] = found.columns
            if choice is None or found.scale > choice.scale * 1.03:
                choice = found
                chosen = (card_width, shape, blocks)
        assert choice is not None and chosen is not None  # `widths` is never empty
        return {
            "kind": kind,
            "counts": counts,
            "members": members,
            "loose": loose,
            "title": title,
            "destination": destination,
            "focus": focus,
            "lanes": lanes,
            "choice": choice,
            # What scene_grow.py needs to add post-its to this layout without redoing it.
            "rows": rows,
            "row_gap": row_gap,
            "tab_width": tab_width,
            "card_width": chosen[0],
            "shape": chosen[1],
            "blocks": chosen[2],
            "one_width": len(factors) == 1,
        }

    def room_focus(self, data: BoardData) -> Focus | None:
        """(zone, cluster id or None) the room screen is focused on, or None (whole board)."""
        scene = self.scene
        page = scene.room_page
        room = scene.look.room
        if room and page is not None:
            if page.cluster_id is None and page.zone in scene.zones:
                return page.zone, None
            if page.cluster_id is not None and page.cluster_id in scene.clusters:
                return scene.clusters[page.cluster_id].cluster.zone, page.cluster_id
        if not room or not data.spotlight:
            return None
        what, _, ref = data.spotlight.partition(":")
        if what == "zone" and ref in scene.zones:
            return ref, None
        if what == "cluster" and ref.isdigit() and int(ref) in scene.clusters:
            return scene.clusters[int(ref)].cluster.zone, int(ref)
        return None

    def _blocks(
        self,
        kind: BoardKind,
        members: dict[int, list[CardItem]],
        loose: dict[str, list[CardItem]],
        card_width: float,
        focus: Focus | None,
    ) -> dict[str, list[Block]]:
        """What each zone holds, measured at this card width (focus: the room's spotlight)."""
        scene = self.scene
        inner = card_width - GAP  # cards inside a cluster are inset
        page = set(scene.room_page.keys) if scene.room_page is not None else None
        if focus is not None and focus[1] is not None:
            # A spotlit cluster: its cards spread over the screen's columns.
            return {
                focus[0]: [
                    Block(f"c{i.card.id}", i.measure(card_width))
                    for i in members[focus[1]]
                    if page is None or f"c{i.card.id}" in page
                ]
            }
        blocks: dict[str, list[Block]] = {z: [] for z in kind.zone_keys}

        def wanted(zone: str, key: str) -> bool:
            # The room's focus: only that zone (only that page of it) is measured.
            if focus is None:
                return True
            return zone == focus[0] and (page is None or key in page)

        for cid, citem in sorted(scene.clusters.items(), key=lambda kv: kv[1].cluster.position):
            zone = citem.cluster.zone
            if zone not in blocks or not wanted(zone, f"k{cid}"):
                continue
            blocks[zone].append(
                Block(
                    f"k{cid}",
                    is_cluster=True,
                    collapsed=citem.cluster.collapsed,
                    children=[(f"c{i.card.id}", i.measure(inner)) for i in members[cid]],
                    header=citem.header_height(card_width, len(members[cid])),
                    lane=_majority_angle(members[cid]),
                )
            )
        for zone, items in loose.items():
            blocks[zone].extend(
                Block(f"c{i.card.id}", i.measure(card_width), lane=i.card.angle)
                for i in items
                if wanted(zone, f"c{i.card.id}")
            )
        if focus is not None:
            return {focus[0]: blocks[focus[0]]}
        return blocks
