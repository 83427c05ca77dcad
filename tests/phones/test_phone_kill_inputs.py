"""#19 « a kill of the app keeps every acknowledged ballot », for the other inputs too: post-its
sent to a board's tray and words sent to a round are committed before their answer leaves, so
a SIGKILL of the app right after the answers loses none of them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kitcop_desktop.storage import boards, boards_phones, rounds, rounds_phones
from kitcop_desktop.storage.migrate import open_store
from tests.phones.conftest import Phone

ROOT = Path(__file__).resolve().parents[2]
KILLED_APP = """
import sys, time
from kitcop_desktop.phones.board_room import BoardRoom
from kitcop_desktop.phones.round_room import RoundRoom
from kitcop_desktop.phones.server import PhoneServer
from kitcop_desktop.storage.migrate import open_store
store = open_store(sys.argv[1])
room = {"board": BoardRoom, "round": RoundRoom}[sys.argv[2]](store, int(sys.argv[3]))
server = PhoneServer(room, host="127.0.0.1", port=0)
print(server.start(), flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("kind", ["board", "round"])
def test_a_kill_of_the_app_keeps_every_acknowledged_post_it_and_word(
    db_path, store, workshop_id, kind
):
    with store.write() as s:
        if kind == "board":
            item_id = boards.create_board(s, workshop_id, "speedboat", "Speedboat").id
        else:
            item_id = rounds.create_round(s, workshop_id, "closing").id
    store.close()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_APP, str(db_path), kind, str(item_id)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        address, code = process.stdout.readline().strip().rsplit("/", 1)
        for n in range(5):
            phone = Phone(address)
            if kind == "board":
                path, body = "postit", {"zone": "brakes", "text": f"Frein n° {n} <&> 🚧"}
            else:
                path, body = "mot", {"word": f"Partante n° {n}", "stay_involved": True}
            answer = phone.request("POST", f"/{code}/{path}", json.dumps(body).encode())
            assert answer.status == 200, answer.data
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    reopened = open_store(db_path)
    try:
        with reopened.read() as s:
            if kind == "board":
                kept = sorted(p.text for p in boards_phones.waiting(s, item_id))
                assert kept == [f"Frein n° {n} <&> 🚧" for n in range(5)]
            else:
                assert rounds_phones.word_count(s, item_id) == (5, 5)
    finally:
        reopened.close()
