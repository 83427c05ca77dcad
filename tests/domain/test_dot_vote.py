"""Dot-vote rules: limits, tallies, ranking with ex æquo, the cut for winners and next rounds."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitcop_desktop.domain.dot_vote import (
    Ranked,
    VoteRules,
    check_ballot,
    check_rules,
    cut,
    parse_count,
    place_dot,
    rank,
    remove_dot,
    tally,
    tie_groups,
    top_with_ties,
)
from kitcop_desktop.domain.validation import InvalidInput

RULES = VoteRules(dots_per_participant=3, max_per_item=1)


def test_a_ballot_within_limits_is_kept_without_its_zeros():
    assert check_ballot(RULES, {1: 1, 2: 0, 3: 1}, [1, 2, 3]) == {1: 1, 3: 1}


@pytest.mark.parametrize(
    ("dots", "message"),
    [
        ({1: 1, 2: 1, 3: 1, 4: 1}, "4 gommettes placées pour 3 autorisées\u00a0: retirez-en 1"),
        ({1: 2}, "Au plus 1 gommette par proposition"),
        ({1: -1}, "ne peut pas être négatif"),
        ({9: 1}, "ne fait pas partie de ce tour"),
        ({}, "Placez au moins une gommette"),
        ({1: True}, "nombre entier"),
    ],
)
def test_a_ballot_beyond_limits_is_refused_with_a_clear_message(dots, message):
    with pytest.raises(InvalidInput) as err:
        check_ballot(RULES, dots, [1, 2, 3, 4])
    assert message in str(err.value)
    assert str(err.value).endswith("Rien n'a été modifié.")


def test_placing_dots_live_stops_at_each_limit():
    ballot = place_dot(RULES, {}, 1)
    with pytest.raises(InvalidInput, match="Au plus 1 gommette par proposition"):
        place_dot(RULES, ballot, 1)
    ballot = place_dot(RULES, place_dot(RULES, ballot, 2), 3)
    with pytest.raises(InvalidInput, match="Vos 3 gommettes sont placées"):
        place_dot(RULES, ballot, 4)
    assert remove_dot(ballot, 2) == {1: 1, 3: 1}
    assert remove_dot({1: 2}, 1) == {1: 1}


@pytest.mark.parametrize(("text", "value"), [("0", 0), (" 12 ", 12), ("", 0), ("999", 999)])
def test_wall_counts_parse(text, value):
    assert parse_count(text) == value


@pytest.mark.parametrize("text", ["-1", "1000", "douze", "3.5", "<b>", "😀"])
def test_absurd_wall_counts_are_refused(text):
    with pytest.raises(InvalidInput, match="Rien n'a été modifié"):
        parse_count(text)


@pytest.mark.parametrize(
    ("dots", "per_item"), [(0, 1), (21, 1), (3, 4), (3, 0), ("trois", 1), (-2, -2)]
)
def test_absurd_settings_are_refused(dots, per_item):
    with pytest.raises(InvalidInput):
        check_rules(dots, per_item)


def test_tally_adds_wall_and_ballots_and_ignores_items_outside_the_round():
    counts = tally([1, 2, 3], {1: 4, 7: 99}, [{1: 1, 2: 1}, {2: 1, 8: 1}])
    assert counts == {1: 5, 2: 2, 3: 0}


def test_ranking_marks_ex_aequo_and_uses_competition_ranks():
    ranked = rank({1: 5, 2: 7, 3: 5, 4: 1}, order=[1, 2, 3, 4])
    assert [(r.item_id, r.rank, r.tied) for r in ranked] == [
        (2, 1, False),
        (1, 2, True),
        (3, 2, True),
        (4, 4, False),
    ]
    assert tie_groups(ranked) == [[1, 3]]


def test_a_decision_orders_exactly_its_tie_group_and_nothing_else():
    ranked = rank({1: 5, 2: 7, 3: 5}, order=[1, 2, 3], decisions=[[3, 1]])
    assert [(r.item_id, r.rank, r.tied, r.decided) for r in ranked] == [
        (2, 1, False, False),
        (3, 2, False, True),
        (1, 3, False, True),
    ]
    # A decision about a group that is no longer tied changes nothing.
    again = rank({1: 6, 2: 7, 3: 5}, order=[1, 2, 3], decisions=[[3, 1]])
    assert [r.item_id for r in again] == [2, 1, 3]
    assert not any(r.decided for r in again)


def test_the_cut_never_breaks_a_tie_at_the_last_place():
    ranked = rank({1: 9, 2: 7, 3: 4, 4: 4, 5: 1}, order=[1, 2, 3, 4, 5])
    result = cut(ranked, 3)
    assert result.selected == [1, 2]
    assert result.straddling == [3, 4]
    assert result.seats_left == 1
    assert not result.settled
    assert top_with_ties(ranked, 3) == [1, 2, 3, 4]
    assert cut(ranked, 4).selected == [1, 2, 3, 4]
    assert cut(ranked, 4).settled


def test_the_cut_of_fewer_items_than_seats_keeps_them_all():
    assert cut(rank({1: 2, 2: 2}), 3).selected == [1, 2]


@st.composite
def rounds(draw):
    n = draw(st.integers(1, 12))
    item_ids = list(range(1, n + 1))
    dots = draw(st.integers(1, 5))
    per_item = draw(st.integers(1, dots))
    rules = VoteRules(dots, per_item)
    ballots = []
    for _ in range(draw(st.integers(0, 15))):
        ballot: dict[int, int] = {}
        for item in draw(st.lists(st.sampled_from(item_ids), max_size=dots)):
            with contextlib.suppress(InvalidInput):
                ballot = place_dot(rules, ballot, item)
        if ballot:
            ballots.append(check_ballot(rules, ballot, item_ids))
    return item_ids, rules, ballots


@given(rounds(), st.integers(1, 12))
def test_properties_of_tally_rank_and_cut(data, n):
    item_ids, rules, ballots = data
    counts = tally(item_ids, {}, ballots)
    # Nothing lost, nothing invented: every dot of every ballot is counted once.
    assert sum(counts.values()) == sum(sum(b.values()) for b in ballots)
    assert all(sum(b.values()) <= rules.dots_per_participant for b in ballots)
    assert all(max(b.values()) <= rules.max_per_item for b in ballots)
    ranked = rank(counts, item_ids)
    assert sorted(r.item_id for r in ranked) == item_ids
    assert [r.count for r in ranked] == sorted(counts.values(), reverse=True)
    for r in ranked:
        # Competition rank: one plus the number of items with strictly more dots.
        assert r.rank == 1 + sum(1 for c in counts.values() if c > r.count)
        assert r.tied == (list(counts.values()).count(r.count) > 1)
    result = cut(ranked, n)
    assert len(result.selected) <= n
    assert len(result.selected) + result.seats_left <= n
    kept = {counts[i] for i in result.selected}
    left_out = [i for i in item_ids if i not in result.selected + result.straddling]
    # Ties are never broken silently: no kept item has the same count as one left out.
    assert not kept & {counts[i] for i in left_out}
    if result.straddling:
        assert len({counts[i] for i in result.straddling}) == 1
        assert len(result.straddling) > result.seats_left > 0


def test_ranked_is_plain_data():
    assert Ranked(1, 2, 1, False) == Ranked(1, 2, 1, False, False)
