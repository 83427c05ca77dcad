"""#16: a fiche action made from a vote takes the défi the room worked on, never the vote's title.

The card's sous-thématique when the proposal was a post-it gathered in one, else the workshop's
problématique; the défi stays an ordinary field the facilitator edits.
"""

from __future__ import annotations

from kitcop_desktop.storage import actions, boards, voting, voting_entries, voting_rounds, workshops
from kitcop_desktop.storage.boards_clusters import create_cluster
from kitcop_desktop.storage.voting_actions import winners_to_action_cards

PROBLEM = "Comment attirer des jeunes vers les métiers de la rénovation énergétique ?"


def _vote_and_close(s, workshop_id, items):
    vote = voting.create_vote_from_texts(s, workshop_id, items, "Vote — Speedboat")
    round_id = vote.rounds[0].id
    for item, n in zip(vote.items, range(len(items) + 5, 5, -1), strict=False):
        voting_entries.set_wall_count(s, round_id, item.id, n)
    voting.set_settings(s, vote.id, winners_count=len(items))
    voting_rounds.set_state(s, round_id, state="closed", revealed=True)
    return vote.id


def test_the_defi_is_the_sub_theme_or_the_problematique_never_the_vote_title(store, workshop_id):
    with store.write() as s:
        workshops.update(s, workshop_id, problem_statement=PROBLEM)
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat")
        grouped = boards.add_card(s, board.id, "levers", "Stages en 3e dans les PME")
        loose = boards.add_card(s, board.id, "levers", "Un guichet unique")
        create_cluster(s, board.id, "levers", "Faire découvrir les métiers", [grouped.id])
        vote_id = _vote_and_close(
            s, workshop_id, [(grouped.text, grouped.id), (loose.text, loose.id), ("Mentorat", None)]
        )
        winners_to_action_cards(s, vote_id)
    with store.read() as s:
        cards = {c.action: c.challenge for c in actions.list_for(s, workshop_id)}
    assert cards == {
        "Stages en 3e dans les PME": "Faire découvrir les métiers",
        "Un guichet unique": PROBLEM,
        "Mentorat": PROBLEM,
    }


def test_without_problematique_the_defi_is_left_to_fill_and_stays_editable(store, workshop_id):
    with store.write() as s:
        vote_id = _vote_and_close(s, workshop_id, [("Mentorat", None)])
        (card_id,) = winners_to_action_cards(s, vote_id)
    with store.read() as s:
        assert actions.get(s, card_id).challenge == ""  # not « Vote — Speedboat »
    with store.write() as s:
        actions.update(s, card_id, challenge="Fidéliser les apprenti·es")
    with store.read() as s:
        assert actions.get(s, card_id).challenge == "Fidéliser les apprenti·es"
