"""Boards: open a board and add a post-it the user's way, as the board grows (issue 15).

    .venv/bin/python bench/boards_bench.py [--runs 5] [--adds 15] [--sizes 500 5000]
                                           [--profile] [--label WORD]

Writes bench/RESULTS-boards.md itself (never edit its figures by hand).

Each (board kind, size) is measured in a fresh process, offscreen, in the real main window
(MainWindow with every tool, a workshop whose one board holds that many post-its, real SQLite
store with synchronous=FULL):
- **open**: the sidebar's « Tableaux » on a workshop just opened (the editor built, the board
  read, laid out and painted); `--runs` fresh openings, median and min;
- **add**: a post-it typed into the post-it line with key events, then the Enter key timed
  until it is stored (committed, one undo step), the board redrawn and the view repainted;
  `--adds` post-its, median and max; then the same with the room screen up (1024×768).
The baseline of each figure is measured in the same run: the same gestures on a 10-post-it
board of the same kind (« flat with board size » reads as the ratio to it). `--profile`
adds a cProfile of the Enter and of the opening on the largest board to the results.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
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
BASELINE = 10
KINDS = {"speedboat": ("levers", "brakes"), "kiss": ("keep", "improve", "start", "stop")}
WORDS = [
    "former",
    "artisans",
    "rénovation",
    "énergétique",
    "apprentissage",
    "CFA",
    "attractivité",
    "métiers",
    "bâtiment",
    "financement",
    "OPCO",
    "tutorat",
    "chantier",
    "reconversion",
    "mobilité",
    "permis",
    "salaires",
    "alternance",
]


def card_text(i: int) -> str:
    return " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(3 + i % 9)).capitalize()


def fill(store, kind: str, n: int) -> int:
    """A workshop with one board of `n` post-its spread over its zones (plain SQL, fast)."""
    from kitcop_desktop.storage import boards, workshops

    zones = KINDS[kind]
    with store.write() as s:
        wid = workshops.create(s, f"Banc {kind} {n}").id
        board = boards.create_board(s, wid, kind, "Banc", "Table 1")
        conn = s.connection().connection.driver_connection
        now = "2026-03-03 10:00:00"
        conn.executemany(
            "INSERT INTO board_cards (board_id, zone, position, text, author, colour, weight,"
            " angle, source, created_at, updated_at) VALUES (?, ?, ?, ?, '', '', 1, '', '', ?, ?)",
            (
                (
                    board.id,
                    zones[i % len(zones)],
                    i // len(zones),
                    f"{card_text(i)} n° {i}",
                    now,
                    now,
                )
                for i in range(n)
            ),
        )
    return wid


def child(kind: str, n: int, runs: int, adds: int, profile: bool) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtTest import QTest

    from kitcop_desktop.app import load_tool_specs, make_application
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.ui.main_window import MainWindow

    app = make_application()
    store = open_store(tmp / "bench.sqlite3")
    window = MainWindow(store, specs=load_tool_specs())
    window.resize(1280, 800)
    window.show()
    warm = fill(store, kind, 20)  # fonts, caches, first imports: not measured
    window.open_workshop(warm)
    window.activate_tool("boards")
    app.processEvents()
    gc.freeze()  # as app.run_gui does once the main window is up
    wid = fill(store, kind, n)
    profiles: dict[str, str] = {}

    def settle() -> None:
        app.processEvents()
        editor = window.current_editor()
        editor.view.viewport().repaint()

    def open_once(prof: cProfile.Profile | None = None) -> tuple[float, float]:
        window.open_workshop(wid)
        app.processEvents()
        # The workshop view just closed goes at the event loop's next turn (deleteLater), as
        # in the app: without this its editors would stay and redraw at every Enter too.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        t0, c0 = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        window.activate_tool("boards")
        settle()
        if prof:
            prof.disable()
        return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000

    opens = [open_once() for _ in range(runs)]
    if profile:
        prof = cProfile.Profile()
        open_once(prof)
        profiles["open"] = summary(prof)
    editor = window.current_editor()
    line = editor.entry.line
    line.setFocus()

    def add(i: int, prof: cProfile.Profile | None = None) -> tuple[float, float]:
        QTest.keyClicks(line, f"Idee nouvelle {i} pour la COP")
        app.processEvents()
        t0, c0 = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        QTest.keyClick(line, Qt.Key.Key_Return)
        settle()
        if prof:
            prof.disable()
        wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
        assert line.text() == "", "the post-it was not added"
        return wall, cpu

    added = [add(i) for i in range(adds)]
    if profile:
        prof = cProfile.Profile()
        for i in range(5):
            add(1000 + i, prof)
        profiles["add"] = summary(prof, per=5)
    window.room.resize(1024, 768)
    window.room.show()
    app.processEvents()
    with_room = []
    for i in range(adds):
        wall, cpu = add(2000 + i)
        room_view = window.workshop_view.room_view("boards")
        if room_view is not None:
            room_view.view.viewport().repaint()
        with_room.append((wall, cpu))
    with store.read() as s:
        from kitcop_desktop.storage import boards

        stored = len(boards.cards_of(s, editor.data.board_id))
    shown = len(editor.scene.cards)
    assert stored == shown == n + adds * 2 + (5 if profile else 0), (stored, shown)
    return {
        "open": [o[0] for o in opens],
        "open_cpu": [o[1] for o in opens],
        "add": [a[0] for a in added],
        "add_cpu": [a[1] for a in added],
        "room": [a[0] for a in with_room],
        "profiles": profiles,
    }


def summary(prof: cProfile.Profile, per: int = 1, lines: int = 12) -> str:
    """The heaviest of the app's functions by cumulative time, then the heaviest of all by own
    time, per gesture (`per` gestures were profiled)."""
    stats = pstats.Stats(prof, stream=io.StringIO())
    rows = []
    for func, (_cc, nc, tt, ct, _callers) in stats.stats.items():
        name = f"{Path(func[0]).name}:{func[1]}({func[2]})"
        ours = "kitcop_desktop" in func[0] and "bench" not in func[0]
        rows.append((ct / per * 1000, tt / per * 1000, nc / per, name, ours))

    def table(chosen) -> str:
        body = "\n".join(
            f"| {ct:7.1f} | {tt:6.1f} | {nc:7.0f} | `{name}` |" for ct, tt, nc, name, _o in chosen
        )
        return "| cumulative ms | own ms | calls | function |\n|---:|---:|---:|---|\n" + body

    by_total = sorted((r for r in rows if r[4]), reverse=True)[:lines]
    by_own = sorted(rows, key=lambda r: r[1], reverse=True)[:8]
    return (
        f"The app's functions by cumulative time:\n\n{table(by_total)}\n\n"
        f"Every function by own time:\n\n{table(by_own)}"
    )


def run_child(kind: str, n: int, args, tree: str = "") -> dict:
    cmd = [sys.executable, __file__, "--child", kind, str(n), "--runs", str(args.runs)]
    cmd += ["--adds", str(args.adds)] + (["--profile"] if args.profile else [])
    env = dict(os.environ, PYTHONPATH=tree) if tree else None
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, env=env)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--adds", type=int, default=15)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--kinds", nargs="+", default=list(KINDS))
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--before",
        default="",
        metavar="DIR",
        help="a checkout of an earlier build (e.g. `git archive <commit> | tar -x -C DIR`): "
        "each figure is measured for it too, alternating, in the same run",
    )
    parser.add_argument("--before-label", default="")
    parser.add_argument("--label", default="")
    parser.add_argument("--output", default=str(HERE / "RESULTS-boards.md"))
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        result = child(kind, n, args.runs, args.adds, args.profile)
        import kitcop_desktop

        result["code"] = str(Path(kitcop_desktop.__file__).parent.parent)
        print(json.dumps(result))
        return
    started = datetime.now(UTC)
    load_before = os.getloadavg()[0]
    builds = {"now": ""} | ({"before": args.before} if args.before else {})
    results: dict[tuple[str, str, int], dict] = {}
    for kind in args.kinds:
        for n in [BASELINE, *args.sizes]:
            for build, tree in builds.items():
                results[build, kind, n] = r = run_child(kind, n, args, tree)
                print(
                    f"{build:6} {kind:9} {n:5}: open {statistics.median(r['open']):6.1f} ms, add "
                    f"{statistics.median(r['add']):5.1f} ms (CPU "
                    f"{statistics.median(r['add_cpu']):5.1f}), room up "
                    f"{statistics.median(r['room']):5.1f}  [{r['code']}]",
                    flush=True,
                )
    write(args, builds, results, started, load_before, os.getloadavg()[0])


def write(args, builds, results, started, load_before, load_after) -> None:
    import PySide6

    med = statistics.median
    rows = []
    for build in builds:
        for kind in args.kinds:
            base = results[build, kind, BASELINE]
            for n in [BASELINE, *args.sizes]:
                r = results[build, kind, n]
                name = "this build" if build == "now" else (args.before_label or "before")
                rows.append(
                    f"| {name} | {kind} | {n:,} | {med(r['open']):.0f} (min {min(r['open']):.0f}, "
                    f"CPU {med(r['open_cpu']):.0f}) | {med(r['open']) / med(base['open']):.1f}× | "
                    f"{med(r['add']):.1f} (max {max(r['add']):.0f}; CPU {med(r['add_cpu']):.1f}) | "
                    f"{med(r['add']) / med(base['add']):.2f}× | {med(r['room']):.1f} |"
                )
    profiles = ""
    if args.profile:
        for (build, kind, n), r in results.items():
            if n != max(args.sizes) or not r["profiles"]:
                continue
            name = "this build" if build == "now" else (args.before_label or "before")
            profiles += (
                f"\n### {name}: Enter on the {kind} board of {n:,} post-its (per post-it)\n\n"
                f"{r['profiles']['add']}\n\n"
                f"### {name}: opening the {kind} board of {n:,} post-its\n\n"
                f"{r['profiles']['open']}\n"
            )
    build = f" ({args.label})" if args.label else ""
    command = " ".join(["python", "bench/boards_bench.py", *sys.argv[1:]])
    before = (
        f"\nThe rows « {args.before_label or 'before'} » run the same script on `{args.before}` "
        "(the code as it was), each of its processes alternating with this build's, so both "
        "see the same load.\n"
        if args.before
        else ""
    )
    text = f"""# Boards: open and add a post-it as the board grows{build} — `bench/boards_bench.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}, PySide6 {PySide6.__version__}, offscreen. Date:
{started:%Y-%m-%d %H:%M} UTC; load average {load_before:.1f} before, {load_after:.1f} after.
Command: `{command}`.

Each row is a fresh process: the real main window (1280×800) with every tool, a workshop whose
one board holds that many post-its, real SQLite file (synchronous=FULL).
- **open**: « Tableaux » clicked on the workshop just opened, until the board is laid out and
  painted; median (and min) of {args.runs} openings, wall time in ms (process CPU beside).
- **add**: a post-it typed into the post-it line with key events, then **Enter** timed until
  it is stored (one commit, one undo step), the scene updated and the view repainted; median
  (and max: the first post-it also makes the « déjà présent » index) of {args.adds} post-its.
  **room up**: the same with the room screen showing the board at 1024×768 (both redraw).
- **× base**: the ratio to the same gesture on a {BASELINE}-post-it board of the same kind and
  build, measured in the same run. Wall times on a shared 2-core box are noisy (the load
  average above): read the medians, the CPU figures and the ratios, not one figure.
{before}
Targets (issue 15): add < 16 ms at 500 post-its and ≤ 20 ms at 5,000 (flat); open 500 < 150 ms,
5,000 < 1 s.

| build | board | post-its | open, ms | open × base | add (Enter), ms | add × base | add, room up, ms |
|---|---|---:|---|---:|---|---:|---:|
{chr(10).join(rows)}
{profiles}"""
    out = Path(args.output)
    out.write_text(text, encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main()
