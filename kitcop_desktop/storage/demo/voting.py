"""Demo: a finished two-round vote par gommettes.

Round 1, by ballots: each participant present places 3 dots; three proposals tie at the 2nd
place, so round 2 is played among the first two « avec les ex æquo », counted at the wall.
Both rounds are revealed; the two winners become fiches actions (storage/demo/actions.py fills them).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.storage import participants, voting, voting_entries, voting_rounds
from kitcop_desktop.storage.voting_actions import winners_to_action_cards

TITLE = "Quelles actions prioriser d'ici 2030 ?"
# (proposal, dots in round 1, dots in round 2 or None when not in round 2)
PROPOSALS = (
    ("Créer un guichet unique de la rénovation pour les artisans et les particuliers", 6, 10),
    ("Former les formateurs des CFA aux nouvelles techniques d'isolation", 7, 11),
    ("Mutualiser des chantiers-écoles entre CFA, AFPA et lycées professionnels", 6, 12),
    ("Proposer des stages de découverte du BTP aux demandeurs d'emploi", 5, None),
    ("Mettre en place un mentorat des apprentis par des artisans retraités", 3, None),
    ("Simplifier l'accès des TPE aux aides CEE et à MaPrimeRénov'", 4, None),
    ("Campagne métiers de la rénovation auprès des collégien·nes et des familles", 1, None),
    ("Label régional « artisan formateur » pour les entreprises qui accueillent", 1, None),
)


def _ballots(wanted: list[int], voters: int, per_voter: int) -> list[list[int]]:
    """Spread dots so that item i gets wanted[i], one dot per item per voter: each voter takes
    the items with the most dots still to place (always feasible when counts allow it)."""
    remaining = list(wanted)
    ballots = []
    for _ in range(voters):
        order = sorted(range(len(remaining)), key=lambda i: (-remaining[i], i))
        chosen = [i for i in order[:per_voter] if remaining[i] > 0]
        for i in chosen:
            remaining[i] -= 1
        ballots.append(chosen)
    return ballots


def fill(session: Session, workshop_id: int) -> None:
    vote = voting.create_vote_from_texts(
        session, workshop_id, [(text, None) for text, _, _ in PROPOSALS], TITLE
    )
    voting.set_settings(session, vote.id, winners_count=2)
    items = [i.id for i in vote.items]
    first = vote.rounds[0].id
    voting_rounds.set_entry_mode(session, first, "ballots")
    present = [p for p in participants.list_for(session, workshop_id) if p.present]
    wanted = [r1 for _, r1, _ in PROPOSALS]
    for person, ballot in zip(present, _ballots(wanted, len(present), 3), strict=False):
        if ballot:
            voting_entries.cast_ballot(session, first, person.id, {items[i]: 1 for i in ballot})
    voting_rounds.set_state(session, first, state="closed", revealed=True)
    results = voting_rounds.round_results(session, first)
    from kitcop_desktop.domain.dot_vote import top_with_ties

    second = voting_rounds.new_round(
        session,
        vote.id,
        top_with_ties(results.ranked, 2),
        "Les 2 premiers du tour 1 (avec les ex æquo)",
    )
    voting_rounds.set_entry_mode(session, second, "wall")
    for item_id, (_, _, r2) in zip(items, PROPOSALS, strict=True):
        if r2 is not None:
            voting_entries.set_wall_count(session, second, item_id, r2)
    voting_rounds.set_state(session, second, state="closed", revealed=True)
    winners_to_action_cards(session, vote.id)
