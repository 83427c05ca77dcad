"""The « Tables » tool driven as a facilitator would (#24): tables from a template, cells
typed in place (a host from the list or a guest), bad input refused, « Répartir
automatiquement » showing who sits where at each round, a person moved, each one undo step."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import agenda, attendance, participants, tables
from kitcop_desktop.tools.tables import editor as table_editor
from kitcop_desktop.tools.tables.spec import SPEC

CATEGORIES = ("public", "private", "para_public")


@pytest.fixture
def page(ctx, qtbot, store, workshop_id):
    return cafe_page(ctx, qtbot, store, workshop_id)


def cafe_page(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")  # three « Rotation » séquences
        for n in range(30):
            participants.add(
                s, workshop_id, f"Personne {n:02d}", f"Structure {n % 7}", CATEGORIES[n % 3]
            )
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def cell(page, row: int, column: int) -> str:
    return page.table.item(row, column).text()


def type_in(page, row: int, column: int, text: str) -> None:
    page.table.item(row, column).setText(text)  # what a typed and validated cell does


def test_spec_is_registered_like_the_other_tools():
    from kitcop_desktop.app import load_tool_specs

    keys = [spec.key for spec in load_tool_specs()]
    assert "tables" in keys and SPEC.title == "Tables"
    assert SPEC.order not in [s.order for s in load_tool_specs() if s.key != "tables"]


def test_template_then_cells_then_undo(page, ctx, store, workshop_id):
    page.preparation.add_template("world_cafe")
    assert page.table.rowCount() == 4
    assert cell(page, 0, table_editor.COL_NAME) == "Table 1"
    type_in(page, 0, table_editor.COL_TOPIC, "Financer la formation & l'apprentissage")
    type_in(page, 0, table_editor.COL_HOST, "personne 03")  # a name of the list
    type_in(page, 1, table_editor.COL_HOST, "Mme Invitée")  # a guest
    type_in(page, 1, table_editor.COL_CAPACITY, "8")
    with store.read() as s:
        first, second = tables.list_tables(s, workshop_id)[:2]
        hosts = (first.host_participant_id, first.host_name, second.host_name, second.capacity)
        three = participants.list_for(s, workshop_id)[3].id
    assert hosts == (three, "Personne 03", "Mme Invitée", 8)
    assert cell(page, 0, table_editor.COL_HOST) == "Personne 03"
    for _ in range(4):
        ctx.undo_stack.undo()
    with store.read() as s:
        first = tables.list_tables(s, workshop_id)[0]
        assert (first.topic, first.host_name) == ("Question 1 : à écrire", "")
    ctx.undo_stack.undo()
    assert page.table.rowCount() == 0
    ctx.undo_stack.redo()
    assert page.table.rowCount() == 4


@pytest.mark.parametrize("typed", ["0", "-3", "six", "100000"])
def test_absurd_seats_are_refused_and_the_cell_shows_what_is_stored(page, ctx, typed):
    page.preparation.add_template("world_cafe")
    before = ctx.undo_stack.count()
    type_in(page, 0, table_editor.COL_CAPACITY, typed)
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")
    assert cell(page, 0, table_editor.COL_CAPACITY) == ""
    assert ctx.undo_stack.count() == before


def test_distribute_shows_who_sits_where_in_each_round_and_undo(page, ctx, store, workshop_id):
    page.preparation.add_template("world_cafe")
    type_in(page, 0, table_editor.COL_HOST, "Personne 00")
    with store.write() as s:  # four did not come
        ids = [p.id for p in participants.list_for(s, workshop_id)]
        attendance.set_presence(s, {pid: n < 26 for n, pid in enumerate(ids)})
    assert page.seating.empty.isVisible() and not page.seating.tabs.isVisible()
    assert page.seating_commands.assign()
    assert page.seating.tabs.count() == 4  # the déroulé's three rotations, and a fourth added
    assert page.seating.tabs.tabToolTip(0).startswith("Rotation 1 — ")
    with store.read() as s:
        table_ids = [t.id for t in tables.list_tables(s, workshop_id)]
    for round_index in range(4):
        seen = [page.seating.seated_at(round_index, t) for t in table_ids]
        assert sorted(len(names) for names in seen) in ([6, 6, 7, 7], [7, 7, 6, 6])
        everyone = [n for names in seen for n in names]
        assert sorted(everyone) == [f"Personne {n:02d}" for n in range(26)]
        assert seen[0][0] == "Personne 00"  # the host stays, first
        box = page.seating.boxes[round_index][0]
        assert "Porteur·se\u00a0: Personne 00" in box.title.text()
        assert box.list.item(0).font().bold() and not box.list.item(1).font().bold()
    assert "26 personnes présentes" in page.summary.text()
    ctx.undo_stack.undo()
    assert page.seating.tabs.count() == 0 and page.seating.empty.isVisible()
    ctx.undo_stack.redo()
    assert page.seating.tabs.count() == 4


def test_moving_one_person_is_one_undo_step(page, ctx, store, workshop_id):
    page.preparation.add_template("world_cafe")
    assert page.seating_commands.assign()
    with store.read() as s:
        table_ids = [t.id for t in tables.list_tables(s, workshop_id)]
    name = page.seating.pick(1, table_ids[0], 0)
    picked = page.seating.selected()
    assert picked is not None and picked[2] == table_ids[0]
    page.seating._fill_menu()
    actions = page.seating.move_menu.actions()
    assert [a.text() for a in actions] == ["Table 2", "Table 3", "Table 4"]
    actions[2].trigger()  # to « Table 4 »
    assert name in page.seating.seated_at(1, table_ids[3])
    assert name not in page.seating.seated_at(1, table_ids[0])
    assert page.seating.tabs.currentIndex() == 1  # still on that round
    assert ctx.undo_stack.undoText() == "Changer de table (Table 4)"
    ctx.undo_stack.undo()
    assert name in page.seating.seated_at(1, table_ids[0])


def test_pasted_list_and_nothing_to_paste(page, ctx):
    assert page.preparation.add_pasted("Table A : Orientation\nRecrutement <urgent> & 🎉\n")
    assert [cell(page, r, 1) for r in range(2)] == ["Orientation", "Recrutement <urgent> & 🎉"]
    assert page.preparation.add_pasted("   \n") is None
    assert ctx.extras["messages"][-1].endswith("Rien n'a été modifié.")


@pytest.mark.parametrize("size", [(630, 620), (800, 620)])
def test_nothing_is_cut_beside_the_room_window(app_look, ctx, qtbot, store, workshop_id, size):
    """One screen at 1024×768 gives a tool about 630 px: every button and table box whole,
    every box inside the page (no sideways scrolling)."""
    from tests.layout_checks import cut_widgets
    from tests.ui.test_polish_fit_and_plurals import impose

    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        for n in range(30):
            participants.add(s, workshop_id, f"Personne {n:02d}", "", CATEGORIES[n % 3])
        tables.add_from_template(s, workshop_id, "pro_action")  # six tables
    editor = SPEC.make_editor(ctx)
    host = impose(qtbot, editor, *size)  # noqa: F841 - kept alive
    assert editor.seating_commands.assign()
    qtbot.wait(50)  # the boxes are laid out at the next turn of the loop
    assert cut_widgets(editor) == []
    page = editor.seating.tabs.currentWidget()
    for box in editor.seating.boxes[0]:
        left = box.mapTo(page.viewport(), box.rect().topLeft()).x()
        assert left >= 0 and left + box.width() <= page.viewport().width(), box.title.text()
    assert not page.horizontalScrollBar().isVisible()


def test_the_page_follows_the_list_of_participants(page, ctx, store, workshop_id):
    """Ticked present or renamed on « Atelier » (area « participants »): the count and the
    names seated follow without leaving the page."""
    page.preparation.add_template("world_cafe")
    assert page.seating_commands.assign()
    assert "30 personnes inscrites" in page.summary.text()  # nobody ticked yet
    with store.read() as s:
        ids = [p.id for p in participants.list_for(s, workshop_id)]
    ctx.push(
        "Émargement",
        area="participants",
        do=lambda s: attendance.set_presence(s, {pid: n < 20 for n, pid in enumerate(ids)}),
        undo=lambda s, before: attendance.set_presence(s, before),
    )
    assert "20 personnes présentes" in page.summary.text()


def test_topics_and_hosts_typed_row_after_row_keep_the_cell(page, ctx):
    """Typing row after row (F2, the text, Entrée, →): the page is made again after each
    stored cell, and the current cell stays where the facilitator was (it used to jump back
    to the first column, so → then F2 typed the host over the topic). The undo step names
    the café, not the menu's whole line."""
    page.preparation.add_template("pro_action")
    assert ctx.undo_stack.undoText() == "Préparer «\u00a0Pro-action café\u00a0»"
    table = page.table
    for row, (topic, host) in enumerate((("Le Grand Switch", "personne 01"), ("AudeTTE", ""))):
        table.setCurrentCell(row, table_editor.COL_TOPIC)
        type_in(page, row, table_editor.COL_TOPIC, topic)
        assert (table.currentRow(), table.currentColumn()) == (row, table_editor.COL_TOPIC)
        if host:
            table.setCurrentCell(row, table_editor.COL_HOST)
            type_in(page, row, table_editor.COL_HOST, host)
            assert (table.currentRow(), table.currentColumn()) == (row, table_editor.COL_HOST)
    assert cell(page, 0, table_editor.COL_TOPIC) == "Le Grand Switch"
    assert cell(page, 0, table_editor.COL_HOST) == "Personne 01"
    assert cell(page, 1, table_editor.COL_TOPIC) == "AudeTTE"


def test_the_harvest_tab_puts_the_cursor_in_its_line(page, qtbot):
    page.preparation.add_template("world_cafe")
    page.pages.setCurrentWidget(page.harvest)
    qtbot.waitUntil(lambda: page.harvest.entry.line.hasFocus())
    page.pages.setCurrentIndex(0)
    page.setFocus()
    page.activated()  # Ctrl+8 back on the tool, « Récolte » not shown: nothing grabbed
    assert not page.harvest.entry.line.hasFocus()
    page.pages.setCurrentWidget(page.harvest)
    page.setFocus()
    page.activated()  # Ctrl+8 back on « Récolte »: the line again
    qtbot.waitUntil(lambda: page.harvest.entry.line.hasFocus())


def test_ctrl_n_on_the_harvest_goes_to_its_line_never_adds_a_table(page, qtbot):
    page.preparation.add_template("world_cafe")
    page.pages.setCurrentWidget(page.harvest)
    page.setFocus()
    page.new_item()
    assert page.table.rowCount() == 4
    qtbot.waitUntil(lambda: page.harvest.entry.line.hasFocus())
