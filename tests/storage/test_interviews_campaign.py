"""The campaign: profiles, synthesis, sending to a speedboat, and erasing an interviewee."""

import importlib.util

import pytest

from kitcop_desktop.storage import interviews

needs_boards = pytest.mark.skipif(
    importlib.util.find_spec("kitcop_desktop.storage.boards") is None,
    reason="the boards area's operations are not there yet",
)


@pytest.fixture
def three(store, workshop_id):
    """Three interviews, two done, with marks."""
    with store.write() as s:
        guide = interviews.ensure_builtin_guides(s, workshop_id)[0]
        ids = []
        for profession, sector, territory, done in [
            ("Plaquiste", "Bâtiment", "Lyon", True),
            ("Formatrice", "Formation", "Lyon", True),
            ("Plaquiste", "Bâtiment", "", False),
        ]:
            iv = interviews.create_interview(
                s,
                workshop_id,
                guide.id,
                profession=profession,
                sector=sector,
                territory=territory,
                done=done,
            )
            ids.append(iv.id)
        interviews.add_mark(s, ids[0], "brake", "Manque de candidats")
        interviews.add_mark(s, ids[0], "lever", "Aides de la Région")
        interviews.add_mark(s, ids[1], "difficulty", "Formations trop loin")
        interviews.add_mark(s, ids[1], "action", "Tutorat")
        interviews.add_mark(s, ids[2], "need", "Un référent")
    return ids


def test_profile_table_counts_who_was_met(store, workshop_id, three):
    with store.read() as s:
        table = interviews.profile_table(s, workshop_id)
    assert (table.done, table.planned) == (2, 3)
    assert table.professions == [("Plaquiste", 2), ("Formatrice", 1)]
    assert table.territories == [("Lyon", 2), ("(non renseigné)", 1)]


def test_synthesis_gathers_freins_and_leviers_with_pseudonyms(store, workshop_id, three):
    with store.read() as s:
        syn = interviews.synthesis(s, workshop_id)
    assert [(i.text, i.pseudonym) for i in syn.brakes] == [
        ("Manque de candidats", "Enquêté·e 1"),
        ("Formations trop loin", "Enquêté·e 2"),
    ]
    assert [i.text for i in syn.levers] == ["Aides de la Région"]
    assert [i.text for i in syn.actions] == ["Tutorat"]
    assert [i.text for i in syn.needs] == ["Un référent"]
    assert len(syn.unsent) == 3


@needs_boards
def test_synthesis_goes_to_a_speedboat_once_each_card_knowing_its_interview(
    store, workshop_id, three
):
    from kitcop_desktop.storage.models.board import Board, Card

    with store.write() as s:
        interviews.set_real_name(s, three[0], "Jeanne Martin")
        board_id, created = interviews.send_synthesis_to_board(s, workshop_id)
    assert len(created) == 3
    with store.read() as s:
        board = s.get(Board, board_id)
        assert board.kind == "speedboat"
        cards = {c.text: c for c in s.query(Card).filter(Card.board_id == board_id)}
        assert cards["Manque de candidats"].zone == "brakes"
        assert cards["Aides de la Région"].zone == "levers"
        assert cards["Difficulté\u00a0: Formations trop loin"].zone == "brakes"
        assert cards["Manque de candidats"].source == "Entretien — Enquêté·e 1"
        assert cards["Manque de candidats"].source_interview_id == three[0]
        assert all("Jeanne" not in c.source for c in cards.values())
    # Again: nothing new to send.
    with store.write() as s:
        again_board, again = interviews.send_synthesis_to_board(s, workshop_id)
    assert again_board == board_id and again == []
    # Undo of the send.
    with store.write() as s:
        from kitcop_desktop.storage.interviews_campaign import unsend

        marks = [i.mark_id for i in interviews.synthesis(s, workshop_id).brakes]
        unsend(s, created, marks)
    with store.read() as s:
        assert s.query(Card).filter(Card.board_id == board_id).count() == 0


def test_erased_interviewee_leaves_no_trace_in_the_database_files(
    store, db_path, workshop_id, three
):
    name = "Zéphyrine Quasimodo-Brandt"
    secret = "Secret-de-fabrication-XK42"
    with store.write() as s:
        interviews.set_real_name(s, three[0], name)
        interviews.save_free_notes(s, three[0], f"Elle a dit : {secret}")
        answer_id = interviews.get(s, three[0]).answers[0].id
        interviews.save_answer_notes(s, answer_id, f"{secret} encore")
        interviews.add_mark(s, three[0], "lever", secret)
    store.checkpoint()
    assert name.encode() in db_path.read_bytes()  # the check below is not vacuous

    with store.write() as s:
        pseudonym = interviews.erase_interviewee(s, three[0])
    store.checkpoint()

    assert pseudonym == "Enquêté·e 1"
    for path in [db_path, db_path.with_name(db_path.name + "-wal")]:
        if path.exists():
            raw = path.read_bytes()
            assert name.encode() not in raw
            assert secret.encode() not in raw
    with store.read() as s:
        assert [i.pseudonym for i in interviews.list_interviews(s, workshop_id)] == [
            "Enquêté·e 2",
            "Enquêté·e 3",
        ]
        assert interviews.real_name(s, three[0]) == ""


def test_restitutions_are_pseudonymised_unless_real_names_are_asked_for(store, workshop_id, three):
    with store.write() as s:
        interviews.set_real_name(s, three[1], "Jeanne Martin")
        interviews.save_report(s, three[1], "report_levers", "– Aides de la Région")
    with store.read() as s:
        plain = interviews.restitutions(s, workshop_id)
        named = interviews.restitutions(s, workshop_id, include_real_names=True)
    assert [r.pseudonym for r in plain] == ["Enquêté·e 1", "Enquêté·e 2", "Enquêté·e 3"]
    assert all(r.real_name == "" for r in plain)
    assert "Jeanne" not in repr(plain)
    assert [r.real_name for r in named] == ["", "Jeanne Martin", ""]
    assert plain[1].levers == "– Aides de la Région"
