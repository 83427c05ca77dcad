"""Run the seeds' cafés in the real app under Xvfb, from the keyboard only, as a facilitator (#24).

    .venv/bin/python tools/cafe_drive.py OUT_DIR [--seed 003|004] [--size 1024x768|1920x1080]
                                                 [--display N]

A virtual display of two monitors side by side (the laptop and the projector, where the room
screen goes fullscreen; both of --size), an empty library, the app started cold. Only keys,
sent with xdotool as the system would (and the people's rows on the clipboard, as a
spreadsheet leaves them), from the library's first screen on: Ctrl+N « Nouvel atelier », the
title typed, Maj+Tab to the déroulé's template (« w »: the kit's world café afternoon for seed
003's CNFPT pro-action café; a blank déroulé for seed 004's France Travail world café),
Entrée; Ctrl+0 and Ctrl+V (seed 003: its six porteurs and 24 more people; seed 004: 30 people
of the SPER); Ctrl+8, Alt+D (« Modèles ») ↓ Entrée, F2 and the topics and hosts typed, Alt+R
(« Répartir automatiquement ») or Alt+E (« Par équipes… »), Entrée and Alt+R again (the teams
must stay: the database says so at the end); Ctrl+1, F5, Space, PageDown through each round's
map and countdown (B twice on the way, PageUp once), the harvest typed during each round
(Ctrl+8, Ctrl+Tab to « Récolte », Alt+→, Entrée, Tab, Alt+P; Alt+I for the world café's three
ideas), at seed 003's restitution Alt+M and PageDown table after table, PageUp, Échap, F5;
at the end Ctrl+8, Ctrl+P, Tab to « Enregistrer le PDF… », Espace, the file's path and Entrée:
the restitution's page per table, turned into PNGs with pdftoppm (look at them all). With no
window manager, the harness gives the keyboard to a window when it opens or once a dialog has
closed, as one would (tools/xvfb_drive.py). Every step is shot (the laptop and the room apart)
with the app's state (ui/probe.py) in OUT_DIR/log.txt. Needs Xvfb, xdotool, xrandr, Pillow
with XCB and poppler-utils.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time
from pathlib import Path

from xvfb_drive import PY, SIZES, App, Drive, Screen, on_library, run

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
CATEGORIES = ("public", "privé", "para-public")
# The copy a spreadsheet puts on the clipboard (one row a person, tab-separated: name,
# structure, category), served by a process of its own as long as the paste needs it.
CLIPBOARD = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
app.clipboard().setText(sys.stdin.read())
print("ready", flush=True)
app.exec()
"""
COUNT = """
import sys
from pathlib import Path
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage import workshops
store = open_store(Path(sys.argv[1]))
with store.read() as s:
    print(" ".join(f"{w.id}:{w.participants}" for w in workshops.list_summaries(s)))
"""


TEAMS = """
import sys
from pathlib import Path
from kitcop_desktop.storage.migrate import open_store
from kitcop_desktop.storage import tables_seating
store = open_store(Path(sys.argv[1]))
with store.read() as s:
    teams = tables_seating.current_teams(s, int(sys.argv[2]))
print(" ".join(str(len(t)) for t in teams))
"""
# Seed 004: three ideas a question, at each table.
IDEAS = ("Un guichet partagé", "Des binômes conseiller et employeur", "Un suivi commun")
HARVEST = {
    1: ("Marquer l'essai entre l'avant et l'après", "Inviter à la réflexion commune"),
    2: ("Du temps dégagé pour coopérer", "Un lieu pour se retrouver"),
    3: ("Une charte commune de la coopération", "Un annuaire des initiatives"),
}


KEYS = ("tool", "view", "run", "sequence", "room", "blanked", "focus")


def new_workshop(drive: Drive, app: App, title: str, template: str) -> str:
    """The library's first screen: Ctrl+N (« Nouvel atelier »), the title typed, Maj+Tab to
    the déroulé's template (three fields back: the date and the hours take Tab themselves),
    its first letter (« w »: « World café / pro-action café — après-midi »; nothing: « Déroulé
    vierge »), Entrée; the workshop opens. Its id (the probe's)."""
    app.wait(lambda s: s.get("page") == "welcome", "welcome page")
    time.sleep(1.0)
    app.focus_main()
    app.key("ctrl+n", 1.0)
    app.wait(lambda s: bool(s.get("dialogs")), "« Nouvel atelier »")
    app.focus_window("Nouvel atelier")
    app.type(title)
    for _ in range(3):
        app.key("shift+Tab", 0.3)
    if template:
        app.key(template, 0.5)
    drive.note("new-workshop-dialog")
    app.key("Return", 1.0)
    state = app.wait(lambda s: s.get("page") == "workshop", "the new workshop")
    app.wait(lambda s: not s.get("dialogs"), "« Nouvel atelier » closed")
    app.focus_main()
    drive.note("workshop-created")
    return str(state.get("workshop"))


def paste_people(drive: Drive, app: App, screen: Screen, data: Path, people: list) -> None:
    """The people copied from a spreadsheet (the clipboard holds their rows), then Ctrl+0
    (« Atelier ») and Ctrl+V: one paste, one undo step; the library then counts them."""
    rows = "".join(f"{name}\t{structure}\t{category}\n" for name, structure, category in people)
    env = dict(screen.env, QT_QPA_PLATFORM="xcb")
    owner = subprocess.Popen(
        [PY, "-c", CLIPBOARD],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert owner.stdin is not None and owner.stdout is not None
        owner.stdin.write(rows)
        owner.stdin.close()
        if owner.stdout.readline().strip() != "ready":
            raise SystemExit("the clipboard was not filled")
        drive.press("ctrl+0", "atelier", room=False)
        app.key("ctrl+v", 1.5)
        drive.note("people-pasted")
    finally:
        owner.kill()
        owner.wait()
    counts = on_library(data, COUNT)
    if counts.split(":")[-1] != str(len(people)):
        raise SystemExit(f"pasted {len(people)} people, the library says {counts}")


def print_restitution(drive: Drive, app: App, pdf: Path) -> None:
    """Ctrl+8, Ctrl+P (« Impression », the tables' part ticked), Tab to « Enregistrer le
    PDF… » (the first button after the parts), Espace, the file's path typed, Entrée."""
    drive.press("ctrl+8", "tables-at-the-end", room=False)
    drive.press("ctrl+p", "print", pause=3.0, room=False)
    app.wait(lambda s: s.get("tool") == "printing", "the printing tool")
    for _ in range(40):
        if app.state().get("focus") == "QPushButton":
            break
        app.key("Tab", 0.3)
    else:
        raise SystemExit("Tab never reached « Enregistrer le PDF… »")
    drive.note("save-button")
    app.key("space", 1.5)
    app.wait(lambda s: bool(s.get("dialogs")), "« Enregistrer le PDF »")
    app.focus_window("Enregistrer le PDF")
    app.key("ctrl+a", 0.2)
    app.type(str(pdf))
    drive.note("pdf-path-typed")
    app.key("Return", 2.0)
    end = time.monotonic() + 60
    while not pdf.exists() and time.monotonic() < end:
        time.sleep(0.3)
    if not pdf.exists():
        raise SystemExit(f"no PDF at {pdf}")
    app.focus_main()
    drive.note("pdf-saved")


def prepare_tables(drive: Drive, app: App, seed: str) -> None:
    """Ctrl+8, Alt+D (« Modèles ») and the café; the topics (and hosts) typed in the cells
    (F2, Entrée, →, ←, ↓), then Alt+R, or Alt+E and Entrée (four teams, one a question)."""
    drive.press("ctrl+8", "tables", room=False)
    app.key("alt+d", 0.8)
    drive.note("templates-menu")
    app.key("Down", 0.2)
    if seed == "003":
        app.key("Down", 0.2)  # the second entry: the pro-action café
    state = drive.press("Return", "cafe-prepared", room=False)
    if state.get("focus") != "QTableWidget":
        raise SystemExit(f"the cursor is not on the first topic: {state.get('focus')}")
    rows = ATELIERS if seed == "003" else [(q, "") for q in QUESTIONS]
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
        drive.press("alt+r", "seated", room=False)
        return
    app.key("alt+e", 1.0)
    app.wait(lambda s: bool(s.get("dialogs")), "« Par équipes… »'s question")
    app.focus_window("Répartir par équipes")
    drive.note("teams-asked")
    app.key("Return", 1.0)  # « 4 équipes », offered first
    app.wait(lambda s: not s.get("dialogs"), "« Par équipes… » closed")
    app.focus_main()
    drive.note("seated")
    # « Répartir automatiquement » again, as on the day once the attendance is ticked: the
    # teams stay (checked in the database at the end, TEAMS).
    app.key("alt+r", 1.0)
    drive.note("seated-again-teams-kept")


def harvest_line(app: App) -> None:
    """Ctrl+8, then Ctrl+Tab if the page is not on « Récolte », and the cursor in its line.
    Each key's effect is awaited (on a loaded machine the probe tells it late: a second
    Ctrl+Tab pressed on an old state went back to « Tables et placement »)."""
    app.key("ctrl+8", 0.8)
    app.wait(lambda s: s.get("tool") == "tables", "the tables")
    for _ in range(2):
        try:
            app.wait(lambda s: s.get("focus") == "HarvestLine", "the harvest line", timeout=4)
            return
        except SystemExit:
            app.key("ctrl+Tab", 0.6)
    raise SystemExit(f"not in the harvest line: {app.state().get('focus')}")


def type_harvest(drive: Drive, app: App, seed: str, number: int) -> None:
    """The hosts' notes of the round, typed by the facilitator: Ctrl+8, « Récolte », the
    round (Alt+→), a line or three per table (Tab: the next table), one private line."""
    harvest_line(app)  # « Récolte » is on the run's round already; the keys make sure
    for _ in range(4):
        app.key("alt+Left", 0.2)
    for _ in range(number - 1):
        app.key("alt+Right", 0.3)
    tables = 6 if seed == "003" else 4
    for table in range(tables):
        if seed == "003":
            for text in HARVEST[number]:
                app.type(f"{text} (atelier {table + 1})")
                app.key("Return", 0.3)
        else:
            app.key("alt+i", 0.2)  # « Idée retenue »: three a question
            for idea in IDEAS:
                app.type(f"{idea} (tour {number})")
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
    parser.add_argument("--size", choices=sorted(SIZES), default="1024x768")
    parser.add_argument("--display", type=int, default=94)
    args = parser.parse_args()
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    data = out / "data"
    data.mkdir()
    if args.seed == "003":
        title = "Entre l'avant et l'après — pro-action café"
        people = [(h, "CNFPT", "public") for _t, h in ATELIERS] + [
            (name, f"Collectivité {n % 8}", CATEGORIES[n % 3]) for n, name in enumerate(PEOPLE[:24])
        ]
    else:
        title = "France Travail — world café du SPER"
        people = [(name, f"Structure {n % 9}", CATEGORIES[n % 3]) for n, name in enumerate(PEOPLE)]
    pdf = out / "restitution-tables.pdf"

    screen = Screen(args.display, *SIZES[args.size])
    app = App(screen, data, out)
    drive = Drive(app, screen, out, KEYS)
    try:
        # Seed 003's afternoon starts from the kit's world café déroulé; seed 004's day from a
        # blank one (« Modèles » adds the café's four rotations).
        workshop = new_workshop(drive, app, title, "w" if args.seed == "003" else "")
        paste_people(drive, app, screen, data, people)
        run("xdotool", "mousemove", str(2 * screen.width - 10), "10", env=screen.env)
        prepare_tables(drive, app, args.seed)
        drive.press("ctrl+1", "deroule", room=False)
        drive.press("F5", "room-up", pause=1.5)
        drive.press("space", "started")
        typed: set[object] = set()
        blanked = False
        same = 0  # PageDown that changed nothing the probe sees, in a row
        last: dict = {}
        for _ in range(150):
            state = app.state()
            same = same + 1 if state == last else 0
            last = state
            if same >= 50:  # a tour de parole turns 30 people without a change seen
                raise SystemExit(f"PageDown moves nothing any more: {state}")
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
                harvest_line(app)
                for _ in range(3):
                    app.key("alt+Left", 0.2)  # back to the first round
                app.key("alt+m", 0.6)  # the harvest on the room…
                for _ in range(12):  # …of the first table (the room follows)
                    try:
                        app.wait(
                            lambda s: s.get("view", "").endswith("harvest=1:1:0"),
                            "the first table's harvest on the room",
                            timeout=2,
                        )
                        break
                    except SystemExit:
                        app.key("Tab", 0.4)
                drive.note("harvest-on-room", room=True)
                for table in range(2, 7):
                    drive.press("Next", f"harvest-table-{table}")
                drive.press("Prior", "harvest-back-table-5")
                drive.press("Escape", "escape")  # the room leaves fullscreen…
                drive.press("Escape", "escape-closed")  # …then closes
                drive.press("F5", "f5-again", pause=1.5)  # and comes back on the projector
                drive.press("alt+m", "map-again")
                continue
            drive.press("Next", title or "fin")
        drive.press("Escape", "escape-end")
        print_restitution(drive, app, pdf)
    finally:
        app.kill()
        screen.stop()
    run("pdftoppm", "-r", "60", "-png", str(pdf), str(out / "pdf"))
    if args.seed == "004":
        sizes = on_library(data, TEAMS, workshop)
        print(f"the teams after « Répartir automatiquement » again: {sizes or 'none'}")
    print(f"{drive.n} steps, the log and the shots in {out}")


if __name__ == "__main__":
    main()
