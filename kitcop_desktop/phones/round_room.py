"""A speaking round opened to phones (#19): météo, déclusion, ROTI. A phone sees the round's
kind, title and prompt (what the room screen shows) and sends one word or sentence (and, at a
déclusion, whether it stays involved; at a ROTI, its score). It never sees anyone's name nor
another phone's word. Stored by `storage/rounds_phones`, shown when the facilitator decides."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kitcop_desktop.domain import speaking_round as rules
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.phones.room import PhoneRoom
from kitcop_desktop.storage import rounds, rounds_phones

GONE = "Ce tour n'est plus ouvert."


class RoundRoom(PhoneRoom):
    """The speaking round `round_id` of `store`, as phones see it."""

    kind = "round"
    area = "rounds"
    gone = GONE
    checks_first = True  # `rounds_phones.send_word` checks, then writes
    accepted = (
        "Réponse envoyée\u00a0: l'animateur·rice la montrera à l'écran le "
        "moment venu. Vous pouvez la changer jusqu'à la fin du tour."
    )

    @property
    def round_id(self) -> int:
        return self.item_id

    def seen(self, session: Session, device: str) -> dict[str, Any]:
        rnd = rounds.get(session, self.round_id)
        return {
            "kind": self.kind,
            "round_kind": rnd.kind,
            "label": rules.KINDS.get(rnd.kind, rnd.kind),
            "title": rnd.title,
            "prompt": rnd.prompt,
            "open": rnd.state != "finished",
            "mine": rounds_phones.mine(session, self.round_id, device),
        }

    def unreadable(self) -> InvalidInput:
        return InvalidInput(
            "Cette réponse est illisible\u00a0: rechargez la page. Rien n'a été modifié."
        )

    def take(self, session: Session, device: str, payload: dict[str, Any]) -> None:
        rounds_phones.send_word(
            session,
            self.round_id,
            device,
            payload.get("word"),
            payload.get("stay_involved"),
            payload.get("score"),
        )
