"""#16: a printed board keeps its post-its at 9 pt or more. A board too full for one page is
printed zone by zone, each zone on as many pages as it needs (its title, « — suite » on the
next pages), never shrunk: before, a full speedboat's drawing shrank its post-its to 4 pt and
then to bare numbers. Measured from the PDF's own fonts and matrices."""

from __future__ import annotations

import re

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters
from tests.printing.pdf_support import flat, reader
from tests.printing.test_restitution_sizes import small_text

LEVERS = [
    "former les formateurs du territoire",
    "le label RGE",
    "des binômes artisan-apprenti sur les chantiers, suivis par la mission locale",
    "les CFA du BTP",
    "un forum des métiers au collège",
]
BRAKES = [
    "des métiers peu attractifs pour les jeunes",
    "des chantiers loin des transports en commun, surtout en zone rurale",
    "le coût du permis",
]


def _drawing_pages(data: bytes) -> list[str]:
    """The text of each page that draws the board (before its list of post-its)."""
    pages = [flat(page.extract_text() or "") for page in reader(data).pages]
    end = next(i for i, text in enumerate(pages) if "Les post-it, zone par zone" in text)
    before = pages[end].split("Les post-it, zone par zone")[0]
    return pages[:end] + ([before] if "1. " in before else [])


def test_a_full_speedboat_prints_zone_by_zone_never_under_9_pt(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Diagnostic")
        for i in range(70):
            boards.add_card(s, board.id, "levers", f"Levier {i + 1} : {LEVERS[i % 5]}")
        ids = [
            boards.add_card(s, board.id, "brakes", f"Frein {i + 1} : {BRAKES[i % 3]}").id
            for i in range(60)
        ]
        clusters.create_cluster(s, board.id, "brakes", "Attractivité des métiers", ids[:30])
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["boards"])
    assert small_text(data) == []  # no text under 9 pt anywhere, drawings included
    drawn = _drawing_pages(data)
    assert len(drawn) >= 4  # 130 post-its do not fit one page at 9 pt
    # Zone by zone, in the kit's order; a zone's next pages say so.
    assert any("Leviers (voiles, vent)" in page for page in drawn)
    assert any("Leviers (voiles, vent) — suite" in page for page in drawn)
    assert any("Freins (ancres) — suite" in page for page in drawn)
    # The sous-thématique of 30 freins is drawn whole, across pages if it must.
    assert any("Attractivité des métiers" in page for page in drawn)
    # Every post-it is drawn with its number, each on one page only.
    numbers = [int(n) for page in drawn for n in re.findall(r"(\d+)\. (?:Levier|Frein)", page)]
    assert sorted(numbers) == list(range(1, 131))


def test_a_small_board_still_prints_whole_on_one_page(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "Rétrospective KISS")
        for zone, text in (
            ("keep", "Le café du matin"),
            ("stop", "Les réunions trop longues"),
            ("improve", "Le minutage"),
            ("start", "Un comité de pilotage"),
        ):
            boards.add_card(s, board.id, zone, text)
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["boards"])
    assert small_text(data) == []
    (page,) = _drawing_pages(data)  # the board as the kit draws it, on its page
    for zone in ("On garde", "On jette", "On améliore", "On commence"):
        assert zone in page
    assert "suite" not in page


def test_a_chemin_split_by_angle_reads_at_9_pt(store, workshop_id):
    """The chemin's seven zones in two lanes drew their post-its at 8.8 pt on one page."""
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "retro_path", "Chemin")
        boards.update_board(s, board.id, split_by_angle=True)
        boards.add_card(s, board.id, "worked", "Le chantier école a tenu", angle="actions")
        boards.add_card(s, board.id, "worked", "Fiers du groupe", angle="feelings")
        boards.add_card(s, board.id, "did_not_work", "Les délais intenables", angle="actions")
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["boards"])
    assert small_text(data) == []
    text = " ".join(_drawing_pages(data))
    assert "Le chantier école a tenu" in text and "Les délais intenables" in text
