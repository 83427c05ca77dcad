"""A board opened to phones (#19): a phone sees the board's title and zones (what the room
screen shows of them) and sends post-its, which wait in the facilitator's tray
(`storage/boards_phones`). It never sees the board's post-its nor anyone else's."""

from __future__ import annotations

from typing import Any

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.dot_vote import NOTHING
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards, boards_phones
from kitcop_desktop.storage.errors import NotFound


def unreadable() -> InvalidInput:
    return InvalidInput(f"Ce post-it est illisible\u00a0: rechargez la page. {tr(NOTHING)}")


class BoardRoom:
    """The board `board_id` of `store`, as phones see it. Called on the server's threads."""

    kind = "board"
    area = "boards"

    def __init__(self, store: Any, board_id: int) -> None:
        self.store = store
        self.board_id = board_id

    def state(self, device: str) -> dict[str, Any]:
        with self.store.read() as s:
            try:
                board = boards.get_board(s, self.board_id)
            except NotFound:
                return {"kind": "gone", "message": "Ce tableau n'est plus ouvert."}
            kind = KINDS[board.kind]
            return {
                "kind": self.kind,
                "title": board.title,
                "zones": [{"key": z.key, "label": z.label, "hint": z.hint} for z in kind.zones],
                "waiting": boards_phones.waiting_of(s, self.board_id, device),
            }

    def submit_many(self, inputs: list[tuple[str, Any]]) -> list[dict[str, Any] | InvalidInput]:
        """Several phones' post-its in one transaction, each in its own savepoint."""
        results: list[dict[str, Any] | InvalidInput] = []
        with self.store.write() as s:
            for device, payload in inputs:
                if not isinstance(payload, dict):
                    results.append(unreadable())
                    continue
                try:
                    with s.begin_nested():
                        boards_phones.post_from_phone(
                            s, self.board_id, payload.get("zone"), payload.get("text"), device
                        )
                except NotFound:
                    results.append(InvalidInput("Ce tableau n'est plus ouvert."))
                    continue
                except InvalidInput as refused:
                    results.append(refused)
                    continue
                results.append(
                    {
                        "ok": True,
                        "message": "Post-it envoyé\u00a0: l'animateur·rice le mettra au tableau.",
                    }
                )
        return results
