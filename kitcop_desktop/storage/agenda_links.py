"""Which item of a tool a séquence may open: a board, a vote, a fishbowl, a speaking round.

Read from the models directly (storage may read every table); a tool that has no items, or
whose table is missing, simply offers none.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session


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
