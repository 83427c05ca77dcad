"""Interviews: how long the facilitator waits, on a full campaign (30 interviews, 11 questions,
5 marked passages each, 2 000-character answers).

    .venv/bin/python bench/interviews_bench.py [--runs 30]

Prints a Markdown table (median and worst, in ms) to paste in bench/RESULTS-interviews.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

INTERVIEWS = 30
ANSWER = ("Nous manquons de plaquistes qualifiés ; les formations RGE sont loin. " * 30)[:2000]


def timed(fn, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def fill(store, workshop_id) -> list[int]:
    from kitcop_desktop.storage import interviews

    ids = []
    with store.write() as s:
        guide = interviews.ensure_builtin_guides(s, workshop_id)[1]  # 11 questions
        for n in range(INTERVIEWS):
            iv = interviews.create_interview(
                s, workshop_id, guide.id, profession=f"Métier {n % 7}", sector=f"S{n % 4}"
            )
            for answer in iv.answers:
                answer.notes = ANSWER
            for k, kind in enumerate(("brake", "lever", "difficulty", "action", "need")):
                interviews.add_mark(s, iv.id, kind, f"Passage {n}-{k} : {ANSWER[:80]}")
            ids.append(iv.id)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs

    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.storage import interviews, workshops
    from kitcop_desktop.storage.migrate import open_store

    tmp = Path(tempfile.mkdtemp())
    os.environ["KITCOP_DATA_DIR"] = str(tmp)
    store = open_store(tmp / "bench.sqlite3")
    with store.write() as s:
        workshop_id = workshops.create(s, "Banc d'essai").id
    ids = fill(store, workshop_id)
    with store.read() as s:
        answer_id = interviews.get(s, ids[0]).answers[0].id

    rows = []

    def autosave():
        with store.write() as s:
            interviews.save_answer_notes(s, answer_id, ANSWER + str(time.perf_counter()))

    rows.append(("Autosave of one 2 000-character answer (one committed transaction)", autosave))

    def listing():
        with store.read() as s:
            interviews.list_interviews(s, workshop_id)
            interviews.profile_table(s, workshop_id)

    rows.append(("List 30 interviews + profile table", listing))

    def synth():
        with store.read() as s:
            interviews.synthesis(s, workshop_id)

    rows.append(("Synthesis of 150 marked passages", synth))

    # Qt: the editor and loading one interview's note-taking page (11 fields + free notes).
    app = QApplication.instance() or QApplication([])
    from PySide6.QtGui import QUndoStack

    from kitcop_desktop.tools.interviews.spec import SPEC
    from kitcop_desktop.ui.changes import ChangeHub
    from kitcop_desktop.ui.tool_spec import ToolContext

    ctx = ToolContext(
        store=store,
        hub=ChangeHub(),
        undo_stack=QUndoStack(),
        workshop_id=workshop_id,
        activate_tool=lambda key, ref=None: None,
        show_message=lambda text: None,
    )
    editor = SPEC.make_editor(ctx)
    editor.resize(1024, 768)
    editor.show()
    app.processEvents()
    rows.append(("Build the interviews editor (30 interviews)", lambda: SPEC.make_editor(ctx)))

    def load():
        editor.notes.load(ids[len(ids) // 2])
        app.processEvents()

    rows.append(("Open one interview's note taking (12 fields)", load))

    results = [(label, *timed(fn, runs)) for label, fn in rows]

    # One-shot operations (they change the data): timed once each.
    start = time.perf_counter()
    with store.write() as s:
        _board, cards = interviews.send_synthesis_to_board(s, workshop_id)
    send_ms = (time.perf_counter() - start) * 1000
    results.append((f"Send the synthesis to a speedboat ({len(cards)} post-its)", send_ms, send_ms))
    erase_samples = []
    for interview_id in ids[:5]:
        start = time.perf_counter()
        with store.write() as s:
            interviews.erase_interviewee(s, interview_id)
        store.checkpoint()
        erase_samples.append((time.perf_counter() - start) * 1000)
    results.append(
        (
            "Erase one interviewee for good + WAL checkpoint",
            statistics.median(erase_samples),
            max(erase_samples),
        )
    )
    store.close()

    print(f"| Operation ({runs} runs) | median ms | worst ms |")
    print("|---|---:|---:|")
    for label, median, worst in results:
        print(f"| {label} | {median:.1f} | {worst:.1f} |")


if __name__ == "__main__":
    main()
