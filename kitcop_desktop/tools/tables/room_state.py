"""Which round and which page of the rotation map the room shows, shared by the tables tool's
editor (the clicker's PageDown / PageUp, the round picked in its tabs) and its room view (how
many pages the map needs at the room's size).

Each round keeps the page it was left on: going back from the next séquence (PageUp on its
first page) finds the previous round on its last page, as the déroulé's consignes do. The round
and page shown are saved for a restart (`resume`, key « tables.view », « round:page »).

The facilitator may put a table's harvest on the room instead (« Montrer en salle », Alt+M on
the harvest page): `harvest` is then (table id, round number), its pages turned by the same
clicker; it is saved with the view (« round:page;harvest=table:round:page »).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from kitcop_desktop.ui import resume

KEY = "tables_room"
LAST = 1_000_000  # « the last page », whatever the count once the room is laid out again


class RotationRoom(QObject):
    changed = Signal()

    def __init__(self, settings=None) -> None:
        super().__init__()
        self.settings = settings
        self.picked: int | None = None  # the round chosen in the tool (outside the run)
        self.shown: int | None = None  # the round the room shows
        self.count = 1  # pages the shown round needs
        self._pages: dict[int | None, int] = {}
        self.harvest: tuple[int, int] | None = None  # (table id, round number) on the room
        self.harvest_page = 0
        self.harvest_count = 1
        # The room view's own count of the harvest's pages, asked at each clicker press (a
        # count cached while the room was being laid out again once swallowed a PageDown).
        self.harvest_counter: Callable[[], int] | None = None

    # --- reading -----------------------------------------------------------------------------
    @property
    def page(self) -> int:
        return min(self._pages.get(self.shown, 0), max(0, self.count - 1))

    def view_state(self) -> str:
        view = f"{self.shown if self.shown is not None else ''}:{self.page}"
        if self.harvest is not None:
            table, number = self.harvest
            view += f";harvest={table}:{number}:{self.harvest_page}"
        return view

    # --- the harvest on the room ---------------------------------------------------------------
    def show_harvest(self, table_id: int | None, round_number: int) -> None:
        """Put this table's harvest of this round on the room (None: the map again)."""
        wanted = None if table_id is None else (int(table_id), int(round_number))
        if wanted == self.harvest:
            return
        self.harvest = wanted
        self.harvest_page, self.harvest_count = 0, 1
        self._save()
        self.changed.emit()

    def harvest_pages(self, count: int) -> None:
        """The room view says how many pages the harvest shown needs."""
        count = max(1, int(count))
        if count != self.harvest_count:
            self.harvest_count = count
            self.harvest_page = min(self.harvest_page, count - 1)
            self.changed.emit()

    def _harvest_turn(self, step: int) -> bool:
        if self.harvest_counter is not None:
            try:
                self.harvest_count = max(1, int(self.harvest_counter()))
            except RuntimeError:  # the room view is gone (the workshop closed)
                self.harvest_counter = None
        page = self.harvest_page + step
        if not 0 <= page < self.harvest_count:
            return False
        self.harvest_page = page
        self._save()
        self.changed.emit()
        return True

    # --- what the room view says ---------------------------------------------------------------
    def show(self, round_id: int | None, count: int) -> None:
        """The room shows `round_id`, whose map needs `count` pages."""
        count = max(1, int(count))
        if (round_id, count) == (self.shown, self.count):
            return
        self.shown, self.count = round_id, count
        self._save()
        self.changed.emit()

    # --- what the clicker does -----------------------------------------------------------------
    def forward(self) -> bool:
        """The next page; False on the last one (the run then moves on)."""
        if self.harvest is not None:
            return self._harvest_turn(1)
        if self.page + 1 < self.count:
            self._set(self.page + 1)
            return True
        return False

    def back(self) -> bool:
        if self.harvest is not None:
            return self._harvest_turn(-1)
        if self.page > 0:
            self._set(self.page - 1)
            return True
        return False

    def pick(self, round_id: int | None) -> None:
        """The facilitator chose a round's tab: outside the run, the room shows it."""
        if round_id != self.picked:
            self.picked = round_id
            self.changed.emit()

    def restore(self, view: str) -> None:
        """A restart: the round and page saved by `view_state`."""
        view, _, shown = str(view).partition(";harvest=")
        left, _, right = view.partition(":")
        try:
            round_id = int(left) if left else None
            page = max(0, int(right or 0))
            harvest = [int(x) for x in shown.split(":")] if shown else []
        except ValueError:
            return
        if len(harvest) == 3:
            self.harvest, self.harvest_page = (harvest[0], harvest[1]), max(0, harvest[2])
            self.harvest_count = self.harvest_page + 1  # the room view says the real count
        self._pages[round_id] = page
        if round_id is not None and self.picked is None:
            self.picked = round_id
        self.changed.emit()

    def _set(self, page: int) -> None:
        # The last page stays the last (the countdown) when the map is laid out again.
        self._pages[self.shown] = LAST if page >= self.count - 1 else page
        self._save()
        self.changed.emit()

    def _save(self) -> None:
        resume.save(self.settings, "tables.view", self.view_state())


def room_state(ctx) -> RotationRoom:
    """The one state of this workshop's rotation map (in ctx.extras)."""
    state = ctx.extras.get(KEY)
    if state is None:
        state = RotationRoom(ctx.settings)
        ctx.extras[KEY] = state
    return state
