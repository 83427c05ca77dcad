"""Voting benchmark: what a facilitator waits for while the room votes.

    .venv/bin/python bench/voting_bench.py

Prints medians (ms) for: the pure tally/rank/cut, one ballot stored (one transaction, as the
laptop does it), one wall count stored, the results of a big round, the editor's full reload
and one paint of the room view's reveal at 1920×1080 (offscreen).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


def median_ms(fn, runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    from kitcop_desktop.domain.dot_vote import cut, rank, tally

    rng = random.Random(5)
    items = list(range(1, 201))
    ballots = [{i: 1 for i in rng.sample(items, 3)} for _ in range(1000)]
    results = {
        "domain: tally + rank + cut, 200 items × 1 000 ballots": median_ms(
            lambda: cut(rank(tally(items, {}, ballots), items), 3)
        )
    }

    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.storage import (
        participants,
        voting,
        voting_entries,
        voting_rounds,
        workshops,
    )
    from kitcop_desktop.storage.migrate import open_store

    app = QApplication.instance() or QApplication([])
    store = open_store(tmp / "bench.sqlite3")
    with store.write() as s:
        wid = workshops.create(s, "Banc d'essai").id
        names = "\n".join(f"Personne {n}" for n in range(200))
        participants.paste(s, wid, names)
        people = [p.id for p in participants.list_for(s, wid)]
        vote = voting.create_vote_from_texts(s, wid, [(f"Idée {i}", None) for i in items], "Banc")
        vote_id, round_id = vote.id, vote.rounds[0].id
        item_ids = [i.id for i in vote.items]
        voting_rounds.set_entry_mode(s, round_id, "ballots")
    queue = iter(people)

    def one_ballot():
        with store.write() as s:
            voting_entries.cast_ballot(
                s, round_id, next(queue), {i: 1 for i in rng.sample(item_ids, 3)}
            )

    results["store: one ballot validated (one transaction), 200 items"] = median_ms(one_ballot, 50)

    def round_results():
        with store.read() as s:
            voting_rounds.round_results(s, round_id)

    results["store: results of a round, 200 items × 50 ballots"] = median_ms(round_results)

    with store.write() as s:
        wall = voting.create_vote_from_texts(s, wid, [(f"Mur {i}", None) for i in range(30)], "Mur")
        wall_round, wall_items = wall.rounds[0].id, [i.id for i in wall.items]
    counter = iter(range(10_000))

    def one_count():
        with store.write() as s:
            voting_entries.set_wall_count(s, wall_round, wall_items[0], next(counter) % 50)

    results["store: one wall count stored"] = median_ms(one_count, 30)

    from kitcop_desktop.tools.voting.spec import SPEC
    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.tool_spec import ToolContext

    ctx = ToolContext(store, ChangeHub(), QUndoStack(), wid, lambda *a: None, lambda m: None)
    editor = SPEC.make_editor(ctx)
    editor.focus_item(vote_id)
    editor.resize(1920, 1080)
    editor.show()
    app.processEvents()
    results["ui: editor reload, 200 items × 50 ballots"] = median_ms(editor.reload)
    with store.write() as s:
        voting_rounds.set_state(s, round_id, state="closed", revealed=True)
    room = SPEC.make_room_view(ctx)
    room.resize(1920, 1080)
    room.reload(animate=False)

    def paint():
        room.grab()

    results["ui: one room-view frame of the reveal, 1920×1080"] = median_ms(paint)
    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value:8.2f} ms")
    store.close()


if __name__ == "__main__":
    main()
