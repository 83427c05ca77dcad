"""A vote over several rounds: the standing they make together, which ties matter for the
actions kept, and the rules proposed for a round among ex æquo. Pure rules.

Round 1 ranks every proposal; a later round (« Tour entre eux », or « Nouveau tour avec les N
premiers ») reorders only its proposals, inside the places they held together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kitcop_desktop.domain.dot_vote import Ranked, VoteRules, dots_text, tie_groups
from kitcop_desktop.i18n import tr, tr_n


@dataclass(frozen=True)
class RoundRanking:
    """One round's ranking, as `rank` gives it, with the round's number."""

    number: int
    ranked: Sequence[Ranked]


def standing(rounds: Sequence[RoundRanking]) -> list[Ranked]:
    """The vote's ranking after all its rounds, best first, with competition ranks.

    Round 1 ranks every proposal. A later round among some proposals (the tied ones, or the
    first N) reorders only them, inside the places they held together: the 9-dot winner of
    round 1 stays first when round 2 settles the 7/7/7 tie below it, and what round 2 did not
    look at keeps its place. Each item carries the count and the number of the round that
    placed it last; a tie that round 2 leaves unsettled stays « ex æquo ».
    """
    flat: list[Ranked] = []
    for vote_round in rounds:
        ranked = [replace(r, round_number=vote_round.number) for r in vote_round.ranked]
        ids = {r.item_id for r in ranked}
        known = {r.item_id for r in flat}
        # A proposal added during a later round has no earlier place: it starts at the end.
        flat.extend(r for r in ranked if r.item_id not in known)
        slots = [i for i, r in enumerate(flat) if r.item_id in ids]
        for slot, r in zip(slots, ranked, strict=True):
            flat[slot] = r
    return _reranked(flat)


def _reranked(flat: Sequence[Ranked]) -> list[Ranked]:
    """Competition ranks over the merged order: a tie is items of one round sharing a rank."""
    result: list[Ranked] = []
    index = 0
    while index < len(flat):
        first = flat[index]
        end = index + 1
        while (
            first.tied
            and end < len(flat)
            and flat[end].tied
            and (flat[end].round_number, flat[end].rank) == (first.round_number, first.rank)
        ):
            end += 1
        group = flat[index:end]
        tied = len(group) > 1
        for offset, r in enumerate(group):
            rank_here = index + 1 if tied else index + offset + 1
            result.append(replace(r, rank=rank_here, tied=tied))
        index = end
    return result


@dataclass(frozen=True)
class TieAtStake:
    """An ex æquo group that matters for the N actions kept."""

    items: list[int]
    rank: int
    places: int  # how many of them the kept places can still take (all of them: only the order)

    @property
    def straddles(self) -> bool:
        """Some are kept and some are not: the actions cannot be chosen before it is settled."""
        return self.places < len(self.items)


def ties_at_stake(ranked: Sequence[Ranked], n: int) -> list[TieAtStake]:
    """The unsettled ties at one of the first N places, best first.

    A tie below the N-th place changes nothing to the actions kept: it is not listed.
    """
    result = []
    for group in tie_groups(ranked):
        first = next(r for r in ranked if r.item_id == group[0])
        if first.rank <= n:
            result.append(TieAtStake(group, first.rank, min(len(group), n - first.rank + 1)))
    return result


def tie_break_rules(tied: int, places: int) -> VoteRules:
    """The rules proposed for a round among `tied` ex æquo proposals.

    One gommette per place still to give among them (one when only the order is at stake),
    always fewer gommettes than proposals, one at most on each: with « 3 gommettes, 1 max par
    idée » for 3 proposals everyone would cover all three and the tie would come back.
    """
    at_stake = places if 0 < places < tied else 1
    return VoteRules(max(1, min(at_stake, tied - 1)), 1)


def tie_break_reason(tied: int, places: int) -> str:
    """The rule of `tie_break_rules`, said to the facilitator and kept with the round."""
    rules = tie_break_rules(tied, places)
    if 0 < places < tied:
        why = tr_n(
            "{places} place pour {tied} ex æquo", "{places} places pour {tied} ex æquo", places
        )
        why = why.format(places=places, tied=tied)
    else:
        why = tr("seul l'ordre est en jeu")
    return tr(
        "{dots} chacun·e, 1 au plus par proposition ({why} ; "
        "toujours moins de gommettes que de propositions, sinon l'égalité revient)"
    ).format(dots=dots_text(rules.dots_per_participant), why=why)
