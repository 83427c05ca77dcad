"""« Récolte » driven from the keyboard as a host would (#24): the table and the round chosen
with Tab and Alt+→, lines stored at each Entrée and undone one by one, the kit's angles
(the pro-action café's rounds start on sens / besoins / actions), a private line that never
leaves the harvest, and lines sent to a board and to a vote, once, each send undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import agenda, boards, participants, tables, tables_harvest, voting
from kitcop_desktop.tools.tables.spec import SPEC

CATEGORIES = ("public", "private", "para_public")


@pytest.fixture
def page(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")  # three « Rotation » séquences
        for n in range(12):
            participants.add(
                s, workshop_id, f"Personne {n:02d}", f"Structure {n % 5}", CATEGORIES[n % 3]
            )
        table_ids = tables.add_from_template(s, workshop_id, "pro_action")
        tables.set_host(s, table_ids[0], "Personne 00")
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    widget.seating_commands.assign()
    widget.pages.setCurrentWidget(widget.harvest)
    return widget


def type_line(view, text: str) -> None:
    view.entry.line.setFocus()
    view.entry.line.insert(text)  # QTest.keyClicks aborts on non-ASCII characters
    QTest.keyClick(view.entry.line, Qt.Key.Key_Return)


def stored(store, workshop_id, **where) -> list[tuple[str, str, bool]]:
    with store.read() as s:
        return [(x.angle, x.text, x.private) for x in tables_harvest.lines(s, workshop_id, **where)]


def test_each_enter_stores_a_line_and_ctrl_z_takes_them_back_one_by_one(
    page, ctx, store, workshop_id
):
    view = page.harvest
    assert view.round_number == 1 and view.entry.angle() == "purpose"  # « Le sens, les finalités »
    assert "Porteur·se\u00a0: Personne\u00a000" in view.who.text()
    assert "Autour de la table\u00a0: Personne\u00a000" in view.who.text()
    type_line(view, "Marquer l'avant et l'après <&> 🌱")
    type_line(view, "Inviter à la réflexion commune")
    assert view.entry.line.text() == ""
    assert stored(store, workshop_id) == [
        ("purpose", "Marquer l'avant et l'après <&> 🌱", False),
        ("purpose", "Inviter à la réflexion commune", False),
    ]
    assert view.shown_lines() == [
        "[Sens] Marquer l'avant et l'après <&> 🌱",
        "[Sens] Inviter à la réflexion commune",
    ]
    ctx.undo_stack.undo()
    assert view.shown_lines() == ["[Sens] Marquer l'avant et l'après <&> 🌱"]
    ctx.undo_stack.redo()
    assert len(stored(store, workshop_id)) == 2
    type_line(view, "   ")  # blank: nothing stored, nothing pushed
    assert len(stored(store, workshop_id)) == 2 and ctx.undo_stack.count() == 3  # assign + 2 lines


def test_table_and_round_from_the_keyboard_with_the_rounds_angle(page, store, workshop_id):
    view = page.harvest
    with store.read() as s:
        ids = [t.id for t in tables.list_tables(s, workshop_id)]
    line = view.entry.line
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_Tab)
    assert view.table_id == ids[1] and line.hasFocus()
    QTest.keyClick(line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(line, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.table_id == ids[-1]  # from the first table back to the last
    QTest.keyClick(line, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.round_number == 2 and view.entry.angle() == "needs"
    type_line(view, "Du temps")
    QTest.keyClick(line, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.round_number == 3 and view.entry.angle() == "actions"
    QTest.keyClick(line, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert view.entry.angle() == "idea"
    type_line(view, "Une charte commune")
    assert "Idées retenues pour cette table\u00a0: 1/3" in view.ideas.text()
    QTest.keyClick(line, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.round_number == 2 and view.shown_lines() == ["[Besoins] Du temps"]
    assert stored(store, workshop_id, table_id=ids[-1], round_number=3) == [
        ("idea", "Une charte commune", False)
    ]


def test_a_private_line_stays_in_the_harvest(page, ctx, store, workshop_id):
    view = page.harvest
    line = view.entry.line
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert view.entry.is_private()
    type_line(view, "Joël a du mal avec ce sujet")
    assert stored(store, workshop_id) == [("purpose", "Joël a du mal avec ce sujet", True)]
    view.lines.selectAll()
    assert not view.board_button.isEnabled() and not view.vote_button.isEnabled()
    assert view.delete_button.isEnabled()


def test_lines_sent_to_a_board_once_then_undone(page, ctx, store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat").id
    view = page.harvest
    type_line(view, "Former les tuteurs")
    type_line(view, "Un budget dédié")
    view.lines.selectAll()
    assert view.send_to_board(board, "levers")
    with store.read() as s:
        cards = [(c.zone, c.text, c.source) for c in boards.cards_of(s, board)]
    assert cards == [
        ("levers", "Former les tuteurs", "Atelier 1, tour 1"),
        ("levers", "Un budget dédié", "Atelier 1, tour 1"),
    ]
    assert not view.send_to_board(board, "brakes")  # already there: refused, nothing added
    assert "déjà sur le tableau « Speedboat »" in ctx.extras["messages"][-1]
    with store.read() as s:
        assert len(boards.cards_of(s, board)) == 2
    ctx.undo_stack.undo()
    with store.read() as s:
        assert boards.cards_of(s, board) == []
    assert stored(store, workshop_id)  # the harvest itself stays


def test_lines_sent_to_a_new_vote_then_to_it_again(page, ctx, store, workshop_id):
    view = page.harvest
    type_line(view, "Une charte")
    type_line(view, "Un annuaire")
    view.lines.selectAll()
    assert view.send_to_vote(None)
    with store.read() as s:
        (vote,) = voting.list_for(s, workshop_id)
        assert [i.text for i in vote.items] == ["Une charte", "Un annuaire"]
        vote_id = vote.id
    assert not view.send_to_vote(vote_id)  # both already there
    type_line(view, "Un forum")
    view.lines.selectAll()
    assert view.send_to_vote(vote_id)
    with store.read() as s:
        assert [i.text for i in voting.get(s, vote_id).items][-1] == "Un forum"
    ctx.undo_stack.undo()  # the proposal goes
    with store.read() as s:
        assert len(voting.get(s, vote_id).items) == 2
    ctx.undo_stack.undo()  # « Un forum » typed
    ctx.undo_stack.undo()  # the new vote goes
    with store.read() as s:
        assert voting.list_for(s, workshop_id) == []


def test_suppr_removes_the_selection_in_one_undo_step(page, ctx, store, workshop_id):
    view = page.harvest
    for text in ("Un", "Deux", "Trois"):
        type_line(view, text)
    view.lines.setFocus()
    view.lines.item(0).setSelected(True)
    view.lines.item(2).setSelected(True)
    QTest.keyClick(view.lines, Qt.Key.Key_Delete)
    assert [t for _, t, _ in stored(store, workshop_id)] == ["Deux"]
    ctx.undo_stack.undo()
    assert [t for _, t, _ in stored(store, workshop_id)] == ["Un", "Deux", "Trois"]


def test_an_edit_in_place_is_stored_and_a_blank_one_refused(page, ctx, store, workshop_id):
    view = page.harvest
    type_line(view, "Un lieu")
    view.lines.item(0).setText("[Sens] Un lieu ouvert")
    assert stored(store, workshop_id) == [("purpose", "Un lieu ouvert", False)]
    view.lines.item(0).setText("")
    assert stored(store, workshop_id) == [("purpose", "Un lieu ouvert", False)]
    assert view.shown_lines() == ["[Sens] Un lieu ouvert"]


@pytest.mark.parametrize("size", [(630, 620), (800, 620)])
def test_the_harvest_page_fits_beside_the_room_window(
    app_look, ctx, qtbot, store, workshop_id, size
):
    """One 1024×768 screen with the room window beside: the tool gets about 630 px. Every
    button and angle of the harvest whole, the line wide enough to type in, the lines typed
    in sight, nothing off the right edge."""
    from tests.layout_checks import cut_widgets, narrow_fields
    from tests.ui.test_polish_fit_and_plurals import impose

    with store.write() as s:
        agenda.apply_template(s, workshop_id, "world_cafe")
        for n in range(30):
            participants.add(s, workshop_id, f"Personne {n:02d}", "", CATEGORIES[n % 3])
        ids = tables.add_from_template(s, workshop_id, "pro_action")
        tables.update_table(
            s,
            ids[0],
            topic="La co-construction d'une vision partagée citoyens / chercheurs / entreprises "
            "/ institutions permet-elle d'identifier des critères d'habitabilité d'un territoire ?",
        )
        for n in range(8):
            tables_harvest.add_line(s, ids[0], 1, f"Une idée de la table, la {n + 1}e")
    editor = SPEC.make_editor(ctx)
    host = impose(qtbot, editor, *size)  # noqa: F841 - kept alive
    assert editor.seating_commands.assign()
    editor.pages.setCurrentWidget(editor.harvest)
    view = editor.harvest
    qtbot.wait(50)  # the flow layouts settle at the next turn of the loop
    assert cut_widgets(view) == []
    assert narrow_fields(view, 200) == []
    right_edge = view.mapTo(editor, view.rect().topRight()).x()
    for widget in (
        view.entry.line,
        view.entry.add_button,
        view.entry.private,
        view.room_button,
        view.vote_button,
        *view.entry.angle_buttons.values(),
    ):
        assert widget.isVisible(), widget.text() if hasattr(widget, "text") else widget
        left = widget.mapTo(editor, widget.rect().topLeft()).x()
        assert left >= 0 and left + widget.width() <= right_edge + 1, widget
    # At least three of the lines typed are in sight, under the table's long question.
    row = view.lines.sizeHintForRow(0)
    assert view.lines.viewport().height() >= 3 * row
    assert view.table_list.width() >= 120  # « Table ouverte » whole


def test_the_tables_list_counts_in_place_and_keeps_the_table_chosen(
    page, ctx, store, workshop_id, qtlog
):
    """Each line typed updates its table's count in the list, in place: the table chosen stays
    chosen (the host's Tab from the line moves on from it), the list is a sound model."""
    from tests.model_tester import assert_model_sound, model_tester

    view = page.harvest
    tester = model_tester(view.table_list.model())
    with store.read() as s:
        named = [(t.id, t.name) for t in tables.list_tables(s, workshop_id)]
    QTest.keyClick(view.entry.line, Qt.Key.Key_Tab)  # the second table
    assert view.table_list.current_key() == named[1][0] == view.table_id
    type_line(view, "Une première idée")
    type_line(view, "Une deuxième idée")
    assert view.table_list.row_text(1) == f"{named[1][1]} (2)"
    assert view.table_list.row_text(0) == named[0][1]  # nothing typed there: no count
    assert view.table_list.current_key() == named[1][0] and view.table_id == named[1][0]
    ctx.undo_stack.undo()
    assert view.table_list.row_text(1) == f"{named[1][1]} (1)"
    assert view.table_list.currentRow() == 1
    QTest.keyClick(view.entry.line, Qt.Key.Key_Tab)  # on from the table chosen, not the top
    assert view.table_id == named[2][0] and view.table_list.currentRow() == 2
    with store.write() as s:  # a table deleted elsewhere: the first one is chosen
        tables.delete_table(s, named[2][0])
    ctx.hub.notify("tables", workshop_id)
    assert view.table_id == named[0][0] and view.table_list.current_key() == named[0][0]
    assert tester is not None
    assert_model_sound(qtlog)
