"""Slow subprocess tests (a few seconds each): kill -9 while typing loses at most the last second.

For every kind of typed field, the real app runs in a child process (offscreen) that types
continuously, one key every 40 ms, and says after each key how many it typed and each time the
autosave stored the field. After 75 keys (3 s) and once it has stored at least 20, it is killed
without warning (SIGKILL; on Windows TerminateProcess, through Popen.kill) and started again:
the field must show everything stored, the stores must have come at least every second of
typing, and so all but the last second of typing is back.

A second of typing is counted in keys (25 at 40 ms), never read from a clock: a loaded machine
slows the child's keys and its timers alike, so the check neither flakes nor loosens (it did
with wall-clock seconds: 18 characters back where 20 were expected). The restarted app, once
it has shown that field, types in the next field of its group and is killed in turn: two groups
run side by side under xdist.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kitcop_desktop.storage import rounds, workshops
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.storage.migrate import open_store

from .typing_app import KEYS_PER_SECOND, TEXT

CHILD = Path(__file__).with_name("typing_app.py")
TYPED_KEYS = 75  # 3 s at 40 ms a key
MIN_STORED = 20  # and the app has said it stored at least this many: seconds of typing to check
GROUPS = {
    "workshop-agenda-actions-boards": (
        "workshop_problem",
        "agenda_instructions",
        "action_description",
        "board_entry",
    ),
    "fishbowl-rounds-interviews": ("fishbowl_note", "round_word", "interview_note"),
}


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory) -> tuple[Path, int]:
    """The demo workshop, made once, with its météo round started (someone has the floor)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    store = open_store(path)
    try:
        workshop_id = create_demo(store)
        with store.write() as s:
            check_in = next(r for r in rounds.list_rounds(s, workshop_id) if r.kind == "check_in")
            rounds.start(s, check_in.id, datetime.now(UTC))
    finally:
        store.close()  # checkpointed: the file alone holds everything
    return path, workshop_id


@pytest.fixture(autouse=True)
def _no_child_left():
    """A failed check leaves no app typing on (the restarted child would type until its text
    ends, then wait forever)."""
    yield
    while Child.started:
        proc = Child.started.pop().proc
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


class Child:
    """The app in a child process; its stdout lines arrive in a queue (no blocking read)."""

    started: list[Child] = []

    def __init__(self, *args) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        Child.started.append(self)

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")  # end of output

    def next_line(self, timeout: float = 60.0) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            self.proc.kill()
            pytest.fail("the app stopped answering")
        if line == "":
            self.proc.wait(timeout=30)
            pytest.fail(f"the app ended early: {self.proc.stderr.read()[-2000:]}")
        return line

    def rest(self) -> list[str]:
        lines = []
        while True:
            line = self.lines.get(timeout=30)
            if line == "":
                return lines
            lines.append(line)


@dataclass
class Typing:
    """What the child said while it typed: the text before, then after each key and each store
    of the field, how many keys it had typed."""

    before: str
    keys: int = 0
    stores: list[int] = field(default_factory=list)

    def read(self, line: str) -> None:
        words = line.split()
        assert words and words[0] in ("key", "stored"), line
        if words[0] == "key":
            self.keys = int(words[1])
        else:
            self.stores.append(int(words[1]))


def keys_until_killed(child: Child) -> Typing:
    """Kill the child once it has typed long enough and stored some of it: a state it reports,
    never a time (a loaded machine slows the child, not what is checked)."""
    line = child.next_line()
    assert line.startswith("ready "), line
    typing = Typing(json.loads(line.removeprefix("ready ")))
    while typing.keys < TYPED_KEYS or not typing.stores or typing.stores[-1] < MIN_STORED:
        typing.read(child.next_line())
    child.proc.kill()  # SIGKILL: no flush, no goodbye
    child.proc.wait(timeout=30)
    for line in child.rest():  # what it did between the last line read and the kill
        typing.read(line)
    return typing


def shown(child: Child) -> str:
    line = child.next_line()
    assert line.startswith("text "), line
    return json.loads(line.removeprefix("text "))


def typed_part(name: str, typing: Typing, after: str) -> str:
    """What the restarted app shows of the typing (what the field held before is kept)."""
    assert after.startswith(typing.before), f"{name}: what the field held before is kept"
    got = after[len(typing.before) :]
    assert TEXT[: typing.keys].startswith(got), (name, got)
    return got


def check(name: str, typing: Typing, got: str) -> None:
    """A store at least every second of typing (the deadline keystrokes never push back),
    everything stored is back after the kill, and so at most the last second is missing."""
    gaps = [b - a for a, b in zip([0, *typing.stores], typing.stores, strict=False)]
    assert max(gaps) <= KEYS_PER_SECOND, (
        f"{name}: {max(gaps)} keys typed without a store; the autosave stores at least every "
        f"second of continuous typing ({KEYS_PER_SECOND} keys)"
    )
    assert len(got) >= len(TEXT[: typing.stores[-1]].rstrip()), (
        f"{name}: {len(got)} characters back; {typing.stores[-1]} were stored before the kill"
    )
    assert len(got) >= len(TEXT[: typing.keys - KEYS_PER_SECOND].rstrip()), (
        f"{name}: {len(got)} characters back after the kill; {typing.keys} were typed"
    )


@pytest.mark.parametrize("group", list(GROUPS))
def test_slow_subprocess_kill_while_typing_loses_at_most_the_last_second(
    tmp_path, demo_template, group
):
    db = tmp_path / "atelier.sqlite3"
    shutil.copyfile(demo_template[0], db)
    workshop_id = demo_template[1]
    fields = GROUPS[group]
    child = Child(db, workshop_id, "-", fields[0])
    for index, name in enumerate(fields):
        typing = keys_until_killed(child)
        following = fields[index + 1] if index + 1 < len(fields) else "-"
        child = Child(db, workshop_id, name, following)  # the app started again
        check(name, typing, typed_part(name, typing, shown(child)))
    child.proc.wait(timeout=60)


def test_slow_subprocess_after_a_kill_the_app_reopens_in_the_note_with_the_caret(
    tmp_path, demo_template
):
    """#20 item 2: typing in the middle of question 3's notes, killed; the restart opens the
    interviews on that interview, that question, the caret right after what was stored."""
    db = tmp_path / "atelier.sqlite3"
    shutil.copyfile(demo_template[0], db)
    workshop_id = demo_template[1]
    child = Child(db, workshop_id, "-", "interview_note_3", 6)  # after « Former »
    typing = keys_until_killed(child)
    before = typing.before
    assert before.startswith("Former ")
    store = open_store(db)  # another workshop, newer: the restart must not fall back on it
    try:
        with store.write() as s:
            workshops.create(s, "Un autre atelier, plus récent")
    finally:
        store.close()
    child = Child(db, workshop_id, "where")  # started again, nobody navigates
    line = child.next_line()
    assert line.startswith("where "), line
    child.proc.wait(timeout=60)
    where = json.loads(line.removeprefix("where "))
    with sqlite3.connect(db) as connection:
        interview_id, answer_id = connection.execute(
            "SELECT i.id, a.id FROM interviews i JOIN interview_answers a "
            "ON a.interview_id = i.id WHERE i.number = 1 AND a.position = 2"
        ).fetchone()
    assert where["workshop"] == workshop_id  # the workshop, the tool, the interview, the question…
    assert where["tool"] == "interviews"
    assert where["spot"] == [interview_id, f"answer:{answer_id}"], where
    with_typing = where["text"]
    got = with_typing[len("Former") : len(with_typing) - len(before) + len("Former")]
    assert with_typing == before[:6] + got + before[6:]
    assert TEXT.startswith(got)
    check("interview_note_3", typing, got)  # …with the typing back…
    assert where["caret"] == 6 + len(got)  # …and the caret right after it
