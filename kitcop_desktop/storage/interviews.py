"""Operations on field interviews: guides, interviews, notes, marked passages, restitution.

Functions take a Session first and never commit (callers use `store.write()`); bad input raises
InvalidInput with a French sentence and changes nothing. The real name of an interviewee is
read only by `real_name()`; every other function deals in pseudonyms.
Campaign-wide views (synthesis, profiles, sending to a speedboat, erasing) are in
interviews_campaign.py and re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import interview_guides as rules
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.interviews_campaign import (  # noqa: F401 - public API
    ProfileTable,
    Restitution,
    Synthesis,
    SynthesisItem,
    erase_interviewee,
    profile_table,
    restitutions,
    send_synthesis_to_board,
    synthesis,
)
from kitcop_desktop.storage.interviews_snapshot import (  # noqa: F401 - public API
    remove_interview,
    restore_interview,
)
from kitcop_desktop.storage.models.interview import (
    MARK_KINDS,
    Interview,
    InterviewAnswer,
    IntervieweeIdentity,
    InterviewGuide,
    InterviewMark,
    InterviewQuestion,
)

QUESTION_MAX = 1000
MAX_QUESTIONS = 60
ONE_LINE_FIELDS = (
    "place",
    "interviewer",
    "note_taker",
    "profession",
    "structure",
    "sector",
    "territory",
)
EDITABLE_FIELDS = (*ONE_LINE_FIELDS, "date", "consent_to_record", "planned_minutes", "done")
REPORT_FIELDS = ("report_engagement", "report_actions", "report_difficulties", "report_levers")


# --- guides ------------------------------------------------------------------------------
def _clean_questions(questions: Iterable[str]) -> list[str]:
    cleaned = []
    for raw in questions:
        text = " ".join(clean_text(raw, max_len=QUESTION_MAX * 4).split())
        if len(text) > QUESTION_MAX:
            raise InvalidInput(
                tr(
                    "Une question est trop longue ({count} caractères, {QUESTION_MAX} au plus). Rien n'a été modifié."
                ).format(count=len(text), QUESTION_MAX=QUESTION_MAX)
            )
        if text:
            cleaned.append(text)
    if len(cleaned) > MAX_QUESTIONS:
        raise InvalidInput(
            tr(
                "Un guide ne peut pas avoir plus de {MAX_QUESTIONS} questions. Rien n'a été modifié."
            ).format(MAX_QUESTIONS=MAX_QUESTIONS)
        )
    return cleaned


def list_guides(session: Session, workshop_id: int) -> list[InterviewGuide]:
    return list(
        session.scalars(
            select(InterviewGuide)
            .where(InterviewGuide.workshop_id == workshop_id)
            .order_by(InterviewGuide.position, InterviewGuide.id)
        )
    )


def ensure_builtin_guides(session: Session, workshop_id: int) -> list[InterviewGuide]:
    """Give the workshop its editable copies of the kit's guides (once); returns all guides."""
    have = {g.builtin_key for g in list_guides(session, workshop_id)}
    for builtin in rules.BUILTIN_GUIDES:
        if builtin.key not in have:
            create_guide(session, workshop_id, builtin.title, builtin.questions, builtin.key)
    return list_guides(session, workshop_id)


def get_guide(session: Session, guide_id: int) -> InterviewGuide:
    guide = session.get(InterviewGuide, guide_id)
    if guide is None:
        raise NotFound(tr("Ce guide d'entretien n'existe plus."))
    return guide


def create_guide(
    session: Session,
    workshop_id: int,
    title: str,
    questions: Iterable[str] = (),
    builtin_key: str = "",
) -> InterviewGuide:
    """A new guide with its questions in order (blank lines are dropped)."""
    title = require_text(title, tr("Le titre du guide"))
    texts = _clean_questions(questions)
    position = session.scalar(
        select(func.max(InterviewGuide.position)).where(InterviewGuide.workshop_id == workshop_id)
    )
    guide = InterviewGuide(
        workshop_id=workshop_id,
        title=title,
        builtin_key=builtin_key,
        position=0 if position is None else position + 1,
    )
    guide.questions = [InterviewQuestion(position=i, text=t) for i, t in enumerate(texts)]
    session.add(guide)
    session.flush()
    return guide


def guide_questions(session: Session, guide_id: int) -> list[str]:
    return [q.text for q in get_guide(session, guide_id).questions]


def update_guide(
    session: Session,
    guide_id: int,
    *,
    title: str | None = None,
    questions: Iterable[str] | None = None,
) -> Snapshot:
    """Rename and/or replace the questions; returns the previous values (for undo).

    Interviews already taken keep their own copy of each question's text.
    """
    guide = get_guide(session, guide_id)
    previous: Snapshot = {}
    if title is not None:
        cleaned_title = require_text(title, tr("Le titre du guide"))
        previous["title"] = guide.title
        guide.title = cleaned_title
    if questions is not None:
        texts = _clean_questions(questions)
        previous["questions"] = [q.text for q in guide.questions]
        guide.questions.clear()
        session.flush()
        guide.questions.extend(InterviewQuestion(position=i, text=t) for i, t in enumerate(texts))
    session.flush()
    return previous


def delete_guide(session: Session, guide_id: int) -> Snapshot:
    """Delete a guide (interviews keep their questions); returns what `recreate_guide` needs."""
    guide = get_guide(session, guide_id)
    data = {
        "id": guide.id,
        "workshop_id": guide.workshop_id,
        "title": guide.title,
        "builtin_key": guide.builtin_key,
        "position": guide.position,
        "questions": [q.text for q in guide.questions],
        "interview_ids": [
            i for i in session.scalars(select(Interview.id).where(Interview.guide_id == guide.id))
        ],
    }
    session.delete(guide)
    session.flush()
    return data


def recreate_guide(session: Session, data: Snapshot) -> InterviewGuide:
    guide = InterviewGuide(
        id=data["id"],
        workshop_id=data["workshop_id"],
        title=data["title"],
        builtin_key=data["builtin_key"],
        position=data["position"],
    )
    guide.questions = [
        InterviewQuestion(position=i, text=t) for i, t in enumerate(data["questions"])
    ]
    session.add(guide)
    session.flush()
    for interview_id in data["interview_ids"]:
        interview = session.get(Interview, interview_id)
        if interview is not None:
            interview.guide_id = guide.id
    session.flush()
    return guide


# --- interviews --------------------------------------------------------------------------
@dataclass(frozen=True)
class InterviewSummary:
    """What lists, prints and exports see of an interview: never the real name."""

    id: int
    number: int
    pseudonym: str
    date: date | None
    guide_title: str
    profession: str
    structure: str
    sector: str
    territory: str
    interviewer: str
    note_taker: str
    done: bool
    marks: int


def _clean_field(field: str, value: Any) -> Any:
    if field in ONE_LINE_FIELDS:
        return " ".join(clean_text(value, max_len=800).split())[:200]
    if field == "date":
        if value is not None and not isinstance(value, date):
            raise InvalidInput(tr("La date de l'entretien n'est pas valide. Rien n'a été modifié."))
        return value
    if field in ("consent_to_record", "done"):
        return bool(value)
    if field == "planned_minutes":
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            raise InvalidInput(
                tr("La durée prévue doit être un nombre de minutes. Rien n'a été modifié.")
            ) from None
        if not rules.PLANNED_MINUTES_MIN <= minutes <= rules.PLANNED_MINUTES_MAX:
            raise InvalidInput(
                tr(
                    "La durée prévue doit être de 5 à {PLANNED_MINUTES_MAX} minutes (le kit conseille 30 à 90). Rien n'a été modifié."
                ).format(PLANNED_MINUTES_MAX=rules.PLANNED_MINUTES_MAX)
            )
        return minutes
    raise TypeError(f"unknown interview field {field!r}")


def get(session: Session, interview_id: int) -> Interview:
    interview = session.get(Interview, interview_id)
    if interview is None:
        raise NotFound("Cet entretien n'existe plus.")
    return interview


def create_interview(
    session: Session, workshop_id: int, guide_id: int | None = None, **fields: Any
) -> Interview:
    """A new interview, numbered after the last one and pseudonymised « Enquêté·e N ».

    With a guide, one answer per question (its text copied); without, free notes only.
    """
    values = {key: _clean_field(key, value) for key, value in fields.items()}
    guide = get_guide(session, guide_id) if guide_id is not None else None
    if guide is not None and guide.workshop_id != workshop_id:
        raise InvalidInput(tr("Ce guide appartient à un autre atelier. Rien n'a été créé."))
    last = session.scalar(
        select(func.max(Interview.number)).where(Interview.workshop_id == workshop_id)
    )
    number = 1 if last is None else last + 1
    interview = Interview(
        workshop_id=workshop_id,
        guide_id=guide.id if guide else None,
        guide_title=guide.title if guide else "",
        number=number,
        pseudonym=rules.pseudonym(number),
        **values,
    )
    if guide is not None:
        interview.answers = [
            InterviewAnswer(position=q.position, question_text=q.text) for q in guide.questions
        ]
    session.add(interview)
    session.flush()
    return interview


def update_interview(session: Session, interview_id: int, **fields: Any) -> Snapshot:
    """Change some fields; returns the previous values (what undo needs)."""
    interview = get(session, interview_id)
    cleaned = {key: _clean_field(key, value) for key, value in fields.items()}
    previous = {key: getattr(interview, key) for key in cleaned}
    for key, value in cleaned.items():
        setattr(interview, key, value)
    session.flush()
    return previous


def start_timer(session: Session, interview_id: int, now: datetime) -> datetime | None:
    """Start the discreet timer (once); returns the previous start (None if it was not set)."""
    interview = get(session, interview_id)
    previous = interview.started_at
    interview.started_at = now
    session.flush()
    return previous


def set_started_at(session: Session, interview_id: int, value: datetime | None) -> None:
    get(session, interview_id).started_at = value


def list_interviews(session: Session, workshop_id: int) -> list[InterviewSummary]:
    """Every interview of the workshop, by number, pseudonymised (no real name)."""
    counts = (
        select(InterviewMark.interview_id, func.count().label("n"))
        .group_by(InterviewMark.interview_id)
        .subquery()
    )
    stmt = (
        select(Interview, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.interview_id == Interview.id)
        .where(Interview.workshop_id == workshop_id)
        .order_by(Interview.number)
    )
    return [
        InterviewSummary(
            i.id,
            i.number,
            i.pseudonym,
            i.date,
            i.guide_title,
            i.profession,
            i.structure,
            i.sector,
            i.territory,
            i.interviewer,
            i.note_taker,
            i.done,
            n,
        )
        for i, n in session.execute(stmt)
    ]


# --- the real name, kept apart ------------------------------------------------------------
def real_name(session: Session, interview_id: int) -> str:
    """The interviewee's real name ("" if none). Call only when the facilitator asks for it."""
    return (
        session.scalar(
            select(IntervieweeIdentity.real_name).where(
                IntervieweeIdentity.interview_id == interview_id
            )
        )
        or ""
    )


def set_real_name(session: Session, interview_id: int, name: str) -> str:
    """Keep (or forget, with "") the real name; returns the previous one."""
    get(session, interview_id)
    cleaned = " ".join(clean_text(name, max_len=800).split())
    if len(cleaned) > 200:
        raise InvalidInput(
            tr("Ce nom est trop long (200 caractères au plus). Rien n'a été modifié.")
        )
    identity = session.scalar(
        select(IntervieweeIdentity).where(IntervieweeIdentity.interview_id == interview_id)
    )
    previous = identity.real_name if identity else ""
    if not cleaned:
        if identity is not None:
            session.delete(identity)
    elif identity is None:
        session.add(IntervieweeIdentity(interview_id=interview_id, real_name=cleaned))
    else:
        identity.real_name = cleaned
    session.flush()
    return previous


# --- notes (stored as typed; each returns the previous text, what undo needs) ----------------
def save_answer_notes(session: Session, answer_id: int, notes: str) -> str:
    answer = session.get(InterviewAnswer, answer_id)
    if answer is None:
        raise NotFound(tr("Cette réponse n'existe plus."))
    previous = answer.notes
    answer.notes = clean_text(notes)
    return previous


def save_free_notes(session: Session, interview_id: int, notes: str) -> str:
    interview = get(session, interview_id)
    previous = interview.free_notes
    interview.free_notes = clean_text(notes)
    return previous


def save_report(session: Session, interview_id: int, field: str, text: str) -> str:
    if field not in REPORT_FIELDS:
        raise TypeError(f"unknown report field {field!r}")
    interview = get(session, interview_id)
    previous: str = getattr(interview, field)
    setattr(interview, field, clean_text(text))
    return previous


# --- marked passages ------------------------------------------------------------------------
def add_mark(
    session: Session, interview_id: int, kind: str, text: str, answer_id: int | None = None
) -> InterviewMark:
    """Mark a passage as frein, levier, difficulté, action or besoin (its text is copied)."""
    if kind not in MARK_KINDS:
        raise InvalidInput(tr("Ce type de passage n'existe pas. Rien n'a été modifié."))
    get(session, interview_id)
    passage = " ".join(clean_text(text, max_len=8000).split())
    if not passage:
        raise InvalidInput(
            tr(
                "Sélectionnez d'abord le passage à marquer (ou placez le curseur dans une ligne). "
                "Rien n'a été modifié."
            )
        )
    if len(passage) > 2000:
        raise InvalidInput(
            tr(
                "Ce passage est trop long pour un post-it (2 000 caractères au plus). "
                "Rien n'a été modifié."
            )
        )
    already = session.scalar(
        select(InterviewMark.id).where(
            InterviewMark.interview_id == interview_id,
            InterviewMark.kind == kind,
            InterviewMark.text == passage,
        )
    )
    if already is not None:  # twice the same post-it on the speedboat helps nobody
        raise InvalidInput(
            tr("Ce passage est déjà marqué comme {label}. Rien n'a été modifié.").format(
                label=rules.mark_kind(kind).label
            )
        )
    mark = InterviewMark(interview_id=interview_id, answer_id=answer_id, kind=kind, text=passage)
    session.add(mark)
    session.flush()
    return mark


def list_marks(session: Session, interview_id: int) -> list[InterviewMark]:
    return list(
        session.scalars(
            select(InterviewMark)
            .where(InterviewMark.interview_id == interview_id)
            .order_by(InterviewMark.id)
        )
    )


def delete_mark(session: Session, mark_id: int) -> Snapshot:
    mark = session.get(InterviewMark, mark_id)
    if mark is None:
        raise NotFound(tr("Ce passage marqué n'existe plus."))
    data = row_dict(mark)
    session.delete(mark)
    session.flush()
    return data


def recreate_mark(session: Session, data: Snapshot) -> InterviewMark:
    mark = InterviewMark(**data)
    session.add(mark)
    session.flush()
    return mark


# --- restitution --------------------------------------------------------------------------
# Which marks feed which part of the kit's restitution model.
REPORT_SOURCES = {
    "report_engagement": (),
    "report_actions": ("action",),
    "report_difficulties": ("difficulty", "brake", "need"),
    "report_levers": ("lever",),
}


def report_suggestion(session: Session, interview_id: int) -> dict[str, str]:
    """The restitution as the marked passages suggest it: one « – passage » line each, kind by
    kind; a besoin says so once (« – Besoin : … », never « Besoin : Besoin : … »)."""
    marks = list_marks(session, interview_id)
    suggestion = {}
    for field, kinds in REPORT_SOURCES.items():
        lines = []
        for kind in kinds:
            for mark in marks:
                if mark.kind != kind:
                    continue
                passage = rules.bare_passage(kind, mark.text)
                if kind == "need":
                    lines.append(f"– Besoin : {passage}")
                else:
                    lines.append(f"– {passage[:1].upper()}{passage[1:]}")
        suggestion[field] = "\n".join(lines)
    return suggestion


def prefill_report(session: Session, interview_id: int) -> dict[str, str]:
    """Fill the empty parts of the restitution from the marked passages; returns the previous
    values of the parts it changed (what undo needs). Parts already written are left alone."""
    interview = get(session, interview_id)
    previous = {}
    for field, text in report_suggestion(session, interview_id).items():
        if text and not getattr(interview, field).strip():
            previous[field] = getattr(interview, field)
            setattr(interview, field, text)
    session.flush()
    return previous


def restore_report(session: Session, interview_id: int, values: dict[str, str]) -> None:
    interview = get(session, interview_id)
    for field, text in values.items():
        if field in REPORT_FIELDS:
            setattr(interview, field, text)
    session.flush()
