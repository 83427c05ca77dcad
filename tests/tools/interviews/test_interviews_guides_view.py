"""Guides: the kit's two, editable, custom ones, hints while editing; interviews already
taken keep the questions they were asked."""

from __future__ import annotations

import pytest

from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.guides_view import GuidesView
from tests.model_tester import assert_model_sound, model_tester


@pytest.fixture
def view(qtbot, ctx):
    with ctx.store.write() as s:
        interviews.ensure_builtin_guides(s, ctx.workshop_id)
    widget = GuidesView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def test_hints_for_too_many_questions_and_yes_no_questions(view):
    view.guide_list.setCurrentRow(1)  # the kit's second guide has 11 questions
    assert view.count_label.text() == "11 questions"
    assert view.hints.isVisible()
    assert "10 au plus" in view.hints.text()
    assert "Questions 10, 11 :" in view.hints.text()  # « Connaissez-vous… », « Vous sentez-vous… »
    view.questions_edit.setPlainText("Comment recrutez-vous ?\nQuels métiers manquent ?")
    assert not view.hints.isVisible()
    view.questions_edit.setPlainText("Est-ce que vous formez vos salariés ?")
    assert "oui ou un non" in view.hints.text()


def test_editing_a_guide_keeps_the_questions_of_interviews_already_taken(qtbot, ctx, view):
    with ctx.store.write() as s:
        guide_id = interviews.list_guides(s, ctx.workshop_id)[0].id
        interview_id = interviews.create_interview(s, ctx.workshop_id, guide_id).id
    view.guide_list.setCurrentRow(0)
    view.title_edit.setText("Entreprises engagées (v2)")
    view.questions_edit.setFocus()
    view.questions_edit.setPlainText("Comment est né votre projet ?\n\n  \nQui vous a aidé ?")
    view.title_edit.setFocus()  # leaving the questions stores the guide (no Save button)
    with ctx.store.read() as s:
        assert interviews.guide_questions(s, guide_id) == [
            "Comment est né votre projet ?",
            "Qui vous a aidé ?",
        ]
        answers = interviews.get(s, interview_id).answers
        assert answers[0].question_text.startswith("En quoi consiste l'engagement")
        assert len(answers) == 6
    assert view.guide_list.row_text(0) == "Entreprises engagées (v2)\n2 questions"
    ctx.undo_stack.undo()
    with ctx.store.read() as s:
        assert len(interviews.guide_questions(s, guide_id)) == 6


def test_custom_guide_created_renamed_and_bad_titles_refused(qtbot, ctx, view):
    view.new_guide()
    assert view.guide_list.count() == 3
    assert view.title_edit.hasFocus()
    view.title_edit.setText("   ")
    view.save_guide()
    assert ctx.extras["messages"][-1] == (
        "Le titre du guide ne peut pas être vide. Rien n'a été modifié."
    )
    view.title_edit.setText("Guide <jeunes> & apprentis 🌱")
    view.save_guide()
    with ctx.store.read() as s:
        titles = [g.title for g in interviews.list_guides(s, ctx.workshop_id)]
    assert titles[-1] == "Guide <jeunes> & apprentis 🌱"
    view.delete_guide()
    assert view.guide_list.count() == 2
    ctx.undo_stack.undo()
    assert view.guide_list.count() == 3


def test_choosing_another_guide_stores_the_edits_and_shows_the_choice(qtbot, ctx, view):
    view.guide_list.setCurrentRow(0)
    view.questions_edit.setPlainText("Comment recrutez-vous ?")
    view.guide_list.setCurrentRow(1)
    assert view.title_edit.text() == "Métiers, formation et transition"
    assert view.guide_list.currentRow() == 1
    with ctx.store.read() as s:
        first = interviews.list_guides(s, ctx.workshop_id)[0]
        assert [q.text for q in first.questions] == ["Comment recrutez-vous ?"]
    assert ctx.undo_stack.count() == 1
    view.guide_list.setCurrentRow(0)  # nothing edited: no new undo step
    view.guide_list.setCurrentRow(1)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    view.guide_list.setCurrentRow(0)
    assert view.count_label.text() == "6 questions"


def test_the_guides_list_is_a_sound_model(qtbot, ctx, view, qtlog):
    tester = model_tester(view.guide_list.model())
    view.new_guide()
    view.guide_list.setCurrentRow(0)
    view.delete_guide()
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert view.guide_list.count() == 2
    assert tester is not None
    assert_model_sound(qtlog)
