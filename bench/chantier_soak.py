"""Soak the chantier page (#17): open it, visit its seven tabs, make one edit on six of them
(an initiative pasted, an actor moved, a RACI letter, a fiche's status, a test result, a donnée
pasted), undo the six, close the page — many times over. Time and memory must stay flat: a
cycle at the end takes what a cycle at the start took, the process does not grow, and no page
or tab is left alive once closed.

    .venv/bin/python bench/chantier_soak.py [CYCLES]        (default 20)

Writes bench/RESULTS-chantier-soak.md itself (never edit its figures by hand), then run
`python bench/results_index.py`. The baseline, measured in the same run, is the same soak of
the demo's chantier (2 workshops, 15 actors); the soaked one is issue 17's size (10 workshops
× 100 fiches actions, 200 actors, from bench/chantier_bench.py).
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chantier_bench import big_chantier  # noqa: E402
from memory_bench import rss_mb  # noqa: E402

HERE = Path(__file__).resolve().parent
EDITS = 6
# Flat: the last tenth of the cycles within this much of the first tenth (after a warm-up).
TIME_SLACK = 1.25
RSS_SLACK_MB = 15.0


def main() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.domain.key_figures import KEY_FIGURES
    from kitcop_desktop.storage import (
        action_plan,
        chantiers,
        governance,
        initiatives,
        sheets,
        stakeholder_map,
        test_protocols,
    )
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.tools.chantier.page import TABS, ChantierPage
    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.tool_spec import ToolContext

    cycles = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    store = open_store(tmp / "soak.sqlite3")
    demo_workshop = create_demo(store)
    with store.read() as s:
        demo = chantiers.chantier_of(s, demo_workshop) or 0
    big = big_chantier(store)
    refused: list[str] = []
    ctx = ToolContext(
        store=store,
        hub=ChangeHub(),
        undo_stack=QUndoStack(),
        workshop_id=0,
        activate_tool=lambda *_a: None,
        show_message=refused.append,
    )

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def alive() -> int:
        """Chantier pages still alive in Python (a closed page must not be kept)."""
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, ChantierPage))

    with store.read() as s:
        places = {
            cid: (
                stakeholder_map.rows(s, cid)[0],
                governance.bodies(s, cid)[0].id,
            )
            for cid in (demo, big)
        }

    def cycle(chantier_id: int, n: int) -> None:
        page = ChantierPage(ctx, chantier_id)
        page.resize(1024, 700)
        page.show()
        settle()
        for key, _icon, _label in TABS:
            page.show_tab(key)
            settle()
        actor, body_id = places[chantier_id]
        before = ctx.undo_stack.index()
        page.show_tab("initiatives")
        page.initiatives.paste_text(f"Initiative du cycle {n}\tLocale\tDrôme")
        settle()
        page.show_tab("map")
        page.stakeholder_map.move_actors([(actor.id, actor.x * 0.9, actor.y * 0.9)])
        settle()
        page.show_tab("governance")
        page.governance.set_letter(body_id, actor.id, "A")
        settle()
        page.show_tab("plan")
        page.plan.select_card(page.plan.model.rows[0].card_id)
        page.plan.set_current_status("in_progress" if n % 2 else "tested")
        settle()
        page.show_protocol(page.plan.model.rows[0].card_id)
        if page.protocol.protocol_id is None:
            page.protocol.write_protocol()
            settle()
        page.protocol.add_result("Critère", f"Constat du cycle {n}", "met", "01/12/2026")
        settle()
        page.show_tab("data")
        page.data.figures.paste_text(f"Emploi\t{n} salarié·es\t6 000\tDoubler")
        settle()
        done = ctx.undo_stack.index() - before
        if done < EDITS:
            said = [ctx.undo_stack.text(i) for i in range(before, ctx.undo_stack.index())]
            raise SystemExit(f"cycle {n}: {done} edits of {EDITS} stored ({said}, {refused[-3:]})")
        for _ in range(done):
            ctx.undo_stack.undo()
            settle()
        page.close()
        page.deleteLater()
        settle()

    def contents(chantier_id: int) -> tuple:
        """What the soak edits, counted: it must end as it began."""
        with store.read() as s:
            plan = action_plan.rows(s, chantier_id)
            return (
                len(initiatives.rows(s, chantier_id)),
                len(sheets.rows(s, KEY_FIGURES, chantier_id)),
                [(r.status, r.protocol_id) for r in plan],
                sum(len(test_protocols.results(s, r.protocol_id)) for r in plan if r.protocol_id),
                [(a.x, a.y) for a in stakeholder_map.rows(s, chantier_id)],
                [b.members for b in governance.bodies(s, chantier_id)],
            )

    def soak(chantier_id: int, label: str) -> dict:
        before = contents(chantier_id)
        times, cpu, rss = [], [], []
        for n in range(cycles):
            started, used = time.perf_counter(), time.process_time()
            cycle(chantier_id, n)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
            rss.append(rss_mb())
            if n % 10 == 9:
                print(f"{label}: cycle {n + 1}, {times[-1] * 1000:.0f} ms, {rss[-1]:.0f} MB")
        tenth = max(1, cycles // 10)
        first, last = times[1 : 1 + tenth], times[-tenth:]  # cycle 1: imports, fonts
        return {
            "label": label,
            "first_ms": statistics.median(first) * 1000,
            "last_ms": statistics.median(last) * 1000,
            "cpu_first": statistics.median(cpu[1 : 1 + tenth]) * 1000,
            "cpu_last": statistics.median(cpu[-tenth:]) * 1000,
            "rss_first": statistics.median(rss[1 : 1 + tenth]),
            "rss_last": statistics.median(rss[-tenth:]),
            "rss_peak": max(rss),
            "alive": alive(),
            "undo_left": ctx.undo_stack.index(),
            "same_data": contents(chantier_id) == before,
        }

    results = [soak(demo, "demo chantier (baseline)"), soak(big, "10 × 100 chantier")]
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    store.close()

    def verdict(r: dict) -> str:
        time_flat = r["cpu_last"] <= r["cpu_first"] * TIME_SLACK
        rss_flat = r["rss_last"] - r["rss_first"] <= RSS_SLACK_MB
        return "flat" if time_flat and rss_flat and r["alive"] == 0 else "GROWS"

    table = "\n".join(
        f"| {r['label']} | {r['first_ms']:.0f} | {r['last_ms']:.0f} | {r['cpu_first']:.0f} | "
        f"{r['cpu_last']:.0f} | {r['cpu_last'] / max(r['cpu_first'], 0.001):.2f} | "
        f"{r['rss_first']:.0f} | "
        f"{r['rss_last']:.0f} | {r['rss_last'] - r['rss_first']:+.1f} | {r['alive']} | "
        f"{verdict(r)} |"
        for r in results
    )
    import PySide6

    text = f"""# The chantier page soaked — `bench/chantier_soak.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}, PySide6 {PySide6.__version__}. Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC;
load average {load_before:.1f} before, {load_after:.1f} after. Command:
`python bench/chantier_soak.py {cycles}`.

{cycles} cycles each: the chantier page opened (1024 × 700, offscreen), its seven tabs shown,
one edit on six of them (an initiative pasted, an actor moved, a RACI letter, a fiche's status,
a test result consigned, a donnée clé pasted; each one undo step, the page read again after
each), the six undone, the page closed. The baseline is the same soak of the demo's chantier
in the same run; the soaked chantier is issue 17's size (10 workshops × 100 fiches actions,
200 actors). Cycle time: median of the first tenth (after the first cycle: imports, fonts) and
of the last tenth, wall time and the process's CPU time (the steadier reading when other test
runs share the cores); memory: the process's resident size (VmRSS) after a cycle, same tenths;
pages alive: chantier pages Python still holds once every cycle is over. « flat »: the last
tenth within {TIME_SLACK:.2f}× the first's CPU time and {RSS_SLACK_MB:.0f} MB of its memory, no
page left alive.

| soaked | first cycles, ms | last cycles, ms | CPU first, ms | CPU last, ms | CPU last / first | first, MB | last, MB | grown, MB | pages alive | |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
{table}

Every edit was undone (undo stack back at its start: {", ".join(str(r["undo_left"]) for r in results)}
commands left done; the initiatives, données, statuses, protocols and results, places and
RACI letters as before: {", ".join("yes" if r["same_data"] else "NO" for r in results)}).
Peak memory: {max(r["rss_peak"] for r in results):.0f} MB.
"""
    (HERE / "RESULTS-chantier-soak.md").write_text(text, encoding="utf-8")
    print(HERE / "RESULTS-chantier-soak.md")


if __name__ == "__main__":
    main()
