"""Startup and memory: process start to first window shown, against a bare PySide6 window.

Run under a virtual screen (it starts its own Xvfb):
    .venv/bin/python bench/startup_bench.py [--runs 7]     # writes bench/RESULTS-startup.md

Bare and app processes alternate, so the box's load weighs on both; medians. Issue 15's
target: the workshop usable within 3× the bare window's time. « Usable » is timed the user's
way: as soon as the demo workshop's window is visible the bench presses Ctrl+1 (xdotool) and
waits until the screen shows the déroulé chosen in the sidebar, read from the X server's
pixels. The app paints only from its event loop: a UI thread still busy (an import, a store
read) shows in that figure, however early the window appeared.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setWindowTitle("barewindow"); w.resize(800, 600); w.show()
app.exec()
"""


def wait_visible(name: str, proc: subprocess.Popen, env: dict, timeout: float = 30.0) -> float:
    """Poll xdotool in a tight loop (its --sync polls only every 0.5 s)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        out = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            capture_output=True,
            text=True,
            env=env,
        )
        if out.stdout.strip():
            return time.perf_counter()
        if proc.poll() is not None:
            raise RuntimeError(f"process exited: {proc.returncode}")
        time.sleep(0.005)
    raise TimeoutError(name)


class Pixels:
    """A window's pixels straight from the X server (libX11 through ctypes: no package)."""

    def __init__(self, display: str) -> None:
        x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XGetImage.restype = ctypes.c_void_p
        x.XGetImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_ulong,
            ctypes.c_int,
        ]
        x.XFree.argtypes = [ctypes.c_void_p]
        # A window gone or not yet mapped is an X error: answered « nothing », not an exit.
        handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        self._handler = handler(lambda _d, _e: 0)
        x.XSetErrorHandler(self._handler)
        self.x = x
        self.display = x.XOpenDisplay(display.encode())

    def read(self, window: int, width: int, height: int) -> bytes:
        """The window's top-left `width` × `height` pixels (b"" when it cannot be read)."""
        image = self.x.XGetImage(self.display, window, 0, 0, width, height, (1 << 64) - 1, 2)
        if not image:
            return b""
        data = ctypes.c_void_p.from_address(image + 16).value
        per_line = ctypes.c_int.from_address(image + 44).value  # bytes_per_line
        pixels = ctypes.string_at(data, per_line * height) if data else b""
        if data:
            self.x.XFree(data)
        self.x.XFree(image)
        return pixels


SIDEBAR = (150, 500)  # the sidebar's strip: the tool chosen, no caret, no clock


def window_of(name: str, env: dict, timeout: float = 10.0) -> int:
    """The id of the visible window named so (asked again while it is being mapped)."""
    start = time.perf_counter()
    while True:
        out = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            capture_output=True,
            text=True,
            env=env,
        )
        if out.stdout.split() or time.perf_counter() - start > timeout:
            return int(out.stdout.split()[-1])
        time.sleep(0.005)


def press(keys: str, env: dict, window: int) -> None:
    """The keys, typed into `window` given the keyboard first (Xvfb has no window manager
    to give it to the window just mapped, as a desktop's would)."""
    subprocess.run(["xdotool", "windowfocus", str(window), "key", keys], env=env, check=True)


def wait_pixels(
    pixels: Pixels, window: int, wanted: bytes, proc: subprocess.Popen, timeout: float = 30.0
) -> float:
    """Until the window's sidebar shows exactly `wanted` (read every 2 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if pixels.read(window, *SIDEBAR) == wanted:
            return time.perf_counter()
        if proc.poll() is not None:
            raise RuntimeError(f"process exited: {proc.returncode}")
        time.sleep(0.002)
    raise TimeoutError("the sidebar never showed the tool asked for")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def learn_sidebar(cmd: list[str], name: str, env: dict, pixels: Pixels) -> tuple[bytes, bytes]:
    """The sidebar as it looks on the workshop's page, then once Ctrl+1 showed the déroulé (Ctrl+0: the workshop's page)
    (each settled), from one start not timed. The app is left on the workshop's page."""
    proc = subprocess.Popen(cmd, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL)
    try:
        wait_visible(name, proc, env)
        window = window_of(name, env)
        time.sleep(2.0)
        press("ctrl+0", env, window)
        time.sleep(1.5)
        atelier = pixels.read(window, *SIDEBAR)
        press("ctrl+1", env, window)
        time.sleep(1.5)
        agenda = pixels.read(window, *SIDEBAR)
        press("ctrl+0", env, window)
        time.sleep(1.0)
        if not atelier or atelier == agenda:
            raise RuntimeError("Ctrl+1 changed nothing on the sidebar: nothing to time")
        return atelier, agenda
    finally:
        proc.terminate()
        proc.wait(10)


def measure(
    cmd: list[str],
    name: str,
    env: dict,
    ready: str | None = None,
    answer: tuple[Pixels, bytes, bytes] | None = None,
):
    """(ms to the first window, ms until the `ready` window title appears, ms until Ctrl+1
    pressed then shows the déroulé (`answer`: the pixels, the sidebar before and after),
    resident MB)."""
    t0 = time.perf_counter()
    # Started outside the source tree: `python -m` puts the working directory first on the path,
    # which would hide the build given by PYTHONPATH (--before).
    proc = subprocess.Popen(
        cmd,
        env=env,
        cwd=tempfile.gettempdir(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        shown = wait_visible(name, proc, env)
        done = wait_visible(ready, proc, env) if ready else shown
        answered = done
        if answer is not None and ready:
            pixels, atelier, agenda = answer
            window = window_of(ready, env)
            press("ctrl+1", env, window)
            answered = wait_pixels(pixels, window, agenda, proc)
            time.sleep(1.0)
            memory = rss_mb(proc.pid)
            press("ctrl+0", env, window)  # the next start opens on the workshop's page again
            wait_pixels(pixels, window, atelier, proc)
            time.sleep(0.3)
        else:
            time.sleep(1.0)
            memory = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    return (shown - t0) * 1000, (done - t0) * 1000, (answered - t0) * 1000, memory


# Run in a child (offscreen): the app's start on the library, as `kitcop` does, until its event
# loop runs; then the figures are written to a file and the process leaves at once.
PROFILE_CHILD = """
import os, sys
from pathlib import Path
out, db, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
profile = None
if mode == "profile":
    import cProfile
    profile = cProfile.Profile()
    profile.enable()
import kitcop_desktop.app as app
from PySide6.QtCore import QTimer
build = app.build_main_window
def built(*args, **kwargs):
    window = build(*args, **kwargs)
    def done():
        if profile:
            profile.disable()
            profile.dump_stats(str(out))
        os._exit(0)
    QTimer.singleShot(0, done)  # runs once the event loop turns: the workshop is on screen
    return window
app.build_main_window = built
sys.exit(app.run_gui(db))
"""


def profile_start(db: Path, env: dict, lines: int = 14) -> str:
    """Where the start's time goes: the app's functions by cumulative time (cProfile), and the
    heaviest imports (`python -X importtime`), each from one offscreen start on the library."""
    import io
    import pstats

    tmp = Path(tempfile.mkdtemp())
    script = tmp / "start.py"
    script.write_text(PROFILE_CHILD, encoding="utf-8")
    child_env = dict(env, QT_QPA_PLATFORM="offscreen")
    stats_file = tmp / "start.prof"
    subprocess.run(
        [PY, str(script), str(stats_file), str(db), "profile"],
        env=child_env,
        cwd=tmp,
        check=True,
        capture_output=True,
        timeout=300,
    )
    stats = pstats.Stats(str(stats_file), stream=io.StringIO())
    rows = []
    for func, (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "kitcop_desktop" in func[0]:
            rows.append((ct * 1000, tt * 1000, nc, f"{Path(func[0]).name}:{func[1]}({func[2]})"))
    rows.sort(reverse=True)
    by_time = "\n".join(
        f"| {ct:7.0f} | {tt:6.0f} | {nc:5d} | `{name}` |" for ct, tt, nc, name in rows[:lines]
    )
    timed = subprocess.run(
        [PY, "-X", "importtime", str(script), str(stats_file), str(db), "plain"],
        env=child_env,
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=300,
    )
    imports = []
    for line in timed.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, total, raw = line[len("import time:") :].split("|")
        depth = (len(raw) - len(raw.lstrip()) - 1) // 2  # « | name », « |   name »…
        if depth <= 1:
            imports.append((int(total) / 1000, int(own) / 1000, ("  " * depth) + raw.strip()))
    imports.sort(reverse=True)
    by_import = "\n".join(
        f"| {total:6.0f} | {own:5.0f} | `{name}` |" for total, own, name in imports[:lines]
    )
    shutil.rmtree(tmp, ignore_errors=True)
    return f"""
### Where a start's time goes (one offscreen start on the same library, up to its event loop)

The app's functions by cumulative time (cProfile, which slows everything down: read the
proportions):

| cumulative ms | own ms | calls | function |
|---:|---:|---:|---|
{by_time}

The heaviest imports, without the profiler (`python -X importtime`; the start's own imports and
what they import first, indented):

| cumulative ms | own ms | module |
|---:|---:|---|
{by_import}
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--output", default=str(ROOT / "bench" / "RESULTS-startup.md"))
    parser.add_argument(
        "--before",
        default="",
        metavar="DIR",
        help="a checkout of an earlier build (`git archive <commit> | tar -x -C DIR`), "
        "started too, alternating, in the same run",
    )
    parser.add_argument("--before-label", default="")
    parser.add_argument("--profile", action="store_true", help="add where a start's time goes")
    args = parser.parse_args()
    started, load_before = datetime.now(UTC), os.getloadavg()[0]
    # -displayfd: Xvfb picks a free display and tells us which (no stale-lock collisions).
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-noreset", "-screen", "0", "1024x768x24"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    # Xvfb writes « N\n » when it is ready; read up to the newline. Closing the pipe after the
    # first byte made Xvfb die of SIGPIPE on its next write, and the app abort with it.
    announced = b""
    while not announced.endswith(b"\n"):
        chunk = os.read(read_fd, 16)
        if not chunk:
            break
        announced += chunk
    display = ":" + announced.decode().strip()
    # Wait until the display really answers (on a busy machine it can lag its announcement).
    for _ in range(100):
        probe = subprocess.run(
            ["xdotool", "getdisplaygeometry"],
            capture_output=True,
            env=dict(os.environ, DISPLAY=display),
        )
        if probe.returncode == 0:
            break
        time.sleep(0.05)
    tmp = Path(tempfile.mkdtemp())
    try:
        env = dict(
            os.environ,
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            KITCOP_DATA_DIR=str(tmp / "data"),
            XDG_CONFIG_HOME=str(tmp / "config"),
        )
        # Started as an installed app starts: from the modules' compiled bytecode. A shell
        # with PYTHONDONTWRITEBYTECODE=1 (ours) made every start compile the app's sources
        # again (≈ 0.1 s of each start that no facilitator pays); both builds are compiled.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for tree in [ROOT, *([Path(args.before)] if args.before else [])]:
            subprocess.run(
                [PY, "-m", "compileall", "-q", str(tree / "kitcop_desktop")], env=env, check=True
            )
        db = tmp / "demo.sqlite3"
        wid = subprocess.run(
            [PY, "-m", "kitcop_desktop", "demo", "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.strip()
        bare_script = tmp / "bare.py"
        bare_script.write_text(BARE)
        # Open the demo once so that the app remembers it as the last workshop.
        measure(
            [PY, "-m", "kitcop_desktop", "--db", str(db), "demo", "--reuse", "--open"],
            "Rénovation énergétique",
            env,
        )
        pixels = Pixels(display)
        app_cmd = [PY, "-m", "kitcop_desktop", "--db", str(db)]
        atelier, agenda = learn_sidebar(app_cmd, "Rénovation énergétique", env, pixels)
        answer = (pixels, atelier, agenda)
        bare, app, ready, used, mem = [], [], [], [], []
        earlier: list[tuple[float, float, float, float]] = []
        before_env = dict(env, PYTHONPATH=args.before)
        for _ in range(args.runs):
            bare.append(measure([PY, str(bare_script)], "barewindow", env)[0])
            if args.before:
                earlier.append(
                    measure(
                        app_cmd,
                        "KitCOP Atelier",
                        before_env,
                        ready="Rénovation énergétique",
                        answer=answer,
                    )
                )
            first, done, answered, mb = measure(
                app_cmd, "KitCOP Atelier", env, ready="Rénovation énergétique", answer=answer
            )
            app.append(first)
            ready.append(done)
            used.append(answered)
            mem.append(mb)
        b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
        u, m = statistics.median(used), statistics.median(mem)
        profile = profile_start(db, env) if args.profile else ""
        figures = (b, a, r, u, m, bare, app, ready, used)
        write(args, started, load_before, figures, wid, earlier, profile)
    finally:
        xvfb.terminate()
        os.close(read_fd)  # kept open while Xvfb runs: it may write to it again
        shutil.rmtree(tmp, ignore_errors=True)


def before_rows(args, b: float, earlier: list[tuple[float, float, float, float]]) -> str:
    """The earlier build's rows, measured in the same run (none without --before)."""
    if not earlier:
        return ""
    name = args.before_label or "before"
    first = [e[0] for e in earlier]
    shown = [e[1] for e in earlier]
    usable = [e[2] for e in earlier]
    memory = statistics.median(e[3] for e in earlier)
    f, s, u = statistics.median(first), statistics.median(shown), statistics.median(usable)
    return (
        f"| {name}: first window shown | {f:.0f} ms | {f / b:.2f} | "
        f"{', '.join(f'{v:.0f}' for v in first)} |\n"
        f"| {name}: demo workshop's window shown | {s:.0f} ms | {s / b:.2f} | "
        f"{', '.join(f'{v:.0f}' for v in shown)} |\n"
        f"| {name}: **usable**: Ctrl+1 pressed then, the déroulé on screen | {u:.0f} ms | "
        f"{u / b:.2f} | {', '.join(f'{v:.0f}' for v in usable)} |\n"
        f"| {name}: resident memory once the demo is open | {memory:.0f} MB | | |\n\n"
        f"« {name} »: the code in `{args.before}` (PYTHONPATH), started in turn with the bare "
        "window and this build, on the same library.\n"
    )


def write(args, started, load_before, figures, wid, earlier, profile) -> None:
    import PySide6

    b, a, r, u, m, bare, app, ready, used = figures

    def runs(values) -> str:
        return ", ".join(f"{v:.0f}" for v in values)

    command = " ".join(["python", "bench/startup_bench.py", *sys.argv[1:]])
    text = f"""# Start-up — `bench/startup_bench.py`

Written by the script (never by hand). Machine: {platform.node()}, {os.cpu_count()} cores shared
with other engineers' test runs, {platform.system()} {platform.release()}, Python
{platform.python_version()}, PySide6 {PySide6.__version__}, Xvfb 1024×768 (xcb). Date:
{started:%Y-%m-%d %H:%M} UTC; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f}
after. Command: `{command}`.

From the process's start, {args.runs} fresh processes of each, bare and app alternating;
medians. The app opens its last workshop, the demo (`kitcop demo`, id {wid}), on its page
« Atelier ». « First window »: the start-up window visible (xdotool); « window shown »: the
main window with the demo's title visible; **« usable »**: then at once Ctrl+1 is pressed
(xdotool) and the time is taken when the X server's pixels show the déroulé chosen in the
sidebar (the sidebar as it looks then was learnt from one start not timed). The app paints
only from its event loop: a UI thread busy with an import or a store read shows here. Each
build runs from its compiled bytecode, as an installed app does (`compileall` first).
Target (issue 15): usable within 3× the bare window.

| measure | median | × bare | all runs |
|---|---:|---:|---|
| bare PySide6 QMainWindow shown (baseline) | {b:.0f} ms | 1.0 | {runs(bare)} |
| KitCOP Atelier: first window shown | {a:.0f} ms | {a / b:.2f} | {runs(app)} |
| KitCOP Atelier: demo workshop's window shown | {r:.0f} ms | {r / b:.2f} | {runs(ready)} |
| KitCOP Atelier: **usable**: Ctrl+1 pressed then, the déroulé on screen | {u:.0f} ms | {u / b:.2f} | {runs(used)} |
| resident memory once the demo is open | {m:.0f} MB | | |
{before_rows(args, b, earlier)}{profile}"""
    Path(args.output).write_text(text, encoding="utf-8")
    print(args.output)


if __name__ == "__main__":
    main()
