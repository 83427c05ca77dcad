"""Storage of the déroulé: templates, séquences, bad input, personal templates, planned rows."""

from __future__ import annotations

from datetime import time

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import agenda, agenda_templates, workshops
from kitcop_desktop.storage.models.workshop import Workshop


def titles(session, wid):
    return [s.title for s in agenda.list_sequences(session, wid)]


def test_apply_template_fills_the_agenda_and_planned_rows(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
    with store.read() as s:
        rows = agenda.planned_rows(s, workshop_id)
        assert s.get(Workshop, workshop_id).start_time == time(9, 30)  # the kit's start
    assert rows[0].title == "Accueil café / Introduction" and rows[0].horaire == "09:30–09:45"
    assert rows[-1].title == "Déclusion" and rows[-1].end == time(12, 0)
    assert all(r.conflict == "" for r in rows)


def test_apply_template_replaces_and_keeps_a_workshop_start(store, workshop_id):
    with store.write() as s:
        s.get(Workshop, workshop_id).start_time = time(14, 0)
        agenda.apply_template(s, workshop_id, "modele_1")
        agenda.apply_template(s, workshop_id, "modele_kiss")
    with store.read() as s:
        # The kit's empty row 10h00-10h15 is a pause (issue #22 item 10).
        assert titles(s, workshop_id)[4:6] == ["Rétrospective", "La méthode KISS"]
        assert agenda.planned_rows(s, workshop_id)[0].start == time(14, 0)


def test_unknown_template_changes_nothing(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "blank")
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
        agenda.apply_template(s, workshop_id, "nope")
    with store.read() as s:
        assert titles(s, workshop_id) == ["Accueil"]


def test_add_update_duplicate_move_delete_restore(store, workshop_id):
    with store.write() as s:
        a = agenda.add_sequence(s, workshop_id, title="A", duration_minutes=10)
        b = agenda.add_sequence(s, workshop_id, title="B <b> & 🎉", duration_minutes=20)
        c = agenda.add_sequence(s, workshop_id, index=0, title="C")
        assert titles(s, workshop_id) == ["C", "A", "B <b> & 🎉"]
        previous = agenda.update_sequence(s, a.id, title="A2", pinned_start="12 h 30")
        assert previous == {"title": "A", "pinned_start": None}
        assert agenda.get(s, a.id).pinned_start == time(12, 30)
        copy = agenda.duplicate_sequence(s, b.id)
        assert titles(s, workshop_id) == ["C", "A2", "B <b> & 🎉", "B <b> & 🎉"]
        assert copy.pinned_start is None
        agenda.move_sequence(s, c.id, 99)
        assert titles(s, workshop_id)[-1] == "C"
        snapshot = agenda.delete_sequence(s, a.id)
        assert "A2" not in titles(s, workshop_id)
        agenda.restore_sequence(s, snapshot)
        assert titles(s, workshop_id)[0] == "A2" and agenda.get(s, a.id).title == "A2"
        agenda.restore_fields(s, a.id, previous)
        assert agenda.get(s, a.id).title == "A"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("duration_minutes", 0, "au moins 1 minute"),
        ("duration_minutes", -5, "au moins 1 minute"),
        ("duration_minutes", 720, "dépasser 480 minutes"),
        ("duration_minutes", "beaucoup", "nombre de minutes"),
        ("title", "   ", "ne peut pas être vide"),
        ("title", "x" * 500, "trop long"),
        ("pinned_start", "25:00", "n'est pas une heure"),
        ("pinned_start", "midi", "n'est pas une heure"),
        ("instructions", "y" * 30_000, "trop long"),
        ("tool_key", "tetris", "outil"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_changes(
    store, workshop_id, field, value, words
):
    with store.write() as s:
        sid = agenda.add_sequence(s, workshop_id, title="Diagnostic", duration_minutes=50).id
    with pytest.raises(InvalidInput) as err, store.write() as s:
        agenda.update_sequence(s, sid, **{field: value})
    assert words in str(err.value) and str(err.value).endswith("Rien n'a été modifié.")
    with store.read() as s:
        seq = agenda.get(s, sid)
        assert (seq.title, seq.duration_minutes, seq.pinned_start) == ("Diagnostic", 50, None)


def test_long_consignes_and_special_characters_are_kept_verbatim(store, workshop_id):
    text = ("Consigne <script>alert(1)</script> & « guillemets » 🎉 " * 100)[:5000]
    with store.write() as s:
        sid = agenda.add_sequence(s, workshop_id, title="Long", instructions=text).id
    with store.read() as s:
        assert agenda.get(s, sid).instructions == text.strip()


def test_materials_checklist(store, workshop_id):
    with store.write() as s:
        sid = agenda.add_sequence(
            s, workshop_id, title="D", materials="- Post-it\n\n• Feutres\nAffiche"
        ).id
        assert agenda.material_lines(agenda.get(s, sid).materials) == [
            "Post-it",
            "Feutres",
            "Affiche",
        ]
        assert agenda.tick_material(s, sid, "Feutres", True) is False
        assert agenda.tick_material(s, sid, "Feutres", True) is True
        agenda.update_sequence(s, sid, materials="Post-it\nAffiche")  # Feutres removed
        assert agenda.get(s, sid).materials_ticked == ""
        with pytest.raises(InvalidInput):
            agenda.tick_material(s, sid, "Feutres", True)


def test_pins_conflicts_appear_in_planned_rows(store, workshop_id):
    with store.write() as s:
        w = s.get(Workshop, workshop_id)
        w.start_time, w.end_time = time(9, 0), time(10, 0)
        agenda.add_sequence(s, workshop_id, title="Long", duration_minutes=90)
        agenda.add_sequence(s, workshop_id, title="Déjeuner", pinned_start="10:00")
    with store.read() as s:
        rows = agenda.planned_rows(s, workshop_id)
        schedule = agenda.schedule_for(s, workshop_id)
    assert rows[1].pinned and rows[1].start == time(10, 0) and "10" in rows[1].conflict
    assert len(schedule.conflicts) == 2  # the pin, and the end after the planned end


def test_snapshot_and_restore_agenda(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
        before = agenda.snapshot_agenda(s, workshop_id)
        agenda.apply_template(s, workshop_id, "world_cafe")
        agenda.restore_agenda(s, workshop_id, before)
        assert titles(s, workshop_id) == [d["title"] for d in before["sequences"]]


def test_personal_templates_round_trip(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
        agenda.update_sequence(s, agenda.list_sequences(s, workshop_id)[0].id, title="Café")
        record = agenda_templates.save_as_template(s, workshop_id, "  Mon KISS  ")
        other = workshops.create(s, "Autre atelier").id
        agenda.apply_template(s, other, f"personal:{record.id}")
        assert titles(s, other)[0] == "Café" and len(titles(s, other)) == 7
        assert [r.title for r in agenda_templates.list_personal(s)] == ["Mon KISS"]
    with pytest.raises(InvalidInput), store.write() as s:
        agenda_templates.save_as_template(s, workshop_id, "")
    with store.write() as s:
        empty = workshops.create(s, "Vide").id
    with pytest.raises(InvalidInput, match="vide"), store.write() as s:
        agenda_templates.save_as_template(s, empty, "Rien")
    with pytest.raises(InvalidInput), store.write() as s:
        agenda.apply_template(s, workshop_id, "personal:999")


def test_deleting_the_workshop_removes_its_agenda(store, workshop_id):
    from sqlalchemy import delete, func, select

    from kitcop_desktop.storage.models.agenda import Sequence

    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_1")
        s.execute(delete(Workshop).where(Workshop.id == workshop_id))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Sequence)) == 0


def test_link_choices_list_the_items_of_a_tool(store, workshop_id):
    from kitcop_desktop.storage import agenda_links, boards, fishbowl, rounds, voting

    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat", "Table 2")
        vote = voting.create_vote(s, workshop_id, "Priorisation")
        bowl = fishbowl.create(s, workshop_id)
        seq = agenda.add_sequence(s, workshop_id, title="Diagnostic", tool_key="boards")
        agenda.update_sequence(s, seq.id, tool_ref=board.id)
        assert agenda_links.link_choices(s, workshop_id, "boards") == [
            (board.id, "Speedboat — Table 2")
        ]
        assert agenda_links.link_choices(s, workshop_id, "voting") == [(vote.id, "Priorisation")]
        assert agenda_links.link_choices(s, workshop_id, "fishbowl")[0][0] == bowl.id
        assert agenda_links.link_choices(s, workshop_id, "") == []
        meteo = rounds.create_round(s, workshop_id, "check_in")
        closing = rounds.create_round(s, workshop_id, "closing")
        assert agenda_links.link_choices(s, workshop_id, "rounds") == [
            (meteo.id, "Météo"),
            (closing.id, "Déclusion"),
        ]
        previous = agenda.update_sequence(s, seq.id, tool_key="voting")
        assert agenda.get(s, seq.id).tool_ref is None and previous["tool_ref"] == board.id


def test_facilitator_notes_are_kept_apart_from_the_consignes(store, workshop_id):
    """« Notes pour l'animateur·rice »: stored, copied with the séquence, never in consignes."""
    notes = "Variante : en binômes si < 15 personnes <b> & 🎉"
    with store.write() as s:
        seq = agenda.add_sequence(s, workshop_id, title="Diagnostic", instructions="En binôme.")
        previous = agenda.update_sequence(s, seq.id, facilitator_notes=notes)
        assert previous == {"facilitator_notes": ""}
        copy = agenda.duplicate_sequence(s, seq.id)
        assert copy.facilitator_notes == notes and copy.instructions == "En binôme."
        snapshot = agenda.delete_sequence(s, seq.id)
        assert agenda.restore_sequence(s, snapshot).facilitator_notes == notes
        record = agenda_templates.save_as_template(s, workshop_id, "Avec notes")
        other = workshops.create(s, "Autre").id
        agenda.apply_template(s, other, f"personal:{record.id}")
        assert [q.facilitator_notes for q in agenda.list_sequences(s, other)] == [notes, notes]
