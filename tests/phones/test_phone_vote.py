"""#19 vote from a phone: the page, the vote as a phone sees it, a ballot stored and counted
with the wall's, changed until the round closes, one per phone."""

from __future__ import annotations

from kitcop_desktop.storage import voting, voting_entries, voting_rounds
from tests.phones.conftest import Phone, items_of


def test_a_phone_opens_the_page_and_sees_the_vote_without_any_count(store, vote_id, serve):
    server = serve()
    phone = Phone(server.address)
    page = phone.request("GET", f"/{server.code}")
    assert page.status == 200 and "Ce qui est enregistré" in page.data
    assert "http" not in page.data.replace("http-equiv", "")  # no file from outside
    seen = phone.state(server.code)
    assert seen.status == 200
    data = seen.data
    assert data["title"] == "Priorisation des actions"
    assert [i["text"] for i in data["items"]][0] == "Un tiers-lieu <numérique> & partagé"
    assert data["rules"] == {"dots": 3, "max_per_item": 2}
    assert data["round"]["open"] and data["results"] is None and data["mine"] == {}
    assert server.events == [("joined", 1)]


def test_a_phone_ballot_is_stored_counted_with_the_wall_and_changeable(store, vote_id, serve):
    server = serve()
    a, b, c = items_of(store, vote_id)
    with store.read() as s:
        round_id = voting.get(s, vote_id).rounds[-1].id
    with store.write() as s:
        voting_entries.set_wall_count(s, round_id, a, 4)
    phone = Phone(server.address)
    answer = phone.vote(server.code, {a: 2, c: 1})
    assert answer.status == 200 and answer.data["ok"], answer.data
    with store.read() as s:
        counts = {r.item_id: r.count for r in voting_rounds.round_results(s, round_id).rows}
    assert counts == {a: 6, b: 0, c: 1}
    # Changed before the round closes: replaced, never added.
    assert phone.vote(server.code, {b: 1}).status == 200
    with store.read() as s:
        results = voting_rounds.round_results(s, round_id)
    assert {r.item_id: r.count for r in results.rows} == {a: 4, b: 1, c: 0}
    assert results.ballots == 1
    assert phone.state(server.code).data["mine"] == {str(b): 1}
    # Another phone is another ballot.
    assert Phone(server.address).vote(server.code, {b: 2}).status == 200
    with store.read() as s:
        assert voting_rounds.round_results(s, round_id).ballots == 2
    assert ("stored", "voting") in server.events


def test_a_closed_round_refuses_the_phone_and_keeps_its_ballot(store, vote_id, serve):
    server = serve()
    a, b, _c = items_of(store, vote_id)
    phone = Phone(server.address)
    assert phone.vote(server.code, {a: 1}).status == 200
    with store.write() as s:
        round_id = voting.get(s, vote_id).rounds[-1].id
        voting_rounds.set_state(s, round_id, state="closed", revealed=False)
    refused = phone.vote(server.code, {b: 1})
    assert refused.status == 400
    assert refused.data["error"].startswith("Le vote est clos")
    with store.read() as s:
        counts = {r.item_id: r.count for r in voting_rounds.round_results(s, round_id).rows}
    assert counts[a] == 1 and counts[b] == 0
    assert phone.state(server.code).data["round"]["open"] is False


def test_a_secret_vote_shows_its_counts_to_phones_only_once_revealed(store, vote_id, serve):
    server = serve()
    a, _b, _c = items_of(store, vote_id)
    phone = Phone(server.address)
    phone.vote(server.code, {a: 2})
    other = Phone(server.address)
    assert other.state(server.code).data["results"] is None
    assert other.state(server.code).data["mine"] == {}  # never another phone's ballot
    with store.write() as s:
        round_id = voting.get(s, vote_id).rounds[-1].id
        voting_rounds.set_state(s, round_id, state="closed", revealed=True)
    results = other.state(server.code).data["results"]
    assert results[0] == {
        "text": "Un tiers-lieu <numérique> & partagé",
        "count": 2,
        "rank": 1,
        "tied": False,
    }


def test_ballots_arriving_together_are_stored_together_a_refused_one_alone(store, vote_id):
    """Sixty phones at once share one commit; a ballot over the limits among them is refused
    with its sentence and the others are stored."""
    from kitcop_desktop.domain.validation import InvalidInput
    from kitcop_desktop.phones.session import new_device_token, pseudonym
    from kitcop_desktop.phones.vote_room import VoteRoom

    a, b, c = items_of(store, vote_id)
    devices = [pseudonym(new_device_token()) for _ in range(3)]
    results = VoteRoom(store, vote_id).submit_many(
        [
            (devices[0], {"dots": {str(a): 1}}),
            (devices[1], {"dots": {str(a): 2, str(b): 2}}),  # 4 for 3 allowed
            (devices[2], {"dots": {str(c): 2}}),
        ]
    )
    assert results[0]["ok"] and results[2]["ok"]
    assert isinstance(results[1], InvalidInput)
    assert str(results[1]).startswith("4 gommettes placées pour 3 autorisées")
    with store.read() as s:
        round_id = voting.get(s, vote_id).rounds[-1].id
        counts = {r.item_id: r.count for r in voting_rounds.round_results(s, round_id).rows}
    assert counts == {a: 1, b: 0, c: 2}
