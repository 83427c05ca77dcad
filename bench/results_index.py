"""bench/RESULTS.md, assembled from the RESULTS-*.md files the benches write themselves.

    .venv/bin/python bench/results_index.py

No figure is typed here: each section is copied from a bench's own results file (its title,
its machine and date, its tables and profiles), so RESULTS.md says what the last run of each
bench measured, and which results files are older hand-written notes.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Issue 15's goals, in its order: (results file, the bench that writes it, the goal).
GOALS = [
    (
        "RESULTS-boards.md",
        "boards_bench.py",
        "add a post-it < 16 ms at 500 and ≤ 20 ms at 5,000; open 500 < 150 ms, 5,000 < 1 s",
    ),
    ("RESULTS-memory.md", "memory_bench.py", "< 150 MB after every tool, room screen up"),
    ("RESULTS-countdown-cpu.md", "countdown_cpu.py", "< 1 % CPU while a countdown runs"),
    ("RESULTS-startup.md", "startup_bench.py", "workshop usable within 3× a bare window"),
    ("RESULTS-cli.md", "cli_bench.py", "`kitcop list` and `kitcop --version` < 150 ms"),
    ("RESULTS-big-pdf.md", "big_pdf_bench.py", "big workshop PDF < 2 s, ×4 < 8 s"),
    ("RESULTS-exchange.md", "exchange_bench.py", "100,000 rows imported < 5 s"),
    ("RESULTS-preview.md", "preview_memory.py", "Impression preview drawn on demand"),
]


def written_by_script(text: str) -> bool:
    return "never by hand" in text or "Written by the script" in text


def body(text: str) -> str:
    """A results file without its first heading, headings one level down."""
    lines = text.strip().splitlines()[1:]
    return "\n".join(("#" + line) if line.startswith("#") else line for line in lines).strip()


def main() -> None:
    sections, index = [], []
    listed = set()
    for name, script, goal in GOALS:
        path = HERE / name
        listed.add(name)
        if not path.exists():
            index.append(f"| {goal} | `{script}` | not run yet |")
            continue
        text = path.read_text(encoding="utf-8")
        title = text.splitlines()[0].lstrip("# ").strip()
        date = re.search(r"(\d{4}-\d{2}-\d{2})[ ,]+(\d{2}:\d{2})?", text)
        when = " ".join(g for g in date.groups() if g) if date else "?"
        index.append(f"| {goal} | [`{name}`]({name}) (`{script}`) | {when} |")
        sections.append(f"## {title}\n\n{body(text)}\n")
    older = sorted(
        p.name
        for p in HERE.glob("RESULTS-*.md")
        if p.name not in listed and not written_by_script(p.read_text(encoding="utf-8"))
    )
    others = sorted(
        p.name
        for p in HERE.glob("RESULTS-*.md")
        if p.name not in listed and written_by_script(p.read_text(encoding="utf-8"))
    )
    text = f"""# Measurements

Assembled by `python bench/results_index.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from
the results files the benches write themselves (never by hand). Each bench runs as shipped on a
fresh clone (`.venv/bin/python bench/NAME.py`), takes the user's path, pairs each figure with a
baseline measured in the same run and writes its own file; its machine, load and date are in
its section. The machine is a 2-core box shared with other engineers' test runs: figures are
medians of several runs and vary with the load given beside them; the ratios to the same-run
baselines are the steadier reading. No test asserts a time.

## Issue 15's goals

| goal | results (bench) | last run |
|---|---|---|
{chr(10).join(index)}

Other results written by their bench: {", ".join(f"[`{n}`]({n})" for n in others) or "none"}.
Older notes, written by hand before the benches wrote their own results (kept for their
history, not re-measured): {", ".join(f"[`{n}`]({n})" for n in older) or "none"}.

{chr(10).join(sections)}"""
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(HERE / "RESULTS.md")


if __name__ == "__main__":
    main()
