"""Which sections of the partners' restitution have something to say.

A section with nothing in it is left out of the restitution (and so of its contents): three
pages saying only « Aucun… » make a thin document. A part printed alone still says it is empty.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.storage import (
    actions,
    agenda,
    boards,
    fishbowl,
    fishbowl_notes,
    interviews,
    participants,
    rounds,
    rounds_phones,
    visibility,
    voting,
    voting_rounds,
)


def round_ran(data: rounds.RoundData) -> bool:
    """Someone spoke, passed or left a word: a round still « À venir » for all has not run."""
    return any(e.status != "waiting" or e.word.strip() for e in data.entries)


def _boards(session: Session, workshop_id: int, kind: str | None = None) -> bool:
    return any(
        boards.cards_of(session, b.id) for b in boards.list_boards(session, workshop_id, kind)
    )


def _votes(session: Session, workshop_id: int) -> bool:
    return any(
        voting_rounds.round_results(session, r.id).total_dots
        for vote in voting.list_for(session, workshop_id)
        for r in vote.rounds
    )


def _fishbowl(session: Session, workshop_id: int) -> bool:
    for bowl in fishbowl.list_fishbowls(session, workshop_id):
        if any(x.turns for x in fishbowl.stats(session, bowl.id).people):
            return True
        notes = fishbowl_notes.note_data(session, bowl.id)
        if any(visibility.note_visible(n, Audience.PARTICIPANTS) for n in notes):
            return True
    return False


def _tables(session: Session, workshop_id: int) -> bool:
    from kitcop_desktop.printing.tables import has_content

    return has_content(session, workshop_id)


HAS_CONTENT: dict[str, Callable[[Session, int], bool]] = {
    "participants": lambda s, w: bool(participants.list_for(s, w)),
    "agenda_review": lambda s, w: bool(agenda.list_sequences(s, w)),
    "boards": _boards,
    "votes": _votes,
    "fishbowl": _fishbowl,
    "rounds": lambda s, w: any(
        round_ran(r) or rounds_phones.shown_words(s, r.id) for r in rounds.list_rounds(s, w)
    ),
    "tables": _tables,
    "kiss_decisions": lambda s, w: _boards(s, w, "kiss"),
    "campaign_synthesis": lambda s, w: bool(interviews.list_interviews(s, w)),
    "interview_sheets": lambda s, w: bool(interviews.list_interviews(s, w)),
    "actions": lambda s, w: bool(actions.list_for(s, w)),
}


def worth_printing(key: str, session: Session, workshop_id: int) -> bool:
    """False for a restitution section that would only say « Aucun… »."""
    check = HAS_CONTENT.get(key)
    return check is None or check(session, workshop_id)
