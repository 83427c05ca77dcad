"""Models of the fishbowl area: the bocal à poisson and the speaking rounds (tours de parole).

Times are stored as facts (UTC wall-clock instants), never as tick counts, so that after a crash
the session resumes where it was: a seat or a turn with no end is still going on.
Members and round entries copy the participant's name and category: removing someone from the
attendance list later never erases what they said or how long they spoke.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, Timestamps, private

FISHBOWL_STATES = ("setup", "running", "finished")
NOTE_HEADINGS = ("actions", "levers", "brakes_overcome")
ROUND_KINDS = ("check_in", "icebreaker", "cross_intro", "closing", "roti")
ENTRY_STATUSES = ("waiting", "later", "done", "passed")


class Fishbowl(Timestamps, Base):
    """One bocal à poisson: its question, its centre chairs, its timebox and its state."""

    __tablename__ = "fishbowls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200), default="Projection 2030")
    question: Mapped[str] = mapped_column(Text, default="")
    chairs: Mapped[int] = mapped_column(Integer, default=4)
    timebox_minutes: Mapped[int] = mapped_column(Integer, default=35)
    state: Mapped[str] = mapped_column(String(20), default="setup")
    # The timebox countdown as facts (see domain/countdown.py CountdownFacts).
    timebox_extension_seconds: Mapped[int] = mapped_column(Integer, default=0)
    timebox_elapsed_before: Mapped[float] = mapped_column(Float, default=0.0)
    timebox_running_since: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    # The facilitator's own note on this bowl (visibility animateur·rice): never projected,
    # printed only in the facilitator's document, exported only when asked for.
    facilitator_note: Mapped[str] = mapped_column(
        Text, default="", server_default="", info=private(Visibility.FACILITATOR, "facilitator")
    )
    stats_shown: Mapped[bool] = mapped_column(Boolean, default=False)

    members: Mapped[list[FishbowlMember]] = relationship(
        order_by="FishbowlMember.position", cascade="all, delete-orphan", passive_deletes=True
    )


class FishbowlMember(Base):
    """Someone in the circle around the bocal (may sit in the centre and speak)."""

    __tablename__ = "fishbowl_members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fishbowl_id: Mapped[int] = mapped_column(
        ForeignKey("fishbowls.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20), default="")
    # Quitté l'atelier (left for good): never seated again, not counted as « pas encore parlé ».
    left_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class FishbowlSeating(Base):
    """One stay on a centre chair: from sat_at until left_at (None while seated)."""

    __tablename__ = "fishbowl_seatings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fishbowl_id: Mapped[int] = mapped_column(
        ForeignKey("fishbowls.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("fishbowl_members.id", ondelete="CASCADE"), index=True
    )
    chair: Mapped[int] = mapped_column(Integer)
    sat_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    left_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class FishbowlTurn(Base):
    """One speaking turn (prise de parole): from started_at until ended_at (None while speaking)."""

    __tablename__ = "fishbowl_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fishbowl_id: Mapped[int] = mapped_column(
        ForeignKey("fishbowls.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("fishbowl_members.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class FishbowlNote(Timestamps, Base):
    """A note of the note-taker's board (prise de notes) under a heading. Visibility
    restitution: never on the room screen nor in a restitution until revealed (note by note or
    all at once, for the « partage des enjeux »)."""

    __tablename__ = "fishbowl_notes"
    __table_args__ = {"info": private(Visibility.RESTITUTION, "facilitator", revealed="revealed")}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fishbowl_id: Mapped[int] = mapped_column(
        ForeignKey("fishbowls.id", ondelete="CASCADE"), index=True
    )
    heading: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    # Set by a deliberate reveal (outside the undo history), cleared by « masquer ».
    revealed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())


class SpeakingRound(Timestamps, Base):
    """A tour de parole (météo, brise-glace, présentation croisée, déclusion)."""

    __tablename__ = "speaking_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="check_in")
    title: Mapped[str] = mapped_column(String(200), default="")
    prompt: Mapped[str] = mapped_column(Text, default="")
    seconds_per_speaker: Mapped[int] = mapped_column(Integer, default=60)
    state: Mapped[str] = mapped_column(String(20), default="setup")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The current speaker and their countdown as facts.
    # A plain id, not a foreign key: a cycle between the two tables would complicate export.
    current_entry_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    speaker_elapsed_before: Mapped[float] = mapped_column(Float, default=0.0)
    speaker_running_since: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )

    entries: Mapped[list[RoundEntry]] = relationship(
        order_by="RoundEntry.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class RoundEntry(Base):
    """One person's place in a round, and the word or phrase captured for the restitution."""

    __tablename__ = "round_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("speaking_rounds.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    word: Mapped[str] = mapped_column(Text, default="")
    # Déclusion: does the person want to stay involved? None = not asked / not said.
    stay_involved: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    spoken_seconds: Mapped[float] = mapped_column(Float, default=0.0)
