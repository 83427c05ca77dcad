"""#13 item 15: absurd numbers in a vote are refused with a clear French sentence and nothing
changes, never silently changed. Real store, real widgets, typed from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kitcop_desktop.storage import participants, voting, voting_rounds
from kitcop_desktop.tools.voting.spec import SPEC

TWELVE = "\n".join(f"Personne {n}" for n in range(1, 13))
TEXTS = ("Covoiturage", "Pistes cyclables", "Navettes")


@pytest.fixture
def editor(ctx, qtbot, store, workshop_id):
    with store.write() as s:
        participants.paste(s, workshop_id, TWELVE)
        voting.create_vote_from_texts(s, workshop_id, [(t, None) for t in TEXTS], "Mobilité")
    widget = SPEC.make_editor(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def counts(store, editor):
    with store.read() as s:
        return [r.count for r in voting_rounds.round_results(s, editor.state.current.id).rows]


def type_into(field, text):
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_999_gommettes_on_one_proposal_for_12_people_is_refused(editor, ctx, store):
    type_into(editor.wall.fields[0], "999")
    assert ctx.extras["messages"][-1] == (
        "999 gommettes sur une proposition pour 12 participant·es à 1 au plus chacun·e\u00a0: "
        "c'est 12 au plus. Ajoutez les personnes manquantes à la liste d'émargement si besoin. "
        "Rien n'a été modifié."
    )
    assert counts(store, editor) == [0, 0, 0]
    assert editor.wall.fields[0].text() == ""
    # With 2 at most on one proposal: 24 on one is possible, but 36 gommettes in all at most.
    editor.commands.set_settings(editor.state.id, "Maximum par proposition", max_per_item=2)
    type_into(editor.wall.fields[0], "24")
    type_into(editor.wall.fields[1], "12")
    assert sorted(counts(store, editor)) == [0, 12, 24]
    type_into(editor.wall.fields[2], "1")
    assert ctx.extras["messages"][-1] == (
        "Ce tour compterait 37 gommettes pour 12 participant·es à 3 chacun·e\u00a0: c'est 36 au plus "
        "en tout. Vérifiez les nombres déjà saisis. Rien n'a été modifié."
    )
    assert sorted(counts(store, editor)) == [0, 12, 24]


def test_typing_999_gommettes_each_is_refused_not_cut_to_9(editor, ctx, store):
    box = editor.setup.dots
    type_into(box, "999")
    assert ctx.extras["messages"][-1] == (
        "Chaque participant·e a au plus 20 gommettes. Rien n'a été modifié."
    )
    assert box.value() == 3
    with store.read() as s:
        assert voting.list_for(s, ctx.workshop_id)[0].dots_per_participant == 3
    assert ctx.undo_stack.count() == 0


def test_rules_that_cannot_rank_the_proposals_are_warned(editor):
    # 3 gommettes, 1 at most on each of 3 proposals: everyone covers all three.
    assert editor.setup.rules_warning.isVisible()
    assert "le tour ne départagera rien" in editor.setup.rules_warning.text()
    editor.commands.add_item(editor.state.id, "Télétravail")
    assert editor.setup.rules_warning.isHidden()
    type_into(editor.setup.dots, "4")
    assert editor.setup.rules_warning.isVisible()
    assert "le tour ne départagera rien" in editor.setup.rules_warning.text()
    type_into(editor.setup.dots, "6")
    assert "personne ne pourra placer ses 6 gommettes (4 au plus)" in (
        editor.setup.rules_warning.text()
    )
