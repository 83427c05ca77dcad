"""A board too full to read from the back of the room is shown page by page.

The room view measures, at the room's size, whether the zone or sous-thématique put forward
(the clicker walks the board: whole board, each zone, each sous-thématique) shows its post-its
at 1/20 of the room's height at least. When it does not, it cuts it into pages of whole
post-its and sous-thématiques, each readable on its own (« Freins — 1/3 »). The clicker turns
them (room_spotlight.RoomSpotlight.forward/back) before moving the spotlight on.

One RoomPages per context (ctx.extras), shared by the editor and the room view like
BoardSelection: the room view writes the plan, the editor's keys move in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

# Body text on the room screen: a post-it's words at least this share of the room's height.
READABLE_SHARE = 1 / 20


@dataclass(frozen=True)
class RoomPage:
    """One page: what part of a zone (or of one sous-thématique) the room shows."""

    zone: str
    cluster_id: int | None
    keys: tuple[str, ...]  # the layout keys shown: « c12 » a post-it, « k3 » a sous-thématique
    number: int  # 1-based, within its zone or sous-thématique
    count: int

    def label(self, name: str) -> str:
        """« Freins — 1/3 »."""
        return f"{name} — {self.number}/{self.count}"


class RoomPages(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.plan: list[RoomPage] = []
        self.index = 0
        self._at_end = False

    def current(self) -> RoomPage | None:
        return self.plan[self.index] if 0 <= self.index < len(self.plan) else None

    def set_plan(self, plan: list[RoomPage]) -> None:
        if plan != self.plan:
            self.plan, self.index = list(plan), 0
            if self._at_end:
                self.index = len(self.plan) - 1  # PageUp into a zone: its last page first
        if plan:
            self._at_end = False
        self.index = max(0, min(self.index, len(self.plan) - 1))

    def forward(self) -> bool:
        """The next page, if there is one."""
        if self.index + 1 < len(self.plan):
            self.index += 1
            self.changed.emit()
            return True
        return False

    def back(self) -> bool:
        if self.index > 0 and self.plan:
            self.index -= 1
            self.changed.emit()
            return True
        return False

    def reset(self, at_end: bool = False) -> None:
        """Another spotlight: its first page, or its last (`at_end`: the clicker went back)."""
        self.index = 0
        self._at_end = at_end


def pages_of(ctx) -> RoomPages:
    pages = ctx.extras.get("boards.room_pages")
    if pages is None:
        pages = ctx.extras["boards.room_pages"] = RoomPages()
    return pages


def cut_in_pages(keys: list[str], readable) -> list[list[str]]:
    """Consecutive runs of `keys`, each as long as `readable(run)` allows (at least one key:
    a single sous-thématique too large still gets its page)."""
    pages: list[list[str]] = []
    start, hint = 0, 0
    while start < len(keys):
        left = len(keys) - start
        # Post-its are much alike: the last page's length is usually right again (two tries).
        if (
            0 < hint < left
            and readable(keys[start : start + hint])
            and not readable(keys[start : start + hint + 1])
        ):
            pages.append(keys[start : start + hint])
            start += hint
            continue
        low, high, best = 1, left, 1
        while low <= high:
            mid = (low + high) // 2
            if readable(keys[start : start + mid]):
                best, low = mid, mid + 1
            else:
                high = mid - 1
        pages.append(keys[start : start + best])
        start += best
        hint = best
    return pages
