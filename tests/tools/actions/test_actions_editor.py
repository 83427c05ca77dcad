"""The fiches actions tool: list, edit every field of the kit's card, stars, undo, room view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import actions
from kitcop_desktop.tools.actions.spec import SPEC
from tests.model_tester import assert_model_sound, model_tester


@pytest.fixture
def editor(ctx, qtbot):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    return widget


def stored(store, workshop_id):
    with store.read() as s:
        return [
            {k: getattr(c, k) for k in ("action", "challenge", "impact", "leads", "indicators")}
            for c in actions.list_for(s, workshop_id)
        ]


def test_spec_is_the_actions_tool():
    assert (SPEC.key, SPEC.title, SPEC.icon, SPEC.order) == (
        "actions",
        "Fiches actions",
        "actions",
        6,
    )


def test_new_card_edit_fields_and_stars_each_undoable(editor, ctx, store, workshop_id):
    assert editor.body.currentWidget() is editor.empty
    card_id = editor.new_item()
    assert card_id and editor.list.count() == 1
    challenge = editor.fields["challenge"]
    challenge.setFocus()
    challenge.setText("")
    challenge.insert("Former 5 000 artisans « RGE » d'ici 2030 & après")
    QTest.keyClick(challenge, Qt.Key.Key_Tab)
    leads = editor.fields["leads"]
    leads.setFocus()
    leads.insertPlainText("CFA du BTP ; AFPA 🏗️")
    editor.fields["indicators"].setFocus()  # leaving the field stores it
    editor.fields["impact"].choose(3)
    assert stored(store, workshop_id) == [
        {
            "action": "Nouvelle action",
            "challenge": "Former 5 000 artisans « RGE » d'ici 2030 & après",
            "impact": 3,
            "leads": "CFA du BTP ; AFPA 🏗️",
            "indicators": "",
        }
    ]
    assert editor.fields["impact"].label.text() == "3 étoiles"
    assert "impact ★★★" in editor.list.row_text(0)
    ctx.undo_stack.undo()  # the stars
    assert stored(store, workshop_id)[0]["impact"] == 0
    ctx.undo_stack.undo()  # pilotes
    assert stored(store, workshop_id)[0]["leads"] == ""
    assert editor.fields["leads"].toPlainText() == ""


def test_stars_by_keyboard_and_clearing(editor, store, workshop_id):
    editor.new_item()
    stars = editor.fields["feasibility"]
    stars.setFocus()
    QTest.keyClick(stars, Qt.Key.Key_2)
    assert stars.value == 2
    QTest.keyClick(stars, Qt.Key.Key_Right)
    assert stars.value == 3
    stars.choose(3)  # clicking the current star again clears it
    assert stars.value == 0
    with store.read() as s:
        assert actions.list_for(s, workshop_id)[0].feasibility == 0


def test_bad_input_is_refused_and_the_field_shows_what_is_stored(editor, ctx, store, workshop_id):
    editor.new_item()
    challenge = editor.fields["challenge"]
    challenge.setFocus()
    challenge.setText("x" * 300)
    challenge.setMaxLength(5000)
    challenge.setText("x" * 400)
    QTest.keyClick(challenge, Qt.Key.Key_Tab)
    assert "trop long" in ctx.extras["messages"][-1]
    assert challenge.text() == ""
    assert stored(store, workshop_id)[0]["challenge"] == ""


def test_delete_is_undoable_and_search_filters(editor, ctx, store, workshop_id):
    with store.write() as s:
        actions.create(s, workshop_id, action="Guichet unique", challenge="Rénovation")
        actions.create(s, workshop_id, action="Chantiers-écoles", challenge="Formation")
    ctx.hub.notify("actions", workshop_id)
    assert editor.list.count() == 2
    editor.search()
    editor.filter_edit.insert("ECOLES")
    assert editor.list.count() == 1
    editor.filter_edit.clear()
    editor.focus_item(editor.cards[1].id)
    editor.delete_current()
    assert [c.heading for c in editor.cards] == ["Guichet unique"]
    ctx.undo_stack.undo()
    assert [c.heading for c in editor.cards] == ["Guichet unique", "Chantiers-écoles"]


def test_room_view_shows_the_selected_card_large(ctx, qtbot, store, workshop_id, editor):
    with store.write() as s:
        card = actions.create(
            s, workshop_id, action="Chantiers-écoles partagés", challenge="Former 2030", impact=3
        )
    ctx.hub.notify("actions", workshop_id)
    editor.focus_item(card.id)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    assert room.action.text() == "Chantiers-écoles partagés"
    assert room.kicker.text() == "Défi\u00a0: Former 2030"
    assert "★★★</span> 3/3" in room.ratings.text()
    assert "Faisabilité</span> non noté" in room.feasibility.text()
    assert room.action.font().pixelSize() >= 768 // 20


def test_the_list_is_a_sound_model_that_keeps_the_card_being_edited(
    editor, ctx, store, workshop_id, qtlog
):
    tester = model_tester(editor.list.model())
    with store.write() as s:
        for name in ("Guichet unique", "Chantiers-écoles", "Observatoire"):
            actions.create(s, workshop_id, action=name)
    ctx.hub.notify("actions", workshop_id)
    assert editor.list.count() == 3
    editor.focus_item(editor.cards[1].id)
    row = editor.list.currentRow()
    challenge = editor.fields["challenge"]
    challenge.setFocus()
    challenge.insert("Former les jeunes")
    QTest.keyClick(challenge, Qt.Key.Key_Tab)  # stored: the list is read again
    assert editor.list.currentRow() == row  # still on the card being edited
    assert "Former les jeunes" in editor.list.row_text(row)
    editor.filter_edit.insert("guichet")
    assert editor.list.count() == 1
    editor.filter_edit.clear()
    assert editor.list.count() == 3
    editor.delete_current()
    assert editor.list.count() == 2
    ctx.undo_stack.undo()
    assert editor.list.count() == 3
    assert tester is not None
    assert_model_sound(qtlog)
