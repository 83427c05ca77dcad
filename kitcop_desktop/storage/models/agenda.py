"""Models of the agenda area: the déroulé's séquences, the run's facts, personal templates.

A workshop's agenda (déroulé) is its ordered séquences; start and end times are not stored but
computed by domain/schedule.py from the workshop's start, the durations and the pins.
The live run is stored as facts (RunEvent rows), never as a ticking counter: replaying them
(domain/agenda_run.py) gives the current séquence and its countdown after a restart.
"""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, Timestamps, private, utcnow


class Sequence(Timestamps, Base):
    """One line of the déroulé: the kit's five columns plus duration, pin and tool link."""

    __tablename__ = "agenda_sequences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))  # SÉQUENCE
    intention: Mapped[str] = mapped_column(Text, default="")  # OBJECTIF – INTENTION
    instructions: Mapped[str] = mapped_column(Text, default="")  # CONSIGNES (on the projector)
    # Notes pour l'animateur·rice: talking points, variantes. Never on the room screen nor in
    # the participants' programme; printed only in the facilitator's version.
    facilitator_notes: Mapped[str] = mapped_column(
        Text, default="", server_default="", info=private(Visibility.FACILITATOR, "facilitator")
    )
    materials: Mapped[str] = mapped_column(
        Text, default=""
    )  # MATÉRIEL / CONFIG SALLE, one per line
    # Lines of `materials` already prepared (the checklist), one per line.
    materials_ticked: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # A fixed start (lunch at 12:00); the other séquences flow around it.
    pinned_start: Mapped[time | None] = mapped_column(Time, nullable=True)
    # "", "welcome", "introduction", "icebreaker", "break", "rotation", "closing_round"…
    kind: Mapped[str] = mapped_column(String(20), default="")
    # Running this séquence opens that tool: "boards", "voting", "fishbowl", "interviews"…
    tool_key: Mapped[str] = mapped_column(String(20), default="")
    # Optional id of one item of that tool (a board id, a vote id); not a foreign key.
    tool_ref: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RunEvent(Base):
    """One fact of the live run: enter, start, pause, extend, end, finish.

    `elapsed_seconds` is the séquence's countdown elapsed time at that moment, measured on the
    monotonic clock, so that wall-clock jumps never change it; `at` (UTC) is only used to resume
    a running segment after a restart and for the planned-vs-actual restitution.
    """

    __tablename__ = "agenda_run_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    sequence_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_sequences.id", ondelete="SET NULL"), nullable=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    elapsed_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    extension_seconds: Mapped[int] = mapped_column(Integer, default=0)


class AgendaTemplateRecord(Timestamps, Base):
    """A personal template (modèle de déroulé) saved by the facilitator from an agenda.

    `sequences` is JSON: a list of objects with the Sequence columns above (no ids).
    """

    __tablename__ = "agenda_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    sequences: Mapped[str] = mapped_column(Text, default="[]")
