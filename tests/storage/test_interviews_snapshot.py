"""Undoing « Nouvel entretien » takes the interview out with all that was typed; redo puts it
back exactly (ids, notes, marks, restitution, the real name)."""

from kitcop_desktop.storage import interviews


def test_remove_and_restore_an_interview_with_everything_typed(store, workshop_id):
    with store.write() as s:
        guide = interviews.ensure_builtin_guides(s, workshop_id)[0]
        iv = interviews.create_interview(s, workshop_id, guide.id, profession="Plaquiste")
        interview_id, answer_id = iv.id, iv.answers[1].id
        interviews.save_answer_notes(s, answer_id, "Manque de candidats <&> 🌱")
        interviews.save_free_notes(s, interview_id, "À rappeler")
        mark_id = interviews.add_mark(s, interview_id, "brake", "Manque de candidats", answer_id).id
        interviews.set_real_name(s, interview_id, "Jeanne Martin")
        interviews.prefill_report(s, interview_id)

    with store.write() as s:
        snapshot = interviews.remove_interview(s, interview_id)
    with store.read() as s:
        assert interviews.list_interviews(s, workshop_id) == []
        assert interviews.real_name(s, interview_id) == ""

    with store.write() as s:
        interviews.restore_interview(s, snapshot)
    with store.read() as s:
        iv = interviews.get(s, interview_id)
        assert iv.profession == "Plaquiste"
        assert iv.answers[1].id == answer_id
        assert iv.answers[1].notes == "Manque de candidats <&> 🌱"
        assert iv.free_notes == "À rappeler"
        assert [m.id for m in iv.marks] == [mark_id]
        assert iv.report_difficulties == "– Manque de candidats"
        assert interviews.real_name(s, interview_id) == "Jeanne Martin"
        assert len(iv.answers) == len(guide.questions)
