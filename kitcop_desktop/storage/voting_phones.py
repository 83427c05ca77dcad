"""Ballots cast from participants' phones (#19): one per device and round, changeable while
the round is open, counted with the wall counts and the laptop's ballots.

A phone is never identified: the page keeps a random cookie and the server passes on only a
pseudonym derived from it (`phones/session.pseudonym`). The ballot is a `VoteBallot` without a
participant, named « Téléphone <pseudonym> », so every count, the restitution and the export
take it as they take any ballot, and the facilitator can reopen it like any other. A
participant may type a first name on the phone (when the facilitator asks): it follows, « ·
Amina », and `doubles` flags a name that also has a ballot typed on the laptop, or two phones
giving the same name, so that nobody is counted twice unseen.
Same validation as the laptop's ballots (`domain/dot_vote.check_ballot`); nothing stored on
a refusal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import NOTHING, check_ballot
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput, clean_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import fresh_ids
from kitcop_desktop.storage.models.voting import VoteBallot, VoteBallotDot, VoteRoundItem
from kitcop_desktop.storage.voting_entries import get_round, round_rules

PHONE_PREFIX = "Téléphone "
NAME_SEPARATOR = " · "
NAME_MAX = 200  # as a participant's name
_PSEUDONYM = re.compile(r"^[0-9a-f]{8,32}$")


def phone_voter_name(pseudonym: str, name: str = "") -> str:
    """« Téléphone <pseudonym> », then « · <name> » when the phone typed one."""
    if not _PSEUDONYM.match(pseudonym):
        raise ValueError("a phone pseudonym is 8 to 32 lowercase hex digits")
    return PHONE_PREFIX + pseudonym + (NAME_SEPARATOR + name if name else "")


def split_phone_name(voter_name: str) -> tuple[str, str] | None:
    """(pseudonym, typed name or "") of a phone ballot's voter name, else None."""
    if not voter_name.startswith(PHONE_PREFIX):
        return None
    pseudonym, _sep, name = voter_name[len(PHONE_PREFIX) :].partition(NAME_SEPARATOR)
    return (pseudonym, name) if _PSEUDONYM.match(pseudonym) else None


def is_phone_ballot(voter_name: str, participant_id: int | None) -> bool:
    return participant_id is None and split_phone_name(voter_name) is not None


def clean_name(name: object) -> str:
    """The first name a phone typed: optional, checked as a participant's name would be
    (control characters out, blanks folded, 200 characters at most)."""
    if name is None:
        return ""
    if not isinstance(name, str):
        raise InvalidInput(
            f"Ce bulletin est illisible\u00a0: rechargez la page et recommencez. {tr(NOTHING)}"
        )
    return " ".join(clean_text(name, max_len=NAME_MAX).split())


def _phone_ballots(session: Session, round_id: int) -> dict[str, VoteBallot]:
    """The round's phone ballots by pseudonym."""
    found: dict[str, VoteBallot] = {}
    for ballot in session.scalars(
        select(VoteBallot).where(
            VoteBallot.round_id == round_id,
            VoteBallot.participant_id.is_(None),
            VoteBallot.voter_name.like(PHONE_PREFIX + "%"),
        )
    ):
        parts = split_phone_name(ballot.voter_name)
        if parts is not None:
            found[parts[0]] = ballot
    return found


def _ballot_of(session: Session, round_id: int, pseudonym: str) -> VoteBallot | None:
    return _phone_ballots(session, round_id).get(pseudonym)


def phone_ballot(session: Session, round_id: int, pseudonym: str) -> dict[int, int]:
    """What this phone placed in this round ({} when it has not voted)."""
    ballot = _ballot_of(session, round_id, pseudonym)
    return {} if ballot is None else {d.item_id: d.dots for d in ballot.dots}


def phone_ballot_name(session: Session, round_id: int, pseudonym: str) -> str:
    """The first name this phone typed with its ballot ("" when none)."""
    ballot = _ballot_of(session, round_id, pseudonym)
    parts = split_phone_name(ballot.voter_name) if ballot is not None else None
    return parts[1] if parts else ""


def doubles(session: Session, round_id: int) -> list[str]:
    """Names that may be counted twice in this round: a name typed on a phone that also has a
    ballot typed on the laptop, or that two phones typed (case and accents ignored). In the
    order of the round's ballots; each name once."""
    typed: set[str] = set()
    phoned: dict[str, list[str]] = {}
    for ballot in session.scalars(
        select(VoteBallot).where(VoteBallot.round_id == round_id).order_by(VoteBallot.id)
    ):
        parts = split_phone_name(ballot.voter_name) if ballot.participant_id is None else None
        if parts is None:
            typed.add(name_key(ballot.voter_name))
        elif parts[1]:
            phoned.setdefault(name_key(parts[1]), []).append(parts[1])
    return [names[0] for key, names in phoned.items() if key and (key in typed or len(names) > 1)]


def cast_phone_ballot(
    session: Session, round_id: int, pseudonym: str, dots: dict[int, int], name: str = ""
) -> int:
    """Store this phone's ballot, replacing the one it cast before in this round; its id.

    The round must be open (in either entry mode: phone ballots add up with the wall's
    counts). A ballot breaking the round's rules is refused whole and nothing changes.
    """
    result = cast_phone_ballots(session, round_id, [(pseudonym, dots, name)])[0]
    if isinstance(result, InvalidInput):
        raise result
    return result


def cast_phone_ballots(
    session: Session,
    round_id: int,
    ballots: Sequence[tuple[str, dict[int, int]] | tuple[str, dict[int, int], str]],
) -> list[int | InvalidInput]:
    """Several phones' ballots at once (sixty phones voting together): each checked by the
    round's rules first, the refused ones answered with their InvalidInput and left out, the
    others written together (one flush each for ballots and their dots). A phone named twice
    keeps its last ballot. Returns, in order, each ballot's id or why it was refused."""
    vote_round = get_round(session, round_id)
    if vote_round.state != "open":
        closed = InvalidInput(
            tr("Le vote est clos\u00a0: votre bulletin ne peut plus changer. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
        return [closed for _ in ballots]
    rules = round_rules(vote_round)
    allowed = list(
        session.scalars(select(VoteRoundItem.item_id).where(VoteRoundItem.round_id == round_id))
    )
    results: list[int | InvalidInput] = []
    # pseudonym -> (result index, dots, voter name)
    valid: dict[str, tuple[int, dict[int, int], str]] = {}
    for index, (pseudonym, dots, *typed) in enumerate(ballots):
        try:
            cleaned = check_ballot(rules, dots, allowed)
            name = clean_name(typed[0] if typed else "")
        except InvalidInput as refused:
            results.append(refused)
            continue
        results.append(0)
        valid[pseudonym] = (index, cleaned, phone_voter_name(pseudonym, name))
    if not valid:
        return results
    earlier = _phone_ballots(session, round_id)
    for pseudonym in valid:
        if pseudonym in earlier:
            session.delete(earlier[pseudonym])
    session.flush()
    # Written as two multi-row inserts (no ORM object per ballot and per line: sixty phones
    # at once wait for the write), the ballots' ids from `fresh_ids.reserve` as the ORM's are.
    ballot_table = VoteBallot.__table__
    assert isinstance(ballot_table, Table)
    first = fresh_ids.reserve(session, ballot_table, "id", len(valid))
    ids = {pseudonym: first + n for n, pseudonym in enumerate(valid)}
    session.execute(
        insert(ballot_table),
        [
            {"id": ids[p], "round_id": round_id, "participant_id": None, "voter_name": voter}
            for p, (_index, _dots, voter) in valid.items()
        ],
    )
    lines = [
        {"ballot_id": ids[p], "item_id": item_id, "dots": n}
        for p, (_index, cleaned, _voter) in valid.items()
        for item_id, n in cleaned.items()
    ]
    if lines:
        session.execute(insert(VoteBallotDot), lines)
    # Each ballot's id; a phone named twice in the batch points at the ballot kept.
    for index, (pseudonym, *_rest) in enumerate(ballots):
        if pseudonym in valid and not isinstance(results[index], InvalidInput):
            results[index] = ids[pseudonym]
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
