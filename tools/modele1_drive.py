"""Run the kit's Modèle 1 in the real app, from the keyboard, as a facilitator with a clicker.

    .venv/bin/python tools/modele1_drive.py OUT_DIR [--projector] [--kill-at TITLE]
                                            [--type-board] [--seat-bowl] [--states]

A virtual screen (Xvfb, 1024×768; with --projector a second 1024×768 screen where the room
goes fullscreen), a workshop made from Modèle 1 with 12 people signed in and its start moved
to now (the preparation), then the app started cold. The mouse opens the workshop; from then
on only keys, sent with xdotool as the system would: Ctrl+1, F5, Space, then PageDown to the
end, with B, « . », +, −, Space, PageUp on the way, Échap and F5 at the end.
--type-board types a full speedboat during « Diagnostic » (28 post-its) and pages it;
--seat-bowl seats three people at « Projection 2030 » (Tab to the circle, Entrée) and gives
the floor with 1 and 2; --kill-at kills the app with -9 on that séquence and starts it again
(it must come back on the séquence, with the room screen as it was); --states walks the
countdown through « Bientôt fini », « Dernière minute » and « Dépassement » at « Partage des
enjeux » (about five minutes of waiting).

Every press is logged with the app's state (its debug probe, ui/probe.py) in OUT_DIR/log.txt,
and the whole screen (or, with --projector, the room) is shot after it with ImageMagick's
`import`: look at the PNGs. Needs Xvfb, xdotool and imagemagick (apt-get install -y xvfb
xdotool imagemagick).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PEOPLE = (
    "Amina Benali\nBruno Caron\nChloé Dupuis\nDavid Esposito\nÉlise Fournier\nFarid Gomez\n"
    "Gaëlle Henry\nHugo Imbert\nInès Joly\nJulien Klein\nKarima Lopez\nLéo Martin"
)
LEVERS = [
    "Des stages en entreprise dès le collège",
    "Un guichet unique pour les entreprises",
    "Valoriser les métiers verts dans les médias locaux",
    "Former les formateurs aux nouvelles techniques",
    "Mutualiser les formations entre entreprises voisines",
    "Reconversion des salariés de l'automobile",
    "Apprentissage : aides renforcées",
    "Des chantiers école sur le territoire",
    "Observatoire régional des compétences",
    "Parrainage entre anciens et nouveaux",
    "Cartographie des formations existantes",
    "Journées portes ouvertes communes",
    "Formation à distance pour les zones rurales",
    "Plateforme d'offres de stages",
]
BRAKES = [
    "Manque de formateurs qualifiés en rénovation énergétique",
    "Des métiers peu attractifs pour les jeunes",
    "Coût des formations pour les petites entreprises",
    "Peu de visibilité sur les besoins à 5 ans",
    "Difficulté à libérer du temps pour se former",
    "Mobilité : les centres de formation sont loin",
    "Des diplômes qui évoluent moins vite que les métiers",
    "Concurrence entre territoires pour les mêmes profils",
    "Manque de tuteurs en entreprise",
    "Les salaires ne suivent pas",
    "Image du secteur du bâtiment",
    "Trop de dispositifs, on s'y perd",
    "Délais de financement des OPCO",
    "Peu de femmes dans les métiers techniques",
]
PREPARE = """
import datetime as dt, sys
from pathlib import Path
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage import agenda, participants, workshops
store = open_store(Path(sys.argv[1]))
now = dt.datetime.now()
with store.write() as s:
    w = workshops.create(s, "Les métiers de la rénovation en 2030", date=now.date(),
                         place="Lyon, salle Rhône")
    agenda.apply_template(s, w.id, "modele_1")
    agenda.set_start_time(s, w.id, dt.time(now.hour, now.minute))
    participants.paste(s, w.id, sys.argv[2])
"""


def run(*args: str, env: dict | None = None) -> str:
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


class Screen:
    """Xvfb with -noreset (it must outlive a killed app), one or two 1024×768 monitors."""

    def __init__(self, number: int, monitors: int) -> None:
        self.proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{1024 * monitors}x768x24", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        self.env = dict(os.environ, DISPLAY=f":{number}")
        for i in range(monitors if monitors > 1 else 0):
            primary = "screen" if i == 0 else "none"
            geometry = f"1024/271x768/203+{1024 * i}+0"
            run("xrandr", "--setmonitor", f"M{i}", geometry, primary, env=self.env)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()


class App:
    def __init__(self, screen: Screen, data: Path, out: Path) -> None:
        self.screen, self.out = screen, out
        self.state_path = out / "state.json"
        env = dict(
            screen.env,
            QT_QPA_PLATFORM="xcb",
            KITCOP_DATA_DIR=str(data),
            XDG_CONFIG_HOME=str(data / "config"),
        )
        self.state_path.unlink(missing_ok=True)  # a killed app's last state is not this one's
        self.log = open(out / "app.log", "a")  # noqa: SIM115 - open while the app runs
        self.proc = subprocess.Popen(
            [PY, "-m", "kitcop_desktop", "--probe-state", str(self.state_path)],
            env=env,
            stdout=self.log,
            stderr=self.log,
            cwd=ROOT,
        )

    def state(self) -> dict:
        try:
            return json.loads(self.state_path.read_text())
        except (OSError, ValueError):
            return {}

    def wait(self, wanted, what: str, timeout: float = 90) -> dict:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise SystemExit(f"the app stopped while waiting for {what}")
            state = self.state()
            if state and wanted(state):
                return state
            time.sleep(0.1)
        raise SystemExit(f"no {what} after {timeout} s: {self.state()}")

    def wait_first_window(self, timeout: float = 90) -> None:
        """Until the app's first window (« Ouverture de votre bibliothèque… ») is on screen."""
        run(
            "timeout", str(timeout), "xdotool", "search", "--sync", "--onlyvisible",
            "--pid", str(self.proc.pid), "--name", "KitCOP", env=self.screen.env,
        )  # fmt: skip

    def key(self, name: str, pause: float = 0.8) -> None:
        run("xdotool", "key", "--clearmodifiers", name, env=self.screen.env)
        time.sleep(pause)

    def type(self, text: str) -> None:
        run("xdotool", "type", "--delay", "30", text, env=self.screen.env)
        time.sleep(0.3)

    def shot(self, path: Path, crop: tuple[int, int, int, int] | None = None) -> None:
        args = ["import", "-window", "root"]
        if crop:
            x, y, w, h = crop
            args += ["-crop", f"{w}x{h}+{x}+{y}", "+repage"]
        run(*args, str(path), env=self.screen.env)

    def kill9(self) -> None:
        self.proc.kill()
        self.proc.wait()


class Drive:
    KEYS = ("tool", "run", "sequence", "consignes_page", "room", "blanked", "focus")

    def __init__(self, app: App, out: Path, room: tuple[int, int, int, int] | None) -> None:
        self.app, self.out, self.room = app, out, room
        self.n = 0
        self.log = open(out / "log.txt", "w")  # noqa: SIM115 - written through the run

    def note(self, what: str, shot: bool = True) -> dict:
        self.n += 1
        state = self.app.state()
        brief = {k: state.get(k) for k in self.KEYS}
        print(f"{self.n:03d} {what:22s} {json.dumps(brief, ensure_ascii=False)}", file=self.log)
        self.log.flush()
        if shot:
            self.app.shot(self.out / f"{self.n:03d}-{what}.png", self.room)
        return state

    def press(self, key: str, what: str = "", pause: float = 0.8) -> dict:
        self.app.key(key, pause)
        return self.note(what or key)


def slug(title: str | None) -> str:
    return (title or "fin")[:14].replace(" ", "_").replace("/", "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--projector", action="store_true")
    parser.add_argument("--kill-at", default="")
    parser.add_argument("--type-board", action="store_true")
    parser.add_argument("--seat-bowl", action="store_true")
    parser.add_argument("--states", action="store_true")
    parser.add_argument("--display", type=int, default=97)
    parser.add_argument(
        "--settle",
        type=float,
        default=0.0,
        help="seconds between the restarted app's first window and the next key",
    )
    args = parser.parse_args()
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    data = out / "data"
    data.mkdir()
    env = dict(os.environ, KITCOP_DATA_DIR=str(data))
    run(PY, "-c", PREPARE, str(data / "kitcop.sqlite3"), PEOPLE, env=env)

    screen = Screen(args.display, 2 if args.projector else 1)
    room = (1024, 0, 1024, 768) if args.projector else None
    app = App(screen, data, out)
    drive = Drive(app, out, room)
    done: set[str] = set()
    try:
        app.wait(lambda s: s.get("page") == "welcome", "welcome page")
        time.sleep(1.0)
        # Preparation: the mouse opens the workshop; it is not touched again.
        run("xdotool", "mousemove", "400", "258", "click", "--repeat", "2", "1", env=screen.env)
        app.wait(lambda s: s.get("page") == "workshop", "the workshop")
        run("xdotool", "mousemove", "1000", "760", env=screen.env)
        drive.press("ctrl+1", "deroule")
        drive.press("F5", "room-up", pause=1.5)
        state = drive.press("space", "started")
        assert state.get("run") == "running", state
        for _ in range(120):
            state = app.state()
            title = state.get("sequence")
            if state.get("run") not in ("running", "paused"):
                break
            if title == "Diagnostic" and "blank" not in done:
                done.add("blank")
                for key in ("b", "b", "period", "period", "plus", "minus", "space", "space"):
                    drive.press(key)
                if args.type_board:
                    app.key("ctrl+n", 0.6)
                    for zone in (LEVERS, BRAKES):
                        for text in zone:
                            app.type(text)
                            app.key("Return", 0.25)
                        app.key("Tab", 0.4)
                    drive.note("board-typed")
                    if args.projector:
                        app.shot(out / f"{drive.n:03d}-control-board.png")
            if title == "Pause" and "back" not in done:
                done.add("back")
                drive.press("Prior", "back-to-Diagnostic")
                drive.press("Next", "Pause-again")
            if title == "Projection 2030" and args.seat_bowl and "bowl" not in done:
                done.add("bowl")
                for _ in range(40):  # Tab to the circle of people
                    if app.state().get("focus") == "CircleList":
                        break
                    app.key("Tab", 0.25)
                for key in ("Down", "Return", "Return", "Return", "1"):
                    app.key(key, 0.6)
                drive.note("bowl-seated")
                drive.press("2", "bowl-chair-2-speaks")
            if title == args.kill_at and "kill" not in done:
                done.add("kill")
                drive.note("before-kill-9")
                app.kill9()
                time.sleep(0.5)
                app = drive.app = App(screen, data, out)
                app.wait_first_window()
                time.sleep(args.settle)
                app.key("Next", 0)  # the clicker at once: applied once the run is back
                app.wait(
                    lambda s, killed_on=title: (
                        s.get("room") != "hidden"
                        and s.get("run") in ("running", "paused")
                        and s.get("sequence") not in (None, killed_on)
                    ),
                    "the app back with its room screen, on the next séquence",
                )
                time.sleep(0.8)
                drive.note("restarted-Next")
                if args.projector:
                    app.shot(out / f"{drive.n:03d}-control-restarted.png")
                continue
            if title == "Partage des enjeux" and args.states and "states" not in done:
                done.add("states")
                drive.press("space", "paused", pause=1.2)
                drive.press("space", "running")
                start = time.monotonic()
                for _ in range(4):
                    app.key("minus", 0.2)  # 10 → 6 min: « Bientôt fini » in the last 72 s
                while time.monotonic() - start < 295:
                    time.sleep(1)
                drive.note("state-warning")
                while time.monotonic() - start < 312:
                    time.sleep(1)
                drive.note("state-last-minute")
                app.key("minus", 0.2)
                app.key("minus", 2.5)
                drive.note("state-overrun")
                for _ in range(3):
                    app.key("plus", 0.2)
            drive.press("Next", slug(title))
        drive.press("Escape", "escape")
        drive.press("F5", "f5-again", pause=1.5)
    finally:
        app.kill9()
        screen.stop()
    print(f"{drive.n} shots and the log in {out}")


if __name__ == "__main__":
    main()
