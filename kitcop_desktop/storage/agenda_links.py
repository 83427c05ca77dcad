"""Which item of a tool a séquence may open: a board, a vote, a fishbowl, a speaking round.

Read from the models directly (storage may read every table); a tool that has no items, or
whose table is missing, simply offers none.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kitcop_desktop.storage.base import Snapshot


def link_choices(session: Session, workshop_id: int, tool_key: str) -> list[tuple[int, str]]:
    """(id, French label) of the items of `tool_key` in this workshop, in their order."""
    if tool_key == "boards":
        from kitcop_desktop.storage.models.board import Board

        rows = session.scalars(
            select(Board).where(Board.workshop_id == workshop_id).order_by(Board.position, Board.id)
        )
        return [(b.id, f"{b.title} — {b.subgroup}" if b.subgroup else b.title) for b in rows]
    if tool_key == "voting":
        from kitcop_desktop.storage.models.voting import DotVote

        rows = session.scalars(
            select(DotVote).where(DotVote.workshop_id == workshop_id).order_by(DotVote.id)
        )
        return [(v.id, v.title) for v in rows]
    if tool_key == "fishbowl":
        from kitcop_desktop.storage.models.fishbowl import Fishbowl

        rows = session.scalars(
            select(Fishbowl).where(Fishbowl.workshop_id == workshop_id).order_by(Fishbowl.id)
        )
        return [(f.id, f.title) for f in rows]
    if tool_key == "rounds":
        from kitcop_desktop.domain.speaking_round import KINDS
        from kitcop_desktop.storage.models.fishbowl import SpeakingRound

        rows = session.scalars(
            select(SpeakingRound)
            .where(SpeakingRound.workshop_id == workshop_id)
            .order_by(SpeakingRound.position, SpeakingRound.id)
        )
        return [(r.id, _round_label(KINDS.get(r.kind, r.kind), r.title)) for r in rows]
    return []


def _round_label(kind_label: str, title: str) -> str:
    return kind_label if not title or title == kind_label else f"{kind_label} — {title}"


# --- what a running séquence opens -----------------------------------------------------------
# The tools whose items a séquence opens one at a time (the others show all they hold).
SINGLE_ITEM_TOOLS = ("boards", "voting", "fishbowl", "rounds")
# A speaking round made for a séquence takes the kind the séquence's kind suggests.
ROUND_KIND_OF_SEQUENCE = {
    "icebreaker": "icebreaker",
    "closing_round": "closing",
    "check_in_round": "check_in",
}
PROMPT_FROM_CONSIGNES = 300  # characters: longer consignes stay on the déroulé's screen


def has_content(session: Session, tool_key: str, ref: int | None) -> bool:
    """Has this item something worth showing the room instead of the séquence's consignes?
    A board with a post-it, a vote with a proposal, a bowl or a round that has started."""
    if ref is None:
        return tool_key not in SINGLE_ITEM_TOOLS
    if tool_key == "boards":
        from kitcop_desktop.storage.models.board import Card

        return session.scalar(select(Card.id).where(Card.board_id == ref).limit(1)) is not None
    if tool_key == "voting":
        from kitcop_desktop.storage.models.voting import VoteItem

        found = select(VoteItem.id).where(VoteItem.vote_id == ref).limit(1)
        return session.scalar(found) is not None
    if tool_key == "fishbowl":
        from kitcop_desktop.storage.models.fishbowl import Fishbowl

        bowl = session.get(Fishbowl, ref)
        return bowl is not None and bowl.state != "setup"
    if tool_key == "rounds":
        from kitcop_desktop.storage.models.fishbowl import SpeakingRound
        from kitcop_desktop.storage.models.phones import PhoneWord

        rnd = session.get(SpeakingRound, ref)
        if rnd is not None and rnd.state == "setup":  # phones may answer before anyone speaks
            return (
                session.scalar(select(PhoneWord.id).where(PhoneWord.round_id == ref).limit(1))
                is not None
            )
        return rnd is not None
    return True


def _linked_elsewhere(
    session: Session, workshop_id: int, tool_key: str, sequence_id: int
) -> set[int | None]:
    from kitcop_desktop.storage.models.agenda import Sequence

    rows = session.scalars(
        select(Sequence.tool_ref).where(
            Sequence.workshop_id == workshop_id,
            Sequence.tool_key == tool_key,
            Sequence.id != sequence_id,
            Sequence.tool_ref.is_not(None),
        )
    )
    return set(rows)


def _fresh(session: Session, seq: Any) -> tuple[int | None, bool]:
    """(id, created) of the item a séquence without a link opens: one not linked to another
    séquence and not over yet (never « Le bocal est terminé »), else a new one."""
    taken = _linked_elsewhere(session, seq.workshop_id, seq.tool_key, seq.id)
    if seq.tool_key == "rounds":
        from kitcop_desktop.storage import rounds
        from kitcop_desktop.storage.models.fishbowl import SpeakingRound

        kind = ROUND_KIND_OF_SEQUENCE.get(seq.kind, "check_in")
        rows = session.scalars(
            select(SpeakingRound)
            .where(SpeakingRound.workshop_id == seq.workshop_id, SpeakingRound.kind == kind)
            .order_by(SpeakingRound.position, SpeakingRound.id)
        )
        found = next((r.id for r in rows if r.id not in taken and r.state != "finished"), None)
        if found is not None:
            return found, False
        consignes = " ".join(seq.instructions.split())
        prompt = consignes if 0 < len(consignes) <= PROMPT_FROM_CONSIGNES else None
        return rounds.create_round(
            session, seq.workshop_id, kind, title=seq.title, prompt=prompt
        ).id, True
    if seq.tool_key == "fishbowl":
        from kitcop_desktop.storage import fishbowl
        from kitcop_desktop.storage.models.fishbowl import Fishbowl

        rows = session.scalars(
            select(Fishbowl).where(Fishbowl.workshop_id == seq.workshop_id).order_by(Fishbowl.id)
        )
        found = next((b.id for b in rows if b.id not in taken and b.state != "finished"), None)
        if found is not None:
            return found, False
        return fishbowl.create(session, seq.workshop_id, title=seq.title).id, True
    choices = [i for i, _label in link_choices(session, seq.workshop_id, seq.tool_key)]
    found = next((i for i in choices if i not in taken), None)
    if found is not None:
        return found, False
    if seq.tool_key == "boards":
        from kitcop_desktop.storage import boards

        return boards.create_board(session, seq.workshop_id, "speedboat", seq.title).id, True
    if seq.tool_key == "voting":
        from kitcop_desktop.storage import voting

        return voting.create_vote(session, seq.workshop_id, seq.title).id, True
    return None, False


def needs_item(session: Session, sequence_id: int) -> bool:
    """Does this séquence open a single-item tool without a valid link (open_item would act)?"""
    from kitcop_desktop.storage.agenda import get

    seq = get(session, sequence_id)
    if seq.tool_key not in SINGLE_ITEM_TOOLS:
        return False
    ids = {i for i, _label in link_choices(session, seq.workshop_id, seq.tool_key)}
    return seq.tool_ref not in ids


def open_item(session: Session, sequence_id: int) -> Snapshot | None:
    """Link a séquence that opens a single-item tool to the item it will show: the one it is
    linked to when it still exists in this workshop, else a fresh one (created if need be).
    Returns what `close_item` needs to undo it, None when nothing changed."""
    from kitcop_desktop.storage.agenda import get

    if not needs_item(session, sequence_id):
        return None
    seq = get(session, sequence_id)
    item_id, created = _fresh(session, seq)
    if item_id is None:
        return None
    saved = {
        "sequence_id": seq.id,
        "tool_ref": seq.tool_ref,
        "created": item_id if created else None,
        "tool_key": seq.tool_key,
    }
    seq.tool_ref = item_id
    session.flush()
    return saved


def close_item(session: Session, saved: Snapshot | None) -> None:
    """Undo of open_item: the séquence's link as it was, the item made for it removed while
    still empty (what was written on it since, from its own tool, stays)."""
    if not saved:
        return
    from kitcop_desktop.storage.agenda import get

    get(session, saved["sequence_id"]).tool_ref = saved["tool_ref"]
    created, key = saved["created"], saved["tool_key"]
    if created is not None and not has_content(session, key, created):
        if key == "rounds":
            from kitcop_desktop.storage import rounds

            rounds.delete_round(session, created)
        elif key == "fishbowl":
            from kitcop_desktop.storage import fishbowl

            fishbowl.delete_fishbowl(session, created)
        elif key == "boards":
            from kitcop_desktop.storage import boards

            boards.delete_board(session, created)
        elif key == "voting":
            from kitcop_desktop.storage import voting

            voting.delete_vote(session, created)
    session.flush()
