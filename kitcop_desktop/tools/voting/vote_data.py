"""What the voting views show, read from the store in one go as plain data.

`VoteSelection` is the one shared piece of UI state: which vote the facilitator has open. The
editor sets it; the room view follows it. It lives in ctx.extras so neither widget calls the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from kitcop_desktop.domain.dot_vote import VoteRules
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.storage import visibility, voting, voting_entries, voting_phones, voting_rounds
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.voting_entries import VoterStatus
from kitcop_desktop.storage.voting_rounds import RoundResults, VoteStanding
from kitcop_desktop.ui.changes import Area

AREA = Area.VOTING


class VoteSelection(QObject):
    changed = Signal(int)  # vote id, 0 = none
    # R pressed again during the reveal: the room view jumps to the end of its animation.
    skip_reveal = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.vote_id = 0

    def set(self, vote_id: int | None) -> None:
        vote_id = int(vote_id or 0)
        if vote_id != self.vote_id:
            self.vote_id = vote_id
            self.changed.emit(vote_id)


def selection(ctx) -> VoteSelection:
    """The workshop's vote selection, created on first use."""
    if "voting.selection" not in ctx.extras:
        ctx.extras["voting.selection"] = VoteSelection()
    return ctx.extras["voting.selection"]


@dataclass(frozen=True)
class ItemRow:
    id: int
    text: str
    from_board: bool


@dataclass(frozen=True)
class RoundState:
    id: int
    number: int
    mode: str  # "wall" | "ballots"
    state: str  # "open" | "closed"
    revealed: bool
    reason: str
    item_ids: list[int]
    wall_counts: dict[int, int]
    results: RoundResults

    @property
    def open(self) -> bool:
        return self.state == "open"

    @property
    def rules(self) -> VoteRules:
        """This round's rules (a round among ex æquo has its own)."""
        return self.results.rules


@dataclass(frozen=True)
class VoteState:
    id: int
    title: str
    criteria: list[str]
    dots_per_participant: int
    max_per_item: int
    hidden: bool
    winners_count: int
    items: list[ItemRow]
    rounds: list[RoundState]
    voters: list[VoterStatus] = field(default_factory=list)  # of the current round
    cards_made: set[int] = field(default_factory=set)  # item ids that have a fiche action
    standing: VoteStanding | None = None  # all rounds together (the actions kept come from it)
    doubles: list[str] = field(default_factory=list)  # names perhaps counted twice (#19)

    @property
    def current(self) -> RoundState:
        return self.rounds[-1]

    @property
    def several_rounds(self) -> bool:
        return len(self.rounds) > 1

    def item(self, item_id: int) -> ItemRow | None:
        return next((i for i in self.items if i.id == item_id), None)

    def tallies_visible(self, vote_round: RoundState) -> bool:
        """A secret vote shows no count anywhere until that round is revealed (the one
        visibility rule: a secret vote's tallies are restitution content)."""
        return visibility.tallies_visible(self.hidden, vote_round.revealed, Audience.ROOM_SCREEN)


def list_votes(store, workshop_id: int) -> list[tuple[int, str]]:
    with store.read() as s:
        return [(v.id, v.title) for v in voting.list_for(s, workshop_id)]


def load(store, vote_id: int) -> VoteState | None:
    """The whole vote as plain data; None when it no longer exists."""
    from sqlalchemy import select

    from kitcop_desktop.storage.models.voting import VoteRoundItem
    from kitcop_desktop.storage.voting_actions import items_with_cards

    if not vote_id:
        return None
    with store.read() as s:
        try:
            vote = voting.get(s, vote_id)
        except NotFound:
            return None
        rounds = []
        for r in vote.rounds:
            entries = list(s.scalars(select(VoteRoundItem).where(VoteRoundItem.round_id == r.id)))
            results = voting_rounds.round_results(s, r.id)
            order = [row.item_id for row in sorted(results.rows, key=lambda x: x.item_id)]
            positions = {i.id: i.position for i in vote.items}
            order.sort(key=lambda i: (positions.get(i, 0), i))
            rounds.append(
                RoundState(
                    r.id,
                    r.number,
                    r.entry_mode,
                    r.state,
                    r.revealed,
                    r.reason,
                    order,
                    {e.item_id: e.wall_count for e in entries},
                    results,
                )
            )
        made = items_with_cards(s, vote.workshop_id)
        return VoteState(
            vote.id,
            vote.title,
            voting.criteria_of(vote),
            vote.dots_per_participant,
            vote.max_per_item,
            vote.hidden,
            vote.winners_count,
            [ItemRow(i.id, i.text, i.source_card_id is not None) for i in vote.items],
            rounds,
            voting_entries.voters(s, rounds[-1].id) if rounds else [],
            made,
            voting_rounds.standing_of([r.results for r in rounds], vote.winners_count)
            if rounds
            else None,
            voting_phones.doubles(s, rounds[-1].id) if rounds else [],
        )
