"""Horaires computed from durations and pins; conflicts reported, never silently fixed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kitcop_desktop.domain import agenda_templates as kit
from kitcop_desktop.domain.schedule import PlannedSequence as P
from kitcop_desktop.domain.schedule import clock_text, compute, prose_text


def hm(h, m=0):
    return h * 60 + m


def plain(text: str) -> str:
    """French typography uses no-break spaces; compare words."""
    return text.replace("\u00a0", " ")


def times(schedule):
    return [(clock_text(s.start), clock_text(s.end)) for s in schedule.slots]


def test_sequences_flow_from_the_workshop_start():
    s = compute([P(1, 15), P(2, 15), P(3, 50)], start=hm(9, 30))
    assert times(s) == [("09:30", "09:45"), ("09:45", "10:00"), ("10:00", "10:50")]
    assert s.conflicts == () and s.total_minutes == 80


def test_unknown_start_defaults_to_nine():
    assert times(compute([P(1, 30)])) == [("09:00", "09:30")]


def test_a_pin_holds_and_the_others_flow_around_it_with_a_gap():
    s = compute([P(1, 60), P(2, 60, pinned_start=hm(12)), P(3, 30)], start=hm(9, 30))
    assert times(s) == [("09:30", "10:30"), ("12:00", "13:00"), ("13:00", "13:30")]
    assert s.slots[1].pinned and s.slots[1].gap_before == 90
    assert s.conflicts == ()


def test_a_pin_that_cannot_be_met_is_shown_not_moved():
    s = compute([P(1, 150), P(2, 60, pinned_start=hm(11), title="Déjeuner"), P(3, 30)], hm(9))
    assert s.slots[1].start == hm(11)  # the pin stays where the facilitator put it
    assert "finit à 11 h 30" in plain(s.slots[1].conflict)
    assert "30 min de trop" in plain(s.slots[1].conflict)
    # what follows flows from the real end of the overlap, not from the impossible pin
    assert clock_text(s.slots[2].start) == "12:30"
    assert [c.key for c in s.conflicts] == [2]


def test_pins_out_of_order_are_reported():
    seqs = [P(1, 10, hm(14), "Après-midi"), P(2, 10, hm(10), "Matin")]
    s = compute(seqs, hm(9))
    assert "pas dans l'ordre" in s.slots[1].conflict
    assert "Après-midi" in s.slots[1].conflict


def test_ending_after_the_planned_end_is_a_conflict_of_the_whole_agenda():
    s = compute([P(1, 120), P(2, 100)], start=hm(9), planned_end=hm(12, 30))
    assert s.end == hm(12, 40) and s.overtime() == 10
    assert s.conflicts[-1].key is None
    assert "10 min après la fin prévue (12 h 30)" in plain(s.conflicts[-1].message)


def test_past_midnight_is_flagged():
    s = compute([P(1, 120)], start=hm(23))
    assert "minuit" in s.slots[0].conflict


def test_empty_agenda():
    s = compute([], start=hm(9))
    assert s.slots == () and s.end == hm(9) and s.conflicts == ()


def test_prose_times_are_french():
    assert prose_text(hm(10, 15)) == "10\u00a0h\u00a015"
    assert prose_text(hm(9)) == "9\u00a0h"


def test_kit_templates_follow_the_kit():
    keys = [t.key for t in kit.TEMPLATES]
    assert keys == ["modele_1", "modele_kiss", "world_cafe", "blank"]
    m1 = kit.by_key("modele_1")
    titles = [s.title for s in m1.sequences]
    assert titles[0] == "Accueil café / Introduction" and titles[-1] == "Déclusion"
    assert {"Brise-glace", "Diagnostic", "Pause", "Projection 2030", "Partage des enjeux"} <= set(
        titles
    )
    assert "2030" in m1.sequences[1].instructions
    assert next(s for s in m1.sequences if s.title == "Projection 2030").tool_key == "fishbowl"
    kiss = [s.title for s in kit.by_key("modele_kiss").sequences]
    assert "Rétrospective" in kiss and "La méthode KISS" in kiss  # the kit's name
    cafe = kit.by_key("world_cafe")
    rotations = [s for s in cafe.sequences if s.kind == "rotation"]
    assert [s.minutes for s in rotations] == [20, 25, 30]
    assert cafe.start.hour == 13 and cafe.total_minutes == 210  # 13:30 – 17:00
    for template in kit.TEMPLATES:
        assert template.title and all(s.minutes > 0 for s in template.sequences)


@given(
    st.lists(
        st.tuples(st.integers(0, 600), st.one_of(st.none(), st.integers(0, 24 * 60 - 1))),
        max_size=30,
    ),
    st.integers(0, 24 * 60 - 1),
)
def test_any_agenda_is_laid_out_without_crash_and_pins_are_kept(items, start):
    seqs = [P(i, minutes, pin) for i, (minutes, pin) in enumerate(items)]
    s = compute(seqs, start=start, planned_end=start + 60)
    assert len(s.slots) == len(seqs)
    effective_end = start
    for seq, slot in zip(seqs, s.slots, strict=True):
        if seq.pinned_start is not None:
            assert slot.start == seq.pinned_start  # never silently moved
            ok = seq.pinned_start >= effective_end
            assert bool(slot.conflict) != ok or "minuit" in slot.conflict
            effective_end = max(effective_end, seq.pinned_start) + seq.minutes
        else:
            assert slot.start == effective_end
            effective_end += seq.minutes
        assert slot.end - slot.start == seq.minutes
    assert s.end == effective_end
