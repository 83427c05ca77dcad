"""The visibility is shown (an icon and a word beside each sensitive field), and the
facilitator's document says what it is on every page."""

from __future__ import annotations

from kitcop_desktop.domain.visibility import FACILITATOR_MARK
from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import fishbowl, fishbowl_notes
from kitcop_desktop.tools.fishbowl.spec import SPEC as FISHBOWL
from kitcop_desktop.ui.widgets.visibility_badge import VisibilityBadge
from kitcop_desktop.ui.workshop_page import WorkshopPage
from tests.printing.pdf_support import reader


def badges(widget) -> list[str]:
    return [b.text() for b in widget.findChildren(VisibilityBadge)]


def test_the_bowl_shows_its_two_kinds_of_notes_apart(ctx, qtbot):
    editor = FISHBOWL.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.bowl.new_item()
    notes = editor.bowl.notes
    assert notes.board_badge.text() == "restitution"
    assert notes.facilitator_badge.text().startswith("animateur·rice")
    assert "jamais projeté" in notes.facilitator_badge.toolTip()
    editor.bowl.commands.add_note("levers", "Un levier")
    editor.bowl.commands.add_note("actions", "Une action")
    assert notes.shown_count.text() == "0/2 à l'écran"
    editor.bowl.commands.reveal(True, editor.bowl.data.notes[0].id)
    assert notes.shown_count.text() == "1/2 à l'écran"
    tips = [notes.lists[h].item(0).toolTip() for h in ("actions", "levers")]
    assert tips[0].startswith("Révélée") and tips[1].startswith("Pas encore révélée")


def test_the_workshop_page_says_its_notes_are_for_the_facilitator(ctx, qtbot):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    assert "animateur·rice" in badges(page) and "salle" in badges(page)


def test_every_page_of_the_facilitators_document_is_marked(store, workshop_id):
    with store.write() as s:
        bowl = fishbowl.create(s, workshop_id)
        fishbowl_notes.add_note(s, bowl.id, "levers", "Une note")
    with store.read() as s:
        mine = render_pdf(s, workshop_id, ["facilitator"])
        theirs = render_pdf(s, workshop_id, ["all"])
    pages = reader(mine).pages
    assert len(pages) >= 2
    assert all(FACILITATOR_MARK in page.extract_text() for page in pages)
    assert reader(mine).metadata.title.startswith(FACILITATOR_MARK)
    assert not any(FACILITATOR_MARK in page.extract_text() for page in reader(theirs).pages)


def test_every_private_field_shows_its_visibility(ctx, qtbot):
    """A séquence's facilitator notes, an interviewee's real name and the participants' e-mails
    each say « animateur·rice » beside them (icon, word, promise in the tooltip)."""
    from PySide6.QtCore import Qt

    from kitcop_desktop.domain.visibility import PROMISES, Visibility
    from kitcop_desktop.tools.agenda.spec import SPEC as AGENDA
    from kitcop_desktop.tools.interviews.spec import SPEC as INTERVIEWS
    from kitcop_desktop.ui.participants_model import COLUMNS, ParticipantsModel

    for spec in (AGENDA, INTERVIEWS):
        editor = spec.make_editor(ctx)
        qtbot.addWidget(editor)
        assert "animateur·rice" in badges(editor), spec.key
    model = ParticipantsModel(ctx)
    column = COLUMNS.index("email")
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(column, horizontal).endswith("animateur·rice")
    assert not model.headerData(column, horizontal, Qt.ItemDataRole.DecorationRole).isNull()
    tip = model.headerData(column, horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == PROMISES[Visibility.FACILITATOR]
