"""#16 « Done when »: the partners' restitution of the demo has no text under 9 pt, measured
from the PDF's own fonts and matrices; the new printables neither."""

from __future__ import annotations

import re

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import agenda, workshops
from tests.printing.pdf_support import reader, text_sizes

SMALLEST = 8.95  # 9 pt, give or take the rounding of the matrices


def small_text(data: bytes, *, skip: str = "") -> list[tuple[int, float, str]]:
    out = []
    for number, page in enumerate(reader(data).pages, start=1):
        if skip and re.search(skip, page.extract_text() or ""):
            continue
        out += [
            (number, round(size, 1), text) for size, text in text_sizes(page) if size < SMALLEST
        ]
    return out


def test_no_text_under_9_pt_in_the_demo_restitution(store, demo):
    with store.read() as s:
        data = render_pdf(s, demo, ["all"])
    # Board drawings included: a board too full for its page is printed zone by zone (#16).
    assert small_text(data) == []


def test_no_text_under_9_pt_in_the_printables(store):
    with store.write() as s:
        w = workshops.create(s, "Un titre d'atelier assez long pour passer sur deux lignes en tête")
        agenda.apply_template(s, w.id, "world_cafe")
    with store.read() as s:
        data = render_pdf(s, w.id, ["blank", "attendance", "agenda", "actions"])
    assert small_text(data) == []
