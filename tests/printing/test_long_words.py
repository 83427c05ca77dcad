"""Long unbroken words (pasted links, references) print in linear time (#14 item 12): they are
cut into pieces that fit a column before reportlab sees them (it measured them one character
at a time, again at every page they spanned)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.printing.text import LONG_WORD, one_line, para_text
from kitcop_desktop.storage import boards

LINK = "https://exemple.org/ressources/" + "".join(chr(97 + k % 26) for k in range(6000))


def test_no_word_reaches_reportlab_longer_than_a_column():
    for text in (para_text(LINK), one_line(LINK), para_text(f"Voir {LINK} et la suite")):
        longest = max(len(word) for word in text.replace("<br/>", " ").split())
        assert longest <= LONG_WORD
    assert para_text("Une phrase ordinaire, anticonstitutionnellement.") == (
        "Une phrase ordinaire, anticonstitutionnellement."
    )  # ordinary words are untouched


def test_a_long_link_on_a_post_it_prints_whole_in_pieces(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat")
        boards.add_card(s, board.id, "brakes", LINK[:2000])
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["boards"])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    flat = "".join(text.split())
    assert LINK[:2000].replace(" ", "") in flat  # every character is printed, in order
