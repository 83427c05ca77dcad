"""Exchange (.kitcop) timings: export, check and import of a demo and of a big workshop,
and how fast hostile files are refused.

    .venv/bin/python bench/exchange_bench.py

Prints a Markdown table for bench/RESULTS-exchange.md.
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, runs: int = 5) -> tuple[float, object]:
    """Median wall time in milliseconds, and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def big_workshop(store) -> int:
    """The demo plus 20 boards × 500 post-its and 200 participants (a very large atelier)."""
    from kitcop_desktop.storage import participants
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.models.board import Board, Card

    workshop_id = create_demo(store)
    with store.write() as s:
        for i in range(200):
            participants.add(s, workshop_id, f"Personne {i}")
        for b in range(20):
            board = Board(workshop_id=workshop_id, kind="speedboat", title="Speedboat")
            board.subgroup = f"Table {b}"
            s.add(board)
            s.flush()
            s.add_all(
                Card(board_id=board.id, zone="brakes", text=f"Frein n° {c} : « texte » & co")
                for c in range(500)
            )
    return workshop_id


def main() -> None:
    from kitcop_desktop.storage import exchange
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.exchange_format import ExchangeError
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.storage.models.board import Board

    tmp = Path(tempfile.mkdtemp())
    rows = []

    store = open_store(tmp / "a.sqlite3")
    for label, make in (("demo workshop", create_demo), ("big workshop", big_workshop)):
        workshop_id = make(store)
        with store.read() as s:
            ms, data = timed(lambda: exchange.export_workshop(s, workshop_id))  # noqa: B023
            zms, zdata = timed(lambda: exchange.export_workshop(s, workshop_id, zipped=True))  # noqa: B023
        path = tmp / f"{label}.kitcop"
        path.write_bytes(data)
        cms, preview = timed(lambda: exchange.read_file(path))  # noqa: B023
        ims, _ = timed(lambda: exchange.apply_import(store, preview), runs=3)  # noqa: B023
        rows.append((f"{label}: export JSON ({len(data) // 1024} KiB)", ms))
        rows.append((f"{label}: export zipped ({len(zdata) // 1024} KiB)", zms))
        rows.append((f"{label}: read + check, nothing written", cms))
        rows.append((f"{label}: import (one transaction)", ims))

    with store.read() as s:
        board_id = s.query(Board).filter(Board.subgroup == "Table 3").first().id
        data = exchange.export_board(s, board_id)
    path = tmp / "board.kitcop"
    path.write_bytes(data)
    target = create_demo(store)
    first, _ = timed(lambda: exchange.import_file(store, path, into_workshop_id=target), runs=1)
    again, _ = timed(lambda: exchange.import_file(store, path, into_workshop_id=target), runs=3)
    rows.append(("board of 500 post-its: first merge", first))
    rows.append(("board of 500 post-its: same file again (adds nothing)", again))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("kitcop.json", b" " * 200_000_000)
    hostile = {
        "deep nesting (19 MB of brackets)": b'{"format": "kitcop", "x": '
        + b"[" * 9_500_000
        + b"]" * 9_500_000
        + b"}",
        f"zip bomb (200 MB in {len(buffer.getvalue()) // 1024} KiB)": buffer.getvalue(),
        "truncated big file": (tmp / "big workshop.kitcop").read_bytes()[:-1000],
    }
    for label, data in hostile.items():
        path = tmp / "hostile.kitcop"
        path.write_bytes(data)

        def refuse(path=path):
            try:
                exchange.read_file(path)
            except ExchangeError:
                return True
            return False

        ms, refused = timed(refuse, runs=3)
        assert refused, label
        rows.append((f"refusal: {label}", ms))
    store.close()

    print("| case | median ms |")
    print("| --- | ---: |")
    for label, ms in rows:
        print(f"| {label} | {ms:.0f} |")


if __name__ == "__main__":
    main()
