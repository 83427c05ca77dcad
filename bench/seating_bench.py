"""Seating plan benchmark (#24): 120 participants at 12 tables over 4 rounds.

    .venv/bin/python bench/seating_bench.py

Measures `domain.seating.plan_rounds` (what « Placer automatiquement » will call) against a
baseline measured in the same run: a random shuffle of the same people into the same tables.
Reports the time (median of 15 runs), the table sizes, how evenly each category is spread and
how many pairs of people sit together again. Then `plan_team_rounds` (« Par équipes… », seed
004's teams that rotate together): 12 teams of 10 over the same tables, against teams made by
a random shuffle. Writes bench/RESULTS-seating.md itself.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from kitcop_desktop.domain.seating import (
    Guest,
    TableSpec,
    plan_rounds,
    plan_team_rounds,
    repeated_pairs,
)

PEOPLE, TABLES, ROUNDS, RUNS = 120, 12, 4, 15
CATEGORIES = ("public", "private", "para_public")


def room(seed: int) -> list[Guest]:
    """A COP-like room: half public actors, a third private, the rest para-public; 30
    structures, some sending several people."""
    rng = random.Random(seed)
    weights = (0.5, 0.33, 0.17)
    return [
        Guest(key, rng.choices(CATEGORIES, weights)[0], f"Structure {rng.randrange(30)}")
        for key in range(PEOPLE)
    ]


def shuffled(people: list[Guest], seed: int) -> list[dict[int, tuple[int, ...]]]:
    rng = random.Random(seed)
    plans = []
    for _ in range(ROUNDS):
        keys = [p.key for p in people]
        rng.shuffle(keys)
        plans.append({t: tuple(keys[t::TABLES]) for t in range(TABLES)})
    return plans


def quality(plans, people: list[Guest]) -> dict[str, float]:
    by_key = {p.key: p for p in people}
    size_gap = max(
        max(len(v) for v in plan.values()) - min(len(v) for v in plan.values()) for plan in plans
    )
    category_gap = 0
    colleagues = 0
    for plan in plans:
        for category in CATEGORIES:
            counts = [sum(1 for k in v if by_key[k].category == category) for v in plan.values()]
            category_gap = max(category_gap, max(counts) - min(counts))
        for seated in plan.values():
            same = Counter(by_key[k].structure for k in seated)
            colleagues += sum(n * (n - 1) // 2 for n in same.values())
    return {
        "size_gap": size_gap,
        "category_gap": category_gap,
        "colleague_pairs": colleagues / len(plans),
        "repeated_pairs": repeated_pairs(plans),
    }


def timed(fn) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    people = room(2026)
    tables = [TableSpec(t) for t in range(TABLES)]
    ours_ms = timed(lambda: plan_rounds(people, tables, ROUNDS))
    base_ms = timed(lambda: shuffled(people, 1))
    ours = quality(plan_rounds(people, tables, ROUNDS), people)
    # The shuffle's figures vary with its seed: the median of 15 shuffles.
    shuffles = [quality(shuffled(people, seed), people) for seed in range(RUNS)]
    base = {k: statistics.median(q[k] for q in shuffles) for k in ours}
    teams_ms = timed(lambda: plan_team_rounds(people, tables, ROUNDS, TABLES))
    teams = quality(plan_team_rounds(people, tables, ROUNDS, TABLES), people)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [
        ("time to seat 4 rounds (median of 15), ms", f"{ours_ms:.1f}", f"{base_ms:.2f}", "< 200"),
        ("largest gap between two tables' sizes", ours["size_gap"], base["size_gap"], "≤ 1"),
        (
            "largest gap in one category's count between two tables",
            ours["category_gap"],
            base["category_gap"],
            "as the counts allow (≤ 1)",
        ),
        (
            "pairs of colleagues at one table, per round",
            f"{ours['colleague_pairs']:.1f}",
            f"{base['colleague_pairs']:.1f}",
            "as few as possible",
        ),
        (
            "pairs seated together again over the 4 rounds",
            ours["repeated_pairs"],
            base["repeated_pairs"],
            "minimised",
        ),
        (
            "teams (12 of 10, rotating together): time for 4 rounds (median of 15), ms",
            f"{teams_ms:.1f}",
            f"{base_ms:.2f}",
            "< 200",
        ),
        (
            "teams: largest gap in one category's count between two teams",
            teams["category_gap"],
            base["category_gap"],
            "as the counts allow (≤ 1)",
        ),
        (
            "teams: pairs of colleagues in one team",
            f"{teams['colleague_pairs']:.1f}",
            f"{base['colleague_pairs']:.1f}",
            "as few as possible",
        ),
    ]
    lines = [
        "# Seating plan (#24): benchmark results",
        "",
        f"`bench/seating_bench.py`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {load:.1f} (the machine is shared: times are "
        "noisy upward). Written by the script; never edit a figure by hand.",
        "",
        f"{PEOPLE} participants (half public actors, a third private, the rest para-public, "
        f"from 30 structures) at {TABLES} tables over {ROUNDS} rounds, no hosts. "
        "`domain.seating.plan_rounds` against a random shuffle measured in the same run "
        "(median of 15 shuffles for its quality figures).",
        "",
        "| measure | plan_rounds | random shuffle | target |",
        "|---|---:|---:|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
        "How: each category is dealt round the tables (the table with the fewest of that "
        "category first, colleagues one after another so they land apart), then people of the "
        "same category swap tables while a swap lowers the pairs who have met before plus the "
        "pairs of colleagues; swapping within a category never unbalances the categories. "
        "Teams are made the same way (once, teams for tables) and then move together: their "
        "pairs meet again by design, so only their mix is measured.",
        "",
    ]
    out = Path(__file__).with_name("RESULTS-seating.md")
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
