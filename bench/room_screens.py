"""The room screen as the back of the room sees it, to PNG, for a look (#13).

    .venv/bin/python bench/room_screens.py [OUT_DIR]      (default bench/out/room)

At 1024×768 and 1920×1080, through the real main window: every séquence of the kit's
Modèle 1 (each page of its consignes), the countdown in each stage (big and as the strip under
another tool), the fishbowl with its one countdown, and a full speedboat page by page.
Offscreen: no display needed. Prints one line per PNG with what to check on it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

SIZES = ((1024, 768), (1920, 1080))
STAGES = {  # seconds elapsed in a 10-minute séquence
    "normal": 60,
    "warning": 8 * 60 + 30,
    "last_minute": 9 * 60 + 30,
    "overrun": 10 * 60 + 65,
}
SPEEDBOAT = {
    "brakes": [
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
    ],
    "levers": [
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
    ],
}


PROPOSALS = [
    "Créer un guichet unique de l'emploi et des compétences de la transition écologique, "
    "ouvert aux entreprises comme aux personnes en reconversion, dans chaque bassin d'emploi",
    "Des chantiers-écoles partagés entre CFA, lycées professionnels et entreprises du bâtiment "
    "pour former sur de vrais chantiers de rénovation énergétique",
    "Un observatoire régional des métiers de la transition qui publie chaque année les besoins "
    "à cinq ans, secteur par secteur, pour orienter les formations",
    "Mentorat entre anciens et nouveaux",
    "Former les formateurs aux nouvelles techniques de rénovation et aux matériaux biosourcés",
    "Valoriser les métiers verts auprès des collégiens avec des stages et des visites",
    "Mutualiser les formations entre petites entreprises voisines",
]
CONTRIBUTORS = (
    "Awa Diallo (CFA du BTP), Jean Martin (France Travail), Léa Roux (Région), Marc Petit "
    "(Capeb), Inès Haddad (Mission locale), Paul Girard (OPCO), Chloé Bernard (lycée pro), "
    "Hugo Lambert (Fédération du bâtiment), Sarah Nguyen (Chambre des métiers), Yanis Moreau "
    "(Agence de l'énergie), Emma Fontaine (Département), Karim Benali (insertion)"
)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "room")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from kitcop_desktop.app import load_tool_specs, make_application
    from kitcop_desktop.domain.clock import FakeClock
    from kitcop_desktop.storage import (
        actions,
        agenda,
        boards,
        fishbowl,
        participants,
        voting,
        workshops,
    )
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.ui.main_window import MainWindow

    app = make_application()
    store = open_store(tmp / "room.sqlite3")
    with store.write() as s:
        wid = workshops.create(s, "Emplois et compétences de la transition").id
        agenda.apply_template(s, wid, "modele_1")
        for name in ("Awa Diallo", "Jean Martin", "Léa Roux", "Marc Petit", "Inès Haddad"):
            participants.add(s, wid, name)
    clock = FakeClock(datetime(2026, 3, 3, 9, 30).astimezone())
    window = MainWindow(store, specs=load_tool_specs())
    window.resize(1024, 740)
    window.show()
    window.open_workshop(wid)
    window.workshop_view.ctx.extras["clock"] = clock
    window.activate_tool("agenda")
    live = window.current_editor().live
    assert live.clock is clock

    def settle() -> None:
        for _ in range(4):
            app.processEvents()

    def shot(name: str, what: str) -> None:
        settle()
        path = out / f"{name}.png"
        window.room.grab().save(str(path))
        print(f"{path.name}: {what}")

    window.room.show()
    for width, height in SIZES:
        window.room.resize(width, height)
        window.activate_tool("agenda")
        live.restart()
        settle()
        shot(f"{width}-00-programme", "the programme before the run")
        for index, seq in enumerate(live.runner.sequences, start=1):
            live.go_to(seq.id)
            if not live.runner.running:
                live.start()
            settle()
            page = 1
            shot(f"{width}-{index:02d}-{_slug(seq.title)}-p{page}", f"séquence « {seq.title} »")
            while live.page + 1 < live.page_count:
                live.forward()
                page += 1
                shot(f"{width}-{index:02d}-{_slug(seq.title)}-p{page}", f"page {page}")
        live.finish()
        shot(f"{width}-99-end", "the end")

    # The countdown's stages: big on the déroulé, then as the strip under another tool.
    with store.write() as s:
        first = agenda.list_sequences(s, wid)[0]
        agenda.update_sequence(s, first.id, duration_minutes=10)
    for width, height in SIZES:
        window.room.resize(width, height)
        for strip in (False, True):
            window.activate_tool("agenda")
            live.restart()
            live.go_to(first.id)
            live.start()
            window.activate_tool("printing" if strip else "agenda")
            for stage, elapsed in STAGES.items():
                clock.advance(elapsed - live.countdown().elapsed())
                live._arm()
                where = "strip" if strip else "big"
                shot(f"{width}-countdown-{where}-{stage}", f"{where} countdown, {stage}")
            live.pause()
            shot(f"{width}-countdown-{'strip' if strip else 'big'}-paused", "paused")

    # The fishbowl, started: the bowl's countdown is the only one.
    for width, height in SIZES:
        window.room.resize(width, height)
        window.activate_tool("agenda")
        projection = next(q for q in live.runner.sequences if q.title == "Projection 2030")
        live.go_to(projection.id)
        live.start()
        with store.write() as s:
            bowl_id = agenda.get(s, projection.id).tool_ref
            if fishbowl.get(s, bowl_id).state == "setup":
                fishbowl.toggle_timebox(s, bowl_id, clock.wall())
        window.hub.notify("fishbowl", wid)
        window.activate_tool("fishbowl", bowl_id)
        shot(f"{width}-fishbowl", "the bowl started: one countdown only")

    # A full speedboat, on the room page by page (the clicker's PageDown).
    with store.write() as s:
        board = boards.create_board(s, wid, "speedboat", "Diagnostic")
        for zone, texts in SPEEDBOAT.items():
            for text in texts:
                boards.add_card(s, board.id, zone, text)
    for width, height in SIZES:
        window.room.resize(width, height)
        window.activate_tool("boards", board.id)
        editor = window.current_editor()
        editor.set_spotlight("")
        shot(f"{width}-speedboat-00-whole", "the whole speedboat")
        for step in range(1, 12):
            if not hasattr(editor, "room_forward") or not editor.room_forward():
                break
            shot(f"{width}-speedboat-{step:02d}", "the next page of the board")
    # Long vote proposals and a fiche action with many contributors: whole, paged.
    with store.write() as s:
        vote = voting.create_vote_from_texts(s, wid, [(t, None) for t in PROPOSALS], "Vote")
        card = actions.create(
            s,
            wid,
            action="Chantiers-écoles partagés",
            challenge="Former d'ici 2030",
            leads="Région AURA",
            contributors=CONTRIBUTORS,
        )
    for width, height in SIZES:
        window.room.resize(width, height)
        for key, ref, name in (("voting", vote.id, "vote"), ("actions", card.id, "fiche")):
            window.activate_tool(key, ref)
            editor = window.current_editor()
            page = 1
            shot(f"{width}-{name}-p{page}", f"{name}, page {page}")
            while editor.handle_room_key(_page_down()):
                page += 1
                shot(f"{width}-{name}-p{page}", f"{name}, page {page}")
    store.close()
    print(out)


def _page_down():
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)


def _slug(text: str) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in keep.split("-") if part)[:24]


if __name__ == "__main__":
    main()
