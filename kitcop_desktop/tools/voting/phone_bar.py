"""The vote's « Ouvrir aux téléphones » (#19): the shared bar (ui/widgets/phone_bar) serving
the current vote, counting the phones' ballots in its current round."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kitcop_desktop.i18n import tr
from kitcop_desktop.phones.vote_room import VoteRoom
from kitcop_desktop.storage import voting_phones
from kitcop_desktop.ui.widgets.phone_bar import PhoneBar as SharedBar

AREA = "voting"


def ballots_text(n: int) -> str:
    return "1 bulletin" if n == 1 else f"{n} bulletins"


def doubles_text(names: list[str]) -> str:
    """« ⚠ Peut-être compté·e deux fois : Amina, Bruno (un bulletin du téléphone et un autre) »."""
    return tr(
        "⚠ Peut-être compté·e deux fois\u00a0: {names} (un bulletin du téléphone et un "
        "autre\u00a0: rouvrez celui de trop)"
    ).format(names=", ".join(names))


class PhoneBar(SharedBar):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        self.round_id = 0
        super().__init__(
            ctx,
            AREA,
            lambda vote_id: VoteRoom(ctx.store, vote_id),
            self._ballots,
            tr(
                "Les participant·es votent depuis leur téléphone, sur le réseau de la salle, "
                "sans internet\u00a0: l'écran de la salle montre un QR code."
            ),
            parent,
        )

    @property
    def vote_id(self) -> int:
        return self.item_id

    def _ballots(self, _vote_id: int) -> str:
        with self.ctx.store.read() as s:
            n = voting_phones.phone_ballot_count(s, self.round_id) if self.round_id else 0
            twice = voting_phones.doubles(s, self.round_id) if self.round_id else []
        return ballots_text(n) + (f" · {doubles_text(twice)}" if twice else "")

    def show_vote(self, vote_id: int, round_id: int) -> None:
        self.round_id = round_id
        self.show_item(vote_id)
