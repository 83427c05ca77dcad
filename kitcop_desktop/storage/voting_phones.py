"""Ballots cast from participants' phones (#19): one per device and round, changeable while
the round is open, counted with the wall counts and the laptop's ballots.

A phone is never identified: the page keeps a random cookie and the server passes on only a
pseudonym derived from it (`phones/session.pseudonym`). The ballot is a `VoteBallot` without a
participant, named « Téléphone <pseudonym> », so every count, the restitution and the export
take it as they take any ballot, and the facilitator can reopen it like any other.
Same validation as the laptop's ballots (`domain/dot_vote.check_ballot`); nothing stored on
a refusal.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import NOTHING, check_ballot
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.models.voting import VoteBallot, VoteBallotDot, VoteRoundItem
from kitcop_desktop.storage.voting_entries import get_round, round_rules

PHONE_PREFIX = "Téléphone "
_PSEUDONYM = re.compile(r"^[0-9a-f]{8,32}$")


def phone_voter_name(pseudonym: str) -> str:
    if not _PSEUDONYM.match(pseudonym):
        raise ValueError("a phone pseudonym is 8 to 32 lowercase hex digits")
    return PHONE_PREFIX + pseudonym


def is_phone_ballot(voter_name: str, participant_id: int | None) -> bool:
    return (
        participant_id is None
        and voter_name.startswith(PHONE_PREFIX)
        and bool(_PSEUDONYM.match(voter_name[len(PHONE_PREFIX) :]))
    )


def _ballot_of(session: Session, round_id: int, pseudonym: str) -> VoteBallot | None:
    return session.scalar(
        select(VoteBallot).where(
            VoteBallot.round_id == round_id,
            VoteBallot.participant_id.is_(None),
            VoteBallot.voter_name == phone_voter_name(pseudonym),
        )
    )


def phone_ballot(session: Session, round_id: int, pseudonym: str) -> dict[int, int]:
    """What this phone placed in this round ({} when it has not voted)."""
    ballot = _ballot_of(session, round_id, pseudonym)
    return {} if ballot is None else {d.item_id: d.dots for d in ballot.dots}


def cast_phone_ballot(session: Session, round_id: int, pseudonym: str, dots: dict[int, int]) -> int:
    """Store this phone's ballot, replacing the one it cast before in this round; its id.

    The round must be open (in either entry mode: phone ballots add up with the wall's
    counts). A ballot breaking the round's rules is refused whole and nothing changes.
    """
    result = cast_phone_ballots(session, round_id, [(pseudonym, dots)])[0]
    if isinstance(result, InvalidInput):
        raise result
    return result


def cast_phone_ballots(
    session: Session, round_id: int, ballots: list[tuple[str, dict[int, int]]]
) -> list[int | InvalidInput]:
    """Several phones' ballots at once (sixty phones voting together): each checked by the
    round's rules first, the refused ones answered with their InvalidInput and left out, the
    others written together (one flush each for ballots and their dots). A phone named twice
    keeps its last ballot. Returns, in order, each ballot's id or why it was refused."""
    vote_round = get_round(session, round_id)
    if vote_round.state != "open":
        closed = InvalidInput(
            f"Le vote est clos\u00a0: votre bulletin ne peut plus changer. {tr(NOTHING)}"
        )
        return [closed for _ in ballots]
    rules = round_rules(vote_round)
    allowed = list(
        session.scalars(select(VoteRoundItem.item_id).where(VoteRoundItem.round_id == round_id))
    )
    results: list[int | InvalidInput] = []
    valid: dict[str, tuple[int, dict[int, int]]] = {}  # voter name -> (result index, dots)
    for index, (pseudonym, dots) in enumerate(ballots):
        try:
            cleaned = check_ballot(rules, dots, allowed)
        except InvalidInput as refused:
            results.append(refused)
            continue
        results.append(0)
        valid[phone_voter_name(pseudonym)] = (index, cleaned)
    if not valid:
        return results
    for previous in session.scalars(
        select(VoteBallot).where(
            VoteBallot.round_id == round_id,
            VoteBallot.participant_id.is_(None),
            VoteBallot.voter_name.in_(list(valid)),
        )
    ):
        session.delete(previous)
    session.flush()
    rows = {
        name: VoteBallot(round_id=round_id, participant_id=None, voter_name=name) for name in valid
    }
    session.add_all(rows.values())
    session.flush()
    for name, (index, cleaned) in valid.items():
        ballot_id = rows[name].id
        results[index] = ballot_id
        session.add_all(
            VoteBallotDot(ballot_id=ballot_id, item_id=item_id, dots=n)
            for item_id, n in cleaned.items()
        )
    session.flush()
    # A phone named twice: its earlier entry in this batch points at the ballot kept.
    for index, (pseudonym, _dots) in enumerate(ballots):
        name = phone_voter_name(pseudonym)
        if name in valid and not isinstance(results[index], InvalidInput):
            results[index] = rows[name].id
    session.expire(vote_round, ["ballots"])
    return results


def phone_ballot_count(session: Session, round_id: int) -> int:
    """How many phones have a ballot in this round."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(VoteBallot)
            .where(
                VoteBallot.round_id == round_id,
                VoteBallot.participant_id.is_(None),
                VoteBallot.voter_name.like(PHONE_PREFIX + "%"),
            )
        )
        or 0
    )
