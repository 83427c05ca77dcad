"""Models of the interview area (enquête de terrain): guides, interviews, answers, marks.

Privacy by construction: an interview is known by its pseudonym (« Enquêté·e 7 »); a real name,
when typed, lives in its own table (`interviewee_identities`) so that nothing that lists,
prints or exports interviews reads it by accident, and erasing it is one row.
Answers copy their question's text, so editing a guide later never rewrites past interviews.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, Timestamps, private

# Kinds of marked passages, in the order of their shortcuts (Ctrl+1 … is taken: Alt+1 … Alt+5).
MARK_KINDS = ("brake", "lever", "difficulty", "action", "need")


class InterviewGuide(Timestamps, Base):
    """A guide (trame d'entretien): ordered questions, built-in copy or custom."""

    __tablename__ = "interview_guides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    # The built-in guide this one was copied from ("" for a custom guide).
    builtin_key: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)

    questions: Mapped[list[InterviewQuestion]] = relationship(
        back_populates="guide",
        order_by="InterviewQuestion.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class InterviewQuestion(Base):
    __tablename__ = "interview_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guide_id: Mapped[int] = mapped_column(
        ForeignKey("interview_guides.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)

    guide: Mapped[InterviewGuide] = relationship(back_populates="questions")


class Interview(Timestamps, Base):
    """One field interview, pseudonymised; its restitution (report_*) lives on the same row."""

    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    guide_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_guides.id", ondelete="SET NULL"), nullable=True, index=True
    )
    guide_title: Mapped[str] = mapped_column(String(200), default="")
    number: Mapped[int] = mapped_column(Integer, default=1)
    pseudonym: Mapped[str] = mapped_column(String(100))
    date: Mapped[date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    interviewer: Mapped[str] = mapped_column(String(200), default="")
    note_taker: Mapped[str] = mapped_column(String(200), default="")
    profession: Mapped[str] = mapped_column(String(200), default="")
    structure: Mapped[str] = mapped_column(String(200), default="")
    sector: Mapped[str] = mapped_column(String(200), default="")
    territory: Mapped[str] = mapped_column(String(200), default="")
    consent_to_record: Mapped[bool] = mapped_column(Boolean, default=False)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=60)
    # The discreet timer: when note taking started (UTC), so it survives a restart.
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    free_notes: Mapped[str] = mapped_column(Text, default="")
    report_engagement: Mapped[str] = mapped_column(Text, default="")
    report_actions: Mapped[str] = mapped_column(Text, default="")
    report_difficulties: Mapped[str] = mapped_column(Text, default="")
    report_levers: Mapped[str] = mapped_column(Text, default="")

    answers: Mapped[list[InterviewAnswer]] = relationship(
        back_populates="interview",
        order_by="InterviewAnswer.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    marks: Mapped[list[InterviewMark]] = relationship(
        back_populates="interview",
        order_by="InterviewMark.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class IntervieweeIdentity(Base):
    """The real name, kept apart: never listed, printed or exported unless asked explicitly."""

    __tablename__ = "interviewee_identities"
    __table_args__ = {"info": private(Visibility.FACILITATOR, "real_names")}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), unique=True
    )
    real_name: Mapped[str] = mapped_column(
        String(200), default="", info=private(Visibility.FACILITATOR, "real_names")
    )


class InterviewAnswer(Base):
    """The notes taken under one question; the question's text is a copy, frozen at creation."""

    __tablename__ = "interview_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    question_text: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")

    interview: Mapped[Interview] = relationship(back_populates="answers")


class InterviewMark(Base):
    """A marked passage (frein, levier, difficulté, action, besoin), its text copied."""

    __tablename__ = "interview_marks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    interview_id: Mapped[int] = mapped_column(
        ForeignKey("interviews.id", ondelete="CASCADE"), index=True
    )
    # The answer it was marked in; None for the free notes.
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_answers.id", ondelete="CASCADE"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    # The speedboat board it was sent to (not a foreign key: boards may be deleted freely).
    sent_board_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    interview: Mapped[Interview] = relationship(back_populates="marks")
