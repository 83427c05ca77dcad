"""#19 the moderation tray's « Fusionner » (F: the board's post-its, the likeliest first;
Entrée merges: that post-it counts one more; Échap goes back; one undo step), and a phone
ballot that doubles another ballot of the same person flagged to the facilitator."""

from __future__ import annotations

import os

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import boards, boards_phones, voting, voting_entries, voting_phones
from tests.phones.conftest import Phone, items_of


@pytest.fixture
def board_id(store, workshop_id):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat du territoire")
        boards.add_card(s, board.id, "levers", "Un tiers-lieu partagé")
        boards.add_card(s, board.id, "brakes", "Des horaires de bus trop rares")
        boards.add_card(s, board.id, "brakes", "Le coût du foncier")
        return board.id


def weights(store, board_id) -> dict[str, int]:
    with store.read() as s:
        return {c.text: c.weight for c in boards.cards_of(s, board_id)}


def test_f_merges_a_waiting_post_it_into_the_likeliest_one_with_one_undo(
    qtbot, ctx, store, board_id
):
    from PySide6.QtCore import Qt

    from kitcop_desktop.tools.boards.phone_tray import PhoneTray

    with store.write() as s:
        boards_phones.post_from_phone(
            s, board_id, "brakes", "Horaires de bus trop rares !", "ab" * 8
        )
        boards_phones.post_from_phone(s, board_id, "levers", "Un café <ouvert> & 🌱", "ab" * 8)
    tray = PhoneTray(ctx)
    qtbot.addWidget(tray)
    tray.resize(900, 400)
    tray.show()
    tray.show_board(board_id)
    tray.list.setFocus()
    qtbot.keyClick(tray.list, Qt.Key.Key_F)
    assert tray.merging.isVisible() and not tray.list.isVisible()
    # The likeliest first: same zone, most words in common.
    assert tray.merge_list.item(0).text() == "Freins (ancres) — Des horaires de bus trop rares"
    shots = os.environ.get("KITCOP_SHOTS")
    if shots:
        tray.grab().save(os.path.join(shots, "tray_merge_900.png"))
    qtbot.keyClick(tray.merge_list, Qt.Key.Key_Escape)  # back, nothing changed
    assert tray.list.isVisible() and tray.list.count() == 2
    qtbot.keyClick(tray.list, Qt.Key.Key_F)
    qtbot.keyClick(tray.merge_list, Qt.Key.Key_Return)
    assert weights(store, board_id)["Des horaires de bus trop rares"] == 2
    assert tray.list.count() == 1 and tray.list.isVisible()
    with store.read() as s:
        assert [p.text for p in boards_phones.waiting(s, board_id)] == ["Un café <ouvert> & 🌱"]
        assert len(boards.cards_of(s, board_id)) == 3  # nothing added to the board
    ctx.undo_stack.undo()
    assert weights(store, board_id)["Des horaires de bus trop rares"] == 1
    assert tray.list.count() == 2
    ctx.undo_stack.redo()
    assert weights(store, board_id)["Des horaires de bus trop rares"] == 2


def test_a_post_it_merges_only_into_one_of_its_own_board(store, workshop_id, board_id):
    with store.write() as s:
        other = boards.create_board(s, workshop_id, "kiss", "KISS").id
        card = boards.add_card(s, other, "keep", "Le café").id
        post = boards_phones.post_from_phone(s, board_id, "brakes", "Le café", "ab" * 8)
    with pytest.raises(InvalidInput, match="autre tableau"), store.write() as s:
        boards_phones.merge(s, post, card)
    with store.read() as s:
        assert boards_phones.waiting_count(s, board_id) == 1
        assert boards.get_card(s, card).weight == 1


def test_a_phone_ballot_with_the_name_of_a_typed_ballot_is_flagged(
    qtbot, ctx, store, workshop_id, vote_id, serve
):
    from kitcop_desktop.storage import participants, voting_rounds

    with store.write() as s:
        amina = participants.add(s, workshop_id, "Amina Diallo")
        participants.add(s, workshop_id, "Bruno")
        round_id = voting.get(s, vote_id).rounds[-1].id
        voting_rounds.set_entry_mode(s, round_id, "ballots")
    a, b, _c = items_of(store, vote_id)
    with store.write() as s:
        voting_entries.cast_ballot(s, round_id, amina.id, {a: 1})
    server = serve()
    phone = Phone(server.address)
    body = {"dots": {str(b): 2}, "name": "  amina   DIALLO "}
    import json

    answer = phone.request("POST", f"/{server.code}/bulletin", json.dumps(body).encode())
    assert answer.status == 200, answer.data
    assert phone.state(server.code).data["name"] == "amina DIALLO"
    with store.read() as s:
        assert voting_phones.doubles(s, round_id) == ["amina DIALLO"]
        assert voting_phones.phone_ballot(s, round_id, next(iter(server.session.devices))) == {b: 2}
    # Changed without the name: no longer flagged, still one ballot for this phone.
    body = {"dots": {str(b): 1}, "name": ""}
    assert (
        phone.request("POST", f"/{server.code}/bulletin", json.dumps(body).encode()).status == 200
    )
    with store.read() as s:
        assert voting_phones.doubles(s, round_id) == []
        assert voting_phones.phone_ballot_count(s, round_id) == 1
    # Two phones giving the same name are flagged too; the editor says so.
    for name in ("Bruno", "bruno"):
        body = {"dots": {str(a): 1}, "name": name}
        other = Phone(server.address)
        assert (
            other.request("POST", f"/{server.code}/bulletin", json.dumps(body).encode()).status
            == 200
        )
    with store.read() as s:
        assert voting_phones.doubles(s, round_id) == ["Bruno"]

    from kitcop_desktop.tools.voting.editor import VotingEditor

    editor = VotingEditor(ctx)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    assert editor.state.doubles == ["Bruno"]
    flagged = [
        editor.ballots.voted.row_text(i)
        for i in range(editor.ballots.voted.count())
        if editor.ballots.voted.row_text(i).startswith("⚠")
    ]
    assert len(flagged) == 2 and all(t.endswith(("Bruno", "bruno")) for t in flagged)
    assert "Peut-être compté·e deux fois" in editor.phone_bar.summary(vote_id)
    shots = os.environ.get("KITCOP_SHOTS")
    if shots:
        editor.grab().save(os.path.join(shots, "vote_doubles_1024.png"))


@pytest.mark.parametrize("name", [12, ["Amina"], "x" * 201])
def test_a_bad_name_gets_a_sentence_and_nothing_is_stored(store, vote_id, serve, name):
    import json

    server = serve()
    a, _b, _c = items_of(store, vote_id)
    body = {"dots": {str(a): 1}, "name": name}
    answer = Phone(server.address).request(
        "POST", f"/{server.code}/bulletin", json.dumps(body).encode()
    )
    assert answer.status == 400 and "Rien n'a été modifié" in answer.data["error"]
    with store.read() as s:
        assert voting_phones.phone_ballot_count(s, voting.get(s, vote_id).rounds[-1].id) == 0
