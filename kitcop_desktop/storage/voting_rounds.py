"""Rounds of a dot vote: entry mode, closing, the reveal, further rounds, tie decisions,
and the results (ranked, ties marked ex æquo, never broken silently)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import (
    NOTHING,
    Cut,
    Ranked,
    VoteRules,
    check_rules,
    cut,
    rank,
    tally,
    tie_groups,
)
from kitcop_desktop.domain.dot_vote_rounds import RoundRanking, TieAtStake, standing, ties_at_stake
from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.models.voting import (
    ENTRY_MODES,
    DotVote,
    VoteBallot,
    VoteBallotDot,
    VoteDecision,
    VoteItem,
    VoteRound,
    VoteRoundItem,
)
from kitcop_desktop.storage.voting import get
from kitcop_desktop.storage.voting_entries import get_round, round_rules


def _has_entries(session: Session, vote_round: VoteRound) -> bool:
    if vote_round.ballots:
        return True
    return bool(
        session.scalar(
            select(VoteRoundItem.item_id).where(
                VoteRoundItem.round_id == vote_round.id, VoteRoundItem.wall_count > 0
            )
        )
    )


def set_entry_mode(session: Session, round_id: int, mode: str) -> str:
    """« Au mur » or « par bulletins »; only before any dot is entered. Returns the previous."""
    if mode not in ENTRY_MODES:
        raise ValueError(f"unknown entry mode {mode!r}")
    vote_round = get_round(session, round_id)
    previous = vote_round.entry_mode
    if mode != previous and _has_entries(session, vote_round):
        raise InvalidInput(
            tr(
                "Des gommettes sont déjà saisies dans ce tour : on ne change plus de mode de saisie. {NOTHING}"
            ).format(NOTHING=tr(NOTHING))
        )
    vote_round.entry_mode = mode
    session.flush()
    return previous


def set_state(session: Session, round_id: int, *, state: str, revealed: bool) -> tuple[str, bool]:
    """Open / close / reveal a round; returns the previous (state, revealed) for undo.

    Revealing closes the round (no dot may arrive once the room has seen the ranking);
    reopening hides the results again.
    """
    if state not in ("open", "closed"):
        raise ValueError(f"unknown round state {state!r}")
    vote_round = get_round(session, round_id)
    if state == "open" and vote_round.vote.rounds[-1].id != round_id:
        raise InvalidInput(
            tr(
                "Un tour suivant existe déjà : seul le dernier tour peut être rouvert. {NOTHING}"
            ).format(NOTHING=tr(NOTHING))
        )
    previous = (vote_round.state, vote_round.revealed)
    vote_round.state = "closed" if revealed else state
    vote_round.revealed = bool(revealed) and vote_round.state == "closed"
    session.flush()
    return previous


def new_round(
    session: Session,
    vote_id: int,
    item_ids: list[int],
    reason: str,
    rules: VoteRules | None = None,
) -> int:
    """A further round among some items (top N, or the tied ones); returns its id.

    The previous round must be closed, so that its results stay as the room saw them.
    `rules` are the round's own (see dot_vote_rounds.tie_break_rules); None keeps the vote's.
    """
    if rules is not None:
        rules = check_rules(rules.dots_per_participant, rules.max_per_item)
    vote = get(session, vote_id)
    last = vote.rounds[-1]
    if last.state != "closed":
        raise InvalidInput(
            tr(
                "Clôturez d'abord le tour {number} : ses résultats doivent être arrêtés. {NOTHING}"
            ).format(number=last.number, NOTHING=tr(NOTHING))
        )
    known = {i.id for i in vote.items}
    chosen = [i for i in dict.fromkeys(item_ids) if i in known]
    if len(chosen) < 2:
        raise InvalidInput(
            tr("Un nouveau tour se joue entre deux propositions au moins. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    vote_round = VoteRound(
        vote_id=vote_id,
        number=last.number + 1,
        entry_mode=last.entry_mode,
        reason=clean_text(reason, max_len=300),
        dots_per_participant=rules.dots_per_participant if rules else None,
        max_per_item=rules.max_per_item if rules else None,
    )
    session.add(vote_round)
    session.flush()
    for item_id in chosen:
        session.add(VoteRoundItem(round_id=vote_round.id, item_id=item_id))
    session.flush()
    session.expire(vote, ["rounds"])
    return vote_round.id


def delete_round(session: Session, round_id: int) -> None:
    """Undo of new_round."""
    vote_round = get_round(session, round_id)
    vote = vote_round.vote
    session.delete(vote_round)
    session.flush()
    session.expire(vote, ["rounds"])


def record_decision(
    session: Session, round_id: int, ordered_item_ids: list[int], reason: str
) -> int:
    """Settle one ex æquo group by an order the facilitator chose, with its reason."""
    reason = " ".join(clean_text(reason, max_len=2000).split())
    if not reason:
        raise InvalidInput(
            tr(
                "Notez la raison de la décision : un ex æquo ne se départage pas en silence. {NOTHING}"
            ).format(NOTHING=tr(NOTHING))
        )
    results = round_results(session, round_id)
    if set(ordered_item_ids) not in [set(g) for g in tie_groups(results.ranked)]:
        raise InvalidInput(
            tr("Ces propositions ne sont pas (ou plus) ex æquo dans ce tour. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    decision = VoteDecision(
        round_id=round_id,
        ordered_item_ids=",".join(str(i) for i in ordered_item_ids),
        reason=reason,
    )
    session.add(decision)
    session.flush()
    return decision.id


def delete_decision(session: Session, decision_id: int) -> None:
    decision = session.get(VoteDecision, decision_id)
    if decision is not None:
        session.delete(decision)
        session.flush()


@dataclass(frozen=True)
class ResultRow:
    item_id: int
    text: str
    count: int
    rank: int
    tied: bool
    decided: bool
    round_number: int = 0  # in a vote's standing: the round whose count placed it


@dataclass(frozen=True)
class RoundResults:
    round_id: int
    number: int
    state: str
    revealed: bool
    entry_mode: str
    reason: str
    ranked: list[Ranked]
    rows: list[ResultRow]
    ballots: int
    total_dots: int
    decisions: list[tuple[list[int], str]]  # (ordered item ids, reason)
    rules: VoteRules = VoteRules()

    @property
    def ties(self) -> list[list[int]]:
        return tie_groups(self.ranked)


def _ballot_dots(session: Session, round_id: int) -> tuple[int, list[dict[int, int]]]:
    """(how many ballots, the dots of each) in two queries, whatever the number of ballots:
    reading each ballot's dots on its own made a 40-vote restitution 9,000 SELECTs."""
    ballot_count = session.scalar(
        select(func.count()).select_from(VoteBallot).where(VoteBallot.round_id == round_id)
    )
    by_ballot: dict[int, dict[int, int]] = {}
    rows = session.execute(
        select(VoteBallotDot.ballot_id, VoteBallotDot.item_id, VoteBallotDot.dots)
        .join(VoteBallot, VoteBallot.id == VoteBallotDot.ballot_id)
        .where(VoteBallot.round_id == round_id)
    )
    for ballot_id, item_id, n in rows:
        by_ballot.setdefault(ballot_id, {})[item_id] = n
    return ballot_count or 0, list(by_ballot.values())


def round_results(session: Session, round_id: int) -> RoundResults:
    """The tally and ranking of a round, whatever its state (callers decide what to show)."""
    vote_round = get_round(session, round_id)
    entries = list(session.scalars(select(VoteRoundItem).where(VoteRoundItem.round_id == round_id)))
    items = {
        i.id: i
        for i in session.scalars(
            select(VoteItem).where(VoteItem.id.in_([e.item_id for e in entries]))
        )
    }
    order = sorted(items, key=lambda i: (items[i].position, i))
    ballot_count, dots = _ballot_dots(session, round_id)
    counts = tally(order, {e.item_id: e.wall_count for e in entries}, dots)
    decisions = [
        ([int(x) for x in d.ordered_item_ids.split(",") if x], d.reason)
        for d in vote_round.decisions
    ]
    ranked = rank(counts, order, [ids for ids, _ in decisions])
    rows = [
        ResultRow(r.item_id, items[r.item_id].text, r.count, r.rank, r.tied, r.decided)
        for r in ranked
    ]
    return RoundResults(
        round_id,
        vote_round.number,
        vote_round.state,
        vote_round.revealed,
        vote_round.entry_mode,
        vote_round.reason,
        ranked,
        rows,
        ballot_count,
        sum(counts.values()),
        decisions,
        round_rules(vote_round),
    )


@dataclass(frozen=True)
class VoteStanding:
    """Where a vote stands after all its rounds: the merged ranking and the actions kept."""

    last: RoundResults  # the latest round (its state says whether results are settled)
    rounds: list[RoundResults]
    ranked: list[Ranked]
    rows: list[ResultRow]  # best first; round_number says which round's count placed each
    winners_count: int

    @property
    def cut(self) -> Cut:
        return cut(self.ranked, self.winners_count)

    @property
    def ties(self) -> list[TieAtStake]:
        """The ties at one of the places kept (a tie further down is not at stake)."""
        return ties_at_stake(self.ranked, self.winners_count)

    def round_of(self, item_ids: list[int]) -> RoundResults:
        """The round that placed these items last (where a decision about them is recorded)."""
        number = next(r.round_number for r in self.rows if r.item_id == item_ids[0])
        return next(r for r in self.rounds if r.number == number)


def vote_standing(session: Session, vote_id: int) -> VoteStanding:
    """The vote's standing: round 1's ranking, each later round reordering its own items."""
    vote: DotVote = get(session, vote_id)
    return standing_of([round_results(session, r.id) for r in vote.rounds], vote.winners_count)


def standing_of(rounds: list[RoundResults], winners_count: int) -> VoteStanding:
    """`vote_standing` from rounds already read."""
    ranked = standing([RoundRanking(r.number, r.ranked) for r in rounds])
    texts = {row.item_id: row.text for r in rounds for row in r.rows}
    rows = [
        ResultRow(r.item_id, texts[r.item_id], r.count, r.rank, r.tied, r.decided, r.round_number)
        for r in ranked
    ]
    return VoteStanding(rounds[-1], rounds, ranked, rows, winners_count)
