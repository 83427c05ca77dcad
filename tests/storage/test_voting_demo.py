"""`kitcop demo` holds a finished two-round vote and two fully filled fiches actions."""

from __future__ import annotations

from kitcop_desktop.storage import actions, voting, voting_rounds
from kitcop_desktop.storage.models.action import ACTION_CARD_FIELDS


def test_demo_vote_has_two_revealed_rounds_with_the_tie_settled_by_round_two(store, demo):
    workshop_id = demo
    with store.read() as s:
        vote = voting.list_for(s, workshop_id)[0]
        first, second = (voting_rounds.round_results(s, r.id) for r in vote.rounds)
        assert (first.entry_mode, second.entry_mode) == ("ballots", "wall")
        assert first.revealed and second.revealed
        assert first.ballots == 11 and first.total_dots == 33
        assert len(first.ties[0]) == 2  # ex æquo at the 2nd place...
        assert len(second.rows) == 3  # ...so round 2 is played among the first two and them
        assert not second.ties
        cards = [c for c in actions.list_for(s, workshop_id) if c.origin == "vote"]
        assert [c.action for c in cards] == [second.rows[0].text, second.rows[1].text]
        for card in cards:
            assert all(getattr(card, field) for field in ACTION_CARD_FIELDS), card.action
            assert card.impact in (1, 2, 3) and card.feasibility in (1, 2, 3)
            assert "gommettes (tour 2)" in card.description
