"""#24, seed 004: « les 4 équipes constituées pour un world café » — teams that rotate together.
Properties over many cafés: everyone sits once per round, the hosts stay home, a team stays
together from table to table (the same people at one table each round, a hand placement
taking only that person out for that round), no team comes back to a table before it has
seen them all, team sizes within one, and categories spread over the teams as evenly as the
counts allow."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kitcop_desktop.domain.seating import (
    Guest,
    TableSpec,
    keep_teams,
    make_teams,
    plan_team_rounds,
)
from kitcop_desktop.domain.validation import InvalidInput

CATEGORIES = ("public", "private", "para_public", "")


@st.composite
def team_cafes(draw):
    """2 to 8 tables (some hosted), 2 to one team per table, 0 to 60 other people, 1 to 5
    rounds, a few hand placements."""
    table_count = draw(st.integers(2, 8))
    count = draw(st.integers(0, 60)) + table_count
    people = [
        Guest(
            key,
            draw(st.sampled_from(CATEGORIES)),
            draw(st.sampled_from(["", "CFA", "AFPA", "Région", "Pôle emploi"])),
        )
        for key in range(count)
    ]
    host_count = draw(st.integers(0, table_count))
    hosts = draw(st.permutations(range(count)))[:host_count]
    tables = [TableSpec(100 + t, hosts[t] if t < host_count else None) for t in range(table_count)]
    teams = draw(st.integers(2, table_count))
    rounds = draw(st.integers(1, 5))
    movable = [p.key for p in people if p.key not in hosts]
    moves = (
        st.dictionaries(
            st.sampled_from(movable), st.sampled_from([t.key for t in tables]), max_size=2
        )
        if movable
        else st.just({})
    )
    pinned = [draw(moves) for _ in range(rounds)]
    return people, tables, teams, rounds, pinned


@settings(max_examples=150, deadline=None)
@given(team_cafes(), st.integers(0, 3))
def test_a_team_stays_together_from_table_to_table(cafe, seed):
    people, tables, teams, rounds, pinned = cafe
    plans = plan_team_rounds(people, tables, rounds, teams, pinned=pinned, seed=seed)
    hosts = {t.key: t.host for t in tables if t.host is not None}
    members = make_teams([p for p in people if p.key not in hosts.values()], teams, seed=seed)
    team_of = {key: n for n, keys in enumerate(members) for key in keys}
    order = [t.key for t in tables]
    assert len(plans) == rounds
    visited: dict[int, list[int]] = {n: [] for n in range(teams)}
    for number, plan in enumerate(plans):
        seated = [k for keys in plan.values() for k in keys]
        assert sorted(seated) == sorted(p.key for p in people)  # everyone once
        for table, host in hosts.items():
            assert plan[table][0] == host  # hosts stay home
        moved = pinned[number]
        for key, table in moved.items():
            assert key in plan[table]  # a hand placement is kept
        where = {k: t for t, keys in plan.items() for k in keys}
        for n, keys in enumerate(members):
            tables_of_team = {where[k] for k in keys if k not in moved}
            assert len(tables_of_team) <= 1  # together
            if tables_of_team:
                (table,) = tables_of_team
                assert table == order[(n + number) % len(order)]
                if number < len(order):  # the first tour of the tables
                    visited[n].append(table)
        for keys in plan.values():  # one team a table at most (and those placed by hand)
            assert len({team_of[k] for k in keys if k in team_of and k not in moved}) <= 1
    for tables_seen in visited.values():  # a new table each round until all are seen
        assert len(set(tables_seen)) == len(tables_seen)


@settings(max_examples=150, deadline=None)
@given(team_cafes(), st.integers(0, 3))
def test_teams_are_balanced_and_mixed(cafe, seed):
    people, tables, teams, _rounds, _pinned = cafe
    members = make_teams(people, teams, seed=seed)
    assert sorted(k for keys in members for k in keys) == sorted(p.key for p in people)
    sizes = [len(keys) for keys in members]
    assert max(sizes) - min(sizes) <= 1
    by_key = {p.key: p for p in people}
    for category in CATEGORIES:
        counts = [sum(1 for k in keys if by_key[k].category == category) for keys in members]
        assert max(counts) - min(counts) <= 1, category


def test_the_france_travail_world_cafe_four_teams_four_questions():
    """Seed 004: 40 people of the SPER (three categories, nine structures), four questions,
    four rounds: four teams of ten that each meet every question once."""
    people = [
        Guest(n, ("public", "private", "para_public")[n % 3], f"Structure {n % 9}")
        for n in range(40)
    ]
    tables = [TableSpec(100 + q) for q in range(4)]
    plans = plan_team_rounds(people, tables, 4, 4)
    teams = [frozenset(plans[0][100 + q]) for q in range(4)]
    assert sorted(len(t) for t in teams) == [10] * 4
    for plan in plans:
        assert {frozenset(keys) for keys in plan.values()} == set(teams)
    for team in teams:
        questions = [next(t for t, keys in plan.items() if set(keys) == team) for plan in plans]
        assert sorted(questions) == [100, 101, 102, 103]
    by_key = {p.key: p for p in people}
    for team in teams:
        assert Counter(by_key[k].category for k in team).most_common(1)[0][1] <= 4
        assert max(Counter(by_key[k].structure for k in team).values()) <= 2


@pytest.mark.parametrize(
    ("teams", "said"),
    [(1, "De 2 à 4 équipes"), (5, "De 2 à 4 équipes"), ("trois", "nombre entier")],
)
def test_impossible_team_counts_are_refused_in_french(teams, said):
    people = [Guest(n) for n in range(12)]
    tables = [TableSpec(100 + q) for q in range(4)]
    with pytest.raises(InvalidInput, match=said):
        plan_team_rounds(people, tables, 2, teams)


def test_a_team_larger_than_a_tables_seats_is_refused():
    people = [Guest(n) for n in range(20)]
    tables = [TableSpec(100, capacity=6), TableSpec(101, capacity=12)]
    with pytest.raises(InvalidInput, match="Une équipe compte jusqu'à 10 personnes"):
        plan_team_rounds(people, tables, 2, 2)


@st.composite
def teams_then_the_day(draw):
    """Teams dealt when preparing (2 to 8 teams, 2 to 60 people), then the day: some absent,
    some newcomers (keys from 1000), perhaps another count of teams asked."""
    count = draw(st.integers(2, 60))
    teams = draw(st.integers(2, 8))
    before = [
        Guest(key, draw(st.sampled_from(CATEGORIES)), draw(st.sampled_from(["", "CFA", "AFPA"])))
        for key in range(count)
    ]
    earlier = make_teams(before, teams, seed=draw(st.integers(0, 3)))
    absent = draw(st.sets(st.sampled_from(range(count)), max_size=count // 2))
    newcomers = [
        Guest(1000 + n, draw(st.sampled_from(CATEGORIES)), draw(st.sampled_from(["", "CFA"])))
        for n in range(draw(st.integers(0, 12)))
    ]
    here = [p for p in before if p.key not in absent] + newcomers
    asked = draw(st.sampled_from([teams, teams, max(2, teams - 1)]))
    return earlier, here, asked


@settings(max_examples=200, deadline=None)
@given(teams_then_the_day())
def test_teams_dealt_again_keep_everyone_present_in_their_team(case):
    """« Répartir automatiquement » run again on the day: nobody present changes team, the
    absent are in none, every newcomer joins exactly one, into the smallest teams (sizes
    spread no wider than the absences left them, and within one when they were)."""
    earlier, here, asked = case
    teams = keep_teams(here, asked, earlier)
    keys = [k for team in teams for k in team]
    assert sorted(keys) == sorted(p.key for p in here)  # everyone present once, the absent out
    assert len(teams) == asked
    if asked != len(earlier):
        return  # another count of teams: dealt anew, as `make_teams`
    here_keys = {p.key for p in here}
    for old, new in zip(earlier, teams, strict=True):
        assert [k for k in old if k in here_keys] == [k for k in new if k < 1000]
    kept = [sum(k in here_keys for k in old) for old in earlier]
    sizes = [len(t) for t in teams]
    assert max(sizes) - min(sizes) <= max(1, max(kept) - min(kept))
    if len(here) - sum(kept) >= max(kept) * asked - sum(kept):  # enough newcomers to even out
        assert max(sizes) - min(sizes) <= 1


def test_newcomers_go_where_their_category_is_rarest():
    """Two teams of equal size: the public agent joins the team with no public agent yet."""
    public, private = "public", "private"
    earlier = [[1, 2], [3, 4]]
    here = [Guest(1, public), Guest(2, private), Guest(3, private), Guest(4, private)]
    here.append(Guest(5, public))
    assert keep_teams(here, 2, earlier) == [[1, 2], [3, 4, 5]]
