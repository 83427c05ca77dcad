"""How a board scene decides its layout: what each zone holds at a card width, the room's focus
(a spotlit zone or sous-thématique gets the whole screen), and the best of a few card widths
(domain/board_layout.search_layout). A mixin of BoardScene (scene.py), which owns the items.
"""

from __future__ import annotations

from collections import Counter

from kitcop_desktop.domain.board_kinds import KINDS, angle_lanes
from kitcop_desktop.domain.board_layout import GAP, Block, search_layout
from kitcop_desktop.tools.boards.board_data import BoardData

CARD_WIDTH_FACTORS = (1.0, 1.35, 1.75, 2.3)
WIDTH_SEARCH_MAX = 200  # cards


def _majority_angle(items) -> str:
    """A sous-thématique sits in the lane most of its cards belong to (actions on a tie)."""
    counts = Counter(i.card.angle for i in items)
    if not counts:
        return ""
    return max(("actions", "feelings", ""), key=lambda a: counts.get(a, 0))


class LayoutPlan:
    """BoardScene's planning half (it provides cards, clusters, zones, look, banner…)."""

    def _plan(self, data: BoardData, grouped=None) -> dict:
        """Everything a layout of the board (or of the room's focus) is decided from."""
        kind = KINDS[data.kind]
        members, loose = grouped or self._grouped(data)
        row_gap = self.look.hull_gap if data.kind == "speedboat" else GAP * 2
        title = self._title(data)
        destination = data.objective if data.kind == "speedboat" else ""
        rows = kind.rows
        focus = self._room_focus(data)
        lanes = angle_lanes(
            data.kind, data.split_by_angle, (i.card.angle for i in self.cards.values())
        )
        if focus is not None and focus[1] is not None:
            lanes = ()  # a spotlit cluster spreads its cards over the screen
        if focus is not None:
            # The room screen gives the spotlit zone or cluster the whole screen, laid out
            # again for it, rather than zooming into a board laid out for something else.
            rows, destination = ((focus[0],),), ""
            if focus[1] is not None:
                title = f"{title} — {self.clusters[focus[1]].cluster.title}"
            page = self.room_page
            if page is not None and page.count > 1:
                name = (
                    self.clusters[focus[1]].cluster.title
                    if focus[1] is not None
                    else kind.zone(focus[0]).label
                )
                title = page.label(name)  # « Freins — 1/3 »
        # Wider cards have fewer lines each: on a wide screen the same board is then shorter
        # and its type larger. A few widths are tried; each card's height is cached per width.
        # Past a few hundred cards the gain is small and the cost is not: one width then.
        factors = CARD_WIDTH_FACTORS if len(self.cards) <= WIDTH_SEARCH_MAX else (1.0,)
        widths = [self.look.card_width * f for f in factors]
        counts = Counter(i.card.zone for i in self.cards.values())
        if focus is not None and focus[1] is not None:
            counts[focus[0]] = len(members[focus[1]])  # the zone shows only that cluster
        # Every zone as wide as its tab needs: its name and its count, never cut.
        tab_width = max(self.zones[z].tab_width(counts[z]) for row in rows for z in row)
        choice = chosen = None
        for card_width in widths:
            blocks = self._blocks(kind, members, loose, card_width, focus)
            shape = (rows, self.aspect, card_width, lanes)
            found = search_layout(
                rows,
                blocks,
                aspect=self.aspect,
                card_width=card_width,
                row_gap=row_gap,
                margin=GAP,
                banner_height=lambda w, t=title, d=destination: self.banner.height_for(t, d, w),
                last=self._columns.get(shape, 0),
                lanes=lanes,
                min_zone_width=tab_width,
            )
            self._columns[shape] = found.columns
            if choice is None or found.scale > choice.scale * 1.03:
                choice = found
                chosen = (card_width, shape, blocks)
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

    def _room_focus(self, data: BoardData) -> tuple[str, int | None] | None:
        """(zone, cluster id or None) the room screen is focused on, or None (whole board)."""
        page = self.room_page
        if self.look.room and page is not None:
            if page.cluster_id is None and page.zone in self.zones:
                return page.zone, None
            if page.cluster_id in self.clusters:
                return self.clusters[page.cluster_id].cluster.zone, page.cluster_id
        if not self.look.room or not data.spotlight:
            return None
        what, _, ref = data.spotlight.partition(":")
        if what == "zone" and ref in self.zones:
            return ref, None
        if what == "cluster" and ref.isdigit() and int(ref) in self.clusters:
            return self.clusters[int(ref)].cluster.zone, int(ref)
        return None

    def _blocks(self, kind, members, loose, card_width: float, focus) -> dict[str, list[Block]]:
        """What each zone holds, measured at this card width (focus: the room's spotlight)."""
        inner = card_width - GAP  # cards inside a cluster are inset
        page = set(self.room_page.keys) if self.room_page is not None else None
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

        for cid, citem in sorted(self.clusters.items(), key=lambda kv: kv[1].cluster.position):
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
