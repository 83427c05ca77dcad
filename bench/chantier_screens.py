"""Render the chantier's screens (#17) to PNG at 1024×768 and 1920×1080, for a look: the
welcome list with a chantier and its workshops, the chantier page, its action plan.

    .venv/bin/python bench/chantier_screens.py [OUT_DIR]      (default bench/out/chantier)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

SIZES = ((1024, 768), (1920, 1080))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent / "out" / "chantier")
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")

    from kitcop_desktop.app import build_main_window, make_application
    from kitcop_desktop.storage import chantiers, workshops
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store

    app = make_application()
    store = open_store(tmp / "demo.sqlite3")
    create_demo(store)
    with store.write() as s:
        ids = [c.id for c in chantiers.list_summaries(s)]
        if not ids:  # a demo from before the chantier: put its workshop into one
            cid = chantiers.create(s, "Rénovation énergétique — Rhône").id
            first = workshops.list_summaries(s)[0].id
            chantiers.move_workshop(s, first, cid)
            ids = [cid]
        workshops.create(s, "Atelier de quartier (sans chantier)")
    window = build_main_window(store)

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    for width, height in SIZES:
        window.resize(width, height - 28)
        window.show_welcome()
        window.show()
        settle()
        window.grab().save(str(out / f"welcome-{width}.png"))
        window.open_chantier(ids[0])
        settle()
        window.grab().save(str(out / f"chantier-{width}.png"))
        page = window.chantier_view
        page.plan.select_card(page.plan.model.rows[1].card_id)  # the one with a protocol
        for index in range(1, page.tabs.count()):
            page.tabs.setCurrentIndex(index)
            settle()
            name = page.tabs.widget(index).objectName() or f"tab{index}"
            if page.tabs.currentWidget() is page.stakeholder_map:
                name = "map"
                page.stakeholder_map.scene.select_only(
                    next(iter(page.stakeholder_map.scene.items_by_id))
                )
                settle()
            elif page.tabs.currentWidget() is page.governance:
                name = "governance"
            elif page.tabs.currentWidget() is page.initiatives:
                name = "initiatives"
            window.grab().save(str(out / f"{name}-{width}.png"))
    from kitcop_desktop.printing.governance import render_governance_pdf
    from kitcop_desktop.printing.stakeholder_map import render_map_pdf

    with store.read() as s:
        (out / "carte-A3.pdf").write_bytes(render_map_pdf(s, ids[0]))
        (out / "gouvernance.pdf").write_bytes(render_governance_pdf(s, ids[0]))
    window.close()
    store.close()
    print(out)


if __name__ == "__main__":
    main()
