"""Model of the harvest (#24): the host's notes at a table, round by round.

A line belongs to a table and a round number (1, 2, 3… as in storage/tables_seating), not to a
`seating_rounds` row: placing the people again (« Répartir automatiquement ») replaces those
rows, and the harvest must outlive it. A line is salle (`text`, printed in the restitution)
or the facilitator's own (`facilitator_note`, animateur·rice: never projected, only in the
facilitator's document and in an export that asks for it); one of the two is filled.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kitcop_desktop.domain.visibility import Visibility
from kitcop_desktop.storage.base import Base, Timestamps, private


class HarvestLine(Timestamps, Base):
    """One line of a table's harvest in one round."""

    __tablename__ = "harvest_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    table_id: Mapped[int] = mapped_column(
        ForeignKey("seating_tables.id", ondelete="CASCADE"), index=True
    )
    round_number: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)
    angle: Mapped[str] = mapped_column(String(20), default="")  # domain/harvest.ANGLES
    text: Mapped[str] = mapped_column(Text, default="")  # salle
    facilitator_note: Mapped[str] = mapped_column(
        Text, default="", info=private(Visibility.FACILITATOR, "facilitator")
    )
