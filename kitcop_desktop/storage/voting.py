"""Operations on dot votes (votes par gommettes): the vote, its settings, criteria and items.

Entries (wall counts, ballots) live in voting_entries.py; rounds, reveal, ties and results in
voting_rounds.py. Every function takes a Session first, never commits, and raises InvalidInput
(a French sentence ending with « Rien n'a été modifié. ») on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import (
    DEFAULT_CRITERIA,
    NOTHING,
    check_rules,
    check_winners,
)
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.voting import (
    DotVote,
    VoteBallotDot,
    VoteItem,
    VoteRound,
    VoteRoundItem,
)

__all__ = [
    "DotVote",
    "add_item",
    "create_vote",
    "create_vote_from_texts",
    "delete_item",
    "delete_vote",
    "get",
    "list_for",
    "move_item",
    "rename",
    "restore_item",
    "restore_vote",
    "set_criteria",
    "set_settings",
    "update_item",
]

ITEM_MAX = 500
MAX_ITEMS = 200
MAX_CRITERIA = 12


def list_for(session: Session, workshop_id: int) -> list[DotVote]:
    return list(
        session.scalars(
            select(DotVote)
            .where(DotVote.workshop_id == workshop_id)
            .order_by(DotVote.position, DotVote.id)
        )
    )


def get(session: Session, vote_id: int) -> DotVote:
    vote = session.get(DotVote, vote_id)
    if vote is None:
        raise NotFound(tr("Ce vote n'existe plus."))
    return vote


def _item_text(text: str) -> str:
    return require_text(text, tr("Une proposition"), max_len=ITEM_MAX)


def create_vote(
    session: Session,
    workshop_id: int,
    title: str,
    criteria: list[str] | tuple[str, ...] | None = None,
) -> DotVote:
    """A new vote with the kit's criteria and an open round 1 (counted from the wall)."""
    position = session.scalar(
        select(func.max(DotVote.position)).where(DotVote.workshop_id == workshop_id)
    )
    vote = DotVote(
        workshop_id=workshop_id,
        position=0 if position is None else position + 1,
        title=require_text(title, tr("Le titre du vote")),
        criteria="\n".join(
            _clean_criteria([tr(c) for c in DEFAULT_CRITERIA] if criteria is None else criteria)
        ),
    )
    session.add(vote)
    session.flush()
    session.add(VoteRound(vote_id=vote.id, number=1, reason=tr("Premier tour")))
    session.flush()
    return vote


def create_vote_from_texts(
    session: Session, workshop_id: int, items: list[tuple[str, int | None]], title: str
) -> DotVote:
    """A vote whose items are these texts, each with the post-it it came from (or None).

    Blank texts are skipped and repeated texts kept once (the same idea twice would split its
    dots). No usable text at all is refused.
    """
    seen: set[str] = set()
    cleaned: list[tuple[str, int | None]] = []
    for text, card_id in items:
        text = " ".join(clean_text(text, max_len=ITEM_MAX * 4).split())[:ITEM_MAX]
        if text and name_key(text) not in seen:
            seen.add(name_key(text))
            cleaned.append((text, card_id))
    if not cleaned:
        raise InvalidInput(
            tr("Aucune proposition à mettre au vote. {NOTHING}").format(NOTHING=tr(NOTHING))
        )
    if len(cleaned) > MAX_ITEMS:
        raise InvalidInput(
            tr(
                "{count} propositions : c'est trop pour un vote par gommettes ({MAX_ITEMS} au plus). Regroupez-les d'abord. {NOTHING}"
            ).format(count=len(cleaned), MAX_ITEMS=MAX_ITEMS, NOTHING=tr(NOTHING))
        )
    vote = create_vote(session, workshop_id, title or "Vote")
    first_round = vote.rounds[0]
    for position, (text, card_id) in enumerate(cleaned):
        item = VoteItem(vote_id=vote.id, position=position, text=text, source_card_id=card_id)
        session.add(item)
        session.flush()
        session.add(VoteRoundItem(round_id=first_round.id, item_id=item.id))
    session.flush()
    session.refresh(vote)
    return vote


def delete_vote(session: Session, vote_id: int) -> Snapshot:
    """Delete a vote and all it holds; returns what restore_vote needs to put it back."""
    from kitcop_desktop.storage.voting_snapshot import snapshot

    data = snapshot(session, vote_id)
    session.delete(get(session, vote_id))
    session.flush()
    return data


def restore_vote(session: Session, data: Snapshot) -> None:
    from kitcop_desktop.storage.voting_snapshot import restore

    restore(session, data)


def rename(session: Session, vote_id: int, title: str) -> str:
    vote = get(session, vote_id)
    previous = vote.title
    vote.title = require_text(title, tr("Le titre du vote"))
    session.flush()
    return previous


def _clean_criteria(lines: Iterable[str]) -> list[str]:
    result: list[str] = []
    keys: set[str] = set()
    for line in lines:
        text = " ".join(clean_text(line, max_len=1000).split())
        if not text:
            continue
        if len(text) > 200:
            raise InvalidInput(
                tr("Un critère tient en 200 caractères au plus. {NOTHING}").format(
                    NOTHING=tr(NOTHING)
                )
            )
        if name_key(text) not in keys:
            keys.add(name_key(text))
            result.append(text)
    if len(result) > MAX_CRITERIA:
        raise InvalidInput(
            tr("{MAX_CRITERIA} critères au plus, pour rester lisibles. {NOTHING}").format(
                MAX_CRITERIA=MAX_CRITERIA, NOTHING=tr(NOTHING)
            )
        )
    return result


def criteria_of(vote: DotVote) -> list[str]:
    return [line for line in vote.criteria.split("\n") if line.strip()]


def set_criteria(session: Session, vote_id: int, lines: list[str]) -> list[str]:
    """Replace the criteria (blank and repeated lines dropped); returns the previous ones."""
    vote = get(session, vote_id)
    previous = criteria_of(vote)
    vote.criteria = "\n".join(_clean_criteria(lines))
    session.flush()
    return previous


def _has_ballots_in_open_round(vote: DotVote) -> bool:
    return any(r.state == "open" and r.ballots for r in vote.rounds)


def set_settings(session: Session, vote_id: int, **fields: Any) -> Snapshot:
    """Change dots_per_participant, max_per_item, hidden, winners_count; returns the previous."""
    vote = get(session, vote_id)
    unknown = set(fields) - {"dots_per_participant", "max_per_item", "hidden", "winners_count"}
    if unknown:
        raise TypeError(f"unknown vote settings {sorted(unknown)}")
    cleaned: Snapshot = {}
    # A round with its own rules (a round among ex æquo) takes the change; round 1 the vote.
    current = vote.rounds[-1] if vote.rounds else None
    target = current if current is not None and current.dots_per_participant else vote
    if "dots_per_participant" in fields or "max_per_item" in fields:
        rules = check_rules(
            fields.get("dots_per_participant", target.dots_per_participant or 0),
            fields.get("max_per_item", target.max_per_item or 0),
        )
        changed = (rules.dots_per_participant, rules.max_per_item) != (
            target.dots_per_participant,
            target.max_per_item,
        )
        if changed and _has_ballots_in_open_round(vote):
            raise InvalidInput(
                tr(
                    "Des bulletins sont déjà validés dans ce tour : les règles ne peuvent plus changer. {NOTHING}"
                ).format(NOTHING=tr(NOTHING))
            )
        for key in ("dots_per_participant", "max_per_item"):
            if key in fields:
                cleaned[key] = getattr(rules, key)
    if "hidden" in fields:
        cleaned["hidden"] = bool(fields["hidden"])
    if "winners_count" in fields:
        cleaned["winners_count"] = check_winners(fields["winners_count"])
    previous = {}
    for key, value in cleaned.items():
        row = target if key in ("dots_per_participant", "max_per_item") else vote
        previous[key] = getattr(row, key)
        setattr(row, key, value)
    session.flush()
    return previous


def _current_round(vote: DotVote) -> VoteRound:
    return vote.rounds[-1]


def add_item(
    session: Session, vote_id: int, text: str, source_card_id: int | None = None
) -> VoteItem:
    """A new proposal, added to the vote and to its current round (which must be open)."""
    vote = get(session, vote_id)
    text = _item_text(text)
    if name_key(text) in {name_key(i.text) for i in vote.items}:
        raise InvalidInput(
            tr("« {text} » est déjà au vote. {NOTHING}").format(text=text[:80], NOTHING=tr(NOTHING))
        )
    if len(vote.items) >= MAX_ITEMS:
        raise InvalidInput(
            tr("{MAX_ITEMS} propositions au plus dans un vote. {NOTHING}").format(
                MAX_ITEMS=MAX_ITEMS, NOTHING=tr(NOTHING)
            )
        )
    current = _current_round(vote)
    if current.state != "open":
        raise InvalidInput(
            tr(
                "Le tour {number} est clos : rouvrez-le pour ajouter une proposition. {NOTHING}"
            ).format(number=current.number, NOTHING=tr(NOTHING))
        )
    position = max((i.position for i in vote.items), default=-1) + 1
    item = VoteItem(vote_id=vote_id, position=position, text=text, source_card_id=source_card_id)
    session.add(item)
    session.flush()
    session.add(VoteRoundItem(round_id=current.id, item_id=item.id))
    session.flush()
    session.expire(vote, ["items"])
    return item


def update_item(session: Session, item_id: int, text: str) -> str:
    """Reword a proposal; returns the previous text."""
    item = session.get(VoteItem, item_id)
    if item is None:
        raise NotFound(tr("Cette proposition n'existe plus."))
    text = _item_text(text)
    others = {name_key(i.text) for i in item.vote.items if i.id != item_id}
    if name_key(text) in others:
        raise InvalidInput(
            tr("« {text} » est déjà au vote. {NOTHING}").format(text=text[:80], NOTHING=tr(NOTHING))
        )
    previous = item.text
    item.text = text
    session.flush()
    return previous


def move_item(session: Session, item_id: int, new_index: int) -> int:
    """Move a proposal to `new_index` in its vote's order; returns its previous index.

    The vote's items are renumbered 0..n-1. Only the order changes: the items keep their ids,
    so wall counts, ballots, rounds and decisions are untouched. An index past either end is
    refused and nothing moves.
    """
    item = session.get(VoteItem, item_id)
    if item is None:
        raise NotFound(tr("Cette proposition n'existe plus."))
    ordered = sorted(item.vote.items, key=lambda i: (i.position, i.id))
    old = ordered.index(item)
    new_index = int(new_index)
    if new_index < 0:
        if old == 0:
            raise InvalidInput(
                tr("Cette proposition est déjà en tête. {NOTHING}").format(NOTHING=tr(NOTHING))
            )
        raise InvalidInput(
            tr("Une proposition ne peut pas monter avant la première. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    if new_index >= len(ordered):
        if old == len(ordered) - 1:
            raise InvalidInput(
                tr("Cette proposition est déjà en dernier. {NOTHING}").format(NOTHING=tr(NOTHING))
            )
        raise InvalidInput(
            tr("Une proposition ne peut pas descendre après la dernière. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    ordered.pop(old)
    ordered.insert(new_index, item)
    for position, each in enumerate(ordered):
        each.position = position
    session.flush()
    session.expire(item.vote, ["items"])
    return old


def item_dots(session: Session, item_id: int) -> int:
    """Every dot this item ever received, wall and ballots, in any round."""
    wall = session.scalar(
        select(func.coalesce(func.sum(VoteRoundItem.wall_count), 0)).where(
            VoteRoundItem.item_id == item_id
        )
    )
    ballots = session.scalar(
        select(func.coalesce(func.sum(VoteBallotDot.dots), 0)).where(
            VoteBallotDot.item_id == item_id
        )
    )
    return int(wall or 0) + int(ballots or 0)


def delete_item(session: Session, item_id: int) -> Snapshot:
    """Withdraw a proposal that has no dots yet; returns what restore_item needs.

    A proposal with dots is refused: its dots would silently vanish from the count.
    """
    item = session.get(VoteItem, item_id)
    if item is None:
        raise NotFound(tr("Cette proposition n'existe plus."))
    dots = item_dots(session, item_id)
    if dots:
        raise InvalidInput(
            tr(
                "« {text} » a déjà reçu des gommettes ({dots}) : la retirer fausserait le décompte. Remettez ses gommettes à zéro ou rouvrez les bulletins d'abord. {NOTHING}"
            ).format(text=item.text[:80], dots=dots, NOTHING=tr(NOTHING))
        )
    rounds = list(
        session.scalars(select(VoteRoundItem.round_id).where(VoteRoundItem.item_id == item_id))
    )
    data = {
        "id": item.id,
        "vote_id": item.vote_id,
        "position": item.position,
        "text": item.text,
        "source_card_id": item.source_card_id,
        "rounds": rounds,
    }
    session.delete(item)
    session.flush()
    return data


def restore_item(session: Session, data: Snapshot) -> None:
    card_id = data["source_card_id"]
    if card_id is not None:
        from kitcop_desktop.storage.models.board import Card

        if session.get(Card, card_id) is None:
            card_id = None  # the post-it went away meanwhile; the proposal stands alone
    session.add(
        VoteItem(
            id=data["id"],
            vote_id=data["vote_id"],
            position=data["position"],
            text=data["text"],
            source_card_id=card_id,
        )
    )
    session.flush()
    for round_id in data["rounds"]:
        session.add(VoteRoundItem(round_id=round_id, item_id=data["id"]))
    session.flush()
