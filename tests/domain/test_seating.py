"""#24 « Who sits where, per round »: the seating rules, as properties over many cafés."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kitcop_desktop.domain.seating import (
    Guest,
    TableSpec,
    plan_rounds,
    repeated_pairs,
    table_sizes,
)
from kitcop_desktop.domain.validation import InvalidInput

CATEGORIES = ("public", "private", "para_public", "")


@st.composite
def cafes(draw):
    """A room: 1 to 60 people of mixed categories and structures, 1 to 10 tables, some hosted."""
    count = draw(st.integers(1, 60))
    people = [
        Guest(
            key,
            draw(st.sampled_from(CATEGORIES)),
            draw(st.sampled_from(["", "CFA", "AFPA", "Région", "CAPEB", "Pôle emploi"])),
        )
        for key in range(count)
    ]
    table_count = draw(st.integers(1, min(10, count)))
    host_count = draw(st.integers(0, table_count))
    hosts = draw(st.permutations(range(count)))[:host_count]
    tables = [TableSpec(100 + t, hosts[t] if t < host_count else None) for t in range(table_count)]
    rounds = draw(st.integers(1, 4))
    return people, tables, rounds


def everyone_once(plan, people) -> bool:
    seated = [key for keys in plan.values() for key in keys]
    return sorted(seated) == sorted(p.key for p in people)


@settings(max_examples=120, deadline=None)
@given(cafes(), st.integers(0, 3))
def test_every_person_sits_once_per_round_and_hosts_stay(cafe, seed):
    people, tables, rounds = cafe
    plans = plan_rounds(people, tables, rounds, seed=seed)
    assert len(plans) == rounds
    for plan in plans:
        assert everyone_once(plan, people)
        for table in tables:
            if table.host is not None:
                assert table.host in plan[table.key]
        sizes = [len(keys) for keys in plan.values()]
        assert max(sizes) - min(sizes) <= 1  # balanced within one


@settings(max_examples=120, deadline=None)
@given(cafes())
def test_categories_spread_as_evenly_as_the_counts_allow(cafe):
    """Without hosts, each category's count at two tables differs by at most one."""
    people, tables, rounds = cafe
    tables = [TableSpec(t.key) for t in tables]
    for plan in plan_rounds(people, tables, rounds):
        for category in CATEGORIES:
            counts = [
                sum(1 for k in keys if people[k].category == category) for keys in plan.values()
            ]
            assert max(counts) - min(counts) <= 1, (category, counts)


def test_later_rounds_meet_new_people_far_more_than_a_shuffle():
    rng = random.Random(7)
    people = [Guest(i, rng.choice(CATEGORIES[:3]), f"S{rng.randrange(25)}") for i in range(120)]
    tables = [TableSpec(t) for t in range(12)]
    plans = plan_rounds(people, tables, 4)
    shuffled = []
    for _ in range(4):
        keys = list(range(120))
        rng.shuffle(keys)
        shuffled.append({t: tuple(keys[t * 10 : (t + 1) * 10]) for t in range(12)})
    assert repeated_pairs(plans) < repeated_pairs(shuffled) / 2


def test_colleagues_sit_apart_when_the_tables_allow():
    people = [Guest(i, "public", "CFA" if i < 4 else f"S{i}") for i in range(20)]
    plan = plan_rounds(people, [TableSpec(t) for t in range(4)], 1)[0]
    for keys in plan.values():
        assert sum(1 for k in keys if k < 4) <= 1


def test_earlier_rounds_count_as_meetings():
    people = [Guest(i) for i in range(8)]
    tables = [TableSpec(1), TableSpec(2)]
    earlier = [{1: (0, 1, 2, 3), 2: (4, 5, 6, 7)}]
    (plan,) = plan_rounds(people, tables, 1, earlier=earlier)
    # Two groups of four who met: the best next round splits each group two and two.
    assert repeated_pairs([*earlier, plan]) == 4
    assert all(len(keys) == 4 for keys in plan.values())


def test_the_same_seed_gives_the_same_plan():
    people = [Guest(i, CATEGORIES[i % 3], f"S{i % 5}") for i in range(30)]
    tables = [TableSpec(t) for t in range(5)]
    assert plan_rounds(people, tables, 3, seed=4) == plan_rounds(people, tables, 3, seed=4)


def test_capacities_are_never_exceeded_and_the_rest_is_balanced():
    sizes = table_sizes(11, [TableSpec(1, capacity=2), TableSpec(2), TableSpec(3)])
    assert sizes == {1: 2, 2: 5, 3: 4} or sizes == {1: 2, 2: 4, 3: 5}
    assert sum(sizes.values()) == 11


@pytest.mark.parametrize(
    ("people", "tables", "rounds", "said"),
    [
        ([Guest(i) for i in range(5)], [TableSpec(1, capacity=2)], 1, "Pas assez de places"),
        ([Guest(i) for i in range(5)], [], 1, "au moins une table"),
        ([Guest(1), Guest(1)], [TableSpec(1)], 1, "deux fois"),
        ([Guest(1), Guest(2)], [TableSpec(1, 1), TableSpec(2, 1)], 1, "deux tables"),
        ([Guest(1)], [TableSpec(1)], 0, "tours de table"),
        ([Guest(1)], [TableSpec(1)], 99, "tours de table"),
        ([Guest(1)], [TableSpec(1, capacity=0)], 1, "au moins une place"),
    ],
)
def test_impossible_requests_are_refused_in_french(people, tables, rounds, said):
    with pytest.raises(InvalidInput) as refused:
        plan_rounds(people, tables, rounds)
    assert said in str(refused.value) and "Rien n'a été modifié" in str(refused.value)


def test_an_absent_host_leaves_the_table_to_the_others():
    people = [Guest(i) for i in range(6)]  # person 9 hosts table 2 but is not here
    plan = plan_rounds(people, [TableSpec(1, host=0), TableSpec(2, host=9)], 1)[0]
    assert 0 in plan[1] and everyone_once(plan, people)
    assert Counter(len(v) for v in plan.values()) == Counter({3: 2})


@st.composite
def pinned_cafes(draw):
    """A café and, for each round, a few people placed by hand (some at the same table)."""
    people, tables, rounds = draw(cafes())
    hosts = {t.host for t in tables if t.host is not None}
    others = [p.key for p in people if p.key not in hosts]
    keys = [t.key for t in tables]
    pinned = []
    for _ in range(rounds):
        chosen = draw(st.lists(st.sampled_from(others), unique=True)) if others else []
        pinned.append({key: draw(st.sampled_from(keys)) for key in chosen})
    return people, tables, rounds, pinned


@settings(max_examples=150, deadline=None)
@given(pinned_cafes(), st.integers(0, 3))
def test_hand_placements_are_kept_and_the_rule_deals_only_the_others(cafe, seed):
    """#24: re-running the automatic assignment keeps what was placed by hand: each pinned
    person sits at the table they were put at, hosts stay, everyone sits once, and the tables
    the rule dealt people to stay within one of each other."""
    people, tables, rounds, pinned = cafe
    plans = plan_rounds(people, tables, rounds, pinned=pinned, seed=seed)
    for plan, fixed in zip(plans, pinned, strict=True):
        assert everyone_once(plan, people)
        for key, table in fixed.items():
            assert key in plan[table]
        for table in tables:
            if table.host is not None:
                assert table.host in plan[table.key]
        held = {t.key: sum(1 for k in fixed.values() if k == t.key) for t in tables}
        for t in tables:
            held[t.key] += 1 if t.host is not None else 0
        dealt = [len(plan[t]) for t in plan if len(plan[t]) > held[t]]
        if dealt:
            assert max(dealt) - min(dealt) <= 1, (plan, fixed)


def test_without_pins_the_plan_is_the_same_as_before():
    rng = random.Random(3)
    people = [Guest(i, rng.choice(CATEGORIES[:3]), f"S{rng.randrange(9)}") for i in range(40)]
    tables = [TableSpec(100 + t, t if t < 3 else None) for t in range(6)]
    assert plan_rounds(people, tables, 3, seed=2) == plan_rounds(
        people, tables, 3, seed=2, pinned=[{}, {}, {}]
    )
