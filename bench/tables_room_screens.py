"""The rotation map on the room screen, to PNG, for a look (#24).

    .venv/bin/python bench/tables_room_screens.py [OUT_DIR] [PEOPLE]   (default bench/out/tables)

Through the real main window at 1024×768 and 1920×1080: seed 003's pro-action café of six
tables (five hosts) and seed 004's world café of four questions in four teams, PEOPLE
participants each (30), the déroulé run to each « Rotation » séquence, every page of the map
and the round's countdown (003-… and 004-… PNGs). Offscreen: no display needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.app import load_tool_specs, make_application
    from kitcop_desktop.storage import participants, tables, tables_cafe, tables_seating, workshops
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.ui.main_window import MainWindow
    from tests.tools.tables.test_room_map_teams import QUESTIONS
    from tests.tools.tables.test_rotation_live import CATEGORIES, NAMES, cafe

    def world_cafe(store, wid: int, people: int) -> None:
        """Seed 004: four questions, four teams moving from table to table."""
        with store.write() as s:
            for n in range(people):
                participants.add(s, wid, NAMES[n], f"Structure {n % 9}", CATEGORIES[n % 3])
            tables_cafe.prepare_cafe(s, wid, "world_cafe")
            for table, question in zip(tables.list_tables(s, wid), QUESTIONS, strict=True):
                tables.update_table(s, table.id, topic=question)
            tables_seating.assign_automatically(s, wid, teams=4)

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/tables")
    people = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or make_application([])
    cafes = (
        ("003", "Entre l'avant et l'après — pro-action café", cafe),
        ("004", "France Travail — world café du SPER", world_cafe),
    )
    for (seed, title, make), (width, height) in (
        (c, size) for c in cafes for size in ((1024, 768), (1920, 1080))
    ):
        folder = Path(tempfile.mkdtemp())
        store = open_store(folder / "cafe.sqlite3")
        with store.write() as s:
            wid = workshops.create(s, title).id
        make(store, wid, people)
        window = MainWindow(store, specs=load_tool_specs())
        window.resize(1024, 740)
        window.show()
        window.open_workshop(wid)
        window.activate_tool("agenda")
        window.toggle_room()
        window.room.resize(width, height)
        live = window.workshop_view.editor("agenda").live
        live.start()
        shots = 0
        for _ in range(40):
            app.processEvents()
            current = live.runner.current
            if current is None or live.runner.finished:
                break
            if current.kind == "rotation":
                stage = window.room.shown_stage()
                page = getattr(getattr(stage, "state", None), "page", 0)
                name = f"{seed}-{width}x{height}-{current.title[:10].strip()}-p{page + 1}.png"
                window.room.grab().save(str(out / name))
                print(out / name)
                shots += 1
            window.live.action(
                "next",
                QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier
                ),
            )
        window.room.close()
        window.close()
        store.close()
    app.processEvents()


if __name__ == "__main__":
    main()
