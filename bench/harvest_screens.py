"""Render the tables tool's « Récolte » page to PNG at 1024×768 and 1920×1080, for a look (#24).

    .venv/bin/python bench/harvest_screens.py [OUT_DIR]      (default bench/out/harvest)

A pro-action café (seed 003: six workshops and an open table, three rotations), 30 people
placed, a few harvest lines typed (one private). Also the room screen with that table's
harvest shown (« Montrer en salle »: the private line must not be there), and the harvest
page at 630 px, the width a tool gets beside the room window on one 1024×768 screen.
Offscreen: no display needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1024, 768), (1920, 1080))
CATEGORIES = ("public", "private", "para_public")


def fill(store) -> int:
    from kitcop_desktop.storage import (
        agenda,
        participants,
        tables,
        tables_harvest,
        tables_seating,
        workshops,
    )

    with store.write() as s:
        wid = workshops.create(s, "Pro-action café — Entre l'avant et l'après").id
        agenda.apply_template(s, wid, "world_cafe")
        for n in range(30):
            participants.add(s, wid, f"Personne {n:02d}", f"Structure {n % 7}", CATEGORIES[n % 3])
        ids = tables.add_from_template(s, wid, "pro_action")
        tables.update_table(
            s,
            ids[0],
            name="AudeTTE",
            topic="La co-construction d'une vision partagée citoyens / chercheurs / entreprises "
            "/ institutions permet-elle d'identifier des critères d'habitabilité d'un territoire ?",
        )
        tables.set_host(s, ids[0], "Personne 03")
        tables_seating.assign_automatically(s, wid)
        for text in (
            "Marquer l'essai entre l'avant et l'après",
            "Inviter à la réflexion commune <&> 🌱",
            "Laisser un ou deux espaces à des sujets supplémentaires le jour même, pour que "
            "les participant·es apportent leurs propres questions",
        ):
            tables_harvest.add_line(s, ids[0], 1, text, angle="purpose")
        tables_harvest.add_line(s, ids[0], 1, "Relancer Joël sur la charte", private=True)
        for text in (
            "Faire reconnaître la coopération dans la collectivité",
            "Des temps dédiés à la collaboration, dans l'agenda de chacun",
            "Rendre visible le contenu de l'innovation en interne",
        ):
            tables_harvest.add_line(s, ids[0], 1, text)
    return wid


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "harvest")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from kitcop_desktop.app import build_main_window, make_application
    from kitcop_desktop.storage.migrate import open_store

    app = make_application()
    store = open_store(tmp / "cafe.sqlite3")
    workshop_id = fill(store)
    window = build_main_window(store)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    for width, height in SIZES:
        window.resize(width, height - 28)
        window.show()
        window.open_workshop(workshop_id)
        window.activate_tool("tables")
        editor = window.current_editor()
        editor.pages.setCurrentWidget(editor.harvest)
        editor.harvest.lines.item(1).setSelected(True)
        settle()
        window.grab().save(str(out / f"harvest-{width}.png"))
        editor.pages.setCurrentIndex(0)
        settle()
        window.grab().save(str(out / f"tables-{width}.png"))
        # The room (one screen here: the control window narrows while it shows).
        editor.pages.setCurrentWidget(editor.harvest)
        window.toggle_room()
        window.room.resize(width, height)
        editor.harvest.room_button.setChecked(True)
        settle()
        window.room.grab().save(str(out / f"room-harvest-{width}.png"))
        editor.harvest.room_button.setChecked(False)
        window.toggle_room()
    # Beside the room window on one 1024×768 screen: the tool gets about 630 px.
    editor.setParent(None)
    editor.resize(630, 620)
    editor.show()
    editor.pages.setCurrentWidget(editor.harvest)
    settle()
    editor.grab().save(str(out / "harvest-630.png"))
    print(out)
    store.close()


if __name__ == "__main__":
    main()
