"""Idle CPU while a countdown runs (#15: < 1 %), paired with a bare window in the same run.

    .venv/bin/python bench/countdown_cpu.py [--seconds 20] [--runs 5]

Each figure is one fresh process: either a bare PySide6 QMainWindow, or the app's main window
on a workshop made from the kit's Modèle 1, « Animer » in front, the room screen up (1024×768)
and the first séquence's countdown running, as a facilitator leaves it. After a 3-second
warm-up, the process's own CPU time (user + system) is read over `--seconds` of wall time.
Bare and app runs alternate, so the load of the box weighs on both. Uses the display it is
given (run it under `xvfb-run -a -s "-screen 0 1024x768x24"` for real X11 painting), else
offscreen. Writes bench/RESULTS-countdown-cpu.md itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

WARM_UP = 3.0
HERE = Path(__file__).resolve().parent


def child(kind: str, seconds: float) -> None:
    """One measured process: prints « cpu_seconds wall_seconds »."""
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    keep = []
    if kind == "bare":
        app = QApplication(sys.argv)
        window = QMainWindow()
        window.setCentralWidget(QLabel("KitCOP"))
        window.resize(1024, 740)
        window.show()
        keep.append(window)
    else:
        from kitcop_desktop.app import load_tool_specs, make_application
        from kitcop_desktop.storage import agenda, workshops
        from kitcop_desktop.storage.migrate import open_store
        from kitcop_desktop.ui.main_window import MainWindow

        app = make_application()
        store = open_store(tmp / "cpu.sqlite3")
        with store.write() as s:
            wid = workshops.create(s, "Emplois et compétences").id
            agenda.apply_template(s, wid, "modele_1")
        window = MainWindow(store, specs=load_tool_specs())
        window.resize(1024, 740)
        window.show()
        window.open_workshop(wid)
        window.activate_tool("agenda")
        editor = window.current_editor()
        editor.tabs.setCurrentWidget(editor.run_view)
        window.room.show()
        window.room.resize(1024, 768)
        editor.live.start()
        keep += [window, store]
    result: dict[str, float] = {}

    def begin() -> None:
        result["cpu"], result["wall"] = time.process_time(), time.monotonic()
        QTimer.singleShot(int(seconds * 1000), end)

    def end() -> None:
        cpu, wall = time.process_time() - result["cpu"], time.monotonic() - result["wall"]
        print(f"{cpu:.4f} {wall:.4f}", flush=True)
        app.quit()

    QTimer.singleShot(int(WARM_UP * 1000), begin)
    app.exec()
    os._exit(0)  # the measured figure is out; skip Qt's teardown


def measure(kind: str, seconds: float) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--seconds", str(seconds)],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout.split()
    cpu, wall = float(out[-2]), float(out[-1])
    return 100.0 * cpu / wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("bare", "app"))
    parser.add_argument("--label", default="", help="a word for this build in the results")
    parser.add_argument("--output", default=str(HERE / "RESULTS-countdown-cpu.md"))
    parser.add_argument(
        "--append",
        action="store_true",
        help="add this run's table under the file's (e.g. an older build, for comparison)",
    )
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seconds)
        return
    figures: dict[str, list[float]] = {"bare": [], "app": []}
    load_before = os.getloadavg()[0]
    started = datetime.now(UTC)
    for run in range(args.runs):
        for kind in ("bare", "app"):
            figures[kind].append(measure(kind, args.seconds))
            print(f"run {run + 1} {kind}: {figures[kind][-1]:.2f} % CPU", flush=True)
    load_after = os.getloadavg()[0]
    write_results(args, figures, started, load_before, load_after)


def write_results(args, figures, started, load_before, load_after) -> None:
    import PySide6

    qpa = "xcb (" + os.environ["DISPLAY"] + ")" if os.environ.get("DISPLAY") else "offscreen"
    rows = []
    for kind, label in (("bare", "bare PySide6 QMainWindow"), ("app", "countdown running")):
        values = figures[kind]
        rows.append(
            f"| {label} | {min(values):.2f} % | {statistics.median(values):.2f} % | "
            f"{max(values):.2f} % |"
        )
    build = f" ({args.label})" if args.label else ""
    text = f"""# Idle CPU while a countdown runs{build} — `bench/countdown_cpu.py`

Written by the script. Machine: {platform.node()}, {os.cpu_count()} cores,
{platform.system()} {platform.release()}, Python {platform.python_version()}, PySide6
{PySide6.__version__}, QPA {qpa}. Date: {started:%Y-%m-%d %H:%M} UTC; load average
{load_before:.1f} before, {load_after:.1f} after.

Command: `{" ".join([Path(sys.executable).name, "bench/countdown_cpu.py"] + sys.argv[1:])}`

{args.runs} runs of each, alternating, each a fresh process measured over {args.seconds:g} s
after a {WARM_UP:g}-second warm-up: the process's CPU time divided by the wall time (100 % is
one core). The app: Modèle 1, « Animer » in front, the room screen up at 1024×768, the first
séquence's countdown running. Target: under 1 %.

| process | min | median | max |
|---|---|---|---|
{chr(10).join(rows)}

What keeps it low (tools/agenda/run_view.py): once a second only the projection is
recomputed, from the plan read when the déroulé changes (no store read), labels are set only
when their text changes, a label's style sheet only when its tone (late, early, on time)
changes, and the icons are made once (ui/icons.py caches them). The countdowns wake up once
per displayed second (one single-shot timer each), never on a tick.
"""
    out = Path(args.output)
    if args.append and out.exists():
        table = text.split("| process |", 1)[1].split("\n\n", 1)[0]
        extra = (
            f"\n## {args.label or 'another build'}: {started:%Y-%m-%d %H:%M} UTC, load "
            f"{load_before:.1f}–{load_after:.1f}, {args.runs} runs of {args.seconds:g} s\n\n"
            f"| process |{table}\n"
        )
        out.write_text(out.read_text(encoding="utf-8") + extra, encoding="utf-8")
    else:
        out.write_text(text, encoding="utf-8")
    print(Path(args.output))


if __name__ == "__main__":
    main()
