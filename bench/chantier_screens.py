"""Render the chantier's screens (#17) to PNG at 1024×768 and 1920×1080, for a look: the
welcome list with a chantier and its workshops, the chantier page and each of its tabs, the
room screen showing the « Quelques chiffres clés » séquence fed from the chantier's données;
and its PDFs (the A3 map, the gouvernance, the données).

    .venv/bin/python bench/chantier_screens.py [OUT_DIR]      (default bench/out/chantier)
"""

from __future__ import annotations

import sys

from screen_support import SIZES, demo_window


def main() -> None:
    _app, store, window, settle, out, demo_id = demo_window("chantier", sys.argv, rounds=8)
    from kitcop_desktop.domain.key_figures import is_key_figures_sequence
    from kitcop_desktop.storage import agenda, chantiers, key_figures, workshops
    from kitcop_desktop.tools.chantier.page import TABS

    with store.write() as s:
        ids = [c.id for c in chantiers.list_summaries(s)]
        workshops.create(s, "Atelier de quartier (sans chantier)")
        key_figures.feed_workshop(s, ids[0], demo_id)
        figures_id = next(
            q.id for q in agenda.list_sequences(s, demo_id) if is_key_figures_sequence(q.title)
        )

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
            name = TABS[index][0]
            if name == "map":  # (asking for page.stakeholder_map on another tab builds it hidden)
                page.stakeholder_map.scene.select_only(
                    next(iter(page.stakeholder_map.scene.items_by_id))
                )
                settle()
            window.grab().save(str(out / f"{name}-{width}.png"))
        # The room screen while the séquence fed by the données clés runs.
        window.open_workshop(demo_id)
        window.activate_tool("agenda")
        window.room.show()
        window.room.resize(width, height)
        live = window.current_editor().live
        live.restart()
        live.go_to(figures_id)
        live.start()
        settle()
        window.room.grab().save(str(out / f"key-figures-room-{width}.png"))
        live.restart()
        window.room.hide()
    from kitcop_desktop.printing.governance import render_governance_pdf
    from kitcop_desktop.printing.key_figures import render_key_figures_pdf
    from kitcop_desktop.printing.stakeholder_map import render_map_pdf

    with store.read() as s:
        (out / "carte-A3.pdf").write_bytes(render_map_pdf(s, ids[0]))
        (out / "gouvernance.pdf").write_bytes(render_governance_pdf(s, ids[0]))
        (out / "donnees.pdf").write_bytes(render_key_figures_pdf(s, ids[0]))
    window.close()
    store.close()
    print(out)


if __name__ == "__main__":
    main()
