"""A vote opened to phones: what a phone may see of it, and how its ballot is stored.

Only what the room screen may show goes out (`storage/visibility.tallies_visible` for the
room screen's audience): the title, the criteria, the current round's proposals and rules,
the phone's own ballot, and the counts only once the room may see them. Never a name, a
note, another phone's ballot or a secret tally.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import NOTHING, dots_text
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.domain.visibility import Audience
from kitcop_desktop.i18n import tr
from kitcop_desktop.phones.page_text import say
from kitcop_desktop.phones.room import Answer, PhoneRoom
from kitcop_desktop.storage import visibility, voting, voting_phones, voting_rounds
from kitcop_desktop.storage.errors import NotFound

MAX_LINES = 200  # a ballot names at most as many proposals as a vote may hold


def unreadable() -> InvalidInput:
    return InvalidInput(
        f"Ce bulletin est illisible : rechargez la page et recommencez. {tr(NOTHING)}"
    )


def parse_dots(payload: Any) -> dict[int, int]:
    """{"dots": {"12": 1, …}} from the page; anything else refused as unreadable."""
    if not isinstance(payload, dict) or not isinstance(payload.get("dots"), dict):
        raise unreadable()
    lines = payload["dots"]
    if len(lines) > MAX_LINES:
        raise unreadable()
    dots: dict[int, int] = {}
    for key, value in lines.items():
        if not isinstance(key, str) or not key.isdigit() or len(key) > 12:
            raise unreadable()
        if not isinstance(value, int) or isinstance(value, bool):
            raise unreadable()
        dots[int(key)] = value
    return dots


class VoteRoom(PhoneRoom):
    """The vote `vote_id` of `store`, as phones see it."""

    kind = "vote"
    area = "voting"
    gone = "Ce vote n'est plus ouvert."

    @property
    def vote_id(self) -> int:
        return self.item_id

    def seen(self, s: Session, device: str) -> dict[str, Any]:
        vote = voting.get(s, self.vote_id)
        current = vote.rounds[-1]
        results = voting_rounds.round_results(s, current.id)
        texts = {i.id: i.text for i in vote.items}
        order = [i.id for i in vote.items if i.id in {r.item_id for r in results.rows}]
        shown = visibility.tallies_visible(vote.hidden, current.revealed, Audience.ROOM_SCREEN)
        return {
            "kind": self.kind,
            "title": vote.title,
            "criteria": voting.criteria_of(vote),
            "round": {
                "number": current.number,
                "open": current.state == "open",
                "revealed": bool(current.revealed),
            },
            "rules": {
                "dots": results.rules.dots_per_participant,
                "max_per_item": results.rules.max_per_item,
            },
            "items": [{"id": i, "text": texts[i]} for i in order],
            "mine": {
                str(k): v for k, v in voting_phones.phone_ballot(s, current.id, device).items()
            },
            "name": voting_phones.phone_ballot_name(s, current.id, device),
            "results": (
                [
                    {"text": r.text, "count": r.count, "rank": r.rank, "tied": r.tied}
                    for r in results.rows
                ]
                if shown and (current.revealed or not vote.hidden)
                else None
            ),
        }

    def submit(self, device: str, payload: Any) -> dict[str, Any]:
        """Store this phone's ballot (raises InvalidInput, nothing stored, on any fault)."""
        result = self.submit_many([(device, payload)])[0]
        if isinstance(result, Exception):
            raise result
        return result

    def submit_many(self, inputs: list[tuple[str, Any]]) -> list[Answer]:
        """Several phones' ballots in one transaction (`voting_phones.cast_phone_ballots`): a
        refused one gets its InvalidInput in its place, the others are stored."""
        results: list[Answer] = []
        readable: list[tuple[str, dict[int, int], str]] = []
        where: list[int] = []
        for device, payload in inputs:
            try:
                dots = parse_dots(payload)
                readable.append((device, dots, voting_phones.clean_name(payload.get("name"))))
                where.append(len(results))
                results.append({})
            except InvalidInput as refused:
                results.append(refused)
        if not readable:
            return results
        with self.store.write() as s:
            try:
                round_id = voting.get(s, self.vote_id).rounds[-1].id
            except NotFound:
                return [InvalidInput(self.gone)] * len(inputs)
            stored = voting_phones.cast_phone_ballots(s, round_id, readable)
        for index, (_device, dots, _name), outcome in zip(where, readable, stored, strict=True):
            results[index] = (
                outcome
                if isinstance(outcome, InvalidInput)
                else {
                    "ok": True,
                    "message": say("Bulletin enregistré ({dots}).").format(
                        dots=dots_text(sum(dots.values()))
                    ),
                }
            )
        return results
