"""The speedboat's sous-groupes as tables (#24): a board per table, its sous-groupe named
after the table, so that the boards tool's « Vue combinée » and the .kitcop import of a
sous-groupe's board merge them as they merge any sous-groupes' boards. Only the tables
without a board of that kind get one. Session first, never committing, InvalidInput
(French) when there is nothing to do; undo is `remove_boards` (a board and its post-its, put
back by `restore_boards` on redo).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kitcop_desktop.domain.board_kinds import KINDS
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage import boards
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.tables import NOTHING, list_tables


def boards_for_tables(session: Session, workshop_id: int, kind: str = "speedboat") -> list[int]:
    """A board of `kind` for each table that has none yet (its sous-groupe: the table's name)."""
    if kind not in KINDS:
        raise InvalidInput(
            tr("Type de tableau inconnu : « {kind} ». {NOTHING}").format(
                kind=kind[:40], NOTHING=tr(NOTHING)
            )
        )
    rows = list_tables(session, workshop_id)
    if not rows:
        raise InvalidInput(
            tr("Ajoutez d'abord les tables (ou les sous-groupes). {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    have = {b.subgroup for b in boards.list_boards(session, workshop_id, kind)}
    made = [
        boards.create_board(session, workshop_id, kind, KINDS[kind].label, subgroup=t.name).id
        for t in rows
        if " ".join(t.name.split()) not in have
    ]
    if not made:
        raise InvalidInput(
            tr("Chaque table a déjà son tableau « {label} ». {NOTHING}").format(
                label=KINDS[kind].label, NOTHING=tr(NOTHING)
            )
        )
    return made


def remove_boards(session: Session, board_ids: list[int]) -> list[Snapshot]:
    return [boards.delete_board(session, board_id) for board_id in board_ids]


def restore_boards(session: Session, saved: list[Snapshot]) -> None:
    for data in saved:
        boards.restore_board(session, data)
