"""Memory after visiting every tool with the room screen up (issue 15: < 150 MB), paired with
a bare PySide6 window measured in the same run.

    .venv/bin/python bench/memory_bench.py [--runs 3]      # writes bench/RESULTS-memory.md

Each figure is one fresh process, offscreen: either a bare PySide6 QMainWindow, or the app's
main window on the demo workshop (`kitcop demo`), the room screen shown at 1024×768, then every
tool of the sidebar opened in turn as a facilitator would (Atelier, Déroulé, Tableaux, Vote,
Bocal & tours, Entretiens, Fiches actions, Impression with its preview drawn), and back to the
déroulé. The library is made beforehand by `kitcop demo` in its own process and opened as the
app opens it every day (`open_for_app`: at the schema's head, so without Alembic). Resident
memory (VmRSS) is read after each step; the figure is the last one. Bare and app runs
alternate, so the load of the box weighs on both. Median of --runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: the peak, the closest figure there is

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settle(app, seconds: float = 0.3) -> None:
    """Let the app's event loop run for `seconds`, as `app.exec()` does: an event loop, not
    `processEvents()` from outside one, which leaves the widgets a page let go (deleteLater)
    undeleted, so their memory would be counted though the running app frees it."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop, loop.quit)
    loop.exec()


def child(kind: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_API", "pyside6")
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    steps: list[tuple[str, float]] = []
    pid, worker_mb = 0, 0.0
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(QLabel("KitCOP"))
        window.resize(1024, 740)
        window.show()
        settle(app, 1.0)
        steps.append(("bare window shown", rss_mb()))
        return {"steps": steps, "rss": steps[-1][1]}
    # The same imports the app makes, in steps, to see what the libraries weigh.
    from kitcop_desktop.app import load_tool_specs, make_application

    app = make_application()
    steps.append(("Qt application made (theme, fonts, translations)", rss_mb()))
    import sqlalchemy.orm  # noqa: F401

    import kitcop_desktop.storage.models  # noqa: F401

    steps.append(("SQLAlchemy and the models imported", rss_mb()))
    from kitcop_desktop.storage.restore import open_for_app
    from kitcop_desktop.ui.main_window import MainWindow

    specs = load_tool_specs()
    steps.append(("the shell's modules imported", rss_mb()))
    # The library as the app opens it every day: made beforehand (`kitcop demo`), at the
    # schema's head (no Alembic), checked, the day's backup taken.
    store = open_for_app(Path(os.environ["KITCOP_BENCH_DB"]), lambda *_: False)
    workshop_id = int(os.environ["KITCOP_BENCH_WORKSHOP"])
    window = MainWindow(store, specs=specs)
    window.resize(1024, 740)
    window.show()
    window.open_workshop(workshop_id)
    gc.freeze()  # as app.run_gui does once the main window is up
    settle(app)
    steps.append(("demo workshop open", rss_mb()))
    window.room.resize(1024, 768)
    window.room.show()
    settle(app)
    steps.append(("room screen up", rss_mb()))
    for key in window.workshop_view.tool_keys():
        if key == "printing":
            import kitcop_desktop.tools.printing.editor  # noqa: F401

            settle(app)
            steps.append(("« Impression »'s modules imported", rss_mb()))
        window.activate_tool(key)
        settle(app)
        if key == "printing":  # its preview is drawn off the UI thread: wait for it
            editor = window.current_editor()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not getattr(editor, "pdf", None):
                settle(app, 0.1)
            settle(app, 0.5)
            # Since #15 the PDF is made by a child process while Impression is shown: its
            # memory is reported beside the app's, and it must be gone once Impression is left.
            worker = getattr(editor, "worker", None)
            pid = worker.pid() if worker is not None else 0
            worker_mb = rss_mb(pid) if pid else 0.0
        title = window.workshop_view.buttons[key].text().strip().replace("&&", "&")
        steps.append((f"« {title} » opened", rss_mb()))
    window.activate_tool("agenda")
    settle(app, 1.0)
    steps.append(("back to the déroulé", rss_mb()))

    # Since #15 a tool's page is let go while another is shown (ToolSpec.released_when_hidden)
    # and built again when shown, but for the page left last: how long coming back to each
    # takes, painted, after the walk (a tool used earlier: « cold »), and from the déroulé
    # just after using it (the déroulé and one tool in turn, as a workshop goes: « warm »).
    def shown_in(key: str) -> tuple[float, bool]:
        kept = window.workshop_view.open_editor(key) is not None
        started = time.perf_counter()
        window.activate_tool(key)
        window.repaint()  # painted now, not at the next turn of the loop
        return (time.perf_counter() - started) * 1000, kept

    returns = {}
    for key in window.workshop_view.tool_keys():
        if key == "agenda":
            continue
        window.activate_tool("agenda")
        settle(app, 0.3)
        cold = shown_in(key)
        settle(app, 0.3)
        window.activate_tool("agenda")
        settle(app, 0.3)
        warm = shown_in(key)
        settle(app, 0.3)
        returns[key] = (*cold, *warm)
    window.activate_tool("agenda")
    settle(app, 0.3)
    deadline = time.monotonic() + 10
    while pid and Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        settle(app, 0.1)  # the worker ends by itself once its input is closed
    worker_left = bool(pid) and Path(f"/proc/{pid}").exists()
    return {
        "steps": steps,
        "rss": steps[-1][1],
        "worker": worker_mb,
        "worker_left": worker_left,
        "returns": returns,
        "titles": {
            key: window.workshop_view.buttons[key].text().strip().replace("&&", "&")
            for key in returns
        },
    }


def make_library() -> dict[str, str]:
    """A library holding the demo workshop, made by `kitcop demo` in its own process."""
    folder = Path(tempfile.mkdtemp())
    db = folder / "demo.sqlite3"
    out = subprocess.run(
        [sys.executable, "-m", "kitcop_desktop", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, KITCOP_DATA_DIR=str(folder / "data")),
    )
    return {"KITCOP_BENCH_DB": str(db), "KITCOP_BENCH_WORKSHOP": out.stdout.strip()}


def measure(kind: str, library: dict[str, str], tree: str = "") -> dict:
    """One fresh process; `tree`: a checkout of an earlier build to import instead."""
    env = dict(os.environ, **library) | ({"PYTHONPATH": tree} if tree else {})
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("bare", "app"))
    parser.add_argument(
        "--before",
        default="",
        metavar="DIR",
        help="a checkout of an earlier build (`git archive <commit> | tar -x -C DIR`), "
        "measured too, alternating, in the same run",
    )
    parser.add_argument("--before-label", default="")
    parser.add_argument("--label", default="")
    parser.add_argument("--output", default=str(HERE / "RESULTS-memory.md"))
    args = parser.parse_args()
    if args.child:
        result = child(args.child)
        import kitcop_desktop

        result["code"] = str(Path(kitcop_desktop.__file__).parent.parent)
        print(json.dumps(result))
        return
    started, load_before = datetime.now(UTC), os.getloadavg()[0]
    runs: dict[str, list[dict]] = {"bare": [], "app": []} | ({"before": []} if args.before else {})
    library = make_library()
    for n in range(args.runs):
        for kind in runs:
            tree = args.before if kind == "before" else ""
            runs[kind].append(measure("bare" if kind == "bare" else "app", library, tree))
            print(f"run {n + 1} {kind}: {runs[kind][-1]['rss']:.0f} MB", flush=True)
    write(args, runs, started, load_before, os.getloadavg()[0])


def write(args, runs, started, load_before, load_after) -> None:
    import PySide6

    bare = statistics.median(r["rss"] for r in runs["bare"])
    app = statistics.median(r["rss"] for r in runs["app"])
    # The steps of the app's median run, to see where the memory goes.
    middle = sorted(runs["app"], key=lambda r: r["rss"])[len(runs["app"]) // 2]
    if "before" in runs:
        earlier = sorted(runs["before"], key=lambda r: r["rss"])[len(runs["before"]) // 2]
        # Matched by position: a label may have been reworded since the earlier build.
        same = len(earlier["steps"]) == len(middle["steps"])
        before = dict(earlier["steps"])
        steps = "\n".join(
            f"| {label} | {mb:.0f} | "
            f"{(earlier['steps'][i][1] if same else before.get(label, float('nan'))):.0f} |"
            for i, (label, mb) in enumerate(middle["steps"])
        )
        step_head = f"| after | MB | {args.before_label or 'before'}, MB |\n|---|---:|---:|"
        earlier_runs = ", ".join(f"{r['rss']:.0f}" for r in runs["before"])
        before_row = (
            f"| {args.before_label or 'before'}, the same visits | "
            f"{statistics.median(r['rss'] for r in runs['before']):.0f} | {earlier_runs} |\n"
        )
    else:
        steps = "\n".join(f"| {label} | {mb:.0f} |" for label, mb in middle["steps"])
        step_head = "| after | MB |\n|---|---:|"
        before_row = ""
    note = ""
    if "before" in runs:
        code = {r["code"] for r in runs["before"]}
        note = (
            f"\n« {args.before_label or 'before'} »: the same visits by the code in "
            f"`{args.before}` (imported from {', '.join(sorted(code))}), its processes "
            "alternating with this build's, so both see the same load.\n"
        )
    worker_row = ""
    workers = [r.get("worker", 0.0) for r in runs["app"]]
    if any(workers):
        left = sum(bool(r.get("worker_left")) for r in runs["app"])
        worker_row = (
            "| the print worker beside the app while « Impression » is shown (a child process "
            f"making its PDFs; {'still running in ' + str(left) + ' runs' if left else 'gone'}"
            f" once Impression is left) | {statistics.median(workers):.0f} | "
            f"{', '.join(f'{w:.0f}' for w in workers)} |\n"
        )
    returns = ""
    if all(r.get("returns") for r in runs["app"]):
        keys = list(runs["app"][0]["returns"])
        titles = runs["app"][0]["titles"]
        earlier = [r for r in runs.get("before", []) if r.get("returns")]

        def cell(values: list[dict], key: str, at: int) -> str:
            times = [r["returns"][key][at] for r in values]
            state = "kept" if values[0]["returns"][key][at + 1] else "built again"
            return f"{statistics.median(times):.0f} ({state})"

        lines = []
        for key in keys:
            before_cells = (
                f" {cell(earlier, key, 0)} | {cell(earlier, key, 2)} |" if earlier else ""
            )
            lines.append(
                f"| « {titles[key]} » | {cell(runs['app'], key, 0)} | "
                f"{cell(runs['app'], key, 2)} |{before_cells}"
            )
        name = args.before_label or "before"
        head = "| tool | cold, ms | warm, ms |" + (
            f" {name}: cold | {name}: warm |" if earlier else ""
        )
        rule = "|---|---:|---:|" + ("---:|---:|" if earlier else "")
        returns = (
            "\nComing back to each tool, until its page is painted (wall time, median ms): "
            "« cold », from the déroulé after the walk (a page let go while hidden is built "
            "again: ToolSpec.released_when_hidden); « warm », from the déroulé just after using "
            "the tool (the page left last stays built).\n\n"
            + head
            + "\n"
            + rule
            + "\n"
            + "\n".join(lines)
            + "\n"
        )
    build = f" ({args.label})" if args.label else ""
    command = " ".join(["python", "bench/memory_bench.py", *sys.argv[1:]])
    text = f"""# Memory after every tool, room screen up{build} — `bench/memory_bench.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}, PySide6 {PySide6.__version__}, offscreen. Date:
{started:%Y-%m-%d %H:%M} UTC; load average {load_before:.1f} before, {load_after:.1f} after.
Command: `{command}`.

Resident memory (VmRSS) of fresh processes, {args.runs} of each, alternating; medians. The app:
the demo workshop, the room screen up at 1024×768, every tool of the sidebar opened in turn (the
Impression preview drawn), back to the déroulé. Target (issue 15): under 150 MB.

| process | resident memory, MB (median) | all runs |
|---|---:|---|
| bare PySide6 QMainWindow (baseline) | {bare:.0f} | {", ".join(f"{r['rss']:.0f}" for r in runs["bare"])} |
| KitCOP Atelier, every tool visited, room screen up | {app:.0f} | {", ".join(f"{r['rss']:.0f}" for r in runs["app"])} |
| the app above the bare window | {app - bare:.0f} | |
{worker_row}{before_row}{note}
Step by step (the median run):

{step_head}
{steps}
{returns}
What the memory is (profiled with `/proc/self/smaps` and glibc's `mallinfo2` after each
step, #15): Qt's libraries ≈ 60 MB of mapped code and data; SQLAlchemy and the models ≈ 30 MB
(SQLAlchemy 2.1 imports asyncio, and with it ssl); each tool page 3–8 MB, nearly all of it
Qt's widgets in the C heap: over the walk malloc's bytes in use rose from 19 to 49 MB while
its free bytes stayed near 0 — live pages, not fragmentation. Since #15 a page is let go while
another tool is shown (but the page left last), its widgets deleted by the event loop, and
`ui/memory.give_back` returns the freed heap (`malloc_trim`) and Qt's cache of drawn pictures:
in use back to ≈ 30 MB. What stays: the modules each tool imported (≈ 13 MB of Python code
objects), pdfium's library once a preview was drawn (3 MB), the pages kept (the déroulé, the
boards, the tables, the page left last). Figures: resident memory includes the mapped pages
of Qt's files, which depend on the system's page cache (a freshly installed .venv maps ≈ 12 MB
more of them, for the bare window too): read the app beside the bare window.
"""
    Path(args.output).write_text(text, encoding="utf-8")
    print(args.output)


if __name__ == "__main__":
    main()
