"""#16 « Editable copies for the COP secretariat's own forms »: the restitution and the fiches
actions as DOCX that python-docx (and so Word, LibreOffice) opens, holding the same sections as
the PDF; `kitcop docx` writes them."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT

from kitcop_desktop import cli
from kitcop_desktop.printing.docx_copies import render_docx
from kitcop_desktop.printing.parts import compose, render_pdf
from kitcop_desktop.storage import actions, boards, fishbowl, fishbowl_notes
from tests.printing.docx_support import all_text, contents, headings, open_docx, page_breaks
from tests.printing.pdf_support import flat, text_of


def test_the_demo_restitution_as_docx_holds_the_pdf_sections_in_order(store, demo):
    with store.read() as s:
        names = compose(s, demo, ["all"]).contents_names()
        pdf_text = flat(text_of(render_pdf(s, demo, ["all"])))
        data = render_docx(s, demo, ["all"])
    assert len(names) >= 10  # participants, déroulé, boards, votes, bowl, rounds, KISS, …
    assert all(flat(name) in pdf_text for name in names)  # the PDF's own sommaire
    assert contents(data) == names  # the DOCX says the same sommaire, in the same order
    # One title per section, each a Word « Titre 1 » (the navigation pane lists them).
    titles = headings(data)
    assert len(titles) == len(names)
    assert "Fiches actions" in titles and "Participant·es" in titles
    for title in titles:
        assert flat(title) in pdf_text, title
    cover = open_docx(data).paragraphs
    assert cover[0].style.name == "Normal" and any(p.style.name == "Title" for p in cover[:3])


def test_the_docx_keeps_the_words_of_the_board_the_votes_and_the_fiches(store, demo):
    with store.read() as s:
        data = render_docx(s, demo, ["all"])
        board_list = boards.list_boards(s, demo)
        cards = [c.text for b in board_list for c in boards.cards_of(s, b.id)]
        fiches = [
            (x.challenge, x.action, x.test_plan, x.theme.upper()) for x in actions.list_for(s, demo)
        ]
    text = flat(all_text(data))
    assert cards and all(flat(c) in text for c in cards)
    for fiche in fiches:
        for value in fiche:
            assert flat(value) in text, value
    # The boards stay on landscape pages, drawn as pictures beside their listings.
    document = open_docx(data)
    orientations = [x.orientation for x in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations and orientations[0] == WD_ORIENT.PORTRAIT
    assert len(document.inline_shapes) >= len(board_list)


def test_the_fiches_actions_alone_one_per_page(store, demo):
    with store.read() as s:
        data = render_docx(s, demo, ["actions"])
        count = len(actions.list_for(s, demo))
    assert count >= 2
    assert headings(data) == ["Fiches actions"]
    assert page_breaks(data) == count - 1
    assert flat(all_text(data)).count("DÉFI") == count


def test_hostile_text_stays_literal(store, workshop_id):
    typed = "R&D <Lab> « déjà vu » 🌱 " + "x" * 3000
    with store.write() as s:
        actions.create(s, workshop_id, challenge="Défi <b>gras</b> & co", action=typed)
    with store.read() as s:
        data = render_docx(s, workshop_id, ["actions"])
    text = all_text(data)
    assert "Défi <b>gras</b> & co" in text
    assert "R&D <Lab> « déjà vu »" in text


def test_private_notes_never_reach_the_docx(store, workshop_id):
    secret = "SECRET : X bloque tout, ne pas le citer"
    with store.write() as s:
        bowl = fishbowl.create(s, workshop_id)
        fishbowl_notes.add_note(s, bowl.id, "levers", secret)
        shared = fishbowl_notes.add_note(s, bowl.id, "actions", "Une note partagée")
        fishbowl_notes.reveal(s, bowl.id, True, [shared])
    with store.read() as s:
        text = all_text(render_docx(s, workshop_id, ["all"]))
    assert "Une note partagée" in text
    assert "X bloque tout" not in text


def test_kitcop_docx_writes_the_file_and_refuses_the_paper_supports(store, db_path, tmp_path, demo):
    out = tmp_path / "restitution.docx"
    args = ["--db", str(db_path), "docx", str(demo), "-o", str(out)]
    assert cli.main(args) == cli.EXIT_OK
    assert len(headings(out.read_bytes())) >= 10
    paper = tmp_path / "vierges.docx"
    blank = ["--db", str(db_path), "docx", str(demo), "--part", "blank", "-o", str(paper)]
    assert cli.main(blank) == cli.EXIT_USAGE
    assert not paper.exists()
    missing = ["--db", str(db_path), "docx", "999", "-o", str(paper)]
    assert cli.main(missing) != cli.EXIT_OK
    assert not paper.exists()
