"""Agenda templates as .kitcop files: a déroulé shared as a commons, without its workshop.

A template file carries a title, an optional start time and the séquences' content (title,
intention, consignes, matériel, duration, pinned start, kind, tool); never the run, the
checklist's ticks, nor links to boards or votes (they mean nothing in another workshop).
Importing it adds a personal template to the library (`agenda_templates`); the same template
imported twice is not added twice.

    "tables": {"agenda_templates": [{"id": 1, "title": ..., "description": ..., "start_time": ...}],
               "agenda_sequences": [{"id": 1, "position": 0, "title": ..., ...}, ...]}
"""

from __future__ import annotations

import json
from datetime import time
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain.agenda_templates import KIND_LABELS, TOOL_LABELS
from kitcop_desktop.domain.french import quoted
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage.agenda import MAX_MINUTES, MAX_SEQUENCES
from kitcop_desktop.storage.base import Base
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.exchange_format import MAX_COLUMNS, refuse
from kitcop_desktop.storage.exchange_rows import Plan
from kitcop_desktop.storage.exchange_values import decode, encode
from kitcop_desktop.storage.models.agenda import AgendaTemplateRecord, Sequence

if TYPE_CHECKING:
    from kitcop_desktop.storage.exchange import ImportPreview, ImportResult

TEMPLATE_TABLE = "agenda_templates"
SEQUENCE_TABLE = "agenda_sequences"
# What a template keeps of a séquence, in the order of the kit's columns.
SEQUENCE_FIELDS = (
    "title",
    "intention",
    "instructions",
    "facilitator_notes",
    "materials",
    "duration_minutes",
    "pinned_start",
    "kind",
    "tool_key",
)
SEQUENCE_DEFAULTS = {"duration_minutes": 15, "pinned_start": None}
TEMPLATE_FIELDS = ("title", "description", "start_time")
# The library's own keys (storage/agenda_templates.py), in its order: a template saved there,
# exported and imported back is recognised as the same.
LIBRARY_FIELDS = (
    "title",
    "intention",
    "instructions",
    "facilitator_notes",
    "materials",
    "duration_minutes",
    "kind",
    "tool_key",
)


def _table(name: str) -> Table:
    """A mapped table as a Table (`Model.__table__` is typed as any FROM clause)."""
    return Base.metadata.tables[name]


# --------------------------------------------------------------------------------------- export
def _sequence_row(index: int, values: dict[str, Any]) -> dict[str, Any]:
    columns = _table(SEQUENCE_TABLE).c
    row = {"id": index + 1, "position": index}
    for name in SEQUENCE_FIELDS:
        if name in values:
            row[name] = encode(columns[name], values[name])
    return row


def _template_tables(
    title: str, description: str, start: time | None, sequences: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        TEMPLATE_TABLE: [
            {
                "id": 1,
                "title": title,
                "description": description,
                "start_time": start.isoformat() if start else None,
            }
        ],
        SEQUENCE_TABLE: [_sequence_row(i, values) for i, values in enumerate(sequences)],
    }


def agenda_tables(session: Session, workshop_id: int) -> tuple[str, dict[str, Any]]:
    """(title, tables) of a workshop's déroulé as a template."""
    from kitcop_desktop.storage.models import Workshop

    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            tr("L'atelier n° {workshop_id} n'existe pas (ou plus).").format(workshop_id=workshop_id)
        )
    rows = session.scalars(
        select(Sequence)
        .where(Sequence.workshop_id == workshop_id)
        .order_by(Sequence.position, Sequence.id)
    )
    sequences = [{name: getattr(seq, name) for name in SEQUENCE_FIELDS} for seq in rows]
    title = tr("Déroulé — {title}").format(title=workshop.title)[:200]
    return title, _template_tables(title, "", workshop.start_time, sequences)


def template_tables(session: Session, template_id: int) -> tuple[str, dict[str, Any]]:
    """(title, tables) of a personal template from the library."""
    record = session.get(AgendaTemplateRecord, template_id)
    if record is None:
        raise NotFound(
            tr("Le modèle de déroulé n° {template_id} n'existe pas (ou plus).").format(
                template_id=template_id
            )
        )
    try:
        stored = json.loads(record.sequences or "[]")
    except ValueError:
        stored = []
    columns = _table(SEQUENCE_TABLE).c
    sequences: list[dict[str, Any]] = []
    for item in stored if isinstance(stored, list) else []:
        if not isinstance(item, dict):
            continue
        values = {}
        for name in SEQUENCE_FIELDS:
            raw = item.get(name)
            if name == "duration_minutes" and raw is None:
                raw = item.get("minutes")  # the domain's own word for it
            if raw is None:
                continue
            try:
                values[name] = decode(SEQUENCE_TABLE, columns[name], raw, 0)
            except Exception:  # a broken library entry: keep what can be read
                continue
        sequences.append(values)
    return record.title, _template_tables(
        record.title, record.description, record.start_time, sequences
    )


# ---------------------------------------------------------------------------------- validation
def check_template(tables_in: dict[str, Any]) -> Plan:
    """Validate a template file's tables; raise ExchangeError (French) when anything is wrong."""
    templates = tables_in.get(TEMPLATE_TABLE)
    sequences = tables_in.get(SEQUENCE_TABLE, [])
    if not isinstance(templates, list) or len(templates) != 1:
        raise refuse(tr("Ce modèle de déroulé devrait contenir exactement un modèle."))
    if not isinstance(sequences, list):
        raise refuse(
            tr("La table « {SEQUENCE_TABLE} » devrait être une liste de lignes.").format(
                SEQUENCE_TABLE=SEQUENCE_TABLE
            )
        )
    if len(sequences) > MAX_SEQUENCES:
        raise refuse(
            tr("Ce modèle contient trop de séquences ({count}).").format(count=len(sequences))
        )
    plan = Plan(TEMPLATE_TABLE, {})
    plan.ignored_tables = [
        name[:64] for name in tables_in if name not in (TEMPLATE_TABLE, SEQUENCE_TABLE)
    ]
    head = _checked(_table(TEMPLATE_TABLE), templates[0], 0, TEMPLATE_FIELDS, plan)
    if not (head.get("title") or "").strip():
        raise refuse(tr("Ce modèle de déroulé n'a pas de titre."))
    rows = [
        _checked(_table(SEQUENCE_TABLE), raw, i, (*SEQUENCE_FIELDS, "position"), plan)
        for i, raw in enumerate(sequences)
    ]
    for i, row in enumerate(rows):
        if not (row.get("title") or "").strip():
            raise refuse(
                tr("La séquence {number} de ce modèle n'a pas de titre.").format(number=i + 1)
            )
        minutes = row.get("duration_minutes", 15)
        if not 1 <= minutes <= MAX_MINUTES:
            raise refuse(
                tr(
                    "La durée de la séquence {number} est invalide ({minutes} min ; entre 1 et {MAX_MINUTES})."
                ).format(number=i + 1, minutes=minutes, MAX_MINUTES=MAX_MINUTES)
            )
        # A kind or tool from a newer version: the séquence stays, plain.
        if row.get("kind", "") not in KIND_LABELS:
            row["kind"] = ""
        if row.get("tool_key", "") not in TOOL_LABELS:
            row["tool_key"] = ""
    rows.sort(key=lambda r: r.get("position", 0))
    plan.rows = {TEMPLATE_TABLE: [head], SEQUENCE_TABLE: rows}
    return plan


def _checked(
    table: Table, raw: object, index: int, fields: tuple[str, ...], plan: Plan
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise refuse(
            tr("La ligne {number} de la table « {name} » est mal formée.").format(
                number=index + 1, name=table.name
            )
        )
    if len(raw) > MAX_COLUMNS:
        raise refuse(
            tr("La ligne {number} de la table « {name} » a trop de champs.").format(
                number=index + 1, name=table.name
            )
        )
    row: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "id":
            continue
        if key not in fields:
            plan.ignored_columns.add(f"{table.name}.{key[:64]}")
            continue
        row[key] = decode(table.name, table.c[key], value, index)
    return row


# -------------------------------------------------------------------------------------- import
def _stored_sequences(rows: list[dict[str, Any]]) -> str:
    """The séquences as the library stores them; a pinned start, when there is one, as « HH:MM »."""
    out = []
    for row in rows:
        # Every field, defaults included: the same template always gives the same text.
        item = {name: row.get(name, SEQUENCE_DEFAULTS.get(name, "")) for name in LIBRARY_FIELDS}
        if isinstance(row.get("pinned_start"), time):
            item["pinned_start"] = row["pinned_start"].strftime("%H:%M")
        out.append(item)
    return json.dumps(out, ensure_ascii=False)


def import_template(session: Session, preview: ImportPreview) -> ImportResult:
    """Add the file's template to the library, unless the very same one is already there."""
    from kitcop_desktop.storage.exchange import ImportResult

    head = preview.plan.rows[TEMPLATE_TABLE][0]
    rows = preview.plan.rows[SEQUENCE_TABLE]
    title = head["title"].strip()
    stored = _stored_sequences(rows)
    count = tr_n("{n} séquence", "{n} séquences", len(rows)).format(n=len(rows))
    existing = session.scalar(
        select(AgendaTemplateRecord.id).where(
            AgendaTemplateRecord.title == title, AgendaTemplateRecord.sequences == stored
        )
    )
    if existing is not None:
        return ImportResult(
            kind="agenda",
            message=tr("Le modèle {title} est déjà dans vos modèles de déroulé.").format(
                title=quoted(title)
            ),
            template_id=existing,
            matched={TEMPLATE_TABLE: 1},
        )
    record = AgendaTemplateRecord(
        title=title,
        description=head.get("description") or "",
        start_time=head.get("start_time"),
        sequences=stored,
    )
    session.add(record)
    session.flush()
    return ImportResult(
        kind="agenda",
        message=tr("Modèle de déroulé ajouté à vos modèles : {title} ({count}).").format(
            title=quoted(title), count=count
        ),
        template_id=record.id,
        added={TEMPLATE_TABLE: 1},
        created={TEMPLATE_TABLE: [record.id]},
    )
