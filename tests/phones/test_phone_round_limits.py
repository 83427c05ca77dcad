"""#19 security and limits on the rounds' path (/<code>/mot), as on the vote's and the board's:
the code, the size of a request, the number of phones; and nothing private goes to a phone
(never the names of the people in the round, nor their words said aloud)."""

from __future__ import annotations

import json

from kitcop_desktop.phones.session import Limits
from kitcop_desktop.storage import participants, rounds
from tests.phones.conftest import Phone
from tests.phones.test_phone_rounds import make_round, send, stored


def test_a_wrong_code_a_huge_answer_and_a_full_room_store_nothing(store, workshop_id, serve_round):
    round_id = make_round(store, workshop_id, "check_in")
    server = serve_round(round_id, Limits(max_devices=1))
    first = Phone(server.address)
    assert send(first, "ZZZZZZ", {"word": "Bien"}).status == 404
    huge = json.dumps({"word": "x" * 5000}).encode()
    assert send(first, server.code, huge).status == 413
    assert send(first, server.code, {"word": "Bien"}).status == 200
    full = send(Phone(server.address), server.code, {"word": "Moi aussi"})
    assert full.status == 403 and "complète" in full.data["error"]
    assert [w[0] for w in stored(store, round_id)] == ["Bien"]


def test_a_phone_never_sees_the_names_nor_the_words_said_aloud(store, workshop_id, serve_round):
    with store.write() as s:
        participants.add(s, workshop_id, "Zqamina Diallo")
        round_id = rounds.create_round(s, workshop_id, "closing").id
        (entry,) = rounds.entries(s, round_id)
        rounds.set_word(s, entry.id, "zqsaidaloud")
    server = serve_round(round_id)
    seen = json.dumps(Phone(server.address).state(server.code).data, ensure_ascii=False)
    assert "Zqamina" not in seen and "zqsaidaloud" not in seen
