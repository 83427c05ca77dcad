"""Time the chantier (#17) at issue 17's size: 10 workshops × 100 fiches actions, 200 actors.

    .venv/bin/python bench/chantier_bench.py

Writes bench/RESULTS-chantier.md itself (never edit its figures by hand), then run
`python bench/results_index.py`. Each figure is paired with a baseline measured in the same
run: the page as it was built before (every tab built and read when the page opens), the
demo's chantier (2 workshops, 15 actors) for the map and the PDFs.

Targets (issue 17): chantier page and map open < 300 ms; the plan prints < 3 s, the whole
chantier too.
"""

from __future__ import annotations

import cProfile
import io
import os
import platform
import pstats
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 3
HERE = Path(__file__).resolve().parent
WORKSHOPS, CARDS, ACTORS, PEOPLE = 10, 100, 200, 25


def big_chantier(store) -> int:
    from kitcop_desktop.storage import (
        action_plan,
        actions,
        chantiers,
        governance,
        initiatives,
        participants,
        stakeholder_map,
        test_protocols,
        workshops,
    )

    with store.write() as s:
        cid = chantiers.create(s, "Chantier de 10 ateliers").id
        for w in range(WORKSHOPS):
            wid = workshops.create(s, f"Atelier {w + 1}", date=date(2026, 1 + w, 10)).id
            chantiers.move_workshop(s, wid, cid)
            participants.paste(
                s,
                wid,
                "\n".join(f"Personne {w}-{p}\tStructure {p % 40}\tpublic" for p in range(PEOPLE)),
            )
            for c in range(CARDS):
                card = actions.create(
                    s,
                    wid,
                    challenge=f"Défi {w}-{c} : attirer et former aux métiers de la rénovation",
                    action=f"Action {w}-{c} : des chantiers-écoles partagés entre centres",
                    leads=f"Structure {c % 40} ; Structure {(c + 7) % 40}",
                    test_plan="Deux sessions pilotes au printemps, bilan KISS à l'automne.",
                )
                for k in range(2):
                    action_plan.add_step(s, card.id, f"Étape {k + 1}", date(2026, 6, 1 + k))
                if c % 10 == 0:
                    protocol = test_protocols.create(
                        s, card.id, objective="Vérifier l'effet", impact_criteria="A\nB"
                    )
                    for k in range(2):
                        test_protocols.add_result(
                            s, protocol.id, criterion="A", observed=f"Constat {k}", verdict="met"
                        )
        for a in range(ACTORS):
            stakeholder_map.add(
                s,
                cid,
                f"Structure {a}" if a < 40 else f"Acteur {a} du territoire",
                category=("public", "private", "para_public")[a % 3],
                influential=a % 7 == 0,
                zone=a % 3,
            )
        actor_ids = [r.id for r in stakeholder_map.rows(s, cid)]
        for b in range(5):
            body = governance.add_body(s, cid, f"Instance {b + 1}")
            for k in range(10):
                governance.set_raci(s, body.id, actor_ids[b * 10 + k], "RACI"[k % 4])
        initiatives.add_many(s, cid, [{"name": f"Initiative {i}"} for i in range(50)])
    return cid


def median_ms(samples: list[float]) -> tuple[float, float]:
    return min(samples) * 1000, statistics.median(samples) * 1000


def main() -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.printing.action_plan import render_chantier_pdf
    from kitcop_desktop.printing.chantier_report import render_chantier_report
    from kitcop_desktop.printing.stakeholder_map import render_map_pdf
    from kitcop_desktop.storage import chantiers
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.tools.chantier.page import ChantierPage
    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.tool_spec import ToolContext

    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    store = open_store(tmp / "bench.sqlite3")
    demo_workshop = create_demo(store)
    with store.read() as s:
        demo = chantiers.chantier_of(s, demo_workshop) or 0
    big = big_chantier(store)
    ctx = ToolContext(
        store=store,
        hub=ChangeHub(),
        undo_stack=QUndoStack(),
        workshop_id=0,
        activate_tool=lambda *_a: None,
        show_message=lambda _m: None,
    )

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    def open_page(chantier_id: int, eager: bool) -> float:
        started = time.perf_counter()
        page = ChantierPage(ctx, chantier_id)
        page.resize(1024, 700)
        page.show()
        if eager:  # the build before: every tab made and read with the page
            for key in ("plan", "protocol", "map", "governance", "initiatives"):
                page._tab(key)
        settle()
        took = time.perf_counter() - started
        page.close()
        page.deleteLater()
        settle()
        return took

    def open_map(chantier_id: int) -> float:
        page = ChantierPage(ctx, chantier_id)
        page.resize(1024, 700)
        page.show()
        settle()
        started = time.perf_counter()
        page.show_tab("map")
        settle()
        took = time.perf_counter() - started
        page.close()
        page.deleteLater()
        settle()
        return took

    def reload_after_change(chantier_id: int) -> float:
        page = ChantierPage(ctx, chantier_id)
        page.resize(1024, 700)
        page.show()
        settle()
        started = time.perf_counter()
        ctx.hub.changed.emit("actions", 0)
        settle()
        took = time.perf_counter() - started
        page.close()
        page.deleteLater()
        settle()
        return took

    def pdf(render, chantier_id: int) -> float:
        started = time.perf_counter()
        with store.read() as s:
            render(s, chantier_id)
        return time.perf_counter() - started

    rows = []

    def measure(label: str, fn, *args) -> tuple[float, float]:
        fn(*args)  # warm-up: imports, fonts, caches
        samples = [fn(*args) for _ in range(RUNS)]
        figures = median_ms(samples)
        rows.append((label, *figures))
        print(f"{label}: min {figures[0]:.0f} ms, median {figures[1]:.0f} ms", flush=True)
        return figures

    measure("demo chantier page, lazy tabs (baseline)", open_page, demo, False)
    eager = measure(
        "10 × 100 chantier page, every tab built at open (the build before)", open_page, big, True
    )
    lazy = measure("10 × 100 chantier page, lazy tabs (now)", open_page, big, False)
    measure("10 × 100 chantier page, read again after a change", reload_after_change, big)
    measure("demo map, 15 actors (baseline)", open_map, demo)
    big_map = measure("map tab, 200 actors", open_map, big)
    base_pdf = measure("demo plan PDF (baseline)", pdf, render_chantier_pdf, demo)
    plan_pdf = measure("10 × 100 plan PDF", pdf, render_chantier_pdf, big)
    measure("demo whole chantier PDF (baseline)", pdf, render_chantier_report, demo)
    measure("10 × 100, 200 actors: whole chantier PDF", pdf, render_chantier_report, big)
    measure("demo map A3 PDF (baseline)", pdf, render_map_pdf, demo)
    measure("200 actors map A3 PDF", pdf, render_map_pdf, big)

    profiler = cProfile.Profile()
    profiler.enable()
    pdf(render_chantier_pdf, big)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative")
    profile_rows = []
    for func, (_cc, calls, own, cumulative, _callers) in sorted(
        stats.stats.items(), key=lambda item: -item[1][3]
    ):
        filename, line, name = func
        if "kitcop_desktop" in filename and len(profile_rows) < 12:
            profile_rows.append(
                f"| {cumulative * 1000:8.0f} | {own * 1000:6.0f} | {calls:6d} | "
                f"`{Path(filename).name}:{line}({name})` |"
            )
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    store.close()

    table = "\n".join(f"| {label} | {low:.0f} | {mid:.0f} |" for label, low, mid in rows)
    import PySide6

    text = f"""# The chantier at issue 17's size — `bench/chantier_bench.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}, PySide6 {PySide6.__version__}. Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC;
load average {load_before:.1f} before, {load_after:.1f} after. Command: `python bench/chantier_bench.py`.

A chantier of {WORKSHOPS} workshops × {CARDS} fiches actions (each with two dated steps, one in ten
with a protocole de test and two results), {PEOPLE} participants a workshop, {ACTORS} actors on the
map, 5 instances of 10 actors, 50 initiatives; the demo's chantier (2 workshops, 15 actors) is
the baseline measured in the same run. Wall time in ms, min and median of {RUNS} after a
warm-up. « Page » is the page made, shown and its events processed (1024 × 700, offscreen).
Targets (issue 17): chantier page and map open < 300 ms; the plan and the whole chantier print < 3 s.

| measured | min, ms | median, ms |
|---|---:|---:|
{table}

Ratios in this run: the page opens {eager[1] / max(lazy[1], 0.001):.1f}× faster than when every
tab was built with it; the 200-actor map opens in {big_map[1]:.0f} ms; the 10 × 100 plan prints in
{plan_pdf[1] / max(base_pdf[1], 0.001):.1f}× the demo plan's time.

Profile of the 10 × 100 plan PDF (the app's functions, by cumulative time):

| cumulative ms | own ms | calls | function |
|---:|---:|---:|---|
{chr(10).join(profile_rows)}
"""
    (HERE / "RESULTS-chantier.md").write_text(text, encoding="utf-8")
    print(HERE / "RESULTS-chantier.md")


if __name__ == "__main__":
    main()
