"""What the drives of the real app share (tools/cafe_drive.py, tools/modele1_drive.py): a
virtual display, the app started cold with its state probe, keys typed as the system would.

- `Screen`: Xvfb with one or two monitors of width × height side by side (the laptop, then
  the projector where the room screen goes fullscreen), shot monitor by monitor with Pillow.
- `App`: `python -m kitcop_desktop --probe-state` on that display, its state read back
  (ui/probe.py), keys and text sent with xdotool. There is no window manager: `focus_main`
  and `focus_window` give the keyboard to a window as a window manager would when a dialog
  opens or closes (nothing a facilitator does).
- `Drive`: every step logged with the app's state in OUT/log.txt and shot (the laptop, and
  the room when it is up).

Needs Xvfb, xdotool, xrandr and Pillow with XCB (apt-get install -y xvfb xdotool x11-xserver-utils).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SIZES = {"1024x768": (1024, 768), "1920x1080": (1920, 1080)}
# The most needed first: there are about a dozen spare keys, two letters each.
FRENCH = "éèàôêçëï«»\u00a0…’·–—ÉÀÈÊâîûùüöäœÇÎÔ"


def run(*args: str, env: dict | None = None) -> str:
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


def on_library(data: Path, script: str, *args: str) -> str:
    """`script` run with the project's Python on the library in `data` (the preparation made
    beforehand: a workshop, its people; what the run left there); what it prints."""
    env = dict(os.environ, KITCOP_DATA_DIR=str(data))
    return run(PY, "-c", script, str(data / "kitcop.sqlite3"), *args, env=env).strip()


class Screen:
    """Xvfb with -noreset (it must outlive a killed app) and `monitors` monitors side by side."""

    def __init__(self, number: int, width: int = 1024, height: int = 768, monitors: int = 2):
        self.width, self.height, self.monitors = width, height, monitors
        self.proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{monitors * width}x{height}x24", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        self.display = f":{number}"
        self.env = dict(os.environ, DISPLAY=self.display)
        mm_w, mm_h = width * 271 // 1024, height * 203 // 768  # a 96 dpi screen
        for i in range(monitors if monitors > 1 else 0):
            geometry = f"{width}/{mm_w}x{height}/{mm_h}+{width * i}+0"
            primary = "screen" if i == 0 else "none"
            run("xrandr", "--setmonitor", f"M{i}", geometry, primary, env=self.env)
        self._french_keys()

    def _french_keys(self) -> None:
        """The letters French needs, each on a key of its own for the whole run (a French
        keyboard has them): xdotool then presses it instead of borrowing a spare key and
        taking it back at once, which an app slow to read the key (a loaded machine) misses."""
        table = run("xmodmap", "-pke", env=self.env).splitlines()
        free = [int(line.split()[1]) for line in table if not line.partition("=")[2].strip()]
        free = [code for code in free if code > 100][:-3]  # three left for xdotool's own use
        pairs = [FRENCH[i : i + 2] for i in range(0, len(FRENCH), 2)]  # the second with Maj
        for code, pair in zip(free, pairs, strict=False):
            syms = " ".join(f"U{ord(char):04X}" for char in pair)
            run("xmodmap", "-e", f"keycode {code} = {syms}", env=self.env)

    def shot(self, path: Path, monitor: int = 0) -> None:
        from PIL import ImageGrab

        box = (self.width * monitor, 0, self.width * (monitor + 1), self.height)
        ImageGrab.grab(bbox=box, xdisplay=self.display).save(path)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()


class App:
    """The app started cold on `screen`, its library in `data`, its state in OUT/state.json."""

    def __init__(self, screen: Screen, data: Path, out: Path) -> None:
        self.screen = screen
        self.state_path = out / "state.json"
        self.state_path.unlink(missing_ok=True)  # a killed app's last state is not this one's
        env = dict(
            screen.env,
            QT_QPA_PLATFORM="xcb",
            KITCOP_DATA_DIR=str(data),
            XDG_CONFIG_HOME=str(data / "config"),
        )
        self.log = open(out / "app.log", "a")  # noqa: SIM115 - open while the app runs
        self.proc = subprocess.Popen(
            [PY, "-m", "kitcop_desktop", "--probe-state", str(self.state_path)],
            env=env,
            stdout=self.log,
            stderr=self.log,
            cwd=ROOT,
        )
        self.main_window = ""

    def state(self) -> dict:
        try:
            return json.loads(self.state_path.read_text())
        except (OSError, ValueError):
            return {}

    def wait(self, wanted: Callable[[dict], bool], what: str, timeout: float = 90) -> dict:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise SystemExit(f"the app stopped while waiting for {what}")
            state = self.state()
            if state and wanted(state):
                return state
            time.sleep(0.1)
        raise SystemExit(f"no {what} after {timeout} s: {self.state()}")

    def windows(self, name: str) -> list[str]:
        """The app's visible windows whose title contains `name`, by X id."""
        out = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid), "--name", name],
            env=self.screen.env,
            capture_output=True,
            text=True,
        ).stdout
        return out.split()

    def wait_first_window(self, timeout: float = 90) -> None:
        """Until the app's first window (« Ouverture de votre bibliothèque… ») is on screen."""
        run(
            "timeout", str(timeout), "xdotool", "search", "--sync", "--onlyvisible",
            "--pid", str(self.proc.pid), "--name", "KitCOP", env=self.screen.env,
        )  # fmt: skip

    def focus_window(self, name: str, timeout: float = 10) -> None:
        """The keyboard to the app's window titled `name` (a window manager's part)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            found = self.windows(name)
            if found:
                run("xdotool", "windowfocus", found[-1], env=self.screen.env)
                time.sleep(0.4)
                return
            time.sleep(0.2)
        raise SystemExit(f"no window « {name} »")

    def focus_main(self) -> None:
        """The keyboard back to the main window (at start, once a dialog has closed): what a
        window manager does, and a first click would."""
        if not self.main_window:
            found = self.windows("KitCOP")
            if not found:
                raise SystemExit("the main window is not on screen")
            self.main_window = max(found, key=self._area)  # not a dialog, not the room
        run("xdotool", "windowfocus", self.main_window, env=self.screen.env)
        time.sleep(0.4)

    def _area(self, window: str) -> int:
        geometry = run("xdotool", "getwindowgeometry", window, env=self.screen.env)
        width, height = (int(v) for v in geometry.split("Geometry:")[-1].split()[0].split("x"))
        return width * height

    def key(self, name: str, pause: float = 0.6) -> None:
        run("xdotool", "key", "--clearmodifiers", name, env=self.screen.env)
        time.sleep(pause)

    def type(self, text: str, delay: int = 70) -> None:
        """`text` typed key by key. xdotool maps a letter the keyboard lacks (é, ô, à, «) to a
        spare key, presses it and maps it back: an app slow to read the key (a loaded machine)
        then sees nothing. So those letters go one at a time, with time to be read."""
        for part in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]", text):
            if part.isascii():
                run("xdotool", "type", "--delay", str(delay), part, env=self.screen.env)
            else:
                run("xdotool", "type", "--delay", "250", part, env=self.screen.env)
                time.sleep(0.25)
        time.sleep(0.3)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


class Drive:
    """Each step: a line of OUT/log.txt (the step, the app's state in brief) and its shots."""

    def __init__(self, app: App, screen: Screen, out: Path, keys: tuple[str, ...]) -> None:
        self.app, self.screen, self.out, self.keys = app, screen, out, keys
        self.n = 0
        self.log = open(out / "log.txt", "w")  # noqa: SIM115 - written through the run

    def note(self, what: str, room: bool = False, laptop: bool = True) -> dict:
        self.n += 1
        state = self.app.state()
        brief = {k: state.get(k) for k in self.keys}
        print(f"{self.n:03d} {what:24s} {json.dumps(brief, ensure_ascii=False)}", file=self.log)
        self.log.flush()
        what = slug(what)
        if laptop:
            self.screen.shot(self.out / f"{self.n:03d}-{what}-laptop.png", 0)
        if room and self.screen.monitors > 1 and state.get("room") not in (None, "hidden"):
            self.screen.shot(self.out / f"{self.n:03d}-{what}-room.png", 1)
        return state

    def press(
        self, key: str, what: str = "", pause: float = 0.6, room: bool = True, laptop: bool = True
    ) -> dict:
        """`key`, then the step noted once the app shows its effect (its state changed; on a
        loaded machine that takes a while, and a state read too early misleads the drive), or
        after 5 s for a key that changes nothing the probe sees."""
        before = {k: self.app.state().get(k) for k in self.keys}
        self.app.key(key, pause)
        end = time.monotonic() + 5
        while time.monotonic() < end:
            if {k: self.app.state().get(k) for k in self.keys} != before:
                time.sleep(0.3)  # what follows the change (the room's repaint)
                break
            time.sleep(0.1)
        return self.note(what or key, room, laptop)


def open_workshop(app: App) -> None:
    """The library's first screen: the keyboard to the window, Tab to the list (the cursor
    starts on « Nouvel atelier »: eight Tabs), ↓ and Entrée on the workshop."""
    app.wait(lambda s: s.get("page") == "welcome", "welcome page")
    time.sleep(1.0)
    app.focus_main()
    for _ in range(16):
        if app.state().get("focus") == "LibraryTree":
            break
        app.key("Tab", 0.3)
    else:
        raise SystemExit("Tab never reached the list of workshops")
    app.key("Down", 0.3)  # the first row: the only workshop
    app.key("Return", 0.6)
    app.wait(lambda s: s.get("page") == "workshop", "the workshop")


def slug(title: str | None) -> str:
    """A séquence's title as a file name's part."""
    return (title or "fin")[:24].replace(" ", "_").replace("/", "")
