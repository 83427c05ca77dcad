"""Fiches actions operations: create, update, stars, delete and recreate as they were."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import actions


def test_create_needs_a_challenge_or_an_action(store, workshop_id):
    with pytest.raises(InvalidInput, match="Rien n'a été créé"), store.write() as s:
        actions.create(s, workshop_id, challenge="   ")


@pytest.mark.parametrize("stars", [-1, 4, "trois", None, 99])
def test_stars_are_zero_to_three(store, workshop_id, stars):
    with store.write() as s:
        card_id = actions.create(s, workshop_id, action="Guichet unique").id
    with pytest.raises(InvalidInput, match="0 à 3 étoiles"), store.write() as s:
        actions.update(s, card_id, impact=stars)


def test_update_returns_previous_values_and_delete_recreate_round_trips(store, workshop_id):
    with store.write() as s:
        card = actions.create(s, workshop_id, action="A <b>&</b> 😀", impact=2)
        previous = actions.update(s, card.id, action="B", leads="CFA\nAFPA", feasibility=3)
        assert previous == {"action": "A <b>&</b> 😀", "leads": "", "feasibility": 0}
        data = actions.delete(s, card.id)
    with store.write() as s:
        again = actions.recreate(s, data)
        assert (again.id, again.action, again.leads, again.impact) == (card.id, "B", "CFA\nAFPA", 2)
