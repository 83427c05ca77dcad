"""#19 « Security and limits (each with a test) »: the session code, a closed door, the size
and rate limits, the number of devices, bad input, nothing private, the interface listened on,
and a ballot acknowledged is a ballot kept (closing mid-request, a kill of the app)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
from pathlib import Path

import pytest

from kitcop_desktop.phones.session import Limits, PhoneSession
from kitcop_desktop.phones.vote_room import VoteRoom
from kitcop_desktop.storage import participants, voting, voting_entries, voting_rounds, workshops
from kitcop_desktop.storage.migrate import open_store
from tests.phones.conftest import Phone, items_of

ROOT = Path(__file__).resolve().parents[2]


def ballots(store, vote_id) -> int:
    with store.read() as s:
        return voting_rounds.round_results(s, voting.get(s, vote_id).rounds[-1].id).ballots


def test_without_the_session_code_nothing_is_told_and_nothing_stored(store, vote_id, serve):
    server = serve()
    a, _b, _c = items_of(store, vote_id)
    phone = Phone(server.address)
    for wrong in ("ZZZZZZ", server.code[:-1], server.code + "X", "..", "%00"):
        seen = phone.state(wrong)
        assert seen.status == 404
        assert seen.data == {
            "ok": False,
            "error": "Ce code ne correspond à rien d'ouvert aux téléphones\u00a0: vérifiez-le sur l'écran.",
        }
        assert phone.vote(wrong, {a: 1}).status == 404
    assert ballots(store, vote_id) == 0
    assert server.session.devices == set()  # no phone joined through a wrong code
    # The page alone (any path) holds nothing of the vote.
    page = phone.request("GET", "/")
    assert page.status == 200 and "Priorisation" not in page.data
    # The code is case-insensitive: it is typed from the screen.
    assert phone.state(server.code.lower()).status == 200


def test_a_closed_door_refuses_everything_and_listens_no_more(store, vote_id, serve):
    server = serve()
    address, code, port = server.address, server.code, server.bound_port
    assert Phone(address).state(code).status == 200
    server.stop()
    assert not server.running
    with pytest.raises(urllib.error.URLError):
        Phone(address).state(code)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_a_body_over_the_size_limit_is_refused_and_nothing_stored(store, vote_id, serve):
    server = serve(Limits(max_body=1024))
    a, _b, _c = items_of(store, vote_id)
    phone = Phone(server.address)
    huge = {"dots": {str(a): 1}, "pad": "x" * 5000}
    answer = phone.request("POST", f"/{server.code}/bulletin", json.dumps(huge).encode())
    assert answer.status == 413
    assert answer.data["error"] == "Cette demande est trop grosse."
    # Without a Content-Length (chunked), the server still stops reading at the limit.
    connection = http.client.HTTPConnection("127.0.0.1", server.bound_port, timeout=10)
    connection.putrequest("POST", f"/{server.code}/bulletin")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.putheader("Content-Type", "application/json")
    connection.endheaders()
    chunk = b"x" * 2048
    try:
        for _ in range(4):
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        connection.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server may close as soon as it has refused
    assert connection.getresponse().status == 413
    connection.close()
    assert ballots(store, vote_id) == 0


def test_a_phone_over_the_rate_limit_is_asked_to_wait(store, vote_id, serve):
    server = serve(Limits(rate_count=5, rate_window=60, address_rate_count=5))
    phone = Phone(server.address)
    # Its first request comes from its address; then it has its cookie: 5 each.
    statuses = [phone.state(server.code).status for _ in range(6)]
    assert statuses == [200] * 6
    refused = phone.state(server.code)
    assert refused.status == 429
    assert refused.data["error"] == "Trop de demandes d'un coup\u00a0: attendez quelques secondes."
    # Phones that drop their cookie count against their address.
    fresh = [Phone(server.address).state(server.code).status for _ in range(5)]
    assert fresh == [200] * 4 + [429]
    assert server.refused["rate"] == 2


def test_the_room_takes_at_most_its_number_of_phones(store, vote_id, serve):
    server = serve(Limits(max_devices=2))
    a, _b, _c = items_of(store, vote_id)
    first, second, third = (Phone(server.address) for _ in range(3))
    assert first.state(server.code).status == 200
    assert second.vote(server.code, {a: 1}).status == 200
    refused = third.vote(server.code, {a: 1})
    assert refused.status == 403
    assert refused.data["error"].startswith("La salle est complète")
    assert third.state(server.code).status == 403
    assert first.vote(server.code, {a: 2}).status == 200  # phones already in stay in
    assert ballots(store, vote_id) == 2 and len(server.session.devices) == 2


@pytest.mark.parametrize(
    ("body", "sentence"),
    [
        (b"pas du json", "Ce bulletin est illisible"),
        (b"\xff\xfe", "Ce bulletin est illisible"),
        (b"[1, 2]", "Ce bulletin est illisible"),
        (b'{"dots": [1]}', "Ce bulletin est illisible"),
        (b'{"dots": {"abc": 1}}', "Ce bulletin est illisible"),
        (b'{"dots": {"<script>": 1}}', "Ce bulletin est illisible"),
        (b'{"dots": {"1": 1.5}}', "Ce bulletin est illisible"),
        (b'{"dots": {"1": true}}', "Ce bulletin est illisible"),
        (b'{"dots": {"1": "2"}}', "Ce bulletin est illisible"),
        (b'{"dots": {"1": -1}}', "Un nombre de gommettes ne peut pas être négatif"),
        (b'{"dots": {"1": 3}}', "Au plus 2 gommettes par proposition"),
        (b'{"dots": {"1": 2, "2": 2}}', "4 gommettes placées pour 3 autorisées"),
        (b'{"dots": {"1": 99999999999}}', "Au plus 2 gommettes par proposition"),
        (b'{"dots": {}}', "Placez au moins une gommette avant de valider"),
        (b'{"dots": {"1": 0}}', "Placez au moins une gommette avant de valider"),
        (b'{"dots": {"999": 1}}', "Cette proposition ne fait pas partie de ce tour"),
    ],
)
def test_bad_input_gets_the_desktop_s_french_sentence_and_changes_nothing(
    store, vote_id, serve, body, sentence
):
    server = serve()
    a, b, _c = items_of(store, vote_id)
    assert (a, b) == (1, 2)  # the bodies above name items 1 and 2
    phone = Phone(server.address)
    assert phone.vote(server.code, {b: 1}).status == 200
    answer = phone.request("POST", f"/{server.code}/bulletin", body)
    assert answer.status == 400
    assert answer.data["error"].startswith(sentence), answer.data
    assert answer.data["error"].endswith("Rien n'a été modifié.")
    assert phone.state(server.code).data["mine"] == {str(b): 1}  # the earlier ballot stands
    assert ballots(store, vote_id) == 1


def test_nothing_private_reaches_a_phone(store, workshop_id, vote_id, serve):
    marker = "SECRET<&🔒>"
    with store.write() as s:
        workshops.update(s, workshop_id, notes=f"notes {marker}")
        person = participants.add(s, workshop_id, f"Awa {marker}", email="awa@exemple.fr").id
        round_id = voting.get(s, vote_id).rounds[-1].id
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        a, _b, _c = (i.id for i in voting.get(s, vote_id).items)
        voting_entries.cast_ballot(s, round_id, person, {a: 2})
    server = serve()
    phone = Phone(server.address)
    raw = json.dumps(phone.state(server.code).data, ensure_ascii=False)
    assert "SECRET" not in raw and "awa@" not in raw and "Awa" not in raw
    data = json.loads(raw)
    assert data["results"] is None and data["mine"] == {}  # a secret vote's tally stays hidden
    assert set(data) == {
        "kind",
        "title",
        "criteria",
        "round",
        "rules",
        "items",
        "mine",
        "name",  # the first name this phone typed, if any: its own
        "results",
    }
    assert data["name"] == ""


def test_the_server_listens_only_on_the_interface_chosen(store, vote_id, serve):
    server = serve()
    runner = server._runner
    assert runner is not None
    assert {address[0] for address in runner.addresses} == {"127.0.0.1"}


class SlowRoom(VoteRoom):
    """The real vote, whose ballot takes a moment: the door closes while it is in flight."""

    entered = threading.Event()

    def submit_many(self, inputs):
        self.entered.set()
        time.sleep(0.5)
        return super().submit_many(inputs)


def test_closing_mid_request_keeps_the_accepted_ballot(store, vote_id):
    from kitcop_desktop.phones.server import PhoneServer

    server = PhoneServer(SlowRoom(store, vote_id), host="127.0.0.1", port=0)
    server.start()
    a, _b, _c = items_of(store, vote_id)
    answers = []
    phone = Phone(server.address)
    voter = threading.Thread(target=lambda: answers.append(phone.vote(server.code, {a: 1})))
    voter.start()
    assert SlowRoom.entered.wait(5)
    server.stop()
    voter.join(10)
    assert answers and answers[0].status == 200
    assert ballots(store, vote_id) == 1


KILLED_APP = """
import sys, time
from kitcop_desktop.phones.server import PhoneServer
from kitcop_desktop.phones.vote_room import VoteRoom
from kitcop_desktop.storage.migrate import open_store
store = open_store(sys.argv[1])
server = PhoneServer(VoteRoom(store, int(sys.argv[2])), host="127.0.0.1", port=0)
print(server.start(), flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_of_the_app_keeps_every_acknowledged_ballot(db_path, store, vote_id):
    a, b, c = items_of(store, vote_id)
    store.close()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_APP, str(db_path), str(vote_id)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        url = process.stdout.readline().strip()
        address, code = url.rsplit("/", 1)
        phones = [Phone(address) for _ in range(5)]
        for phone, item in zip(phones, (a, b, c, a, b), strict=True):
            assert phone.vote(code, {item: 1}).status == 200
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    reopened = open_store(db_path)
    try:
        assert ballots(reopened, vote_id) == 5
    finally:
        reopened.close()


def test_a_code_is_never_the_same_twice_in_practice():
    codes = {PhoneSession().code for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 6 and c.isalnum() and c.upper() == c for c in codes)
