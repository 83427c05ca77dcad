"""#16: emoji typed in post-its, fiches actions and names print as glyphs, drawn from the
monochrome emoji font shipped with the app (a subset of Symbola), never as « □ ». An emoji
newer than that font (🥳, 🦩: Unicode 10 and after) is left out of the print, cleanly."""

from __future__ import annotations

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.printing.text import PLACEHOLDER, plain
from kitcop_desktop.storage import actions, boards, participants, workshops
from tests.printing.pdf_support import fonts_of, reader, text_of

TYPED = {
    "title": "Atelier mobilité ☕",
    "card": "Un forum des métiers 🚀",
    "cluster": "Instances 🤝",
    "fiche": "Un comité des usagers 💪",
    "person": "Chloé Roux 🌱",
}


def _filled(store) -> int:
    with store.write() as s:
        w = workshops.create(s, TYPED["title"], problem_statement="Comment faire 💡 ?")
        participants.add(s, w.id, TYPED["person"])
        board = boards.create_board(s, w.id, "kiss", "Rétrospective KISS")
        card = boards.add_card(s, board.id, "start", TYPED["card"])
        from kitcop_desktop.storage import boards_clusters

        boards_clusters.create_cluster(s, board.id, "start", TYPED["cluster"], [card.id])
        actions.create(s, w.id, challenge="Mieux se parler 🗣", action=TYPED["fiche"])
        return w.id


def test_emoji_print_as_glyphs_never_as_squares(store):
    workshop_id = _filled(store)
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["all", "boards", "actions", "attendance"])
    text = text_of(data)
    assert PLACEHOLDER not in text  # no « □ » anywhere
    for typed in TYPED.values():
        assert typed in text, typed  # read back as typed: the glyphs are the emoji
    assert "🗣" in text and "💡" in text
    # Drawn from the shipped emoji font, embedded like the text's.
    names = {name for name, embedded in fonts_of(data) if embedded}
    assert any("Symbola" in name for name in names), names  # KitEmoji.ttf, a Symbola subset
    # On the board's drawing too (a canvas, not a paragraph), and in the running heads.
    drawing = reader(data).pages
    assert any(TYPED["card"] in (page.extract_text() or "") for page in drawing)


def test_an_emoji_newer_than_the_font_is_left_out_not_a_square():
    assert plain("Fière 🥳") == "Fière "
    assert plain("🦩") == ""
    assert plain("👍🏽") == "👍"  # the skin tone dropped, the hand drawn
    assert plain("中文") == PLACEHOLDER * 2  # not an emoji: still a visible square
