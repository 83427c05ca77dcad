"""Hostile text: markup characters, control characters, emoji, 10,000-character words.

Whatever is typed, every part builds, nothing is interpreted as markup, and what comes out of
the PDF is what was typed (emoji from the shipped emoji font; one newer than it left out).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.printing.text import PLACEHOLDER, plain
from kitcop_desktop.storage import actions, agenda, boards, participants, workshops
from tests.printing.pdf_support import fonts_of, squeeze, text_of

ALPHABET = "abcXYZ éèàçÉœŒ€«»<>&\"';:!?/\\#%{}[]()*_-–—…·\u00a0\u202f\t\x00\x07\x1b🦩👍🏽✓★"
hostile = st.text(alphabet=ALPHABET, min_size=1, max_size=60).filter(lambda t: t.strip())


def fill(store, typed: str) -> int:
    # A letter first: a field made only of control characters is rightly refused as empty.
    text = f"A {typed}"
    with store.write() as s:
        w = workshops.create(s, f"Atelier {text}"[:200], place=text, problem_statement=text)
        participants.add(s, w.id, f"Nom {text}"[:200], structure=text)
        actions.create(s, w.id, challenge=text, action=text, description=text, leads=text)
        board = boards.create_board(s, w.id, "kiss", "KISS")
        boards.add_card(s, board.id, "start", text)
        agenda.add_sequence(s, w.id, title="Séquence", instructions=text, materials=text)
        return w.id


def expected(text: str) -> str:
    """What must come back: the typed text with controls dropped, whitespace ignored."""
    return squeeze(plain(text))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_any_text_prints_as_typed(store, text):
    workshop_id = fill(store, text)
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["all", "attendance", "actions", "agenda", "boards"])
    assert all(embedded for _, embedded in fonts_of(data))
    out = squeeze(text_of(data))
    with store.read() as s:
        stored = participants.list_for(s, workshop_id)[0].structure
    assert expected(stored) in out


def test_markup_is_never_applied(store):
    typed = "<b>gras</b> <font size=40>énorme</font> R&D a<b &amp;"
    workshop_id = fill(store, typed)
    with store.read() as s:
        text = text_of(render_pdf(s, workshop_id, ["actions", "attendance"]))
    assert typed in text
    assert "R&D;" not in text


def test_emoji_print_as_typed_or_are_left_out_never_as_squares(store):
    # #16: 🦩 (Unicode 12) printed as « □ »; it is newer than the shipped emoji font.
    workshop_id = fill(store, "Chantier 🦩 fini ✓ 🚀")
    with store.read() as s:
        text = text_of(render_pdf(s, workshop_id, ["attendance"]))
    assert "Chantier" in text and "fini ✓ 🚀" in text
    assert PLACEHOLDER not in text


def test_ten_thousand_character_words_split_instead_of_failing(store, workshop_id):
    word = "anticonstitutionnellement" * 400  # 10,000 characters, no space
    with store.write() as s:
        actions.create(s, workshop_id, action="Long", description=word)
        board = boards.create_board(s, workshop_id, "speedboat", "Mots longs")
        boards.add_card(s, board.id, "brakes", word[:2000])
        agenda.add_sequence(s, workshop_id, title="Longue", instructions=word)
    with store.read() as s:
        data = render_pdf(s, workshop_id, ["actions", "boards", "agenda", "blank"])
    out = squeeze(text_of(data))
    assert word in out.replace("Long", "") or out.count("anticonstitutionnellement") >= 400
