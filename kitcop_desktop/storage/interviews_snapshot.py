"""Undo support for a whole interview: take it out with everything typed since, put it back.

Creating an interview is one undo step, but notes typed afterwards are not (typing is
autosaved, not stacked). So undoing « Nouvel entretien » must not throw those notes away:
the interview is removed with a full snapshot, and redo restores it, ids included.
The snapshot lives only in the undo stack's memory; erasing for good clears that stack.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.models.interview import (
    Interview,
    InterviewAnswer,
    IntervieweeIdentity,
    InterviewMark,
)


def remove_interview(session: Session, interview_id: int) -> Snapshot:
    """Delete an interview and return everything needed to restore it exactly."""
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFound("Cet entretien n'existe plus.")
    identity = session.scalar(
        select(IntervieweeIdentity).where(IntervieweeIdentity.interview_id == interview_id)
    )
    data = {
        "interview": row_dict(interview),
        "answers": [row_dict(a) for a in interview.answers],
        "marks": [row_dict(m) for m in interview.marks],
        "identity": row_dict(identity) if identity is not None else None,
    }
    # The database cascades to answers, marks and the name (foreign keys are on); an ORM delete
    # of the loaded collections would race that cascade, so the loaded objects are let go.
    session.expunge_all()
    session.execute(delete(Interview).where(Interview.id == interview_id))
    return data


def restore_interview(session: Session, data: Snapshot) -> Interview:
    """Put back an interview taken out by `remove_interview` (same ids)."""
    interview = Interview(**data["interview"])
    session.add(interview)
    session.flush()
    session.add_all(InterviewAnswer(**row) for row in data["answers"])
    session.flush()
    session.add_all(InterviewMark(**row) for row in data["marks"])
    if data["identity"] is not None:
        session.add(IntervieweeIdentity(**data["identity"]))
    session.flush()
    return interview
