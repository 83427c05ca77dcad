"""Supports vierges: the speedboat and KISS posters (A3) here; the others in printables.py.

What the room fills by hand. The posters carry the workshop's problématique so that a photo of
the wall later still says what it was about.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from kitcop_desktop.i18n import tr
from kitcop_desktop.printing.action_cards import add_blank_action_card
from kitcop_desktop.printing.agenda import add_instruction_cards
from kitcop_desktop.printing.common import markup, p
from kitcop_desktop.printing.document import Document, frame_height
from kitcop_desktop.printing.drawing import Speedboat, ZoneGrid
from kitcop_desktop.printing.printables import (
    add_astonishment_sheets,
    add_declusion_slips,
    add_retro_path_poster,
    add_table_cards,
)
from kitcop_desktop.printing.table_printables import add_table_printables
from kitcop_desktop.printing.text import one_line


def _poster(doc: Document, workshop, title: str, drawing) -> None:
    doc.page("poster")
    doc.section(title)
    doc.add(markup(one_line(title), "poster_title"))
    if workshop.problem_statement:
        doc.add(p(workshop.problem_statement, "center"))
    doc.add(Spacer(1, 5 * mm), drawing)


def add_speedboat_poster(doc: Document, session, workshop) -> None:
    height = frame_height("poster") - 35 * mm
    _poster(doc, workshop, tr("Speedboat"), Speedboat(height, tr("Objectif 2030")))


def add_kiss_poster(doc: Document, session, workshop) -> None:
    height = frame_height("poster") - 35 * mm
    _poster(doc, workshop, tr("Rétrospective KISS"), ZoneGrid("kiss", height))


def add_blanks(doc: Document, session, workshop) -> None:
    """Every blank printable, in the order a facilitator prepares them."""
    add_astonishment_sheets(doc, session, workshop)
    add_blank_action_card(doc, session, workshop)
    add_speedboat_poster(doc, session, workshop)
    add_kiss_poster(doc, session, workshop)
    add_retro_path_poster(doc, session, workshop)
    add_declusion_slips(doc, session, workshop)
    # With tables (#24): their cards with their questions, the rounds' plans and cards.
    if not add_table_printables(doc, session, workshop):
        add_table_cards(doc, session, workshop)
    add_instruction_cards(doc, session, workshop)
