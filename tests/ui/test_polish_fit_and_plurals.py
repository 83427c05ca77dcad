"""What a facilitator saw on a 1024×768 laptop: the « Restitution complète » description cut
top and bottom, the Atelier form running off the right edge, and « personne(s) » left in
messages (the plural helper says « 1 personne », « 2 personnes »)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from kitcop_desktop.domain.clock import FakeClock
from kitcop_desktop.storage import participants
from kitcop_desktop.tools.fishbowl.spec import SPEC as FISHBOWL
from kitcop_desktop.tools.printing.spec import SPEC as PRINTING
from kitcop_desktop.ui.workshop_page import WorkshopPage
from tests.layout_checks import cut_widgets, narrow_fields


def impose(qtbot, widget, width: int, height: int) -> QWidget:
    """The main window gives it this size, whatever it would like (its own minimum size is
    set, so it squeezes the tool below the tool's minimum as the real shell does)."""
    host = QWidget()
    qtbot.addWidget(host)
    QVBoxLayout(host).addWidget(widget)
    host.layout().setContentsMargins(0, 0, 0, 0)
    host.setFixedSize(width, height)
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: widget.width() == width and widget.height() == height, timeout=2000)
    return host  # kept alive by the caller


# 1024×768: the tool gets about 800×620 beside the sidebar; one screen: 630 px.
@pytest.mark.parametrize("size", [(800, 620), (630, 620), (1700, 960)])
def test_the_restitution_description_shows_every_line(app_look, ctx, qtbot, size):
    editor = PRINTING.make_editor(ctx)
    host = impose(qtbot, editor, *size)  # noqa: F841 - kept alive
    label = editor.restitution_contents
    qtbot.waitUntil(lambda: label.width() > 0)
    needed = label.heightForWidth(label.width())
    assert label.height() >= needed, f"{label.height()} px for {needed} px of text"
    # The other lines of the column are not squeezed either.
    for box in editor.checks.values():
        assert box.height() >= box.sizeHint().height(), box.text()
    assert editor.save_button.height() >= editor.save_button.sizeHint().height()
    column = editor.restitution_contents.parentWidget()
    assert column.width() <= column.parentWidget().width()  # nothing cut on the right
    assert cut_widgets(column) == []


@pytest.mark.parametrize("width", [630, 800, 1700])
def test_the_workshop_form_never_scrolls_sideways(app_look, ctx, qtbot, width):
    page = WorkshopPage(ctx)
    host = impose(qtbot, page, width, 620)  # noqa: F841 - kept alive
    scroll = page.findChild(QScrollArea)
    form = scroll.widget()
    qtbot.waitUntil(lambda: form.width() > 0)
    assert not scroll.horizontalScrollBar().isVisible()
    assert form.width() <= scroll.viewport().width()
    for edit in (page.start_edit, page.end_edit, page.date_edit):
        right = edit.mapTo(form, edit.rect().topRight()).x()
        assert right <= scroll.viewport().width(), edit.text()  # « 12:30 » in sight
        assert edit.width() >= edit.minimumSizeHint().width(), edit.text()
    assert cut_widgets(form) == []
    assert narrow_fields(form, 200) == []


def test_pasting_people_says_one_personne_then_personnes(ctx, qtbot):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    messages = ctx.extras["messages"]
    page.participants.paste_text("Claire Dubois\n")
    assert messages[-1].startswith("1 personne ajoutée.")
    page.participants.paste_text("Karim Benali\nNadia Haddad\n")
    assert messages[-1].startswith("2 personnes ajoutées.")
    assert all("(s)" not in m for m in messages)


def test_removing_people_names_the_undo_step_in_good_french(ctx, qtbot):
    page = WorkshopPage(ctx)
    qtbot.addWidget(page)
    page.participants.paste_text("Claire Dubois\nKarim Benali\nNadia Haddad\n")
    table = page.participants.table
    table.selectRow(0)
    page.participants.remove_selected()
    assert ctx.undo_stack.undoText() == "Retirer 1 participant·e"
    table.selectAll()
    page.participants.remove_selected()
    assert ctx.undo_stack.undoText() == "Retirer 2 participant·es"


def test_bringing_latecomers_into_the_fishbowl_says_personne_or_personnes(ctx, qtbot):
    with ctx.store.write() as s:
        participants.paste(s, ctx.workshop_id, "Claire Dubois\n")
    ctx.extras["clock"] = FakeClock()
    editor = FISHBOWL.make_editor(ctx)
    qtbot.addWidget(editor)
    editor.bowl.new_item()
    messages = ctx.extras["messages"]
    for text, said in (
        ("Léa Fontaine\n", "1 personne ajoutée au cercle."),
        ("Karim Benali\nNadia Haddad\n", "2 personnes ajoutées au cercle."),
    ):
        with ctx.store.write() as s:  # latecomers ticked present on the attendance list
            for person in participants.paste(s, ctx.workshop_id, text)[0]:
                participants.update(s, person, present=True)
        editor.bowl.commands.sync_members()
        assert messages[-1] == said
