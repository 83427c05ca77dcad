"""Printing stays linear in a workshop's content: the store is read a fixed number of times
per vote, whatever the number of ballots (issue 15: one SELECT per ballot made a 40-vote
restitution 9,000 queries and the big workshop ×4 print in 44 s)."""

from __future__ import annotations

import random

from sqlalchemy import event

from kitcop_desktop.printing.parts import render_pdf
from kitcop_desktop.storage import participants, voting, voting_entries, voting_rounds
from tests.printing.pdf_support import squeeze, text_of


def _vote_with_ballots(store, workshop_id: int, voters: int, title: str) -> None:
    """A revealed vote of 6 proposals, each of `voters` people placing 3 dots, then a second
    round at the wall among the top two."""
    rng = random.Random(voters)
    with store.write() as s:
        participants.paste(s, workshop_id, "\n".join(f"{title} {i}" for i in range(voters)))
        people = [p.id for p in participants.list_for(s, workshop_id) if p.name.startswith(title)]
        vote = voting.create_vote_from_texts(
            s, workshop_id, [(f"{title} idée {i}", None) for i in range(6)], title
        )
        items = [i.id for i in vote.items]
        first = vote.rounds[0].id
        voting_rounds.set_entry_mode(s, first, "ballots")
        for person in people:
            voting_entries.cast_ballot(s, first, person, {i: 1 for i in rng.sample(items, 3)})
        voting_rounds.set_state(s, first, state="closed", revealed=True)
        top = [r.item_id for r in voting_rounds.round_results(s, first).ranked[:2]]
        second = voting_rounds.new_round(s, vote.id, top, "Les deux premiers")
        voting_rounds.set_entry_mode(s, second, "wall")
        voting_entries.set_wall_count(s, second, top[0], 3)
        voting_entries.set_wall_count(s, second, top[1], 2)
        voting_rounds.set_state(s, second, state="closed", revealed=True)


def _queries_to_print(store, workshop_id: int) -> tuple[int, bytes]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        with store.read() as s:
            data = render_pdf(s, workshop_id, ["votes"])
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen), data


def test_printing_votes_reads_the_store_the_same_number_of_times_for_4_or_40_ballots(
    store, workshop_id
):
    from kitcop_desktop.storage import workshops

    with store.write() as s:
        other = workshops.create(s, "Atelier plus nombreux").id
    _vote_with_ballots(store, workshop_id, 4, "Petit")
    _vote_with_ballots(store, other, 40, "Grand")
    few, few_pdf = _queries_to_print(store, workshop_id)
    many, many_pdf = _queries_to_print(store, other)
    assert many == few, f"{few} queries for 4 ballots, {many} for 40"
    # And the counts printed are still every ballot's dots.
    assert "12gommette(s),4bulletin(s)" in squeeze(text_of(few_pdf))
    assert "120gommette(s),40bulletin(s)" in squeeze(text_of(many_pdf))


def test_a_rounds_results_add_up_every_ballot(store, workshop_id):
    _vote_with_ballots(store, workshop_id, 25, "Vote")
    with store.read() as s:
        vote = voting.list_for(s, workshop_id)[0]
        first = voting_rounds.round_results(s, vote.rounds[0].id)
        by_hand: dict[int, int] = {}
        for ballot in vote.rounds[0].ballots:
            for dot in ballot.dots:
                by_hand[dot.item_id] = by_hand.get(dot.item_id, 0) + dot.dots
    assert first.ballots == 25
    assert first.total_dots == 75
    assert {r.item_id: r.count for r in first.rows} == {
        i: by_hand.get(i, 0) for i in (r.item_id for r in first.rows)
    }
