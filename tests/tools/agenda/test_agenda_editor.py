"""The déroulé editor driven like a facilitator would: keyboard, table, detail, undo."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from kitcop_desktop.storage import agenda, agenda_templates
from kitcop_desktop.storage.models.workshop import Workshop
from kitcop_desktop.tools.agenda import model as m
from kitcop_desktop.tools.agenda.spec import SPEC

# Modèle 1's first slot: the kit's « Accueil café » and « Introduction » in one 15 minutes.
WELCOME = "Accueil café / Introduction"


@pytest.fixture
def editor(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        s.get(Workshop, workshop_id).start_time = time(9, 0)
        s.get(Workshop, workshop_id).end_time = time(12, 30)
        agenda.apply_template(s, workshop_id, "modele_1")
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def titles(store, wid):
    with store.read() as s:
        return [x.title for x in agenda.list_sequences(s, wid)]


def test_spec_is_the_agenda():
    assert (SPEC.key, SPEC.title, SPEC.icon, SPEC.order) == ("agenda", "Déroulé", "agenda", 1)


def test_shows_the_five_columns_of_the_kit_with_computed_times(editor):
    model = editor.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert [h.replace("\n", " ") for h in headers] == [
        "Horaire",
        "Durée",
        "Objectif – intention",
        "Séquence",
        "Consignes",
        "Matériel / config salle",
    ]
    assert model.index(0, m.COL_TIME).data() == "09:00 – 09:15"
    assert model.index(0, m.COL_TITLE).data() == "Accueil café / Introduction"
    assert "☐ Café, thé, gobelets" in model.index(0, m.COL_MATERIALS).data()
    assert "7 séquences" in editor.summary.text() and "12" in editor.summary.text()


def test_ctrl_n_adds_after_the_selection_and_undo_removes_it(editor, ctx, store, workshop_id):
    editor.select(editor.model.rows[1].id)
    editor.new_item()
    assert titles(store, workshop_id)[2] == "Nouvelle séquence"
    assert editor.detail.title.hasFocus() or editor.detail.title.text() == "Nouvelle séquence"
    ctx.undo_stack.undo()
    assert "Nouvelle séquence" not in titles(store, workshop_id)
    ctx.undo_stack.redo()
    assert titles(store, workshop_id)[2] == "Nouvelle séquence"


def test_alt_arrows_move_delete_removes_and_undo_restores(editor, ctx, store, workshop_id):
    editor.table.setFocus()
    editor.select(editor.model.rows[0].id)
    QTest.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(store, workshop_id)[:2] == ["Brise-glace", WELCOME]
    assert editor.selected_id() == editor.model.rows[1].id  # the selection follows
    QTest.keyClick(editor.table, Qt.Key.Key_Delete)
    assert WELCOME not in titles(store, workshop_id)
    ctx.undo_stack.undo()
    assert titles(store, workshop_id)[:2] == ["Brise-glace", WELCOME]
    ctx.undo_stack.undo()
    assert titles(store, workshop_id)[:2] == [WELCOME, "Brise-glace"]


def test_ctrl_d_duplicates_and_undo_redo_keep_ids(editor, ctx, store, workshop_id):
    editor.table.setFocus()
    editor.select(editor.model.rows[2].id)
    QTest.keyClick(editor.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    names = titles(store, workshop_id)
    assert names[2] == names[3] == "Diagnostic" and len(names) == 8
    ctx.undo_stack.undo()
    assert len(titles(store, workshop_id)) == 7
    ctx.undo_stack.redo()
    assert titles(store, workshop_id)[3] == "Diagnostic"


def test_editing_cells_duration_and_pin_with_conflict_shown(editor, ctx, store, workshop_id):
    model = editor.model
    assert model.setData(model.index(3, m.COL_MINUTES), 120)
    assert editor.prepare.conflicts.isVisible()  # 9:00 + 4 h 10 ends after 12:30
    assert "après la fin prévue" in editor.prepare.conflicts.text()
    # a pin that cannot be met: shown, not moved
    assert model.setData(model.index(4, m.COL_TIME), "10:00")
    row = model.rows[4]
    assert row.pinned and row.start == 600 and row.conflict
    assert model.index(4, m.COL_TIME).data().startswith("⚠")
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert not editor.prepare.conflicts.isVisible()


def test_bad_input_shows_a_message_and_keeps_the_value(editor, ctx, store, workshop_id):
    model = editor.model
    assert not model.setData(model.index(0, m.COL_MINUTES), 0)
    assert not model.setData(model.index(0, m.COL_TITLE), "   ")
    assert not model.setData(model.index(0, m.COL_TIME), "midi et demi")
    messages = ctx.extras["messages"]
    assert all(msg.endswith("Rien n'a été modifié.") for msg in messages[-3:])
    assert titles(store, workshop_id)[0] == WELCOME
    assert ctx.undo_stack.count() == 0


def test_detail_panel_edits_accented_text_and_ticks_materials(editor, ctx, store, workshop_id):
    editor.select(editor.model.rows[0].id)
    detail = editor.detail
    detail.title.setFocus()
    detail.title.selectAll()
    detail.title.insert("Café d'accueil « chaleureux » 🎉")
    QTest.keyClick(detail.title, Qt.Key.Key_Return)
    assert titles(store, workshop_id)[0] == "Café d'accueil « chaleureux » 🎉"
    detail.instructions.setFocus()
    detail.instructions.insertPlainText("Bienvenue à toutes et à tous ! ")
    detail.title.setFocus()  # leaving the field stores it
    with store.read() as s:
        first = agenda.list_sequences(s, workshop_id)[0]
        assert first.instructions.startswith("Bienvenue à toutes")
    item = detail.checklist.item(0)
    line = item.text()
    item.setCheckState(Qt.CheckState.Checked)
    with store.read() as s:
        assert agenda.list_sequences(s, workshop_id)[0].materials_ticked == line
    assert "☑" in editor.model.index(0, m.COL_MATERIALS).data()
    ctx.undo_stack.undo()
    with store.read() as s:
        assert agenda.list_sequences(s, workshop_id)[0].materials_ticked == ""


def test_consignes_are_stored_while_typing_and_go_to_the_right_sequence(
    editor, qtbot, store, workshop_id
):
    """A kill in the middle of a paragraph loses at most the last pause, never the paragraph."""
    first, second = editor.model.rows[0].id, editor.model.rows[1].id
    editor.select(first)
    detail = editor.detail
    detail.instructions.setFocus()
    detail.instructions.moveCursor(QTextCursor.MoveOperation.End)
    for piece in (" Café", " & <thé>", " ☕"):  # typed (QTest types ASCII only)
        detail.instructions.insertPlainText(piece)
    assert detail.instructions.hasFocus()  # still typing: nothing left the field

    def stored(sid):
        with store.read() as s:
            return agenda.get(s, sid).instructions

    qtbot.waitUntil(lambda: stored(first).endswith(" Café & <thé> ☕"), timeout=3000)
    # Typed, then another séquence chosen at once (before the pause): the text stays with
    # the first one, and the field now shows the second one's consignes.
    QTest.keyClicks(detail.instructions, " Merci.")  # real key presses this time
    editor.select(second)
    assert stored(first).endswith("☕ Merci.")
    assert "Merci." not in stored(second)
    assert detail.instructions.toPlainText() == stored(second)


def test_tool_link_from_the_detail(editor, store, workshop_id):
    editor.select(editor.model.rows[2].id)
    combo = editor.detail.tool
    combo.setCurrentIndex(combo.findData("voting"))
    combo.activated.emit(combo.currentIndex())
    with store.read() as s:
        assert agenda.list_sequences(s, workshop_id)[2].tool_key == "voting"


def test_template_menu_replaces_and_undo_brings_back(editor, ctx, store, workshop_id):
    editor.prepare.fill_template_menu()
    texts = [a.text() for a in editor.prepare.template_menu.actions()]
    assert any(t.startswith("Modèle KISS") for t in texts)
    editor.prepare.apply_template("world_cafe")
    assert titles(store, workshop_id)[2].startswith("Rotation 1")
    ctx.undo_stack.undo()
    assert titles(store, workshop_id)[0] == WELCOME and len(titles(store, workshop_id)) == 7


def test_save_as_personal_template_then_offered(editor, store):
    assert editor.prepare.save_as_template("Mon modèle du lundi")
    with store.read() as s:
        assert [r.title for r in agenda_templates.list_personal(s)] == ["Mon modèle du lundi"]
    editor.prepare.fill_template_menu()
    assert "Mon modèle\u00a0: Mon modèle du lundi" in [
        a.text() for a in editor.prepare.template_menu.actions()
    ]


def test_search_finds_a_sequence(editor):
    assert editor.find_text("bocal")
    assert editor.model.rows[editor.table.currentIndex().row()].title == "Projection 2030"
    assert not editor.find_text("introuvable")


def test_drag_and_drop_reorders(editor, store, workshop_id):
    model = editor.model
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    assert titles(store, workshop_id)[:3] == ["Brise-glace", "Diagnostic", WELCOME]


def test_empty_agenda_says_what_to_do(ctx, qtbot):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    assert "choisissez un modèle" in widget.summary.text()
    assert not widget.prepare.delete_button.isEnabled()


def _current_title(editor) -> str:
    row = editor.table.currentIndex().row()
    assert row >= 0, "no séquence selected"
    return editor.model.rows[row].title


@pytest.mark.parametrize("action", ["add", "duplicate", "delete", "edit", "template"])
def test_undo_keeps_the_row_being_worked_on(editor, ctx, action):
    """#23 item 4: after Ctrl+Z the list stays where the facilitator was, never row 1."""
    editor.select(editor.model.rows[4].id)
    before = _current_title(editor)
    if action == "add":
        editor.new_item()
    elif action == "duplicate":
        editor.prepare.duplicate_selected()
    elif action == "delete":
        editor.prepare.delete_selected()
    elif action == "edit":
        assert editor.model.setData(editor.model.index(4, m.COL_MINUTES), 33)
    else:
        editor.prepare.apply_template("world_cafe")
        editor.select(editor.model.rows[4].id)
    ctx.undo_stack.undo()
    assert editor.table.currentIndex().row() == 4
    assert _current_title(editor) == before
    assert editor.detail.row is not None and editor.detail.row.title == before
    # A further change (the next edit after the undo) does not jump to row 1 either.
    assert editor.model.setData(editor.model.index(4, m.COL_MINUTES), 21)
    assert editor.table.currentIndex().row() == 4


def test_redo_of_a_deletion_selects_the_neighbour_and_undo_the_restored_row(editor, ctx):
    editor.select(editor.model.rows[2].id)
    restored = _current_title(editor)
    editor.prepare.delete_selected()
    ctx.undo_stack.undo()
    assert _current_title(editor) == restored
    ctx.undo_stack.redo()
    assert editor.table.currentIndex().row() == 2
    assert _current_title(editor) != restored
