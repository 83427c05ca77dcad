"""The one visibility rule (domain/visibility.py) and where each datum declares it."""

from __future__ import annotations

import pytest

from kitcop_desktop.domain.visibility import Audience, Visibility, may_see
from kitcop_desktop.storage.visibility import private_fields


@pytest.mark.parametrize("audience", list(Audience))
def test_salle_is_seen_by_everyone(audience):
    assert may_see(Visibility.ROOM, audience)


def test_restitution_is_seen_by_the_room_and_the_paper_only_once_revealed():
    for audience in (Audience.ROOM_SCREEN, Audience.PARTICIPANTS, Audience.EXPORT):
        assert not may_see(Visibility.RESTITUTION, audience)
        assert may_see(Visibility.RESTITUTION, audience, revealed=True)
    for audience in (Audience.FACILITATOR, Audience.EXPORT_PRIVATE):
        assert may_see(Visibility.RESTITUTION, audience)


def test_animateur_rice_is_only_for_the_facilitator_even_revealed():
    for revealed in (False, True):
        seen = {a for a in Audience if may_see(Visibility.FACILITATOR, a, revealed=revealed)}
        assert seen == {Audience.FACILITATOR, Audience.EXPORT_PRIVATE}


def test_every_private_datum_declares_its_visibility_where_it_is_stored():
    declared = {(f.table, f.column): (f.visibility, f.option) for f in private_fields()}
    assert declared[("workshops", "notes")] == (Visibility.FACILITATOR, "facilitator")
    assert declared[("agenda_sequences", "facilitator_notes")][0] == Visibility.FACILITATOR
    assert declared[("fishbowls", "facilitator_note")][0] == Visibility.FACILITATOR
    assert declared[("participants", "email")] == (Visibility.FACILITATOR, "emails")
    assert declared[("interviewee_identities", "")] == (Visibility.FACILITATOR, "real_names")
    assert declared[("fishbowl_notes", "")][0] == Visibility.RESTITUTION
    assert declared[("vote_round_items", "wall_count")][0] == Visibility.RESTITUTION
    # A column whose name says it is personal or private cannot be left undeclared.
    from kitcop_desktop.storage.models import Base

    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if column.name in {"email", "phone", "real_name"} or "facilitator_note" in column.name:
                assert (table.name, column.name) in declared or (table.name, "") in declared
