"""A speaking round opened to phones (#19): météo, déclusion, ROTI. A phone sees the round's
kind, title and prompt (what the room screen shows) and sends one word or sentence (and, at a
déclusion, whether it stays involved; at a ROTI, its score). It never sees anyone's name nor
another phone's word. Stored by `storage/rounds_phones`, shown when the facilitator decides."""

from __future__ import annotations

from typing import Any

from kitcop_desktop.domain import speaking_round as rules
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.storage import rounds, rounds_phones
from kitcop_desktop.storage.errors import NotFound

GONE = "Ce tour n'est plus ouvert."


class RoundRoom:
    """The speaking round `round_id` of `store`, as phones see it. Called on the server's
    threads."""

    kind = "round"
    area = "rounds"

    def __init__(self, store: Any, round_id: int) -> None:
        self.store = store
        self.round_id = round_id

    def state(self, device: str) -> dict[str, Any]:
        with self.store.read() as s:
            try:
                rnd = rounds.get(s, self.round_id)
            except NotFound:
                return {"kind": "gone", "message": GONE}
            return {
                "kind": self.kind,
                "round_kind": rnd.kind,
                "label": rules.KINDS.get(rnd.kind, rnd.kind),
                "title": rnd.title,
                "prompt": rnd.prompt,
                "open": rnd.state != "finished",
                "mine": rounds_phones.mine(s, self.round_id, device),
            }

    def submit_many(self, inputs: list[tuple[str, Any]]) -> list[dict[str, Any] | InvalidInput]:
        """Several phones' words in one transaction, each in its own savepoint."""
        results: list[dict[str, Any] | InvalidInput] = []
        with self.store.write() as s:
            for device, payload in inputs:
                if not isinstance(payload, dict):
                    results.append(
                        InvalidInput(
                            "Cette réponse est illisible\u00a0: rechargez la page. "
                            "Rien n'a été modifié."
                        )
                    )
                    continue
                try:
                    with s.begin_nested():
                        rounds_phones.send_word(
                            s,
                            self.round_id,
                            device,
                            payload.get("word"),
                            payload.get("stay_involved"),
                            payload.get("score"),
                        )
                except NotFound:
                    results.append(InvalidInput(GONE))
                    continue
                except InvalidInput as refused:
                    results.append(refused)
                    continue
                results.append(
                    {
                        "ok": True,
                        "message": (
                            "Réponse envoyée\u00a0: l'animateur·rice la montrera à l'écran le "
                            "moment venu. Vous pouvez la changer jusqu'à la fin du tour."
                        ),
                    }
                )
        return results
