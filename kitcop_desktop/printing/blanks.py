"""Supports vierges: the fiche étonnement (A4), the speedboat and KISS posters (A3), the cards.

What the room fills by hand. The posters carry the workshop's problématique so that a photo of
the wall later still says what it was about.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.printing.agenda import add_instruction_cards
from kitcop_desktop.printing.common import markup, p, table
from kitcop_desktop.printing.document import Document, frame_height
from kitcop_desktop.printing.drawing import Speedboat, ZoneGrid
from kitcop_desktop.printing.styles import RULE
from kitcop_desktop.printing.text import one_line


def add_astonishment_sheet(doc: Document, session, workshop) -> None:
    """One A4 fiche étonnement to fill alone, then in threes (the kit's four boxes)."""
    doc.page("portrait")
    doc.section("Fiche étonnement")
    doc.add(markup("Fiche étonnement", "h1"))
    doc.add(p(workshop.title, "muted"), Spacer(1, 3 * mm))
    lines = table(
        [[markup("Nom (facultatif)", "label"), "", markup("Structure", "label"), ""]],
        [35 * mm, 50 * mm, 25 * mm, None],
        [("LINEBELOW", (1, 0), (1, 0), 0.6, RULE), ("LINEBELOW", (3, 0), (3, 0), 0.6, RULE)],
    )
    doc.add(lines, Spacer(1, 5 * mm))
    doc.add(ZoneGrid("astonishment", frame_height("portrait") - 50 * mm, scale=0.7))


def _poster(doc: Document, workshop, title: str, drawing) -> None:
    doc.page("poster")
    doc.section(title)
    doc.add(markup(one_line(title), "poster_title"))
    if workshop.problem_statement:
        doc.add(p(workshop.problem_statement, "center"))
    doc.add(Spacer(1, 5 * mm), drawing)


def add_speedboat_poster(doc: Document, session, workshop) -> None:
    height = frame_height("poster") - 35 * mm
    _poster(doc, workshop, "Speedboat", Speedboat(height, "Objectif 2030"))


def add_kiss_poster(doc: Document, session, workshop) -> None:
    height = frame_height("poster") - 35 * mm
    _poster(doc, workshop, "Rétrospective KISS", ZoneGrid("kiss", height))


def add_blanks(doc: Document, session, workshop) -> None:
    """Every blank printable, in the order a facilitator prepares them."""
    add_astonishment_sheet(doc, session, workshop)
    add_speedboat_poster(doc, session, workshop)
    add_kiss_poster(doc, session, workshop)
    add_instruction_cards(doc, session, workshop)
