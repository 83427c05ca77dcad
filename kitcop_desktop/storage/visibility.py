"""The visibility rule (domain/visibility.py) applied to stored data: one module, asked by the
room views, the PDF builders and the exporter, so that no output decides privacy by itself.

Each private datum says its visibility where it is declared, in the model's `info`
(storage/base.private): a column (a workshop's notes, an e-mail, a séquence's or a bowl's
facilitator notes), a whole table (interviewees' real names), or a table of restitution
content with the column that says a row was revealed (the note-taker's notes). A secret vote's
tallies are restitution content revealed with their round: `tallies_visible`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

from kitcop_desktop.domain.visibility import Audience, Visibility, export_audience, may_see
from kitcop_desktop.storage.base import Snapshot
from kitcop_desktop.storage.models import Base

# The export options, each carrying one kind of private data when ticked (exchange dialogs, CLI).
EXPORT_OPTIONS = ("facilitator", "real_names", "emails")


@dataclass(frozen=True)
class PrivateField:
    """A column (or a whole table when `column` is "") that is not salle."""

    table: str
    column: str
    visibility: Visibility
    option: str
    revealed: str = ""  # the boolean column that reveals a row (restitution tables)


def private_fields() -> list[PrivateField]:
    """Every declared private datum of the schema, for the exporter, the docs and the tests."""
    found = []
    for table in Base.metadata.sorted_tables:
        info = table.info
        if "visibility" in info:
            found.append(
                PrivateField(
                    table.name,
                    "",
                    Visibility(info["visibility"]),
                    info["option"],
                    info.get("revealed", ""),
                )
            )
        for column in table.columns:
            if "visibility" in column.info:
                found.append(
                    PrivateField(
                        table.name,
                        column.name,
                        Visibility(column.info["visibility"]),
                        column.info["option"],
                    )
                )
    return found


def declared(table: str, column: str = "") -> Visibility:
    """The visibility a column (or a whole table, `column` "") declares; salle when none."""
    found = Base.metadata.tables[table]
    info = found.info if not column else found.columns[column].info
    return Visibility(info.get("visibility", Visibility.ROOM))


def harvest_line_visible(private: bool, audience: Audience) -> bool:
    """May this audience see a table's harvest line (#24)? A private line lives in
    `harvest_lines.facilitator_note` (animateur·rice), a shared one in `text` (salle): the room
    screen and the participants' documents never see the first."""
    column = "facilitator_note" if private else "text"
    return may_see(declared("harvest_lines", column), audience)


def note_visible(note: Any, audience: Audience) -> bool:
    """May this audience see this note of a fishbowl's note-taker board (restitution)?"""
    return may_see(Visibility.RESTITUTION, audience, revealed=bool(note.revealed))


def tallies_visibility(hidden: bool) -> Visibility:
    """A secret vote's tallies are restitution content; an open vote's are salle."""
    return Visibility.RESTITUTION if hidden else Visibility.ROOM


def tallies_visible(hidden: bool, revealed: bool, audience: Audience) -> bool:
    """May this audience see the counts of a round of a vote (secret or not, revealed or not)?"""
    return may_see(tallies_visibility(hidden), audience, revealed=revealed)


# ------------------------------------------------------------------------------------- export
def strip_export(
    tables: dict[str, list[Snapshot]], options: Iterable[str]
) -> dict[str, list[Snapshot]]:
    """A collected export (table -> JSON-ready rows) without what its audience may not see.

    `options` are the EXPORT_OPTIONS the facilitator ticked: each makes the export explicit
    for that kind of data (its audience becomes EXPORT_PRIVATE). Restitution rows not yet
    revealed and a secret round's tallies ride with « facilitator ». Rows are copied, never
    changed in place."""
    chosen = set(options)
    schema = Base.metadata.tables
    out: dict[str, list[Snapshot]] = {}
    for name, rows in tables.items():
        table: Table | None = schema.get(name)
        if table is None:
            out[name] = rows
            continue
        out[name] = _strip_table(table, rows, chosen)
    _strip_tallies(out, export_audience("facilitator" in chosen))
    return {name: rows for name, rows in out.items() if rows}


def _strip_table(table: Table, rows: list[Snapshot], chosen: set[str]) -> list[Snapshot]:
    info = table.info
    if "visibility" in info:
        audience = export_audience(info["option"] in chosen)
        revealed = info.get("revealed", "")
        rows = [
            r
            for r in rows
            if may_see(info["visibility"], audience, revealed=bool(r.get(revealed, False)))
        ]
    dropped = [
        c.name
        for c in table.columns
        if c.info.get("visibility") == Visibility.FACILITATOR
        and not may_see(Visibility.FACILITATOR, export_audience(c.info["option"] in chosen))
    ]
    if not dropped:
        return list(rows)
    return [{k: v for k, v in r.items() if k not in dropped} for r in rows]


def _strip_tallies(tables: dict[str, list[Snapshot]], audience: Audience) -> None:
    """The counts of a secret round not yet revealed: wall counts, ballots and their dots."""
    secret = {v["id"] for v in tables.get("dot_votes", []) if v.get("hidden", True)}
    hidden_rounds = {
        r["id"]
        for r in tables.get("vote_rounds", [])
        if not tallies_visible(r.get("vote_id") in secret, bool(r.get("revealed")), audience)
    }
    if not hidden_rounds:
        return
    tables["vote_round_items"] = [
        {k: v for k, v in r.items() if k != "wall_count"}
        if r.get("round_id") in hidden_rounds
        else r
        for r in tables.get("vote_round_items", [])
    ]
    ballots = tables.get("vote_ballots", [])
    gone = {b["id"] for b in ballots if b.get("round_id") in hidden_rounds}
    tables["vote_ballots"] = [b for b in ballots if b["id"] not in gone]
    tables["vote_ballot_dots"] = [
        d for d in tables.get("vote_ballot_dots", []) if d.get("ballot_id") not in gone
    ]
