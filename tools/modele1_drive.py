"""Run the kit's Modèle 1 in the real app, from the keyboard, as a facilitator with a clicker.

    .venv/bin/python tools/modele1_drive.py OUT_DIR [--projector] [--kill-at TITLE]
                                            [--type-board] [--seat-bowl] [--states]

A virtual screen (Xvfb, 1024×768; with --projector a second 1024×768 screen where the room
goes fullscreen), a workshop made from Modèle 1 with 12 people signed in and its start moved
to now (the preparation), then the app started cold. Only keys, sent with xdotool as the
system would: Tab to the list of workshops and Entrée, Ctrl+1, F5, Space, then PageDown to the
end, with B, « . », +, −, Space, PageUp on the way, Échap and F5 at the end.
--type-board types a full speedboat during « Diagnostic » (28 post-its) and pages it;
--seat-bowl seats three people at « Projection 2030 » (Tab to the circle, Entrée) and gives
the floor with 1 and 2; --kill-at kills the app with -9 on that séquence and starts it again
(it must come back on the séquence, with the room screen as it was); --states walks the
countdown through « Bientôt fini », « Dernière minute » and « Dépassement » at « Partage des
enjeux » (about five minutes of waiting).

Every press is logged with the app's state (its debug probe, ui/probe.py) in OUT_DIR/log.txt,
and the screen (with --projector, the room too) is shot after it: look at the PNGs. The
display, the app and the log come from tools/xvfb_drive.py (shared with tools/cafe_drive.py).
Needs Xvfb, xdotool, xrandr and Pillow with XCB.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

from xvfb_drive import App, Drive, Screen, on_library, open_workshop, slug

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


KEYS = ("tool", "run", "sequence", "consignes_page", "room", "blanked", "focus")


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
    on_library(data, PREPARE, PEOPLE)

    screen = Screen(args.display, monitors=2 if args.projector else 1)
    app = App(screen, data, out)
    drive = Drive(app, screen, out, KEYS)
    done: set[str] = set()
    try:
        open_workshop(app)  # Tab to the list, Entrée: the mouse is never touched
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
                    drive.note("board-typed", room=True)
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
                drive.note("bowl-seated", room=True)
                drive.press("2", "bowl-chair-2-speaks")
            if title == args.kill_at and "kill" not in done:
                done.add("kill")
                drive.note("before-kill-9", room=True)
                app.kill()
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
                drive.note("restarted-Next", room=True)
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
                drive.note("state-warning", room=True)
                while time.monotonic() - start < 312:
                    time.sleep(1)
                drive.note("state-last-minute", room=True)
                app.key("minus", 0.2)
                app.key("minus", 2.5)
                drive.note("state-overrun", room=True)
                for _ in range(3):
                    app.key("plus", 0.2)
            drive.press("Next", slug(title))
        drive.press("Escape", "escape")
        drive.press("F5", "f5-again", pause=1.5)
    finally:
        app.kill()
        screen.stop()
    print(f"{drive.n} shots and the log in {out}")


if __name__ == "__main__":
    main()
