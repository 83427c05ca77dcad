"""Post-its sent from phones (#19): they wait in the board's moderation tray until the
facilitator accepts one (it becomes a post-it of its zone, salle) or discards it.

Same validation as a post-it typed on the laptop (`boards.add_card`: not empty, not huge, a
zone of the board); a phone may have at most `MAX_WAITING_PER_PHONE` post-its waiting.
Waiting post-its are the facilitator's alone (`models/phones.PhonePost` declares it): nothing
projects, prints or exports them by default. Functions take a Session first, never commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.board_kinds import normalise
from kitcop_desktop.domain.dot_vote import NOTHING
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards, phone_inputs
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.models.board import Board, Card
from kitcop_desktop.storage.models.phones import PhonePost

MAX_WAITING_PER_PHONE = 30
SOURCE = "Téléphone"


def post_from_phone(session: Session, board_id: int, zone: Any, text: Any, device: str) -> int:
    """A post-it from a phone, waiting for the facilitator; its id. Refused: nothing stored."""
    board = boards.get_board(session, board_id)
    if not isinstance(zone, str) or not isinstance(text, str):
        raise InvalidInput(
            tr("Ce post-it est illisible\u00a0: rechargez la page. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    boards._check_zone(board, zone)
    cleaned = boards._card_text(text)
    if waiting_of(session, board_id, device) >= MAX_WAITING_PER_PHONE:
        raise InvalidInput(
            tr(
                "Vous avez déjà {MAX_WAITING_PER_PHONE} post-it en attente\u00a0: attendez que l'animateur·rice les ait traités. {NOTHING}"
            ).format(MAX_WAITING_PER_PHONE=MAX_WAITING_PER_PHONE, NOTHING=tr(NOTHING))
        )
    post = PhonePost(board_id=board_id, zone=zone, text=cleaned, device=device)
    session.add(post)
    session.flush()
    return post.id


def waiting(session: Session, board_id: int) -> list[PhonePost]:
    """The board's tray, oldest first."""
    return list(
        session.scalars(
            select(PhonePost).where(PhonePost.board_id == board_id).order_by(PhonePost.id)
        )
    )


def waiting_count(session: Session, board_id: int) -> int:
    return phone_inputs.count(session, PhonePost, PhonePost.board_id == board_id)


def waiting_of(session: Session, board_id: int, device: str) -> int:
    """How many of this phone's post-its still wait (what the phone is told)."""
    return phone_inputs.count(
        session, PhonePost, PhonePost.board_id == board_id, PhonePost.device == device
    )


def _post(session: Session, post_id: int) -> PhonePost:
    return phone_inputs.get(session, PhonePost, post_id, _gone())


def _gone() -> str:
    return tr("Ce post-it n'attend plus.")


def accept(session: Session, post_id: int) -> Snapshot:
    """The waiting post-it becomes a post-it of its zone (at its end); returns what
    `undo_accept` needs."""
    post = _post(session, post_id)
    card = boards.add_card(session, post.board_id, post.zone, post.text, source=SOURCE)
    data = {"post": row_dict(post), "card_id": card.id}
    session.delete(post)
    session.flush()
    return data


def undo_accept(session: Session, data: Snapshot) -> None:
    """The post-it leaves the board and waits in the tray again."""
    card_id = data["card_id"]
    if session.get(Card, card_id) is not None:
        boards.delete_card(session, card_id)
    restore_post(session, data["post"])


def discard(session: Session, post_id: int) -> Snapshot:
    """Set a waiting post-it aside for good (undo puts it back in the tray)."""
    return phone_inputs.take_out(session, PhonePost, post_id, _gone())


def restore_post(session: Session, data: Snapshot) -> None:
    """Put a post-it back in the tray as it was (unless its board went away meanwhile)."""
    phone_inputs.put_back(session, PhonePost, data, Board, "board_id")


def merge(session: Session, post_id: int, card_id: int) -> Snapshot:
    """The waiting post-it says what a post-it of the board already says: that one counts one
    more (as « déjà présent » → fusionner on the laptop) and the waiting one leaves the tray.
    Returns what `undo_merge` needs."""
    post = _post(session, post_id)
    card = boards.get_card(session, card_id)
    if card.board_id != post.board_id:
        raise InvalidInput(
            tr(
                "Ce post-it est sur un autre tableau\u00a0: impossible de fusionner. {NOTHING}"
            ).format(NOTHING=tr(NOTHING))
        )
    previous = boards.update_card(session, card_id, weight=card.weight + 1)
    data = {"post": row_dict(post), "card_id": card_id, "previous": previous}
    session.delete(post)
    session.flush()
    return data


def undo_merge(session: Session, data: Snapshot) -> None:
    """The board's post-it counts one less again; the phone's waits in the tray again."""
    if session.get(Card, data["card_id"]) is not None:
        boards.update_card(session, data["card_id"], **data["previous"])
    restore_post(session, data["post"])


def merge_candidates(session: Session, post_id: int) -> list[tuple[int, str, str, bool]]:
    """The board's post-its a waiting one may be merged into, the likeliest first: those
    saying the same thing (case, accents, punctuation ignored), then those of its zone, then
    the others, each group by likeness of words. (card id, zone, text, same thing)."""
    post = _post(session, post_id)
    key = normalise(post.text)
    words = set(key.split())

    def likeness(text: str) -> float:
        other = set(normalise(text).split())
        return len(words & other) / max(1, len(words | other))

    rows = [
        (c.id, c.zone, c.text, bool(key) and normalise(c.text) == key)
        for c in boards.cards_of(session, post.board_id)
    ]
    rows.sort(key=lambda r: (not r[3], r[1] != post.zone, -likeness(r[2]), r[0]))
    return rows
