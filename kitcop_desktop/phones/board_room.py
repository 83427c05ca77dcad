"""A board opened to phones (#19): a phone sees the board's title and zones (what the room
screen shows of them) and sends post-its, which wait in the facilitator's tray
(`storage/boards_phones`). It never sees the board's post-its nor anyone else's."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.dot_vote import NOTHING
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.phones.room import PhoneRoom
from kitcop_desktop.storage import boards, boards_phones


def unreadable() -> InvalidInput:
    return InvalidInput(f"Ce post-it est illisible\u00a0: rechargez la page. {tr(NOTHING)}")


class BoardRoom(PhoneRoom):
    """The board `board_id` of `store`, as phones see it."""

    kind = "board"
    area = "boards"
    gone = "Ce tableau n'est plus ouvert."
    checks_first = True  # `boards_phones.post_from_phone` checks, then writes
    accepted = "Post-it envoyé\u00a0: l'animateur·rice le mettra au tableau."

    @property
    def board_id(self) -> int:
        return self.item_id

    def seen(self, session: Session, device: str) -> dict[str, Any]:
        board = boards.get_board(session, self.board_id)
        kind = KINDS[board.kind]
        return {
            "kind": self.kind,
            "title": board.title,
            "zones": [{"key": z.key, "label": z.label, "hint": z.hint} for z in kind.zones],
            "waiting": boards_phones.waiting_of(session, self.board_id, device),
        }

    def unreadable(self) -> InvalidInput:
        return unreadable()

    def take(self, session: Session, device: str, payload: dict[str, Any]) -> None:
        boards_phones.post_from_phone(
            session, self.board_id, payload.get("zone"), payload.get("text"), device
        )
