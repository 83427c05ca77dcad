"""Fishbowl and speaking-round benchmarks (a plain script, not a test).

    .venv/bin/python bench/fishbowl_bench.py

A long fishbowl (30 people, 1,000 speaking turns, as in a two-hour session with short turns):
one click (a storage operation with its undo snapshot, in one write transaction), undoing it,
the statistics the facilitator view recomputes every second, and one full read of the
fishbowl as the views do on each change. Then a 30-person round: one « suivant » and
list_rounds (what printing reads). Medians of repeated runs, on a real SQLite file.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import fishbowl, participants, rounds, workshops
from kitcop_desktop.storage.migrate import open_store

PEOPLE = 30
TURNS = 1000


def median_ms(fn, runs: int = 30) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def ui_timings(store, workshop_id: int, bowl_id: int, clock) -> dict[str, float]:
    """What the facilitator waits for after a click: the tab and the room view reloading."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.tools.fishbowl.spec import SPEC
    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.tool_spec import ToolContext

    app = QApplication.instance() or QApplication([])
    from kitcop_desktop.ui.icons import icon

    icon("new")  # qtawesome loads its fonts once (~0.5 s), at the shell's start, not here
    ctx = ToolContext(
        store=store,
        hub=ChangeHub(),
        undo_stack=QUndoStack(),
        workshop_id=workshop_id,
        activate_tool=lambda *args: None,
        show_message=lambda text: None,
    )
    ctx.extras["clock"] = clock
    start = time.perf_counter()
    import kitcop_desktop.tools.fishbowl.editor  # noqa: F401
    import kitcop_desktop.tools.fishbowl.room_view  # noqa: F401

    imported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    built = (time.perf_counter() - start) * 1000
    editor.resize(1024, 768)
    room.resize(1024, 768)
    editor.focus_item(bowl_id)
    app.processEvents()

    def refresh() -> None:
        ctx.hub.notify("fishbowl", workshop_id)  # what every click ends with

    return {
        "import the tool's modules (first use)": imported,
        f"build the tool and its room view ({TURNS} turns)": built,
        "refresh of the tab + room view after a click": median_ms(refresh, 10),
    }


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "bench.sqlite3")
    clock = FakeClock()
    with store.write() as s:
        wid = workshops.create(s, "Banc d'essai").id
        participants.paste(s, wid, "\n".join(f"Personne {i}" for i in range(PEOPLE)))
        bowl = fishbowl.create(s, wid).id
        ids = [m.id for m in fishbowl.members(s, bowl)]
        for i in range(3):
            fishbowl.seat(s, bowl, ids[i], clock.wall())
        seated = ids[:3]
        for turn in range(TURNS):
            clock.advance(7)
            if turn % 4 == 0:  # someone new takes the empty chair, the longest seated leaves
                newcomer = next(m for m in ids if m not in seated)
                fishbowl.seat(s, bowl, newcomer, clock.wall(), seated[0])
                seated = seated[1:] + [newcomer]
            fishbowl.speak(s, bowl, seated[turn % 3], clock.wall())

    def click_and_undo() -> None:
        with store.write() as s:
            snap = fishbowl.speak(s, bowl, seated[0], clock.wall())
        with store.write() as s:
            fishbowl.restore_live(s, snap)

    def click() -> None:
        with store.write() as s:
            fishbowl.speak(s, bowl, seated[1], clock.wall())

    def read_stats() -> None:
        with store.read() as s:
            fishbowl.stats(s, bowl, clock.wall())

    from kitcop_desktop.domain import fishbowl as rules

    with store.read() as s:
        members = [rules.Member(m.id, m.name, m.category) for m in fishbowl.members(s, bowl)]
        seats, turns = fishbowl.seatings(s, bowl), fishbowl.turns(s, bowl)

    def tick() -> None:
        rules.stats(members, seats, turns, clock.wall() + timedelta(seconds=1))

    results = {
        f"one click (speak), {TURNS} turns stored": median_ms(click),
        "one click then its undo": median_ms(click_and_undo),
        "stats read from the store": median_ms(read_stats),
        "stats recomputed in memory (each second)": median_ms(tick, 200),
    }
    with store.write() as s:
        rnd = rounds.create_round(s, wid, "closing").id
        rounds.start(s, rnd, clock.wall())

    def next_speaker() -> None:
        with store.write() as s:
            snap = rounds.next_speaker(s, rnd, clock.wall())
            rounds.restore_live(s, snap)

    def list_all() -> None:
        with store.read() as s:
            rounds.list_rounds(s, wid)

    results[f"round of {PEOPLE}: « suivant » + undo"] = median_ms(next_speaker)
    results["list_rounds (what printing reads)"] = median_ms(list_all)
    results.update(ui_timings(store, wid, bowl, clock))
    store.close()
    for name, ms in results.items():
        print(f"{name:55s} {ms:8.2f} ms")


if __name__ == "__main__":
    main()
