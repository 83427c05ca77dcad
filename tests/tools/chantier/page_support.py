"""What the chantier's screen tests share: a chantier with its workshops, its page open at a
laptop's size, and a few turns of the event loop once a change is stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from kitcop_desktop.storage import chantiers, workshops
from kitcop_desktop.tools.chantier.page import ChantierPage

TITLE = "Rénovation énergétique — Drôme"


def new_chantier(s, *workshop_titles: str | tuple[str, date]) -> tuple[int, list[int]]:
    """A chantier holding these workshops (a title, or a title and its date), in this order."""
    chantier_id = chantiers.create(s, TITLE).id
    ids = []
    for entry in workshop_titles:
        title, day = entry if isinstance(entry, tuple) else (entry, None)
        workshop_id = workshops.create(s, title, **({"date": day} if day else {})).id
        chantiers.move_workshop(s, workshop_id, chantier_id)
        ids.append(workshop_id)
    return chantier_id, ids


def open_page(qtbot, ctx, chantier_id: int, width: int = 1024, height: int = 700) -> ChantierPage:
    page = ChantierPage(ctx, chantier_id)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    return page


def settle(qtbot) -> None:
    """A cell's editor commits through a queued call, and the page reloads on a zero timer
    once the change is stored: a few turns of the event loop, whatever the machine's load."""
    for _ in range(4):
        QApplication.processEvents()
        qtbot.wait(5)
