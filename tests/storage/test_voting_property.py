"""Property: whatever ballots the room casts, accepted or refused, the stored tally is exactly
the sum of the accepted ballots (nothing lost, nothing invented, refusals change nothing)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import participants, voting, voting_entries, voting_rounds

ballots = st.lists(
    st.dictionaries(st.integers(0, 5), st.integers(-1, 3), max_size=5), min_size=1, max_size=8
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drafts=ballots, dots=st.integers(1, 4), per_item=st.integers(1, 3))
def test_stored_tally_is_the_sum_of_accepted_ballots(store, workshop_id, drafts, dots, per_item):
    per_item = min(per_item, dots)
    with store.write() as s:
        vote = voting.create_vote_from_texts(
            s, workshop_id, [(f"Idée {n}", None) for n in range(6)], "Propriété"
        )
        voting.set_settings(s, vote.id, dots_per_participant=dots, max_per_item=per_item)
        round_id = vote.rounds[0].id
        items = [i.id for i in vote.items]
        voting_rounds.set_entry_mode(s, round_id, "ballots")
        people = [
            participants.add(s, workshop_id, f"Votant {vote.id}-{n}").id for n in range(len(drafts))
        ]
    expected = dict.fromkeys(items, 0)
    accepted = 0
    for person, draft in zip(people, drafts, strict=True):
        ballot = {items[k]: n for k, n in draft.items()}
        try:
            with store.write() as s:
                voting_entries.cast_ballot(s, round_id, person, ballot)
        except InvalidInput as exc:
            assert str(exc).endswith("Rien n'a été modifié.")
            continue
        accepted += 1
        assert sum(ballot.values()) <= dots and max(ballot.values()) <= per_item
        for item_id, n in ballot.items():
            expected[item_id] += n
    with store.read() as s:
        results = voting_rounds.round_results(s, round_id)
    assert {r.item_id: r.count for r in results.rows} == expected
    assert results.ballots == accepted
