"""What phones sent, kept apart until the facilitator takes it (#19): the rules shared by a
board's post-its waiting in the tray (`boards_phones`) and a round's words waiting to be shown
(`rounds_phones`). A phone is known by its pseudonym (`device`), never by its identity.

- `refused(text)`: the phone's French sentence, « Rien n'a été modifié. » after it;
- `count(...)`: how many rows of a phone table match (the tray's count, a phone's own);
- `take_out` / `put_back`: the facilitator takes one out (undo keeps the row as it was) and
  undo puts it back, unless what it belonged to went away meanwhile.
Functions take a Session first and never commit.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.dot_vote import NOTHING
from kitcop_desktop.domain.validation import InvalidInput
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound

Row = TypeVar("Row")


def refused(text: str) -> InvalidInput:
    """A phone's input refused: its sentence, then « Rien n'a été modifié. »."""
    return InvalidInput(f"{text} {tr(NOTHING)}")


def count(session: Session, model: type[Any], *where: Any) -> int:
    """How many rows of `model` match `where` (none: all of them)."""
    return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def one_of(session: Session, model: type[Row], *where: Any) -> Row | None:
    """The row this phone has there (one per phone), or None."""
    row: Row | None = session.scalar(select(model).where(*where))
    return row


def get(session: Session, model: type[Row], row_id: int, gone: str) -> Row:
    """The row, or NotFound with the sentence `gone` (« Ce post-it n'attend plus. »)."""
    row: Row | None = session.get(model, row_id)
    if row is None:
        raise NotFound(gone)
    return row


def take_out(session: Session, model: type[Any], row_id: int, gone: str) -> Snapshot:
    """Delete the row; returns it as it was (for `put_back`)."""
    row = get(session, model, row_id, gone)
    data = row_dict(row)
    session.delete(row)
    session.flush()
    return data


def put_back(
    session: Session, model: type[Any], data: Snapshot, owner: type[Any], key: str
) -> None:
    """Put a row taken out back as it was, unless its `owner` row (`data[key]`: the board,
    the round) went away meanwhile."""
    if session.get(owner, data[key]) is None:
        return
    session.add(model(**data))
    session.flush()
