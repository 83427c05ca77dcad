"""Time the printing: the demo workshop's full restitution, and a restitution with 1,000 cards.

    .venv/bin/python bench/printing_bench.py

Target (issue 8): the full demo restitution in under 2 s on this machine. Plain script, no
pytest; the numbers go to bench/RESULTS-printing.md by hand.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kitcop_desktop.printing.parts import render_pdf  # noqa: E402
from kitcop_desktop.storage import boards, workshops  # noqa: E402
from kitcop_desktop.storage import boards_clusters as clusters  # noqa: E402
from kitcop_desktop.storage.demo import create_demo  # noqa: E402
from kitcop_desktop.storage.migrate import open_store  # noqa: E402

RUNS = 5


def timed(store, workshop_id: int, parts: list[str]) -> tuple[list[float], int, int]:
    times, size, pages = [], 0, 0
    for _ in range(RUNS):
        started = time.perf_counter()
        with store.read() as session:
            data = render_pdf(session, workshop_id, parts)
        times.append(time.perf_counter() - started)
        size = len(data)
        pages = data.count(b"/Type /Page\n") or data.count(b"/Type /Page ")
    return times, size, pages


def thousand_cards(store) -> int:
    """A workshop with 1,000 post-its: four speedboats of 250, a third of them in clusters."""
    with store.write() as session:
        workshop = workshops.create(session, "Atelier de 1 000 post-it")
        for table in range(4):
            board = boards.create_board(
                session, workshop.id, "speedboat", "Speedboat", f"Sous-groupe {table + 1}"
            )
            ids = []
            for n in range(250):
                zone = "brakes" if n % 2 else "levers"
                text = f"Post-it {table}-{n} : former les artisans à la rénovation performante"
                ids.append((zone, boards.add_card(session, board.id, zone, text).id))
            for zone in ("brakes", "levers"):
                in_zone = [cid for z, cid in ids if z == zone][:40]
                for k in range(0, 40, 10):
                    clusters.create_cluster(
                        session, board.id, zone, f"Thème {zone} {k // 10}", in_zone[k : k + 10]
                    )
        return workshop.id


def report(label: str, times: list[float], size: int) -> str:
    return (
        f"{label}: median {statistics.median(times) * 1000:.0f} ms, "
        f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
        f"({RUNS} runs, {size / 1024:.0f} KiB)"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(folder)
    store = open_store(folder / "bench.sqlite3")
    try:
        demo = create_demo(store)
        big = thousand_cards(store)
        for label, workshop_id, parts in (
            ("demo, full restitution (all)", demo, ["all"]),
            (
                "demo, every part",
                demo,
                ["all", "agenda", "facilitator", "interviews", "attendance", "blank"],
            ),
            ("1,000 cards, full restitution (all)", big, ["all"]),
            ("1,000 cards, boards only", big, ["boards"]),
        ):
            times, size, _ = timed(store, workshop_id, parts)
            print(report(label, times, size))
    finally:
        store.close()


if __name__ == "__main__":
    main()
