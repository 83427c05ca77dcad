"""The room screen shows only the guide's question being asked, large, never a name."""

from __future__ import annotations

from kitcop_desktop.storage import interviews
from kitcop_desktop.tools.interviews.spec import SPEC


def test_room_follows_the_question_and_never_shows_a_name_or_notes(qtbot, ctx):
    editor = SPEC.make_editor(ctx)
    room = SPEC.make_room_view(ctx)
    qtbot.addWidget(editor)
    qtbot.addWidget(room)
    room.resize(1024, 768)
    room.show()
    assert room.question.text() == (
        "En quoi consiste l'engagement écologique de votre entreprise\u00a0?"
    )
    editor.new_item()
    with ctx.store.write() as s:
        interviews.set_real_name(s, editor.interview_id, "Jeanne Martin")
    editor.pages.setCurrentWidget(editor.notes)
    editor.notes.editors[0].insertPlainText("Une note privée")
    editor.notes.next_question()
    assert room.position.text() == "Question 2 sur 6"
    assert room.question.text().startswith("Quelles initiatives avez-vous mises en place")
    shown = " ".join(w.text() for w in (room.heading, room.position, room.question))
    assert "Jeanne" not in shown and "Enquêté" not in shown and "note privée" not in shown
    # Room sizes come from its height: body at least 1/20.
    for label in (room.heading, room.position, room.question):
        assert label.font().pixelSize() >= 768 // 20
    editor.notes.go_to(99)
    assert room.position.text() == "Pour finir"
