"""One read of a fishbowl, as plain data the views share; statistics recomputed each second
from these facts without touching the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kitcop_desktop.domain import fishbowl as rules
from kitcop_desktop.domain.countdown import CountdownFacts
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.storage import fishbowl as store_ops
from kitcop_desktop.storage import fishbowl_notes as notes_ops
from kitcop_desktop.storage import visibility
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.models.fishbowl import Fishbowl


@dataclass
class BowlData:
    id: int
    title: str
    question: str
    chairs: int
    timebox_minutes: int
    state: str
    facilitator_note: str
    stats_shown: bool
    timebox: CountdownFacts
    members: list[rules.Member]
    seatings: list[rules.Seating]
    turns: list[rules.Turn]
    notes: list[notes_ops.NoteData] = field(default_factory=list)

    @property
    def shared_notes(self) -> list[notes_ops.NoteData]:
        """The notes the room may see (revealed), by the one visibility rule."""
        return [n for n in self.notes if visibility.note_visible(n, Audience.ROOM_SCREEN)]

    @property
    def notes_revealed(self) -> bool:
        """The room shows the partage des enjeux as soon as one note is revealed."""
        return bool(self.shared_notes)

    @property
    def centre(self) -> rules.Centre:
        return rules.centre(self.chairs, self.seatings, self.turns)

    def name(self, member_id: int | None) -> str:
        for m in self.members:
            if m.id == member_id:
                return m.name
        return ""

    def has_left(self, member_id: int | None) -> bool:
        return any(m.id == member_id and m.left for m in self.members)

    def stats(self, now: datetime) -> rules.FishbowlStats:
        return rules.stats(self.members, self.seatings, self.turns, now)


def list_bowls(store: Store, workshop_id: int) -> list[tuple[int, str]]:
    with store.read() as s:
        return [(fb.id, fb.title) for fb in store_ops.list_fishbowls(s, workshop_id)]


def load_bowl(store: Store, fishbowl_id: int) -> BowlData | None:
    """The fishbowl as data, or None when it no longer exists (deleted, undone)."""
    with store.read() as s:
        fb = s.get(Fishbowl, fishbowl_id)
        if fb is None:
            return None
        return BowlData(
            id=fb.id,
            title=fb.title,
            question=fb.question,
            chairs=fb.chairs,
            timebox_minutes=fb.timebox_minutes,
            state=fb.state,
            facilitator_note=fb.facilitator_note,
            stats_shown=fb.stats_shown,
            timebox=store_ops.timebox_facts(fb),
            members=[store_ops.member_record(m) for m in store_ops.members(s, fb.id)],
            seatings=store_ops.seatings(s, fb.id),
            turns=store_ops.turns(s, fb.id),
            notes=notes_ops.note_data(s, fb.id),
        )
