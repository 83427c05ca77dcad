"""Slow subprocess tests (a few seconds each): kill -9 while typing loses at most the last second.

For every kind of typed field, the real app runs in a child process (offscreen) that types
continuously, one key every 40 ms; after 3 s it is killed without warning (SIGKILL; on Windows
TerminateProcess, through Popen.kill), started again, and the field must show what was typed
up to one second before the kill. The restarted app, once it has shown that field, types in the
next field of its group and is killed in turn: two groups run side by side under xdist.
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
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kitcop_desktop.storage import rounds
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.storage.migrate import open_store

from .typing_app import TEXT

CHILD = Path(__file__).with_name("typing_app.py")
TYPING_SECONDS = 3.0
TYPED_KEYS = 75  # 3 s at 40 ms a key, typed even when a loaded machine slows the child
ALLOWED_LOSS_SECONDS = 1.0
# A gap between two keys longer than this is the child frozen by a loaded machine (it could
# neither type nor store then): that time is not counted in the second allowed.
STALL_SECONDS = 0.15
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


class Child:
    """The app in a child process; its stdout lines arrive in a queue (no blocking read)."""

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


def keys_until_killed(child: Child) -> tuple[str, list[tuple[int, float]]]:
    line = child.next_line()
    assert line.startswith("ready "), line
    before = json.loads(line.removeprefix("ready "))
    keys: list[tuple[int, float]] = []
    while not keys or keys[-1][1] < TYPING_SECONDS or keys[-1][0] < TYPED_KEYS:
        words = child.next_line().split()
        assert words[0] == "key", words
        keys.append((int(words[1]), float(words[2])))
    child.proc.kill()  # SIGKILL: no flush, no goodbye
    child.proc.wait(timeout=30)
    for line in child.rest():  # keys typed between the last line read and the kill
        words = line.split()
        if words and words[0] == "key":
            keys.append((int(words[1]), float(words[2])))
    return before, keys


def shown(child: Child) -> str:
    line = child.next_line()
    assert line.startswith("text "), line
    return json.loads(line.removeprefix("text "))


def check(field: str, before: str, keys: list[tuple[int, float]], after: str) -> None:
    """After the restart, the field shows what it held, then what was typed at least up to a
    second before the kill (and nothing else)."""
    running, previous, timeline = 0.0, 0.0, []  # (keys typed, seconds the child ran)
    for count, seconds in keys:
        gap = seconds - previous
        running += gap if gap <= STALL_SECONDS else 0.040
        previous = seconds
        timeline.append((count, running))
    last_count, last_time = timeline[-1]
    must_have = max((n for n, t in timeline if t <= last_time - ALLOWED_LOSS_SECONDS), default=0)
    assert must_have >= 20, field  # not vacuous: seconds of typing must be there
    assert after.startswith(before), f"{field}: what the field held before is kept"
    got = after[len(before) :]
    assert TEXT[:last_count].startswith(got), (field, got)
    assert len(got) >= len(TEXT[:must_have].rstrip()), (
        f"{field}: {len(got)} characters back after the kill; {must_have} were typed more "
        "than a second before it"
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
    for index, field in enumerate(fields):
        before, keys = keys_until_killed(child)
        following = fields[index + 1] if index + 1 < len(fields) else "-"
        child = Child(db, workshop_id, field, following)  # the app started again
        check(field, before, keys, shown(child))
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
    before, keys = keys_until_killed(child)
    assert before.startswith("Former ")
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
    assert where["tool"] == "interviews"  # the tool, the interview and the question…
    assert where["spot"] == [interview_id, f"answer:{answer_id}"], where
    with_typing = where["text"]
    got = with_typing[len("Former") : len(with_typing) - len(before) + len("Former")]
    assert with_typing == before[:6] + got + before[6:]
    assert TEXT.startswith(got) and len(got) >= 20  # …with the typing back…
    assert where["caret"] == 6 + len(got)  # …and the caret right after it
