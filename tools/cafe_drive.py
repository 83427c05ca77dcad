"""Run the seeds' cafés in the real app under Xvfb, from the keyboard, as a facilitator (#24).

    .venv/bin/python tools/cafe_drive.py OUT_DIR [--seed 003|004] [--display N]

A virtual display of two 1024×768 monitors side by side (the laptop and the projector, where
the room screen goes fullscreen), a workshop whose déroulé and participants were typed
beforehand (seed 003: the CNFPT afternoon, its six porteurs and 24 more people; seed 004: the
France Travail day's opening and 30 people of the SPER), then the app started cold. The mouse
opens the workshop and clicks where a facilitator clicks while preparing (« Modèles », a cell,
« Répartir automatiquement » or « Par équipes… », the « Récolte » tab and its line); the rest
is keys, sent with xdotool as the system would: Ctrl+8, F2 and the topics and hosts typed,
Ctrl+1, F5, Space, PageDown through each round's map and countdown (B twice on the way,
PageUp once), the harvest typed during each round (Alt+→, Entrée, Tab, Alt+P; Alt+I for the
world café's three ideas), at seed 003's restitution Alt+M and PageDown table after table,
PageUp, Échap, F5 (B is typed there: the cursor is in the harvest line), then Ctrl+8 and
Ctrl+P at the end. Every step is shot (the laptop and
the room apart) with the app's state (ui/probe.py) in OUT_DIR/log.txt; the restitution's
tables part is printed from the same database afterwards (`kitcop pdf --part tables`) and
turned into PNGs with pdftoppm: look at them all. Needs Xvfb, xdotool, xrandr, Pillow with
XCB and poppler-utils.
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

# Seed 003: the five topics of the forum ouvert, their porteurs, and Cécile Joly's open space.
ATELIERS = (
    ("Pérenniser le « hors-norme »", "Martin Préaud"),
    ("Le Grand Switch : un jeu pour un futur souhaitable", "Lina Hamed"),
    ("Implanter le collaboratif dans nos structures", "Anne Berlemont"),
    ("Nouveau rôle du manager public", "Thierry Ambrosini"),
    ("AudeTTE – Aude Transition Territoriale", "Joël Aubé"),
    ("Espace de réflexion ouvert", "Cécile Joly"),
)
# Seed 004: the four questions of the world café.
QUESTIONS = (
    "Comment garantir une bonne orientation des publics en demande d'emploi ?",
    "Comment faciliter l'accès aux solutions d'insertion et d'emploi d'un territoire ?",
    "Comment mieux organiser la réponse publique aux besoins en recrutement ?",
    "Comment favoriser l'engagement des entreprises dans France Travail ?",
)
PEOPLE = (
    "Amina Benali", "Awa Diallo", "Jean Martin", "Léa Roux", "Marc Petit", "Inès Haddad",
    "Paul Girard", "Chloé Bernard", "Hugo Lambert", "Sarah Nguyen", "Yanis Moreau",
    "Camille Faure", "Lucas Garnier", "Manon Chevalier", "Nathan Robin", "Emma Fontaine",
    "Louis Mercier", "Jade Blanc", "Gabriel Guérin", "Lina Muller", "Arthur Henry",
    "Zoé Rousseau", "Jules Leclerc", "Alice Gauthier", "Adam Perrin", "Rose Morin",
    "Noah Mathieu", "Lou Clément", "Ethan Lucas", "Anna Vidal",
)  # fmt: skip
PREPARE = """
import datetime as dt, sys, json
from pathlib import Path
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage import agenda, participants, workshops
store = open_store(Path(sys.argv[1]))
seed, people = sys.argv[2], json.loads(sys.argv[3])
now = dt.datetime.now()
categories = ("public", "private", "para_public")
with store.write() as s:
    if seed == "003":
        w = workshops.create(s, "Entre l'avant et l'après — pro-action café", date=now.date(),
                             place="À distance")
        agenda.apply_template(s, w.id, "world_cafe")
    else:
        w = workshops.create(s, "France Travail — world café du SPER", date=now.date(),
                             place="Lyon")
        agenda.add_sequence(s, w.id, title="Ouverture par le Préfet de région",
                            duration_minutes=15)
    agenda.set_start_time(s, w.id, dt.time(now.hour, now.minute))
    for n, (name, structure) in enumerate(people):
        participants.add(s, w.id, name, structure, categories[n % 3])
print(w.id)
"""


def run(*args: str, env: dict | None = None) -> str:
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


class Screen:
    """Xvfb with two monitors of width × height side by side: the laptop, the projector."""

    def __init__(self, number: int, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.proc = subprocess.Popen(
            ["Xvfb", f":{number}", "-screen", "0", f"{2 * width}x{height}x24", "-noreset"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        self.display = f":{number}"
        self.env = dict(os.environ, DISPLAY=self.display)
        mm_w, mm_h = width * 271 // 1024, height * 203 // 768
        for i in range(2):
            geometry = f"{width}/{mm_w}x{height}/{mm_h}+{width * i}+0"
            primary = "screen" if i == 0 else "none"
            run("xrandr", "--setmonitor", f"M{i}", geometry, primary, env=self.env)

    def shot(self, path: Path, monitor: int) -> None:
        from PIL import ImageGrab

        box = (self.width * monitor, 0, self.width * (monitor + 1), self.height)
        ImageGrab.grab(bbox=box, xdisplay=self.display).save(path)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait()


class App:
    def __init__(self, screen: Screen, data: Path, out: Path) -> None:
        self.screen = screen
        self.state_path = out / "state.json"
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

    def key(self, name: str, pause: float = 0.6) -> None:
        run("xdotool", "key", "--clearmodifiers", name, env=self.screen.env)
        time.sleep(pause)

    def type(self, text: str) -> None:
        # Slowly: xdotool maps each accented letter to a spare key first (too fast, it is lost).
        run("xdotool", "type", "--delay", "70", text, env=self.screen.env)
        time.sleep(0.3)

    def click(self, x: int, y: int, double: bool = False) -> None:
        args = ["xdotool", "mousemove", str(x), str(y), "click"]
        args += ["--repeat", "2", "1"] if double else ["1"]
        run(*args, env=self.screen.env)
        time.sleep(0.6)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


class Drive:
    KEYS = ("tool", "view", "run", "sequence", "room", "blanked", "focus")

    def __init__(self, app: App, screen: Screen, out: Path) -> None:
        self.app, self.screen, self.out = app, screen, out
        self.n = 0
        self.log = open(out / "log.txt", "w")  # noqa: SIM115 - written through the run

    def note(self, what: str, room: bool = False) -> dict:
        self.n += 1
        state = self.app.state()
        brief = {k: state.get(k) for k in self.KEYS}
        print(f"{self.n:03d} {what:24s} {json.dumps(brief, ensure_ascii=False)}", file=self.log)
        self.log.flush()
        self.screen.shot(self.out / f"{self.n:03d}-{what}-laptop.png", 0)
        if room and state.get("room") not in (None, "hidden"):
            self.screen.shot(self.out / f"{self.n:03d}-{what}-room.png", 1)
        return state

    def press(self, key: str, what: str = "", pause: float = 0.6, room: bool = True) -> dict:
        self.app.key(key, pause)
        return self.note(what or key, room)


def widget_at(app: App, name: str) -> tuple[int, int]:
    """The centre of a widget, in screen coordinates, asked of the running app's probe."""
    rect = app.state().get("widgets", {}).get(name)
    if not rect:
        raise SystemExit(f"no widget {name} in the probe: {app.state().get('widgets')}")
    x, y, w, h = rect
    return x + w // 2, y + h // 2


# Where a facilitator clicks while preparing, on a 1024×768 laptop (the window as the app
# opens it there, without a window manager).
CLICK_1024 = {
    "workshop": (330, 287),  # the workshop's row on the welcome page (double-click)
    "templates": (600, 138),  # « Modèles »
    "first_topic": (575, 269),  # the first table's « Sujet ou question » cell
    "assign": (337, 174),  # « Répartir automatiquement »
    "teams": (532, 174),  # « Par équipes… »
    "harvest_tab": (418, 209),  # « Récolte »
    "teams_ok": (627, 373),  # « OK » of « Par équipes… »
    "page_title": (253, 104),  # « Tables », the page's title
    "harvest_line": (640, 594),  # the harvest's line (the run took the cursor out of it)
}
HARVEST = {
    1: ("Marquer l'essai entre l'avant et l'après", "Inviter à la réflexion commune"),
    2: ("Du temps dégagé pour coopérer", "Un lieu pour se retrouver"),
    3: ("Une charte commune de la coopération", "Un annuaire des initiatives"),
}


def prepare_tables(drive: Drive, app: App, seed: str) -> None:
    """Ctrl+8, « Modèles », the café; the topics (and hosts) typed in the cells (F2)."""
    drive.press("ctrl+8", "tables", room=False)
    app.click(*CLICK_1024["templates"])
    drive.note("templates-menu")
    app.key("Down", 0.2)
    if seed == "003":
        app.key("Down", 0.2)  # the second entry: the pro-action café
    drive.press("Return", "cafe-prepared", room=False)
    rows = ATELIERS if seed == "003" else [(q, "") for q in QUESTIONS]
    app.click(*CLICK_1024["first_topic"], double=True)
    for n, (topic, host) in enumerate(rows):
        if n:
            app.key("Down", 0.3)
            app.key("F2", 0.3)
        app.key("ctrl+a", 0.1)
        app.type(topic)
        app.key("Return", 0.6)
        if host:
            app.key("Right", 0.2)
            app.key("F2", 0.3)
            app.type(host.lower())  # a name of the list, whatever its case
            app.key("Return", 0.6)
            app.key("Left", 0.2)
    drive.note("topics-typed")
    if seed == "003":
        app.click(*CLICK_1024["assign"])
    else:
        app.click(*CLICK_1024["teams"])
        app.wait(lambda s: bool(s.get("dialogs")), "« Par équipes… »'s question")
        time.sleep(1.0)
        drive.note("teams-asked")
        for _ in range(5):  # « OK »: four teams, one a question (the default)
            app.click(*CLICK_1024["teams_ok"])
            time.sleep(1.0)
            if not app.state().get("dialogs"):
                break
        else:
            raise SystemExit("« Par équipes… » did not close")
        # Without a window manager the keyboard does not come back to the main window by
        # itself once the dialog is gone: a click on the page's title gives it back.
        app.click(*CLICK_1024["page_title"])
    drive.note("seated")


def type_harvest(drive: Drive, app: App, seed: str, number: int) -> None:
    """The hosts' notes of the round, typed by the facilitator: Ctrl+8, « Récolte », the
    round (Alt+→), a line or three per table (Tab: the next table), one private line."""
    app.key("ctrl+8", 0.8)
    app.click(*CLICK_1024["harvest_tab"])
    app.click(*CLICK_1024["harvest_line"])
    for _ in range(number - 1):
        app.key("alt+Right", 0.3)
    tables = 6 if seed == "003" else 1
    for table in range(tables):
        if seed == "003":
            for text in HARVEST[number]:
                app.type(f"{text} (atelier {table + 1})")
                app.key("Return", 0.3)
        else:
            app.key("alt+i", 0.2)  # « Idée retenue »: three a question
            for idea in range(3):
                app.type(f"Question {number}, idée {idea + 1}\u00a0: un guichet partagé")
                app.key("Return", 0.3)
        app.key("Tab", 0.3)
    app.key("alt+p", 0.2)
    app.type("Relancer Joël sur la charte (note privée)")
    app.key("Return", 0.3)
    app.key("alt+p", 0.2)
    drive.note(f"harvest-round-{number}", room=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", choices=("003", "004"), default="003")
    parser.add_argument("--display", type=int, default=94)
    args = parser.parse_args()
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    data = out / "data"
    data.mkdir()
    env = dict(os.environ, KITCOP_DATA_DIR=str(data))
    if args.seed == "003":
        people = [(h, "CNFPT") for _t, h in ATELIERS] + [
            (name, f"Collectivité {n % 8}") for n, name in enumerate(PEOPLE[:24])
        ]
    else:
        people = [(name, f"Structure {n % 9}") for n, name in enumerate(PEOPLE)]
    db = data / "kitcop.sqlite3"
    workshop = run(PY, "-c", PREPARE, str(db), args.seed, json.dumps(people), env=env).strip()

    screen = Screen(args.display, 1024, 768)
    app = App(screen, data, out)
    drive = Drive(app, screen, out)
    try:
        app.wait(lambda s: s.get("page") == "welcome", "welcome page")
        time.sleep(1.0)
        app.click(*CLICK_1024["workshop"], double=True)
        app.wait(lambda s: s.get("page") == "workshop", "the workshop")
        run("xdotool", "mousemove", "1000", "760", env=screen.env)
        prepare_tables(drive, app, args.seed)
        drive.press("ctrl+1", "deroule", room=False)
        drive.press("F5", "room-up", pause=1.5)
        drive.press("space", "started")
        typed: set[int] = set()
        blanked = False
        for _ in range(80):
            state = app.state()
            title = state.get("sequence") or ""
            if state.get("run") not in ("running", "paused"):
                break
            if title.startswith("Rotation") and not blanked:
                blanked = True
                drive.press("b", "blank")
                drive.press("b", "unblank")
            if title.startswith("Rotation") and state.get("view", "").endswith(":0"):
                number = int(title.split()[1])
                if number not in typed and "harvest" not in title:
                    # First the map's pages and the countdown, shot; then the harvest.
                    for page in range(8):
                        state = drive.press("Next", f"r{number}-page{page + 2}")
                        if not (state.get("sequence") or "").startswith(f"Rotation {number}"):
                            break
                    else:
                        raise SystemExit("the map never ended")
                    drive.press("Prior", f"r{number}-back-to-countdown")
                    typed.add(number)
                    type_harvest(drive, app, args.seed, number)
            if title == "Restitution des ateliers" and "restitution" not in typed:
                typed.add("restitution")
                app.key("ctrl+8", 0.8)
                app.click(*CLICK_1024["harvest_tab"])
                app.click(*CLICK_1024["harvest_line"])
                for _ in range(3):
                    app.key("alt+Left", 0.2)  # back to the first round
                app.key("alt+m", 0.6)  # the harvest on the room…
                for _ in range(12):
                    if app.state().get("view", "").endswith("harvest=1:1:0"):
                        break
                    app.key("Tab", 0.4)  # …of the first table (the room follows)
                drive.note("harvest-on-room", room=True)
                for table in range(2, 7):
                    drive.press("Next", f"harvest-table-{table}")
                drive.press("Prior", "harvest-back-table-5")
                drive.press("Escape", "escape")
                drive.press("F5", "f5-again", pause=1.5)
                drive.press("alt+m", "map-again")
                continue
            drive.press("Next", (title or "fin")[:14].replace(" ", "_"))
        drive.press("Escape", "escape-end")
        drive.press("ctrl+8", "tables-at-the-end", room=False)
        drive.press("ctrl+p", "print", pause=3.0, room=False)
    finally:
        app.stop()
        screen.stop()
    pdf = out / "restitution-tables.pdf"
    run(PY, "-m", "kitcop_desktop", "pdf", workshop, "--part", "tables", "-o", str(pdf), env=env)
    run("pdftoppm", "-r", "60", "-png", str(pdf), str(out / "pdf"))
    print(f"{drive.n} steps, the log and the shots in {out}")


if __name__ == "__main__":
    main()
