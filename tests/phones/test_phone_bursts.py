"""Sixty phones at once (#19): what a room full of phones sending together must not break.

A screen reading the store never holds up a phone's write (reads no longer take SQLite's write
lock), a batch of words or post-its keeps every good one and refuses only the bad ones with
their sentence, and the views reload once for a burst, even while the server keeps writing."""

from __future__ import annotations

import gc
import threading
from types import SimpleNamespace

from kitcop_desktop.phones.board_room import BoardRoom
from kitcop_desktop.phones.round_room import RoundRoom
from kitcop_desktop.phones.server import PhoneServer
from kitcop_desktop.phones.session import new_device_token, pseudonym
from kitcop_desktop.phones.vote_room import VoteRoom
from kitcop_desktop.storage import boards, boards_phones, rounds, rounds_phones, voting
from kitcop_desktop.storage.boards_phones import MAX_WAITING_PER_PHONE
from tests.phones.conftest import items_of


def phones(n: int) -> list[str]:
    return [pseudonym(new_device_token()) for _ in range(n)]


def test_a_screen_reading_never_holds_up_a_phone_s_ballot(store, vote_id):
    a, b, _c = items_of(store, vote_id)
    outcome: list[object] = []

    def phone_votes() -> None:
        try:
            outcome.append(
                VoteRoom(store, vote_id).submit_many([(phones(1)[0], {"dots": {str(a): 1}})])
            )
        except Exception as exc:  # « database is locked » when a read held the write lock
            outcome.append(exc)

    with store.read() as s:
        assert voting.get(s, vote_id).title == "Priorisation des actions"  # the room is reading
        writer = threading.Thread(target=phone_votes)
        writer.start()
        writer.join(30)
        assert not writer.is_alive()
        # Stored and acknowledged while the screen was still reading.
        assert isinstance(outcome[0], list), outcome[0]
        assert outcome[0][0]["ok"] is True
    with store.read() as s:
        assert len(voting.get(s, vote_id).rounds[-1].ballots) == 1


def test_sixty_words_at_once_keep_every_good_one_and_refuse_the_bad_ones(store, workshop_id):
    with store.write() as s:
        round_id = rounds.create_round(s, workshop_id, "closing").id
    devices = phones(60)
    inputs = [
        (d, {"word": f"Déclusion {k}", "stay_involved": k % 2 == 0}) for k, d in enumerate(devices)
    ]
    inputs[7] = (devices[7], {"word": "   "})  # empty: the laptop's sentence
    inputs[8] = (devices[8], ["pas", "un", "formulaire"])  # not even a form
    inputs.append((devices[0], {"word": "Finalement, confiant"}))  # phone 0 changes its word
    answers = RoundRoom(store, round_id).submit_many(inputs)
    assert "Écrivez un mot ou une phrase avant d'envoyer." in str(answers[7])
    assert "illisible" in str(answers[8])
    assert sum(isinstance(a, dict) and a["ok"] for a in answers) == 59
    with store.read() as s:
        kept = {w.device: w.word for w in rounds_phones.words(s, round_id)}
    assert len(kept) == 58
    assert kept[devices[0]] == "Finalement, confiant"
    assert devices[7] not in kept and devices[8] not in kept
    assert kept[devices[59]] == "Déclusion 59"


def test_a_batch_of_post_its_stops_one_phone_at_its_limit_and_keeps_the_others(store, workshop_id):
    with store.write() as s:
        board_id = boards.create_board(s, workshop_id, "speedboat", "Speedboat").id
    eager, calm = phones(2)
    inputs = [
        (eager, {"zone": "brakes", "text": f"Frein {n}"}) for n in range(MAX_WAITING_PER_PHONE + 1)
    ]
    inputs.insert(3, (calm, {"zone": "nowhere", "text": "Zone inconnue"}))
    inputs.append((calm, {"zone": "levers", "text": "Le vent <dans> les voiles & 🚀"}))
    answers = BoardRoom(store, board_id).submit_many(inputs)
    assert f"déjà {MAX_WAITING_PER_PHONE} post-it en attente" in str(answers[-2])
    assert not isinstance(answers[3], dict)
    assert answers[-1]["ok"] is True
    with store.read() as s:
        assert boards_phones.waiting_of(s, board_id, eager) == MAX_WAITING_PER_PHONE
        assert [p.text for p in boards_phones.waiting(s, board_id) if p.device == calm] == [
            "Le vent <dans> les voiles & 🚀"
        ]


def test_a_burst_reloads_the_views_once_even_while_the_server_keeps_writing(qtbot, ctx):
    from kitcop_desktop.ui.phones import PhoneDoor

    door = PhoneDoor(ctx)
    reloads: list[str] = []
    ctx.hub.changed.connect(lambda area, _w: reloads.append(area))
    # A server that never stops writing: the room must still show what was stored.
    door.server = SimpleNamespace(busy=True, running=True, stop=lambda: None)
    for _ in range(60):
        door._stored.emit("voting")
    qtbot.waitUntil(lambda: reloads == ["voting"], timeout=3000)
    qtbot.wait(300)
    assert reloads == ["voting"]
    door.server = None


def test_the_app_s_objects_are_frozen_only_while_a_server_is_open(store, vote_id):
    first = PhoneServer(VoteRoom(store, vote_id), host="127.0.0.1", port=0)
    second = PhoneServer(VoteRoom(store, vote_id), host="127.0.0.1", port=0)
    first.start()
    second.start()
    try:
        assert gc.get_freeze_count() > 0
        first.stop()
        assert gc.get_freeze_count() > 0  # the other one is still open
    finally:
        first.stop()
        second.stop()
    assert gc.get_freeze_count() == 0  # everything back to the collector
