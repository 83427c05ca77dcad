"""A room view that is gone stays gone: nothing of it paints, reloads or reacts afterwards.

Under the full suite a room view dropped by an earlier test was kept alive by a reference
cycle (its drawing held its bound method) until Python's cycle collector freed it, at any
moment: once in the middle of its overview's paint (« Internal C++ object (BoardSummary)
already deleted » at QPainter(self), then a segfault). On the projector that is a crash in
front of the room.
"""

from __future__ import annotations

import gc
import weakref

import pytest
import shiboken6

from kitcop_desktop.storage import boards
from kitcop_desktop.tools.boards.room_pages import pages_of
from kitcop_desktop.tools.boards.room_summary import BoardSummary
from kitcop_desktop.tools.boards.selection import selection_of
from kitcop_desktop.tools.boards.spec import SPEC
from tests.tools.boards.test_boards_room_overview import BRAKES, LEVERS


@pytest.fixture
def full_speedboat(store, workshop_id) -> int:
    """44 post-its: too many to read whole, the room shows the overview (BoardSummary)."""
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Diagnostic")
        for zone, texts in (("levers", LEVERS), ("brakes", BRAKES)):
            for text in texts:
                boards.add_card(s, board.id, zone, text)
        return board.id


def _room_with_summary(qtbot, ctx):
    room = SPEC.make_room_view(ctx)
    room.resize(1024, 768)
    room.show()
    qtbot.waitExposed(room)
    qtbot.waitUntil(lambda: room.summary.isVisible())
    return room


def test_a_dropped_room_view_is_freed_at_once_not_by_the_cycle_collector(
    qtbot, ctx, full_speedboat
):
    room = _room_with_summary(qtbot, ctx)
    gone, summary_gone = weakref.ref(room), weakref.ref(room.summary)
    gc.disable()
    try:
        del room
        assert gone() is None and summary_gone() is None
    finally:
        gc.enable()


def test_a_collection_while_the_overview_paints_does_not_crash(
    qtbot, ctx, full_speedboat, monkeypatch
):
    """What crashed the suite's worker: a room view dropped while its overview is on screen,
    then Python collects garbage while that overview paints (segfault before the fix)."""
    room = _room_with_summary(qtbot, ctx)
    plan = BoardSummary.plan
    painted = []

    def plan_then_collect(self):
        result = plan(self)
        gc.collect()
        painted.append(shiboken6.isValid(self))
        return result

    monkeypatch.setattr(BoardSummary, "plan", plan_then_collect)
    room.summary.update()  # a paint pending, as on the projector
    gone = weakref.ref(room)
    del room
    qtbot.wait(50)
    assert gone() is None
    assert all(painted)  # whatever painted was still there when it drew
    other = _room_with_summary(qtbot, ctx)  # the room screen goes on working
    other.summary.grab()
    assert painted and all(painted)
    other.close()


def test_a_deleted_room_view_ignores_its_pending_reload_and_the_shared_signals(
    qtbot, ctx, full_speedboat
):
    """The hub, the board selection and the room pages outlive the room view (they belong
    to the context): once deleted, it neither reloads nor raises when they speak."""
    room = _room_with_summary(qtbot, ctx)
    room.schedule()  # a reload pending, as after a card typed on the laptop
    shiboken6.delete(room)
    assert not shiboken6.isValid(room)
    ctx.hub.changed.emit("boards", ctx.workshop_id)
    selection_of(ctx).changed.emit()
    pages_of(ctx).changed.emit()
    qtbot.wait(30)  # pytest-qt fails the test on any exception raised in the event loop
    fresh = _room_with_summary(qtbot, ctx)  # the next room view on the same context works
    assert fresh.summary.drawn or fresh.summary.grab() is not None
    fresh.close()
