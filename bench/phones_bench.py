"""Phones in the room (#19): sixty phones voting at once, on loopback.

    .venv/bin/python bench/phones_bench.py

A real store file, a vote of 10 proposals opened to phones by the shell's `PhoneDoor` on
127.0.0.1, the room screen's `VotingRoomView` shown offscreen. Sixty simulated phones (aiohttp
clients, each with its own cookie) load the vote, then all cast a ballot at once; each run is
a fresh vote. Measured in the same run:
- each ballot's response time (p50, p95, max) against the same sixty ballots stored directly
  through `storage/voting_phones` one after another (the store's own cost) and against the
  static page served to the same sixty phones at once (the HTTP cost alone);
- how long after the last ballot's answer the room screen's view has counted all sixty;
- ballots lost (stored vs acknowledged);
- the app's CPU while the door is open and nobody asks anything, against the same seconds with
  the door closed.
Writes bench/RESULTS-phones.md itself (never edit a figure by hand).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kitcop_desktop.phones.session import Limits, new_device_token, pseudonym  # noqa: E402
from kitcop_desktop.phones.vote_room import VoteRoom  # noqa: E402
from kitcop_desktop.storage import voting, voting_phones, voting_rounds, workshops  # noqa: E402
from kitcop_desktop.storage.migrate import open_store  # noqa: E402

PHONES, ITEMS, RUNS, IDLE_S = 60, 10, 5, 10.0
POSTS, POST_SECONDS = 200, 60.0
HERE = Path(__file__).resolve().parent


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def new_vote(store, workshop_id: int, n: int) -> tuple[int, int, list[int]]:
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s,
            workshop_id,
            [(f"Proposition {k} du vote {n}", None) for k in range(ITEMS)],
            f"Vote {n}",
        )
        return vote.id, vote.rounds[-1].id, [i.id for i in vote.items]


def ballot_for(k: int, items: list[int]) -> dict[int, int]:
    return {items[(k + j) % len(items)]: 1 for j in range(3)}


async def phones_at_once(url: str, items: list[int], path: str) -> tuple[list[float], int, float]:
    """Each phone loads the vote (gets its cookie), then all send `path` at once."""
    base, code = url.rsplit("/", 1)
    sessions = [
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in range(PHONES)
    ]
    try:
        await asyncio.gather(*(s.get(f"{base}/{code}/etat") for s in sessions))
        gate = asyncio.Event()
        times: list[float] = []
        ends: list[float] = []
        ok = 0

        async def one(k: int, session: aiohttp.ClientSession) -> None:
            nonlocal ok
            await gate.wait()
            start = time.perf_counter()
            if path == "bulletin":
                body = {"dots": {str(i): n for i, n in ballot_for(k, items).items()}}
                async with session.post(f"{base}/{code}/bulletin", json=body) as r:
                    await r.read()
                    ok += r.status == 200
            elif path == "postit":
                # POSTS post-its in POST_SECONDS: each phone sends its share at random moments.
                rng = random.Random(k)
                moments = sorted(rng.uniform(0, POST_SECONDS) for _ in range(POSTS // PHONES))
                if k < POSTS % PHONES:
                    moments.append(rng.uniform(0, POST_SECONDS))
                began = time.perf_counter()
                for n, moment in enumerate(sorted(moments)):
                    await asyncio.sleep(max(0.0, began + moment - time.perf_counter()))
                    start = time.perf_counter()
                    body = {"zone": "brakes", "text": f"Frein n° {n} du téléphone {k}"}
                    async with session.post(f"{base}/{code}/postit", json=body) as r:
                        await r.read()
                        ok += r.status == 200
                    times.append((time.perf_counter() - start) * 1000)
                    ends.append(time.time())
                return
            else:
                async with session.get(f"{base}/{code}") as r:
                    await r.read()
                    ok += r.status == 200
            times.append((time.perf_counter() - start) * 1000)
            ends.append(time.time())

        tasks = [asyncio.ensure_future(one(k, s)) for k, s in enumerate(sessions)]
        await asyncio.sleep(0.05)
        gate.set()
        await asyncio.gather(*tasks)
        return times, ok, max(ends)
    finally:
        await asyncio.gather(*(s.close() for s in sessions))


def phones_elsewhere(url: str, items: list[int], path: str, app, watch=None):
    """The sixty phones in a process of their own (as real phones share nothing with the
    laptop's interpreter); the app's Qt loop keeps turning meanwhile, and the first moment
    `watch()` holds is noted. Returns the answer times, how many were accepted, the wall-clock
    time of the last answer, and that moment (None without a watch)."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--phones", url, path, ",".join(map(str, items))],
        stdout=subprocess.PIPE,
        text=True,
    )
    seen = None
    deadline = None  # once the phones are done, the room has 10 s to count them
    while process.poll() is None or (watch is not None and seen is None):
        app.processEvents()
        if watch is not None and seen is None and watch():
            seen = time.time()
        time.sleep(0.002)
        if process.poll() is not None:
            deadline = deadline or time.time() + 10
            if time.time() > deadline:
                break
    times, ok, last = json.loads(process.stdout.read())
    return times, ok, last, seen


def phones_main(url: str, path: str, items: str) -> None:
    async def run() -> tuple[list[float], int, float]:
        return await phones_at_once(url, [int(i) for i in items.split(",")], path)

    times, ok, last = asyncio.run(run())
    print(json.dumps([times, ok, last]))


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from kitcop_desktop.tools.voting import vote_data
    from kitcop_desktop.tools.voting.room_view import VotingRoomView
    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.phones import phone_door
    from kitcop_desktop.ui.tool_spec import ToolContext

    folder = Path(tempfile.mkdtemp(prefix="kitcop-phones-bench-"))
    os.environ["KITCOP_DATA_DIR"] = str(folder)
    store = open_store(folder / "atelier.sqlite3")
    with store.write() as s:
        workshop_id = workshops.create(s, "Plénière").id
    ctx = ToolContext(
        store=store,
        hub=ChangeHub(),
        undo_stack=QUndoStack(),
        workshop_id=workshop_id,
        activate_tool=lambda *a: None,
        show_message=print,
    )
    door = phone_door(ctx)
    room = VotingRoomView(ctx)
    room.resize(1024, 768)
    room.show()
    # The loopback bench's sixty phones share one address: the per-address limit (phones
    # without a cookie yet) is raised to let them all join; the per-phone limit is the app's.
    limits = Limits(address_rate_count=PHONES * 4)

    direct, page, ballot, seen_after, lost = [], [], [], [], 0
    for run in range(RUNS):
        # Baseline 1: the store's own cost, the same ballots one after another.
        _vote, round_id, items = new_vote(store, workshop_id, 100 + run)
        for k in range(PHONES):
            start = time.perf_counter()
            with store.write() as s:
                voting_phones.cast_phone_ballot(
                    s, round_id, pseudonym(new_device_token()), ballot_for(k, items)
                )
            direct.append((time.perf_counter() - start) * 1000)
        # The vote on phones.
        vote_id, round_id, items = new_vote(store, workshop_id, run)
        vote_data.selection(ctx).set(vote_id)
        door.open(VoteRoom(store, vote_id), vote_id, "127.0.0.1", 0, limits)
        url = door.server.url
        # Baseline 2: HTTP alone, the static page to sixty phones at once.
        page += phones_elsewhere(url, items, "page", app)[0]

        def counted() -> bool:
            return room.state is not None and room.state.current.results.ballots >= PHONES

        times, ok, last_answer, seen = phones_elsewhere(url, items, "bulletin", app, counted)
        ballot += times
        room.grab()
        seen_after.append(((seen or time.time()) - last_answer) * 1000)
        with store.read() as s:
            stored = voting_rounds.round_results(s, round_id).ballots
        lost += ok - stored
        door.close()

    # 200 post-its in one minute from the same sixty phones, to a board's tray.
    from kitcop_desktop.phones.board_room import BoardRoom
    from kitcop_desktop.storage import boards, boards_phones

    with store.write() as s:
        board_id = boards.create_board(s, workshop_id, "speedboat", "Speedboat").id
    door.open(BoardRoom(store, board_id), board_id, "127.0.0.1", 0, limits)
    post_times, posts_ok, _last, _seen = phones_elsewhere(door.server.url, [0], "postit", app)
    door.close()
    with store.read() as s:
        posts_stored = boards_phones.waiting_count(s, board_id)

    # Idle CPU: door open and the room shown, nobody asking; then the same with it closed.
    def cpu_over(seconds: float) -> float:
        start_cpu, start = time.process_time(), time.perf_counter()
        while time.perf_counter() - start < seconds:
            app.processEvents()
            time.sleep(0.02)
        return 100 * (time.process_time() - start_cpu) / (time.perf_counter() - start)

    closed_cpu = cpu_over(IDLE_S)
    door.open(VoteRoom(store, vote_id), vote_id, "127.0.0.1", 0)
    open_cpu = cpu_over(IDLE_S)
    door.close()
    store.close()
    QCoreApplication.processEvents()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    now = datetime.now(UTC)
    rows = [
        (
            "ballot answered, p50 (ms)",
            statistics.median(ballot),
            statistics.median(page),
            statistics.median(direct),
            "—",
        ),
        (
            "ballot answered, p95 (ms)",
            pct(ballot, 0.95),
            pct(page, 0.95),
            pct(direct, 0.95),
            "< 100",
        ),
        ("ballot answered, max (ms)", max(ballot), max(page), max(direct), "—"),
    ]
    table = "\n".join(
        f"| {name} | {a:.1f} | {b:.1f} | {c:.1f} | {goal} |" for name, a, b, c, goal in rows
    )
    text = f"""# Phones in the room (#19): benchmark results

`bench/phones_bench.py`, {now:%Y-%m-%d %H:%M} UTC, {platform.system()} {platform.release()}, Python {platform.python_version()}, {os.cpu_count()} cores, load average {load:.1f} (the machine is shared: times are noisy upward). Written by the script; never edit a figure by hand.

{PHONES} phones (aiohttp clients, each with its own cookie) on loopback, a vote of {ITEMS} proposals, 3 gommettes each; each phone loads the vote, then all {PHONES} cast their ballot at once, from a process of their own; {RUNS} runs, a fresh vote each ({PHONES * RUNS} ballots in all). The server is the app's (`PhoneDoor` → `PhoneServer` → `VoteRoom`), the room screen's `VotingRoomView` shown offscreen in the same process. Baselines measured in the same run: the static page served to the same {PHONES} phones at once (HTTP alone), and the same ballots stored directly through `storage/voting_phones` one after another (the store alone).

| measure | {PHONES} ballots at once | baseline: page at once | baseline: store alone, one by one | target |
|---|---:|---:|---:|---|
{table}

| measure | value | baseline | target |
|---|---:|---:|---|
| room screen counts all {PHONES} ballots, after the last answer (ms, median of {RUNS}) | {statistics.median(seen_after):.0f} | worst run {max(seen_after):.0f} | < 300 |
| ballots acknowledged but not stored | {lost} | of {PHONES * RUNS} | 0 |
| {POSTS} post-its in {POST_SECONDS:.0f} s from the {PHONES} phones: answered, p95 (ms) | {pct(post_times, 0.95):.1f} | p50 {statistics.median(post_times):.1f}, max {max(post_times):.1f} | < 100 |
| post-its acknowledged but not in the tray | {posts_ok - posts_stored} | of {posts_ok} acknowledged | 0 |
| app CPU, door open, nobody asking (% of one core over {IDLE_S:.0f} s) | {open_cpu:.2f} | door closed: {closed_cpu:.2f} | < 2 |

How: ballots arriving together are checked one by one by the round's rules, then written together in one transaction on the server's store thread (SQLite takes one writer), committed before any answer leaves; the room screen reloads once per settle window (60 ms) rather than once per ballot.
"""
    (HERE / "RESULTS-phones.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--phones"]:
        phones_main(*sys.argv[2:5])
    else:
        main()
