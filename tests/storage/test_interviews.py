"""Storage of field interviews: guides, pseudonyms, notes, marks, restitution, bad input."""

from datetime import date

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import interviews


@pytest.fixture
def guide_id(store, workshop_id):
    with store.write() as s:
        guides = interviews.ensure_builtin_guides(s, workshop_id)
        return guides[0].id


def test_workshop_gets_editable_copies_of_the_kits_guides_once(store, workshop_id):
    with store.write() as s:
        interviews.ensure_builtin_guides(s, workshop_id)
        guides = interviews.ensure_builtin_guides(s, workshop_id)
    assert [g.title for g in guides] == ["Entreprises engagées", "Métiers, formation et transition"]


def test_new_interviews_are_numbered_pseudonyms_with_the_guides_questions(
    store, workshop_id, guide_id
):
    with store.write() as s:
        first = interviews.create_interview(s, workshop_id, guide_id, profession="Plaquiste")
        second = interviews.create_interview(s, workshop_id, None)
    with store.read() as s:
        listed = interviews.list_interviews(s, workshop_id)
        answers = [a.question_text for a in interviews.get(s, first.id).answers]
    assert [i.pseudonym for i in listed] == ["Enquêté·e 1", "Enquêté·e 2"]
    assert listed[0].profession == "Plaquiste"
    assert listed[0].guide_title == "Entreprises engagées"
    assert len(answers) == 6 and answers[0].startswith("En quoi consiste")
    # No guide: allowed, free notes only.
    with store.read() as s:
        assert interviews.get(s, second.id).answers == []


def test_real_name_is_kept_apart_and_never_listed(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
        interviews.set_real_name(s, iv.id, "  Jeanne   Martin ")
    with store.read() as s:
        listed = interviews.list_interviews(s, workshop_id)
        assert interviews.real_name(s, iv.id) == "Jeanne Martin"
    assert "Jeanne" not in repr(listed)
    with store.write() as s:
        assert interviews.set_real_name(s, iv.id, "") == "Jeanne Martin"
    with store.read() as s:
        assert interviews.real_name(s, iv.id) == ""


def test_answers_keep_their_question_text_when_the_guide_is_edited(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
        previous = interviews.update_guide(
            s, guide_id, title="Ma trame", questions=["Comment recrutez-vous ?", "", "  "]
        )
    assert previous["title"] == "Entreprises engagées" and len(previous["questions"]) == 6
    with store.read() as s:
        assert interviews.guide_questions(s, guide_id) == ["Comment recrutez-vous ?"]
        answers = [a.question_text for a in interviews.get(s, iv.id).answers]
    assert len(answers) == 6
    assert answers[0] == "En quoi consiste l'engagement écologique de votre entreprise ?"


def test_deleting_a_guide_keeps_interviews_and_undo_brings_it_back(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
        data = interviews.delete_guide(s, guide_id)
    with store.read() as s:
        assert interviews.get(s, iv.id).guide_id is None
        assert len(interviews.get(s, iv.id).answers) == 6
    with store.write() as s:
        interviews.recreate_guide(s, data)
    with store.read() as s:
        assert interviews.get(s, iv.id).guide_id == guide_id
        assert len(interviews.guide_questions(s, guide_id)) == 6


def test_odd_characters_and_huge_notes(store, workshop_id, guide_id):
    odd = "R&D <b>gras</b> « ok » 🚀\x00\x07 fin"
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id, structure=odd)
        interviews.save_answer_notes(s, iv.answers[0].id, odd + "\n" + "x" * 19_000)
    with store.read() as s:
        got = interviews.get(s, iv.id)
        assert got.structure == "R&D <b>gras</b> « ok » 🚀 fin"
        assert got.answers[0].notes.startswith("R&D <b>gras</b> « ok » 🚀 fin\n")
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        interviews.save_free_notes(s, iv.id, "y" * 30_000)
    with store.read() as s:
        assert interviews.get(s, iv.id).free_notes == ""


@pytest.mark.parametrize("minutes", [-5, 0, 4, 100_000, "une heure"])
def test_absurd_durations_are_refused(store, workshop_id, guide_id, minutes):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        interviews.update_interview(s, iv.id, planned_minutes=minutes)
    with store.read() as s:
        assert interviews.get(s, iv.id).planned_minutes == 60


def test_bad_guides_are_refused(store, workshop_id):
    with pytest.raises(InvalidInput, match="ne peut pas être vide"), store.write() as s:
        interviews.create_guide(s, workshop_id, "   ", ["Comment ?"])
    with pytest.raises(InvalidInput, match="60 questions"), store.write() as s:
        interviews.create_guide(s, workshop_id, "Trop", ["Comment ?"] * 61)
    with store.read() as s:
        assert interviews.list_guides(s, workshop_id) == []


def test_update_returns_previous_values_for_undo(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id, date=date(2026, 2, 10))
        previous = interviews.update_interview(
            s, iv.id, territory="Nord-Isère", consent_to_record=True, done=True
        )
    assert previous == {"territory": "", "consent_to_record": False, "done": False}
    with pytest.raises(InvalidInput), store.write() as s:
        interviews.update_interview(s, iv.id, date="demain")


def test_marks_prefill_only_empty_parts_of_the_restitution(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
        interviews.add_mark(s, iv.id, "brake", "Pas de candidats", iv.answers[4].id)
        interviews.add_mark(s, iv.id, "lever", "Le CFA voisin")
        interviews.add_mark(s, iv.id, "action", "Tutorat des apprentis")
        interviews.add_mark(s, iv.id, "need", "Un référent formation")
        interviews.save_report(s, iv.id, "report_levers", "Déjà écrit")
        previous = interviews.prefill_report(s, iv.id)
    with store.read() as s:
        got = interviews.get(s, iv.id)
        assert got.report_difficulties == "– Pas de candidats\n– Besoin : Un référent formation"
        assert got.report_actions == "– Tutorat des apprentis"
        assert got.report_levers == "Déjà écrit"
    assert previous == {"report_actions": "", "report_difficulties": ""}
    with store.write() as s:
        interviews.restore_report(s, iv.id, previous)
    with store.read() as s:
        assert interviews.get(s, iv.id).report_actions == ""


def test_bad_marks_are_refused(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
    for kind, text in [("brake", "   "), ("joy", "texte"), ("lever", "z" * 2500)]:
        with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
            interviews.add_mark(s, iv.id, kind, text)
    with store.read() as s:
        assert interviews.list_marks(s, iv.id) == []


def test_delete_mark_and_recreate_it(store, workshop_id, guide_id):
    with store.write() as s:
        iv = interviews.create_interview(s, workshop_id, guide_id)
        mark = interviews.add_mark(s, iv.id, "lever", "Aides régionales")
        data = interviews.delete_mark(s, mark.id)
    with store.write() as s:
        interviews.recreate_mark(s, data)
    with store.read() as s:
        assert [m.text for m in interviews.list_marks(s, iv.id)] == ["Aides régionales"]


def test_the_same_passage_cannot_be_marked_twice_as_the_same_kind(store, workshop_id, guide_id):
    with store.write() as s:
        interview_id = interviews.create_interview(s, workshop_id, guide_id).id
        interviews.add_mark(s, interview_id, "brake", "Manque de candidats")
    refused = "déjà marqué comme frein. Rien n'a été modifié."
    with pytest.raises(InvalidInput, match=refused), store.write() as s:
        interviews.add_mark(s, interview_id, "brake", "  Manque   de candidats ")
    with store.write() as s:  # the same words as a besoin are another idea
        interviews.add_mark(s, interview_id, "need", "Manque de candidats")
        assert len(interviews.list_marks(s, interview_id)) == 2


def test_every_demo_mark_is_a_passage_of_its_notes(store):
    """The demo shows coloured passages: each mark stands in the notes it was marked in."""
    from kitcop_desktop.domain.interview_guides import passage_spans
    from kitcop_desktop.storage.demo import create_demo

    workshop_id = create_demo(store)
    with store.read() as s:
        for summary in interviews.list_interviews(s, workshop_id):
            iv = interviews.get(s, summary.id)
            notes = {a.id: a.notes for a in iv.answers} | {None: iv.free_notes}
            for mark in iv.marks:
                assert passage_spans(notes[mark.answer_id], mark.text), mark.text
