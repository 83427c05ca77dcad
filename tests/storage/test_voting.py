"""Dot votes in the real store: items, criteria, settings, wall counts, ballots, bad input."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.dot_vote import DEFAULT_CRITERIA
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import participants, voting, voting_entries, voting_rounds
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.voting import DotVote, VoteBallot, VoteItem


def make_vote(store, workshop_id, texts=("Former les artisans", "Aides CEE", "Guichet unique")):
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s, workshop_id, [(t, None) for t in texts], "Priorités"
        )
        return vote.id, [i.id for i in vote.items], vote.rounds[0].id


def add_people(store, workshop_id, names=("Claire", "Karim", "Sophie")):
    with store.write() as s:
        return [participants.add(s, workshop_id, n).id for n in names]


def results(store, round_id):
    with store.read() as s:
        return voting_rounds.round_results(s, round_id)


def test_create_vote_from_texts_keeps_texts_order_and_kit_criteria(store, workshop_id):
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s,
            workshop_id,
            [("  Former <les> & artisans 😀 ", None), ("", None), ("former <LES> & artisans 😀", 7)]
            + [("Aides CEE", None)],
            "Vote du matin",
        )
        assert isinstance(vote, DotVote)
        assert [i.text for i in vote.items] == ["Former <les> & artisans 😀", "Aides CEE"]
        assert voting.criteria_of(vote) == list(DEFAULT_CRITERIA)
        assert (vote.dots_per_participant, vote.max_per_item, vote.hidden) == (3, 1, True)
        assert [r.number for r in vote.rounds] == [1]


def test_zero_items_and_too_many_items_are_refused(store, workshop_id):
    with pytest.raises(InvalidInput, match="Aucune proposition"), store.write() as s:
        voting.create_vote_from_texts(s, workshop_id, [("  ", None)], "Vide")
    with pytest.raises(InvalidInput, match="trop"), store.write() as s:
        voting.create_vote_from_texts(s, workshop_id, [(f"Idée {i}", None) for i in range(300)], "")
    with store.read() as s:
        assert voting.list_for(s, workshop_id) == []


def test_items_refuse_duplicates_empty_and_huge_text(store, workshop_id):
    vote_id, items, _ = make_vote(store, workshop_id)
    for text, message in [
        ("aides cee", "déjà au vote"),
        ("   ", "ne peut pas être vide"),
        ("x" * 600, "trop long"),
    ]:
        with pytest.raises(InvalidInput, match=message), store.write() as s:
            voting.add_item(s, vote_id, text)
    with store.write() as s:
        item = voting.add_item(s, vote_id, "Mutualiser les chantiers-écoles")
        assert voting.update_item(s, item.id, "Chantiers-écoles mutualisés") == (
            "Mutualiser les chantiers-écoles"
        )
    assert len(results(store, voting_rounds_first(store, vote_id)).rows) == 4


def voting_rounds_first(store, vote_id):
    with store.read() as s:
        return voting.get(s, vote_id).rounds[0].id


def test_criteria_are_editable_and_cleaned(store, workshop_id):
    vote_id, _, _ = make_vote(store, workshop_id)
    with store.write() as s:
        previous = voting.set_criteria(s, vote_id, ["Finançable", "", "finançable", "Utile < 2030"])
        assert previous == list(DEFAULT_CRITERIA)
        assert voting.criteria_of(voting.get(s, vote_id)) == ["Finançable", "Utile < 2030"]


def test_wall_counts_are_stored_and_absurd_ones_refused(store, workshop_id):
    _, items, round_id = make_vote(store, workshop_id)
    with store.write() as s:
        assert voting_entries.set_wall_count(s, round_id, items[0], "7") == 0
        voting_entries.set_wall_count(s, round_id, items[1], 3)
    for bad in ("-2", "100000", "sept"):
        with pytest.raises(InvalidInput, match="Rien n'a été modifié"), store.write() as s:
            voting_entries.set_wall_count(s, round_id, items[2], bad)
    assert [(r.text, r.count) for r in results(store, round_id).rows] == [
        ("Former les artisans", 7),
        ("Aides CEE", 3),
        ("Guichet unique", 0),
    ]


def test_ballots_enforce_limits_and_forbid_voting_twice(store, workshop_id):
    vote_id, items, round_id = make_vote(store, workshop_id, ("A", "B", "C", "D"))
    claire, karim, _ = add_people(store, workshop_id)
    with store.write() as s:
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        voting_entries.cast_ballot(s, round_id, claire, {items[0]: 1, items[1]: 1})
    with pytest.raises(InvalidInput, match="Claire a déjà voté"), store.write() as s:
        voting_entries.cast_ballot(s, round_id, claire, {items[2]: 1})
    with pytest.raises(InvalidInput, match="4 gommettes placées pour 3"), store.write() as s:
        voting_entries.cast_ballot(s, round_id, karim, {i: 1 for i in items} | {99: 0})
    with pytest.raises(InvalidInput, match="Au plus 1 gommette"), store.write() as s:
        voting_entries.cast_ballot(s, round_id, karim, {items[0]: 2})
    with pytest.raises(InvalidInput, match="ne fait pas partie"), store.write() as s:
        voting_entries.cast_ballot(s, round_id, karim, {-5: 1})
    assert results(store, round_id).total_dots == 2
    with store.read() as s:
        statuses = voting_entries.voters(s, round_id)
    assert [(v.name, v.ballot_id is not None) for v in statuses] == [
        ("Claire", True),
        ("Karim", False),
        ("Sophie", False),
    ]


def test_reopened_ballot_lets_the_participant_vote_again_and_undo_puts_it_back(store, workshop_id):
    _, items, round_id = make_vote(store, workshop_id)
    claire, _, _ = add_people(store, workshop_id)
    with store.write() as s:
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        ballot = voting_entries.cast_ballot(s, round_id, claire, {items[0]: 1})
        data = voting_entries.reopen_ballot(s, ballot)
    assert results(store, round_id).total_dots == 0
    with store.write() as s:
        voting_entries.restore_ballot(s, data)
    assert results(store, round_id).rows[0].count == 1


def test_a_participant_removed_mid_vote_keeps_their_counted_ballot(store, workshop_id):
    """Deliberate: ON DELETE SET NULL with the voter's name kept; tallies never move."""
    _, items, round_id = make_vote(store, workshop_id)
    claire, karim, _ = add_people(store, workshop_id)
    with store.write() as s:
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        voting_entries.cast_ballot(s, round_id, claire, {items[0]: 1, items[2]: 1})
        voting_entries.cast_ballot(s, round_id, karim, {items[0]: 1})
    before = [(r.item_id, r.count) for r in results(store, round_id).rows]
    with store.write() as s:
        removed = participants.remove(s, [claire])
    assert [(r.item_id, r.count) for r in results(store, round_id).rows] == before
    with store.read() as s:
        names = [(v.name, v.participant_id) for v in voting_entries.voters(s, round_id)]
        assert ("Claire", None) in names
        assert s.query(VoteBallot).count() == 2
    # Put back by undo: recognised as having voted, so no second ballot.
    with store.write() as s:
        participants.restore(s, removed)
    with pytest.raises(InvalidInput, match="déjà voté"), store.write() as s:
        voting_entries.cast_ballot(s, round_id, claire, {items[1]: 1})


def test_an_item_with_dots_cannot_be_withdrawn_but_an_empty_one_can_and_comes_back(
    store, workshop_id
):
    _, items, round_id = make_vote(store, workshop_id)
    with store.write() as s:
        voting_entries.set_wall_count(s, round_id, items[0], 4)
    with pytest.raises(InvalidInput, match="fausserait le décompte"), store.write() as s:
        voting.delete_item(s, items[0])
    with store.write() as s:
        data = voting.delete_item(s, items[2])
    assert len(results(store, round_id).rows) == 2
    with store.write() as s:
        voting.restore_item(s, data)
    assert [r.text for r in results(store, round_id).rows][-1] == "Guichet unique"


def test_rules_cannot_change_once_ballots_are_in(store, workshop_id):
    vote_id, items, round_id = make_vote(store, workshop_id)
    claire, *_ = add_people(store, workshop_id)
    with store.write() as s:
        assert voting.set_settings(s, vote_id, dots_per_participant=2, hidden=False) == {
            "dots_per_participant": 3,
            "hidden": True,
        }
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        voting_entries.cast_ballot(s, round_id, claire, {items[0]: 1})
    with pytest.raises(InvalidInput, match="ne peuvent plus changer"), store.write() as s:
        voting.set_settings(s, vote_id, dots_per_participant=5)
    with pytest.raises(InvalidInput), store.write() as s:
        voting.set_settings(s, vote_id, winners_count=-3)
    with pytest.raises(InvalidInput, match="mode de saisie"), store.write() as s:
        voting_rounds.set_entry_mode(s, round_id, "wall")


def test_deleting_a_vote_removes_everything_and_restore_brings_it_back(store, workshop_id):
    vote_id, items, round_id = make_vote(store, workshop_id)
    claire, *_ = add_people(store, workshop_id)
    with store.write() as s:
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        voting_entries.cast_ballot(s, round_id, claire, {items[1]: 1})
        data = voting.delete_vote(s, vote_id)
    with store.read() as s:
        assert s.query(VoteItem).count() == 0
        assert s.query(VoteBallot).count() == 0
    with store.write() as s:
        voting.restore_vote(s, data)
    assert results(store, round_id).rows[0].text == "Aides CEE"


def test_the_boards_undo_path_deletes_a_vote_with_a_plain_session_delete(store, workshop_id):
    vote_id, items, round_id = make_vote(store, workshop_id)
    with store.write() as s:
        voting_entries.set_wall_count(s, round_id, items[0], 2)
    with store.write() as s:
        s.delete(s.get(voting.DotVote, vote_id))
    with store.read() as s:
        assert voting.list_for(s, workshop_id) == []
        assert s.query(VoteItem).count() == 0


def item_order(store, vote_id):
    with store.read() as s:
        vote = voting.get(s, vote_id)
        return [i.id for i in vote.items], [i.position for i in vote.items]


def test_move_item_renumbers_the_vote_and_returns_the_old_index(store, workshop_id):
    vote_id, (a, b, c), _ = make_vote(store, workshop_id)
    with store.write() as s:
        assert voting.move_item(s, c, 0) == 2
    assert item_order(store, vote_id) == ([c, a, b], [0, 1, 2])
    with store.write() as s:
        assert voting.move_item(s, c, 1) == 0  # one step down: a, c, b
        assert voting.move_item(s, a, 2) == 0  # to the end
    assert item_order(store, vote_id) == ([c, b, a], [0, 1, 2])
    with store.write() as s:
        assert voting.move_item(s, a, 2) == 2  # where it already is: nothing to do
        assert voting.move_item(s, c, 2) == 0
        assert voting.move_item(s, a, 0) == 1
    assert item_order(store, vote_id) == ([a, b, c], [0, 1, 2])


def test_move_item_refuses_an_index_past_either_end_and_changes_nothing(store, workshop_id):
    vote_id, (a, b, c), _ = make_vote(store, workshop_id)
    for item_id, index, message in [
        (a, -1, "Cette proposition est déjà en tête. Rien n'a été modifié."),
        (c, 3, "Cette proposition est déjà en dernier. Rien n'a été modifié."),
        (b, -4, "ne peut pas monter avant la première"),
        (b, 9, "ne peut pas descendre après la dernière"),
    ]:
        with pytest.raises(InvalidInput, match=message), store.write() as s:
            voting.move_item(s, item_id, index)
    assert item_order(store, vote_id) == ([a, b, c], [0, 1, 2])
    with pytest.raises(NotFound), store.write() as s:
        voting.move_item(s, 999_999, 0)


def test_move_item_leaves_counts_ballots_and_rounds_alone(store, workshop_id):
    vote_id, (a, b, c), round_id = make_vote(store, workshop_id)
    claire, karim, _ = add_people(store, workshop_id)
    with store.write() as s:
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        voting_entries.cast_ballot(s, round_id, claire, {b: 1, c: 1})
        voting_entries.cast_ballot(s, round_id, karim, {b: 1, a: 1})
    before = results(store, round_id)
    with store.write() as s:
        voting.move_item(s, c, 0)
    after = results(store, round_id)
    assert {r.item_id: r.count for r in after.rows} == {b: 2, a: 1, c: 1}
    assert {r.item_id: r.count for r in after.rows} == {r.item_id: r.count for r in before.rows}
    assert after.ballots == before.ballots == 2
    # The tie between a and c keeps sharing its rank; only its display order follows the vote.
    assert [r.item_id for r in before.rows] == [b, a, c]
    assert [r.item_id for r in after.rows] == [b, c, a]
    assert [r.rank for r in after.rows] == [r.rank for r in before.rows]
    with store.read() as s:
        assert s.query(VoteBallot).count() == 2
        assert [len(r.entries) for r in voting.get(s, vote_id).rounds] == [3]
