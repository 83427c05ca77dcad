"""A workshop made from Modèle KISS gets its chemin, its KISS board and its rounds, ready and
linked to their séquences (issue #22 item 10: it got no board at all)."""

from __future__ import annotations

from kitcop_desktop.storage import agenda, boards, participants, rounds
from kitcop_desktop.storage.models.fishbowl import SpeakingRound


def _links(s, workshop_id) -> dict[str, tuple[str, int | None]]:
    return {q.title: (q.tool_key, q.tool_ref) for q in agenda.list_sequences(s, workshop_id)}


def test_modele_kiss_creates_its_linked_tools(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
    with store.read() as s:
        made = boards.list_boards(s, workshop_id)
        assert [b.kind for b in made] == ["retro_path", "kiss"]
        chemin, kiss = made
        assert chemin.split_by_angle  # the kit's two angles, actions and ressentis
        links = _links(s, workshop_id)
        assert links["Rétrospective"] == ("boards", chemin.id)
        assert links["La méthode KISS"] == ("boards", kiss.id)
        made_rounds = {r.kind: r for r in s.query(SpeakingRound).filter_by(workshop_id=workshop_id)}
        assert set(made_rounds) == {"icebreaker", "closing"}
        assert links["Brise-glace"] == ("rounds", made_rounds["icebreaker"].id)
        assert links["Déclusion"] == ("rounds", made_rounds["closing"].id)
        assert "envie de continuer d'être impliqué" in made_rounds["closing"].prompt.lower()


def test_applying_it_again_makes_nothing_twice(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")
        agenda.apply_template(s, workshop_id, "modele_kiss")
    with store.read() as s:
        assert len(boards.list_boards(s, workshop_id)) == 2
        assert len(rounds.list_rounds(s, workshop_id)) == 2
        links = _links(s, workshop_id)
        assert links["Rétrospective"][1] != links["La méthode KISS"][1]


def test_undoing_the_template_removes_the_tools_it_made_while_untouched(store, workshop_id):
    with store.write() as s:
        agenda.apply_template(s, workshop_id, "blank")
        before = agenda.snapshot_agenda(s, workshop_id)
        agenda.apply_template(s, workshop_id, "modele_kiss")
        chemin = boards.list_boards(s, workshop_id, "retro_path")[0].id
        boards.add_card(s, chemin, "worked", "Les binômes")  # used: it stays
        agenda.restore_agenda(s, workshop_id, before)
    with store.read() as s:
        assert [b.kind for b in boards.list_boards(s, workshop_id)] == ["retro_path"]
        assert rounds.list_rounds(s, workshop_id) == []


def test_the_declusion_round_takes_whoever_signed_in_since(store, workshop_id):
    from datetime import UTC, datetime

    with store.write() as s:
        agenda.apply_template(s, workshop_id, "modele_kiss")  # nobody registered yet
        participants.paste(s, workshop_id, "Claire\nThomas\n")
        closing = _links(s, workshop_id)["Déclusion"][1]
        rounds.start(s, closing, datetime.now(UTC))
    with store.read() as s:
        data = rounds.round_data(s, closing)
    assert [e.name for e in data.entries] == ["Claire", "Thomas"]
    assert data.state == "running"
