"""Helpers for the exchange tests: a rich workshop, a dump of every table, id-free comparisons."""

from __future__ import annotations

import json
from datetime import time

from sqlalchemy import select

from kitcop_desktop.storage import boards, exchange, participants
from kitcop_desktop.storage import boards_clusters as clusters
from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage.demo import create_demo
from kitcop_desktop.storage.models import Base, Participant
from kitcop_desktop.storage.models.agenda import Sequence
from kitcop_desktop.storage.models.fishbowl import RoundEntry, SpeakingRound
from kitcop_desktop.storage.models.interview import Interview, IntervieweeIdentity, InterviewMark
from kitcop_desktop.storage.models.voting import (
    DotVote,
    VoteBallot,
    VoteBallotDot,
    VoteDecision,
    VoteItem,
    VoteRound,
    VoteRoundItem,
)

TRICKY = "R&D <b>gras</b> « guillemets » 🎉 œ€"


def rich_workshop(store, demo: int | None = None) -> tuple[int, int]:
    """The demo workshop plus a sous-groupe board that uses every kind of reference.

    `demo`: the demo's id when the store holds it already (conftest's `demo` fixture), else the
    demo is made here. Returns (workshop id, board id).
    """
    workshop_id = create_demo(store) if demo is None else demo
    with store.write() as s:
        participants.add(s, workshop_id, "Zoé Test", email="zoe@example.org")
        board = boards.create_board(s, workshop_id, "speedboat", "Speedboat", subgroup="Table 2")
        interview = s.scalars(select(Interview).where(Interview.workshop_id == workshop_id)).first()
        card = boards.add_card(
            s, board.id, "brakes", TRICKY, source_interview_id=interview.id, source="Entretien"
        )
        boards.add_card(s, board.id, "levers", "Des CFA motivés")
        boards.add_card(s, board.id, "levers", "Des CFA motivés")  # two identical post-its
        made = clusters.create_cluster(s, board.id, "brakes", "Formation", [card.id])
        board.spotlight = f"cluster:{made['cluster_id']}"
        s.add(IntervieweeIdentity(interview_id=interview.id, real_name="Jeanne Secret"))
        s.add_all(
            [
                Sequence(
                    workshop_id=workshop_id,
                    position=90,
                    title="Speedboat",
                    tool_key="boards",
                    tool_ref=board.id,
                    duration_minutes=40,
                    pinned_start=time(10, 0),
                ),
                Sequence(
                    workshop_id=workshop_id,
                    position=91,
                    title="Outil du futur",
                    tool_key="hologram",
                    tool_ref=4242,
                ),
            ]
        )
        _add_vote(s, workshop_id, card.id)
        speaking = s.scalars(select(SpeakingRound).where(SpeakingRound.workshop_id == workshop_id))
        for speaking_round in speaking:
            entry = s.scalars(select(RoundEntry).where(RoundEntry.round_id == speaking_round.id))
            first = entry.first()
            if first is not None:
                speaking_round.current_entry_id = first.id
        mark = s.scalars(select(InterviewMark)).first()
        if mark is not None:
            mark.sent_board_id = board.id
        return workshop_id, board.id


def _add_vote(s, workshop_id: int, card_id: int) -> None:
    """A dot vote using every kind of voting row: wall counts, ballots, a recorded decision."""
    vote = DotVote(workshop_id=workshop_id, title="Vote <prioritaire> & 🎯", criteria="Impact")
    s.add(vote)
    s.flush()
    items = [
        VoteItem(vote_id=vote.id, position=0, text="Former les CFA", source_card_id=card_id),
        VoteItem(vote_id=vote.id, position=1, text="Un guichet unique"),
        VoteItem(vote_id=vote.id, position=2, text="Des stages longs"),
    ]
    s.add_all(items)
    # Revealed: a secret round's tallies leave only once the room has seen them (or on request).
    first = VoteRound(
        vote_id=vote.id, number=1, entry_mode="ballots", state="closed", revealed=True
    )
    s.add(first)
    s.flush()
    s.add_all(VoteRoundItem(round_id=first.id, item_id=i.id, wall_count=0) for i in items)
    person = s.scalars(select(Participant).where(Participant.workshop_id == workshop_id)).first()
    ballot = VoteBallot(round_id=first.id, participant_id=person.id, voter_name=person.name)
    s.add(ballot)
    s.flush()
    s.add_all(
        [
            VoteBallotDot(ballot_id=ballot.id, item_id=items[0].id, dots=1),
            VoteBallotDot(ballot_id=ballot.id, item_id=items[2].id, dots=1),
        ]
    )
    ordered = f"{items[2].id},{items[0].id}"
    s.add(VoteDecision(round_id=first.id, ordered_item_ids=ordered, reason="Ex æquo"))


def dump(store) -> dict:
    """Every row of every table: equal dumps mean the database content did not change."""
    with store.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in Base.metadata.sorted_tables
        }


def tables_of(data: bytes) -> dict:
    return json.loads(data)["tables"]


def canonical(tables: dict) -> dict:
    """The tables with every id replaced by its rank, so two copies of a workshop compare equal."""
    rank = {
        name: {row["id"]: i for i, row in enumerate(rows)}
        for name, rows in tables.items()
        if rows and "id" in rows[0]
    }
    out = {}
    for name, rows in tables.items():
        converted = []
        for row in rows:
            r = dict(row)
            r.pop("created_at", None)
            r.pop("updated_at", None)
            if "id" in r:
                r["id"] = rank[name][r["id"]]
            for link in schema.links(name):
                value = r.get(link.column)
                if value is None or value == "" or not link.applies(r):
                    continue
                if link.separator:
                    listed = schema.split_ids(link, value) or []
                    r[link.column] = [rank[link.target][i] for i in listed]
                elif link.prefix:
                    if value.startswith(link.prefix):
                        old = int(value[len(link.prefix) :])
                        r[link.column] = f"{link.prefix}{rank[link.target][old]}"
                elif value in rank.get(link.target, {}):
                    r[link.column] = rank[link.target][value]
                else:
                    r[link.column] = ("outside", value)
            converted.append(r)
        out[name] = converted
    return out


def export_bytes(store, workshop_id: int, **options) -> bytes:
    with store.read() as s:
        return exchange.export_workshop(s, workshop_id, **options)
