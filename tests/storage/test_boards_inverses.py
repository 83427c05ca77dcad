"""Every board operation has an exact inverse: doing then undoing leaves the board as it was.

Undo relies on it (one QUndoCommand per gesture calls the operation, then its inverse).
Hypothesis picks the operations and the cards.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitcop_desktop.storage import boards
from kitcop_desktop.storage import boards_clusters as clusters

ZONES = ("keep", "improve", "start", "stop")
IGNORED = {"created_at", "updated_at"}


def _state(session, board_id):
    data = boards.snapshot_board(session, board_id)
    strip = lambda row: {k: v for k, v in row.items() if k not in IGNORED}  # noqa: E731
    return (
        strip(data["board"]),
        sorted((strip(r) for r in data["clusters"]), key=lambda r: r["id"]),
        sorted((strip(r) for r in data["cards"]), key=lambda r: r["id"]),
    )


def _apply(s, board_id, op, a, b, zone):
    """Run one operation on cards number a and b; return its inverse (a callable)."""
    ids = [c.id for c in boards.cards_of(s, board_id)]
    first, second = ids[a % len(ids)], ids[b % len(ids)]
    if op == "move":
        prev = boards.move_card(s, first, zone)
        return lambda: boards.move_card(s, first, **prev)
    if op == "group":
        created = clusters.create_cluster(s, board_id, zone, "Groupe", [first, second])
        return lambda: clusters.undo_create_cluster(s, created)
    if op == "merge" and first != second:
        merged = boards.merge_cards(s, first, second)
        return lambda: boards.unmerge_cards(s, merged)
    if op == "delete":
        row = boards.delete_card(s, first)
        return lambda: boards.restore_card(s, row)
    if op == "edit":
        prev = boards.update_card(s, first, text="Texte <modifié> & 🚀", colour="#CC79A7")
        return lambda: boards.update_card(s, first, **prev)
    return lambda: None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    op=st.sampled_from(["move", "group", "merge", "delete", "edit"]),
    a=st.integers(0, 20),
    b=st.integers(0, 20),
    zone=st.sampled_from(ZONES),
)
def test_each_operation_then_its_inverse_changes_nothing(store, workshop_id, op, a, b, zone):
    with store.write() as s:
        board = boards.create_board(s, workshop_id, "kiss", "KISS")
        for i in range(6):
            boards.add_card(s, board.id, ZONES[i % 4], f"Idée {i}", author=f"T{i % 2}")
        clusters.create_cluster(s, board.id, "keep", "Déjà là", [])
        before = _state(s, board.id)
        inverse = _apply(s, board.id, op, a, b, zone)
        inverse()
        s.flush()
        assert _state(s, board.id) == before
        boards.delete_board(s, board.id)
