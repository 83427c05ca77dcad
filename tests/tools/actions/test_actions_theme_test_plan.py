"""The kit's fiche action has a theme header (« BIODIVERSITÉ ») and its action plan asks how
to test the action (issue #16): both typed in the form, stored, one undo step each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import actions
from kitcop_desktop.tools.actions.spec import SPEC


@pytest.fixture
def editor(ctx, qtbot):
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    return widget


def stored(store, workshop_id):
    with store.read() as s:
        card = actions.list_for(s, workshop_id)[0]
        return card.theme, card.test_plan


def test_theme_and_test_plan_are_typed_stored_and_undone(editor, ctx, store, workshop_id):
    editor.new_item()
    theme = editor.fields["theme"]
    theme.setFocus()
    theme.insert("Biodiversité & <eau> 🌿")
    QTest.keyClick(theme, Qt.Key.Key_Tab)
    plan = editor.fields["test_plan"]
    plan.setFocus()
    plan.insertPlainText("Un pilote de 3 mois\navec 2 CFA")
    editor.fields["indicators"].setFocus()
    assert stored(store, workshop_id) == (
        "Biodiversité & <eau> 🌿",
        "Un pilote de 3 mois\navec 2 CFA",
    )
    ctx.undo_stack.undo()
    assert stored(store, workshop_id) == ("Biodiversité & <eau> 🌿", "")
    ctx.undo_stack.undo()
    assert stored(store, workshop_id) == ("", "")


def test_a_theme_over_100_characters_is_refused(store, workshop_id):
    with store.write() as s:
        card = actions.create(s, workshop_id, action="A", theme="  Biodiversité\n ")
        assert card.theme == "Biodiversité"
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        actions.update(s, card.id, theme="x" * 101)
    with store.read() as s:
        assert actions.get(s, card.id).theme == "Biodiversité"
