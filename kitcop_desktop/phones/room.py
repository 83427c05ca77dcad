"""What one item of a tool (a board, a speaking round, a vote) shows to phones and takes from
them (#19): the shape `phones/server.PhoneServer` serves. Called on the server's threads.

`PhoneRoom` holds what its rooms share: `state(device)` is what a phone may see (`seen`), or
« gone » when the item no longer exists; `submit_many` stores several phones' inputs in one
transaction (`take` each), so that one refused input (a French sentence back to its phone,
nothing stored) leaves the others stored: a room whose `take` checks everything before it
changes anything (`checks_first`: a post-it, a word) needs nothing more; any other room puts
each input in its own savepoint. `phones/board_room`,
`phones/round_room` and `phones/vote_room` say what is seen and how an input is kept.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from sqlalchemy.orm import Session

from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage.errors import NotFound

Answer = dict[str, Any] | InvalidInput


class PhoneRoom:
    kind = ""  # what the page shows: « vote », « board », « round »
    area = ""  # the change area a stored input notifies (`ChangeHub`)
    gone = ""  # « Ce tableau n'est plus ouvert. »
    accepted = ""  # the phone's sentence once its input is stored
    # `take` refuses (InvalidInput, NotFound) only before it changes anything: a batch then
    # needs no savepoint per input (sixty words at once: 120 statements fewer).
    checks_first = False

    def __init__(self, store: Any, item_id: int) -> None:
        self.store = store
        self.item_id = item_id

    def state(self, device: str) -> dict[str, Any]:
        """What this phone may see now (only what the room screen may show)."""
        with self.store.read() as s:
            try:
                return self.seen(s, device)
            except NotFound:
                return {"kind": "gone", "message": self.gone}

    def seen(self, session: Session, device: str) -> dict[str, Any]:
        raise NotImplementedError

    def unreadable(self) -> InvalidInput:
        """What a phone is told when its input is not even a form (a forged request)."""
        raise NotImplementedError

    def take(self, session: Session, device: str, payload: dict[str, Any]) -> None:
        """Store one phone's input (raises InvalidInput or NotFound, nothing stored; with
        `checks_first`, before it has changed anything)."""
        raise NotImplementedError

    def submit_many(self, inputs: list[tuple[str, Any]]) -> list[Answer]:
        """Several phones' inputs in one transaction (one commit, before any answer leaves):
        an answer (or the InvalidInput to send back) for each, in order. Each input in its own
        savepoint unless the room `checks_first`."""
        results: list[Answer] = []
        with self.store.write() as s:
            for device, payload in inputs:
                if not isinstance(payload, dict):
                    results.append(self.unreadable())
                    continue
                try:
                    with nullcontext() if self.checks_first else s.begin_nested():
                        self.take(s, device, payload)
                except NotFound:
                    results.append(InvalidInput(self.gone))
                    continue
                except InvalidInput as refused:
                    results.append(refused)
                    continue
                results.append({"ok": True, "message": self.accepted})
        return results
