"""Phones in the room (#19): sixty phones voting, answering a round and posting, on loopback.

    .venv/bin/python bench/phones_bench.py

The real app, offscreen: `MainWindow` on a real store file, its room screen shown at 1024×768,
each tool opened to phones by its own context's `PhoneDoor` on 127.0.0.1. Sixty simulated
phones (aiohttp clients, each with its own cookie, in a process of their own as real phones
share nothing with the laptop) then:
- cast a ballot at once on a vote that is not secret (its counts are on the room screen as
  they come), five runs, a fresh vote each;
- answer a météo and a déclusion at once (a word each, the déclusion's « rester impliqué·e »);
- send 200 post-its in one minute to a board's tray.
Each figure is paired with a baseline measured in the same run:
- response times (p50, p95, max) against the same inputs stored directly through
  `storage/*_phones` one after another (the store alone) and the static page served to the
  same sixty phones at once (HTTP alone);
- « the room screen updated »: the first time the room screen's widget *paints* with all
  sixty ballots counted (a Paint event filter on the real `VotingRoomView` in the room
  window), after the last ballot's answer; against the same widget painting a count typed on
  the laptop, after the keystroke's command. The same for the facilitator's list of words and
  tray of post-its, and for the room screen after « Montrer à l'écran » (M);
- inputs lost: acknowledged against stored;
- the app's CPU while a door is open and nobody asks anything, against the same seconds with
  it closed (the Qt event loop running, as in the app).
With `--before DIR` (a copy of main's code before a change, e.g.
`git -C /work/main archive 2f7b4d5 | tar -x -C /tmp/phones-base`; `--before-label 2f7b4d5`
names it), the same sixty ballots and words are also measured in fresh processes that run,
turn about, DIR's code and this tree's (`--measure ROOT`: the real app of ROOT driven by this
script), so both meet the same load on a shared machine: a before/after table pairs them.
Writes bench/RESULTS-phones.md itself (never edit a figure by hand); then
`python bench/results_index.py`.
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
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp  # noqa: E402

PHONES, ITEMS, RUNS, IDLE_S = 60, 10, 5, 10.0
POSTS, POST_SECONDS = 200, 60.0
PAIRS, PAIR_RUNS = 4, 3  # --before: processes of each code, turn about; vote runs in each
# KITCOP_BENCH_QUICK=1: a few seconds to try the bench itself; prints, writes no results.
QUICK = os.environ.get("KITCOP_BENCH_QUICK") == "1"
if QUICK:
    RUNS, IDLE_S, POSTS, POST_SECONDS = 1, 1.0, 70, 3.0
    PAIRS, PAIR_RUNS = 1, 1
HERE = Path(__file__).resolve().parent
SHOTS = HERE / "out"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ballot_for(k: int, items: list[int]) -> dict[int, int]:
    return {items[(k + j) % len(items)]: 1 for j in range(3)}


def word_for(k: int, kind: str) -> dict:
    """Phone k's answer: a word each (« Météo 7 »), the déclusion's choice every other."""
    if kind == "closing":
        return {"word": f"Déclusion {k}", "stay_involved": k % 2 == 0}
    return {"word": f"Météo {k}"}


# ------------------------------------------------------------------------- the phones' process
async def phones_at_once(url: str, items: list[int], path: str) -> tuple[list[float], int, float]:
    """Each phone loads its page's state (gets its cookie), then all send `path` at once."""
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

        async def send(session: aiohttp.ClientSession, where: str, body: dict) -> None:
            nonlocal ok
            start = time.perf_counter()
            async with session.post(f"{base}/{code}/{where}", json=body) as r:
                await r.read()
                ok += r.status == 200
            times.append((time.perf_counter() - start) * 1000)
            ends.append(time.time())

        async def one(k: int, session: aiohttp.ClientSession) -> None:
            nonlocal ok
            await gate.wait()
            if path == "bulletin":
                body = {"dots": {str(i): n for i, n in ballot_for(k, items).items()}}
                await send(session, "bulletin", body)
            elif path in ("check_in", "closing"):
                await send(session, "mot", word_for(k, path))
            elif path == "postit":
                # POSTS post-its in POST_SECONDS: each phone sends its share at random moments.
                rng = random.Random(k)
                moments = [rng.uniform(0, POST_SECONDS) for _ in range(POSTS // PHONES)]
                if k < POSTS % PHONES:
                    moments.append(rng.uniform(0, POST_SECONDS))
                began = time.perf_counter()
                for n, moment in enumerate(sorted(moments)):
                    await asyncio.sleep(max(0.0, began + moment - time.perf_counter()))
                    body = {"zone": "brakes", "text": f"Frein n° {n} du téléphone {k}"}
                    await send(session, "postit", body)
            else:  # the page itself: HTTP alone
                start = time.perf_counter()
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


def phones_main(url: str, path: str, items: str) -> None:
    async def run() -> tuple[list[float], int, float]:
        return await phones_at_once(url, [int(i) for i in items.split(",") if i], path)

    print(json.dumps(asyncio.run(run())))


# ---------------------------------------------------------------------------------- the app
def main(  # noqa: PLR0915 - one bench, told in order
    before: str | None = None, label: str = "", *, measure_only: bool = False
) -> dict | None:
    """The whole bench, writing its RESULTS file; `measure_only`: the ballots and words alone
    (for `--measure`), returned instead."""
    runs = PAIR_RUNS if measure_only else RUNS
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtGui import QPicture
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.app import load_tool_specs
    from kitcop_desktop.phones.board_room import BoardRoom
    from kitcop_desktop.phones.round_room import RoundRoom
    from kitcop_desktop.phones.session import Limits, new_device_token, pseudonym
    from kitcop_desktop.phones.vote_room import VoteRoom
    from kitcop_desktop.storage import (
        boards,
        boards_phones,
        rounds,
        rounds_phones,
        voting,
        voting_phones,
        voting_rounds,
        workshops,
    )
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.ui.main_window import MainWindow
    from kitcop_desktop.ui.phones import phone_door

    _app = QApplication.instance() or QApplication([])  # Qt needs one, kept alive

    class PaintWatch(QObject):
        """The first moment `widget` paints while `holds()` is true: what the projector
        (or the laptop's screen) shows from then on."""

        def __init__(self, widget, holds: Callable[[], bool]) -> None:
            super().__init__()
            self.widget, self.holds, self.seen = widget, holds, None
            widget.installEventFilter(self)

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and self.seen is None and self.holds():
                self.seen = time.time()
            return False

        def done(self) -> None:
            self.widget.removeEventFilter(self)

    def run_loop(until: Callable[[], bool] | None, seconds: float) -> None:
        """The Qt event loop, as in the app, until `until()` holds or `seconds` pass."""
        loop = QEventLoop()
        timer = QTimer()
        if until is not None:
            timer.setInterval(5)
            timer.timeout.connect(lambda: loop.quit() if until() else None)
            timer.start()
        QTimer.singleShot(int(seconds * 1000), loop, loop.quit)
        loop.exec()
        timer.stop()

    def phones_elsewhere(url: str, path: str, items=(), watch: PaintWatch | None = None):
        """The sixty phones in a process of their own; the app's event loop turns meanwhile.
        Returns (answer times, accepted, wall time of the last answer)."""
        process = subprocess.Popen(
            [sys.executable, __file__, "--phones", url, path, ",".join(map(str, items))],
            stdout=subprocess.PIPE,
            text=True,
        )
        run_loop(lambda: process.poll() is not None, 600)
        if watch is not None:  # once the phones are done, the screen has 10 s to show them
            run_loop(lambda: watch.seen is not None, 10)
        times, ok, last = json.loads(process.stdout.read())
        return times, ok, last

    def after(watch: PaintWatch, moment: float) -> float:
        watch.done()
        return ((watch.seen or float("inf")) - moment) * 1000

    def room_drew(widget) -> str:
        """Every text the widget draws now (a QPicture records them), to check the figure
        the bench timed is really on the screen."""
        picture = QPicture()
        widget.render(picture)
        data = bytes(picture.data())
        return data.decode("utf-16-le", "replace") + data.decode("utf-16-be", "replace")

    folder = Path(tempfile.mkdtemp(prefix="kitcop-phones-bench-"))
    os.environ["KITCOP_DATA_DIR"] = str(folder)
    store = open_store(folder / "atelier.sqlite3")
    with store.write() as s:
        workshop_id = workshops.create(s, "Plénière").id
        board_id = boards.create_board(s, workshop_id, "speedboat", "Speedboat").id
        round_ids = {
            kind: rounds.create_round(s, workshop_id, kind).id for kind in ("check_in", "closing")
        }
    window = MainWindow(store, specs=load_tool_specs())
    window.resize(1024, 740)
    window.show()
    window.open_workshop(workshop_id)
    window.room.resize(1024, 768)
    window.room.show()
    view = window.workshop_view
    # The loopback bench's sixty phones share one address: the per-address limit (phones
    # without a cookie yet) is raised to let them all join; the per-phone limit is the app's.
    limits = Limits(address_rate_count=PHONES * 4)

    def new_vote(n: int) -> tuple[int, int, list[int]]:
        with store.write() as s:
            vote = voting.create_vote_from_texts(
                s,
                workshop_id,
                [(f"Proposition {k} du vote {n}", None) for k in range(ITEMS)],
                f"Vote {n}",
            )
            voting.set_settings(s, vote.id, hidden=False)  # counted live on the room screen
            return vote.id, vote.rounds[-1].id, [i.id for i in vote.items]

    # --- votes ----------------------------------------------------------------------------
    window.activate_tool("voting")
    voting_door = phone_door(view.context("voting"))
    voting_room = view.room_view("voting")
    editor = window.current_editor()
    direct, page, ballot, seen_after, typed_after, lost, drawn = [], [], [], [], [], 0, True
    for run in range(runs):
        # Baseline: the store alone, the same sixty ballots one after another.
        _vote, round_id, items = new_vote(100 + run)
        for k in range(PHONES):
            start = time.perf_counter()
            with store.write() as s:
                voting_phones.cast_phone_ballot(
                    s, round_id, pseudonym(new_device_token()), ballot_for(k, items)
                )
            direct.append((time.perf_counter() - start) * 1000)
        vote_id, round_id, items = new_vote(run)
        view.ctx.hub.notify("voting", workshop_id)
        window.activate_tool("voting", vote_id)
        run_loop(lambda vote_id=vote_id: voting_room.state.id == vote_id, 5)
        # Baseline: the same room screen widget painting a count typed on the laptop.
        watch = PaintWatch(voting_room, lambda: voting_room.state.current.results.total_dots == 1)
        typed = time.time()
        assert editor.commands.set_wall_count(round_id, items[-1], "1", "Proposition")
        run_loop(lambda watch=watch: watch.seen is not None, 10)
        typed_after.append(after(watch, typed))
        voting_door.open(VoteRoom(store, vote_id), vote_id, "127.0.0.1", 0, limits)
        url = voting_door.server.url
        page += phones_elsewhere(url, "page")[0]  # baseline: HTTP alone
        watch = PaintWatch(
            voting_room,
            lambda: voting_room.state.current.results.ballots >= PHONES and voting_door.is_open,
        )
        times, ok, last_answer = phones_elsewhere(url, "bulletin", items, watch)
        ballot += times
        seen_after.append(after(watch, last_answer))
        # What the widget drew then: the leading count of the sixty ballots.
        top = max(r.count for r in voting_room.ranking_rows())
        drawn = drawn and f"{top}" in room_drew(voting_room)
        with store.read() as s:
            stored = voting_rounds.round_results(s, round_id).ballots
        lost += ok - stored
        if run == 0 and not measure_only:
            SHOTS.mkdir(exist_ok=True)
            window.room.grab().save(str(SHOTS / "phones_room_vote_1024.png"))
        voting_door.close()

    # --- a météo and a déclusion answered at once ------------------------------------------
    window.activate_tool("fishbowl")
    fishbowl = window.current_editor()
    fishbowl.tabs.setCurrentWidget(fishbowl.rounds)
    panel = fishbowl.rounds
    rounds_door = phone_door(view.context("fishbowl"))
    round_view = view.room_view("fishbowl").round
    words_direct, words_times, words_lost, listed_after, shown_after = [], [], 0, [], []
    listed_one, shown_one = [], []
    for kind, round_id in round_ids.items():
        # Baselines: the store alone, one word after another (into a round of its own).
        with store.write() as s:
            spare = rounds.create_round(s, workshop_id, kind).id
        for k in range(PHONES):
            start = time.perf_counter()
            with store.write() as s:
                rounds_phones.send_word(
                    s, spare, pseudonym(new_device_token()), **word_for(k, kind)
                )
            words_direct.append((time.perf_counter() - start) * 1000)
        for target, answers in ((spare, 1), (round_id, PHONES)):
            panel.round_id = target
            panel.reload()
            panel.focus.show("rounds", target)
            if target == spare:
                with store.write() as s:  # the spare round: one more word, then shown
                    rounds_phones.remove(s, rounds_phones.words(s, spare)[0].id)
                    rounds_phones.show_all(s, spare)
                    rounds_phones.send_word(
                        s, spare, pseudonym(new_device_token()), **word_for(0, kind)
                    )
                moment = time.time()
                watch = PaintWatch(
                    panel.phones.list,
                    lambda: (
                        panel.phones.list.count() == PHONES
                        and "1 pas encore montrée" in panel.phones.title.text()
                    ),
                )
                view.ctx.hub.notify("rounds", workshop_id)
                run_loop(lambda watch=watch: watch.seen is not None, 10)
                listed_one.append(after(watch, moment))
            else:
                rounds_door.open(RoundRoom(store, round_id), round_id, "127.0.0.1", 0, limits)
                watch = PaintWatch(panel.phones.list, lambda: panel.phones.list.count() == PHONES)
                times, ok, last = phones_elsewhere(rounds_door.server.url, kind, (), watch)
                words_times += times
                listed_after.append(after(watch, last))
                with store.read() as s:
                    words_lost += ok - rounds_phones.word_count(s, round_id)[0]
            # « Montrer à l'écran » (M): the room screen paints the words.
            expected = [f"{word_for(k, kind)['word']}" for k in range(answers)]
            if target == spare:
                expected = [word_for(0, kind)["word"]]
            watch = PaintWatch(
                round_view.words,
                lambda expected=expected: all(w in round_view.words.text() for w in expected),
            )
            moment = time.time()
            assert panel.phones.show_all()
            run_loop(lambda watch=watch: watch.seen is not None, 10)
            (shown_one if target == spare else shown_after).append(after(watch, moment))
            if target != spare:
                first_line = round_view.words.shown_text.split("\n")[0]
                drawn = drawn and bool(first_line) and first_line in room_drew(window.room)
                if kind == "closing" and not measure_only:
                    window.room.grab().save(str(SHOTS / "phones_room_words_1024.png"))
                rounds_door.close()

    if measure_only:
        window.room.close()
        window.close()
        store.close()
        return {
            "code": str(Path(sys.modules["kitcop_desktop"].__file__).resolve().parents[1]),
            "ballots": ballot,
            "seen_after": seen_after,
            "lost": lost,
            "words": words_times,
            "words_lost": words_lost,
        }

    # --- 200 post-its in one minute ---------------------------------------------------------
    window.activate_tool("boards", board_id)
    tray = window.current_editor().phone_tray
    boards_door = phone_door(view.context("boards"))
    posts_direct = []
    with store.write() as s:
        spare_board = boards.create_board(s, workshop_id, "speedboat", "Banc d'essai").id
    for n in range(POSTS):
        start = time.perf_counter()
        with store.write() as s:
            boards_phones.post_from_phone(
                s, spare_board, "brakes", f"Frein n° {n}", pseudonym(new_device_token())
            )
        posts_direct.append((time.perf_counter() - start) * 1000)
    # Baseline: the tray painting one post-it more, after its store change is announced.
    window.activate_tool("boards", spare_board)
    run_loop(lambda: tray.list.count() == POSTS, 10)
    with store.write() as s:
        boards_phones.post_from_phone(s, spare_board, "brakes", "Un de plus", "ab" * 8)
    watch = PaintWatch(tray.list, lambda: tray.list.count() == POSTS + 1)
    moment = time.time()
    view.ctx.hub.notify("boards", workshop_id)
    run_loop(lambda: watch.seen is not None, 10)
    tray_one = after(watch, moment)
    window.activate_tool("boards", board_id)
    run_loop(lambda: tray.list.count() == 0, 10)
    boards_door.open(BoardRoom(store, board_id), board_id, "127.0.0.1", 0, limits)
    watch = PaintWatch(tray.list, lambda: tray.list.count() == POSTS)
    post_times, posts_ok, last = phones_elsewhere(boards_door.server.url, "postit", (), watch)
    tray_after = after(watch, last)
    boards_door.close()
    with store.read() as s:
        posts_stored = boards_phones.waiting_count(s, board_id)

    # --- idle: a door open and the room shown, nobody asking; then the same, closed ---------
    def cpu_over(seconds: float) -> float:
        start_cpu, start = time.process_time(), time.perf_counter()
        run_loop(None, seconds)
        return 100 * (time.process_time() - start_cpu) / (time.perf_counter() - start)

    window.activate_tool("voting", vote_id)
    closed_cpu = cpu_over(IDLE_S)
    voting_door.open(VoteRoom(store, vote_id), vote_id, "127.0.0.1", 0)
    open_cpu = cpu_over(IDLE_S)
    voting_door.close()
    window.room.close()
    window.close()
    store.close()

    paired = turn_about(before, label) if before else ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    now = datetime.now(UTC)

    def times_row(name: str, values, baselines, goal: str) -> str:
        cells = " | ".join(f"{v:.1f}" for v in [values, *baselines])
        return f"| {name} | {cells} | {goal} |"

    def three(name: str, values, page_values, store_values, goal: str = "—") -> list[str]:
        return [
            times_row(
                f"{name}, p50 (ms)",
                statistics.median(values),
                [statistics.median(page_values), statistics.median(store_values)],
                "—",
            ),
            times_row(
                f"{name}, p95 (ms)",
                pct(values, 0.95),
                [pct(page_values, 0.95), pct(store_values, 0.95)],
                goal,
            ),
            times_row(f"{name}, max (ms)", max(values), [max(page_values), max(store_values)], "—"),
        ]

    answer_rows = "\n".join(
        [
            *three(f"{PHONES} ballots at once", ballot, page, direct, "< 100"),
            *three(f"{PHONES} words at once (météo, déclusion)", words_times, page, words_direct),
            *three(
                f"{POSTS} post-its in {POST_SECONDS:.0f} s", post_times, page, posts_direct, "< 100"
            ),
        ]
    )
    shown = "yes" if drawn else "NO"
    text = f"""# Phones in the room (#19): benchmark results

`bench/phones_bench.py`, {now:%Y-%m-%d %H:%M} UTC, {platform.system()} {platform.release()}, Python {platform.python_version()}, {os.cpu_count()} cores, load average {load:.1f} (the machine is shared: times are noisy upward). Written by the script; never edit a figure by hand.

The real app offscreen (`MainWindow`, its room screen shown at 1024×768), each tool opened to phones by its own `PhoneDoor` → `PhoneServer` on 127.0.0.1. {PHONES} phones (aiohttp clients, each with its own cookie, in a process of their own): a vote of {ITEMS} proposals that is not secret (counted live on the room screen), 3 gommettes each, all {PHONES} at once, {RUNS} runs with a fresh vote ({PHONES * RUNS} ballots); a météo then a déclusion, all {PHONES} answering at once; {POSTS} post-its in {POST_SECONDS:.0f} s to a board's tray. Baselines measured in the same run: the static page served to the same {PHONES} phones at once (HTTP alone), and the same inputs stored directly through `storage/*_phones` one after another (the store alone).

| response | value | baseline: page at once | baseline: store alone, one by one | target |
|---|---:|---:|---:|---|
{answer_rows}

« Painted » is the first Paint event of the real widget (an event filter on it) while it holds the figure; the texts drawn were then read back from the widget (a `QPicture` of it): {shown}.

| measure | value | baseline (same run) | target |
|---|---:|---:|---|
| room screen painted with all {PHONES} ballots, after the last ballot's answer (ms, median of {RUNS}) | {statistics.median(seen_after):.0f} (worst {max(seen_after):.0f}) | a wall count typed on the laptop, painted after its keystroke: {statistics.median(typed_after):.0f} (worst {max(typed_after):.0f}) | < 300 |
| ballots acknowledged but not stored | {lost} | of {PHONES * RUNS} acknowledged | 0 |
| facilitator's list painted with all {PHONES} words, after the last answer (ms, météo / déclusion) | {" / ".join(f"{v:.0f}" for v in listed_after)} | one word more, after its change is announced: {" / ".join(f"{v:.0f}" for v in listed_one)} | — |
| room screen painted with the {PHONES} words, after « Montrer à l'écran » (M) (ms, météo / déclusion) | {" / ".join(f"{v:.0f}" for v in shown_after)} | M with one word: {" / ".join(f"{v:.0f}" for v in shown_one)} | — |
| words acknowledged but not stored | {words_lost} | of {2 * PHONES} acknowledged | 0 |
| tray painted with all {POSTS} post-its, after the last answer (ms) | {tray_after:.0f} | one post-it more, after its change is announced: {tray_one:.0f} | — |
| post-its acknowledged but not in the tray | {posts_ok - posts_stored} | of {posts_ok} acknowledged | 0 |
| app CPU, vote open to phones and on the room screen, nobody asking (% of one core over {IDLE_S:.0f} s) | {open_cpu:.2f} | door closed: {closed_cpu:.2f} | < 2 |

{paired}How: inputs arriving together are checked one by one by the tool's rules, then written together in one transaction on the server's store thread (SQLite takes one writer), committed before any answer leaves; reads (the room screen, the phones' `/etat`) no longer take SQLite's write lock; the app's objects are frozen out of Python's cycle collector while a door is open; the views reload once per settle window (60 ms) rather than once per input, at most once per 150 ms while inputs pour in and not while a batch is being written (never later than 180 ms). Screens: bench/out/phones_room_vote_1024.png, bench/out/phones_room_words_1024.png.
"""
    if not QUICK:
        (HERE / "RESULTS-phones.md").write_text(text, encoding="utf-8")
    print(text)
    return None


def measured(root: Path) -> dict:
    """The ballots and words measured in a fresh process running `root`'s code."""
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(root)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    line = [x for x in done.stdout.splitlines() if x.startswith("MEASURED ")][-1]
    result = json.loads(line.removeprefix("MEASURED "))
    assert Path(result["code"]) == root.resolve(), (result["code"], root)
    return result


def turn_about(before: str, label: str) -> str:
    """Before and now, in processes that take turns (the same load for both): the table."""
    roots = {"before": Path(before), "now": HERE.parent}
    got: dict[str, list[dict]] = {"before": [], "now": []}
    for n in range(PAIRS):
        for which in ("before", "now") if n % 2 == 0 else ("now", "before"):
            got[which].append(measured(roots[which]))

    def pooled(which: str, key: str) -> list[float]:
        return [v for r in got[which] for v in r[key]]

    def total(which: str, key: str) -> int:
        return sum(r[key] for r in got[which])

    rows = []
    for key, name in (
        ("ballots", f"{PHONES} ballots at once"),
        ("words", f"{PHONES} words at once"),
    ):
        b, w = pooled("before", key), pooled("now", key)
        for q, qname in ((0.5, "p50"), (0.95, "p95"), (1.0, "max")):
            goal = "< 100" if key == "ballots" and q == 0.95 else "—"
            rows.append(f"| {name}, {qname} (ms) | {pct(b, q):.1f} | {pct(w, q):.1f} | {goal} |")
    b, w = pooled("before", "seen_after"), pooled("now", "seen_after")
    rows.append(
        f"| room screen painted with all {PHONES} ballots, after the last answer (ms, median; "
        f"worst) | {statistics.median(b):.0f}; {max(b):.0f} | {statistics.median(w):.0f}; "
        f"{max(w):.0f} | < 300 |"
    )
    rows.append(
        f"| inputs acknowledged but not stored | {total('before', 'lost') + total('before', 'words_lost')} "
        f"| {total('now', 'lost') + total('now', 'words_lost')} | 0 |"
    )
    n_ballots = len(pooled("now", "ballots"))
    name = label or Path(before).name
    body = "\n".join(rows)
    return f"""Before and after, same run: {PAIRS} processes running main's code before this change ({name}) and {PAIRS} running this tree's took turns, each with the same real app and room screen, {PAIR_RUNS} fresh votes of {PHONES} ballots at once and a météo and a déclusion of {PHONES} words at once ({n_ballots} ballots and {len(pooled("now", "words"))} words for each code).

| {PHONES} phones at once | before ({name}) | now | target |
|---|---:|---:|---|
{body}

"""


if __name__ == "__main__":
    if sys.argv[1:2] == ["--phones"]:
        phones_main(*sys.argv[2:5])
    elif sys.argv[1:2] == ["--measure"]:
        sys.path.insert(0, str(Path(sys.argv[2]).resolve()))  # that code's kitcop_desktop
        print("MEASURED " + json.dumps(main(measure_only=True)))
    else:
        args = sys.argv[1:]
        before = args[args.index("--before") + 1] if "--before" in args else None
        label = args[args.index("--before-label") + 1] if "--before-label" in args else ""
        main(before, label)
