"""The PDF of a big workshop (issue 15: < 2 s; ×4 the content < 8 s, linear), paired with the
demo workshop's PDF measured in the same run.

    .venv/bin/python bench/big_pdf_bench.py [--runs 3] [--scales 1 2 4]
                                            # writes bench/RESULTS-big-pdf.md

The big workshop is issue 15's (bench/big_workshops.full_workshop): 60 people, 500 post-its on
three boards (a tenth in sous-thématiques), 20 dot votes of two revealed rounds each, 30 field
interviews, all stored through the app's own operations; « ×2 » and « ×4 » double and quadruple
every count. Each PDF is « Tout l'atelier » (`kitcop pdf N --part all`, what Impression's
« Restitution complète » prints): the store read and the PDF built, in this process, best and
median of --runs. Baselines in the same run: the demo workshop (`kitcop demo`), and the big
workshop printed by a process without reportlab's C accelerator (rl-accel, added for issue 15).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def timed(store, workshop_id: int, runs: int) -> tuple[list[float], int]:
    from kitcop_desktop.printing.parts import render_pdf

    times, pages = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        with store.read() as session:
            data = render_pdf(session, workshop_id, ["all"])
        times.append((time.perf_counter() - started) * 1000)
        pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ")
    return times, pages


def profile(store, workshop_id: int) -> str:
    from kitcop_desktop.printing.parts import render_pdf

    prof = cProfile.Profile()
    with store.read() as session:
        prof.enable()
        render_pdf(session, workshop_id, ["all"])
        prof.disable()
    stats = pstats.Stats(prof, stream=io.StringIO())
    rows = []
    for func, (_cc, nc, tt, ct, _callers) in stats.stats.items():
        if "kitcop_desktop" in func[0]:
            rows.append((ct * 1000, tt * 1000, nc, f"{Path(func[0]).name}:{func[1]}({func[2]})"))
    rows.sort(reverse=True)
    body = "\n".join(
        f"| {ct:7.0f} | {tt:6.0f} | {nc:6d} | `{name}` |" for ct, tt, nc, name in rows[:12]
    )
    return "| cumulative ms | own ms | calls | function |\n|---:|---:|---:|---|\n" + body


def without_accelerator(db: str, workshop_id: int, runs: int) -> None:
    """A child process: the same PDF with reportlab's pure-Python fallbacks (no rl-accel)."""
    sys.modules["_rl_accel"] = None  # reportlab then uses its Python versions
    os.environ["KITCOP_DATA_DIR"] = str(Path(db).parent)
    from kitcop_desktop.storage.migrate import open_store

    store = open_store(Path(db))
    times, _pages = timed(store, workshop_id, runs)
    store.close()
    print(json.dumps(times))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--output", default=str(HERE / "RESULTS-big-pdf.md"))
    parser.add_argument("--plain", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.plain:
        without_accelerator(args.plain[0], int(args.plain[1]), args.runs)
        return
    folder = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(folder)
    from big_workshops import full_workshop

    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store

    started, load_before = datetime.now(UTC), os.getloadavg()[0]
    store = open_store(folder / "bench.sqlite3")
    demo = create_demo(store)
    rows, results = [], {}
    made = {}
    for scale in args.scales:
        t0 = time.perf_counter()
        made[scale] = full_workshop(store, scale)
        print(f"×{scale} made in {time.perf_counter() - t0:.0f} s", flush=True)
    base, base_pages = timed(store, demo, args.runs)
    for scale in args.scales:
        results[scale] = timed(store, made[scale], args.runs)
        times, pages = results[scale]
        print(f"×{scale}: {statistics.median(times):.0f} ms, {pages} pages", flush=True)
    prof = profile(store, made[args.scales[0]])
    store.close()
    plain = json.loads(
        subprocess.run(
            [sys.executable, __file__, "--runs", str(args.runs), "--plain"]
            + [str(folder / "bench.sqlite3"), str(made[args.scales[0]])],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    first = statistics.median(results[args.scales[0]][0])
    rows.append(
        f"| demo workshop (baseline) | {base_pages} | {min(base):.0f} | {statistics.median(base):.0f}"
        " | | |"
    )
    rows.append(
        f"| big workshop ×{args.scales[0]} without reportlab's C accelerator (the build before) "
        f"| {results[args.scales[0]][1]} | {min(plain):.0f} | {statistics.median(plain):.0f} | "
        f"{statistics.median(plain) / statistics.median(base):.1f}× | |"
    )
    for scale in args.scales:
        times, pages = results[scale]
        med = statistics.median(times)
        rows.append(
            f"| big workshop ×{scale} | {pages} | {min(times):.0f} | {med:.0f} | "
            f"{med / statistics.median(base):.1f}× | {med / first / (scale / args.scales[0]):.2f} |"
        )
    import PySide6

    command = " ".join(["python", "bench/big_pdf_bench.py", *sys.argv[1:]])
    text = f"""# PDF of a big workshop — `bench/big_pdf_bench.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}, PySide6 {PySide6.__version__}. Date: {started:%Y-%m-%d %H:%M} UTC;
load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after. Command: `{command}`.

« Tout l'atelier » (`kitcop pdf N --part all`): the store read and the whole PDF built, wall
time in ms, min and median of {args.runs}. The big workshop is issue 15's (60 people, 500
post-its on three boards, 20 dot votes of two revealed rounds, 30 interviews), ×2 and ×4 every
count. **× demo**: the ratio to the demo workshop's PDF measured in the same run. **per unit of
content**: the median divided by the scale, relative to ×{args.scales[0]} (1.00 = linear).
Targets (issue 15): the big workshop in < 2 s, ×4 in < 8 s.

| workshop | pages | min, ms | median, ms | × demo | per unit of content |
|---|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

Profile of the big workshop ×{args.scales[0]} (the app's functions, by cumulative time):

{prof}
"""
    Path(args.output).write_text(text, encoding="utf-8")
    print(args.output)


if __name__ == "__main__":
    main()
