"""A vote over several rounds: the standing, the ties that matter, the tie-break round's rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kitcop_desktop.domain.dot_vote import VoteRules, check_ballot, cut, rank, tie_groups
from kitcop_desktop.domain.dot_vote_rounds import (
    RoundRanking,
    standing,
    tie_break_reason,
    tie_break_rules,
    ties_at_stake,
)

# The vote: 6 proposals, counts 9/7/3/7/7/3, three actions to keep.
ROUND_1 = {1: 9, 2: 7, 3: 3, 4: 7, 5: 7, 6: 3}


def test_a_tie_break_round_keeps_the_clear_winner_first():
    first = rank(ROUND_1, list(ROUND_1))
    second = rank({2: 6, 4: 4, 5: 2}, [2, 4, 5])
    final = standing([RoundRanking(1, first), RoundRanking(2, second)])
    assert [(r.item_id, r.rank, r.count, r.round_number) for r in final] == [
        (1, 1, 9, 1),
        (2, 2, 6, 2),
        (4, 3, 4, 2),
        (5, 4, 2, 2),
        (3, 5, 3, 1),
        (6, 5, 3, 1),
    ]
    assert cut(final, 3).selected == [1, 2, 4]
    assert cut(final, 3).settled


def test_only_ties_at_one_of_the_places_kept_are_at_stake():
    first = rank(ROUND_1, list(ROUND_1))
    assert tie_groups(first) == [[2, 4, 5], [3, 6]]
    (tie,) = ties_at_stake(first, 3)  # the 3/3 tie at the 5th place is not flagged
    assert (tie.items, tie.rank, tie.places, tie.straddles) == ([2, 4, 5], 2, 2, True)
    # Keeping five: the 7/7/7 tie is kept whole (only its order is at stake), the 3/3 straddles.
    order_only, last = ties_at_stake(first, 5)
    assert (order_only.places, order_only.straddles) == (3, False)
    assert (last.items, last.places, last.straddles) == ([3, 6], 1, True)


def test_the_tie_break_round_proposes_fewer_gommettes_than_proposals_and_says_why():
    assert tie_break_rules(3, 2) == VoteRules(2, 1)
    assert tie_break_rules(3, 3) == VoteRules(1, 1)  # only the order: one each
    assert tie_break_rules(2, 1) == VoteRules(1, 1)
    assert tie_break_rules(6, 4) == VoteRules(4, 1)
    reason = tie_break_reason(3, 2)
    assert reason.startswith("2 gommettes chacun·e, 1 au plus par proposition")
    assert "2 places pour 3 ex æquo" in reason


def test_a_round_among_the_first_n_reorders_them_above_the_others():
    first = rank(ROUND_1, list(ROUND_1))
    top = [1, 2, 4, 5]
    second = rank({1: 2, 2: 5, 4: 1, 5: 3}, top)
    final = standing([RoundRanking(1, first), RoundRanking(2, second)])
    assert [r.item_id for r in final] == [2, 5, 1, 4, 3, 6]
    assert [r.rank for r in final] == [1, 2, 3, 4, 5, 5]


@st.composite
def votes(draw):
    n = draw(st.integers(2, 9))
    items = list(range(1, n + 1))
    counts = {i: draw(st.integers(0, 6)) for i in items}
    rounds = [RoundRanking(1, rank(counts, items))]
    for number in range(2, draw(st.integers(1, 4)) + 1):
        subset = draw(st.lists(st.sampled_from(items), min_size=2, unique=True))
        later = {i: draw(st.integers(0, 6)) for i in subset}
        rounds.append(RoundRanking(number, rank(later, subset)))
    return items, rounds


@given(votes())
def test_properties_of_the_standing(vote):
    items, rounds = vote
    final = standing(rounds)
    assert sorted(r.item_id for r in final) == items  # every proposal once
    last = rounds[-1]
    if len(rounds) == 1:
        assert [(r.item_id, r.rank, r.tied) for r in final] == [
            (r.item_id, r.rank, r.tied) for r in last.ranked
        ]
        return
    before = standing(rounds[:-1])
    moved = {r.item_id for r in last.ranked}
    # What the last round did not look at keeps its place; its items fill the places they
    # held, in the last round's order.
    for index, r in enumerate(before):
        if r.item_id not in moved:
            assert final[index].item_id == r.item_id
    slots = [i for i, r in enumerate(before) if r.item_id in moved]
    assert [final[i].item_id for i in slots] == [r.item_id for r in last.ranked]
    # Competition ranks: each rank is one more than the number of items above its group.
    for r in final:
        first = next(i for i, x in enumerate(final) if x.rank == r.rank)
        assert r.rank == first + 1
        assert r.tied == (sum(1 for x in final if x.rank == r.rank) > 1)


@given(votes(), st.integers(1, 9))
def test_properties_of_the_ties_at_stake(vote, n):
    _items, rounds = vote
    final = standing(rounds)
    flagged = ties_at_stake(final, n)
    for group in tie_groups(final):
        head = next(r for r in final if r.item_id == group[0])
        assert (group in [t.items for t in flagged]) == (head.rank <= n)
    kept = cut(final, n)
    for tie in flagged:
        assert tie.straddles == (tie.items == kept.straddling)


@given(st.integers(2, 30), st.integers(1, 30))
def test_a_tie_break_round_can_always_separate_its_proposals(tied, places):
    rules = tie_break_rules(tied, places)
    assert 1 <= rules.dots_per_participant < tied
    assert rules.max_per_item == 1
    # A ballot may leave out at least one proposal: the round is not forced to a tie.
    check_ballot(rules, {i: 1 for i in range(rules.dots_per_participant)}, range(tied))
