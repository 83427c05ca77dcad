"""The tables of a workshop (#24): name, topic or question, host (a participant or a guest),
seats; made by hand, from a pasted list or from a template (domain/table_templates.py). Who
sits where, round after round, is storage/tables_seating.py.

Operations take a Session first, never commit, and raise InvalidInput (a French sentence
ending with « Rien n'a été modifié. ») on bad input. Each facilitator action is one undo step
in the tool: the operations that change several rows return what undo needs to put back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kitcop_desktop.domain import table_templates as templates
from kitcop_desktop.domain.participants import name_key
from kitcop_desktop.domain.validation import InvalidInput, clean_text, require_text
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage.base import Snapshot, row_dict
from kitcop_desktop.storage.models.harvest import HarvestLine
from kitcop_desktop.storage.models.seating import Seat, SeatingTable
from kitcop_desktop.storage.models.workshop import Participant

NOTHING = tr_later("Rien n'a été modifié.")
MAX_TABLES = 60
MAX_CAPACITY = 200
TOPIC_MAX = 2000


class TableNotFound(InvalidInput):
    pass


# --- tables ---------------------------------------------------------------------------------
def list_tables(session: Session, workshop_id: int) -> list[SeatingTable]:
    return list(
        session.scalars(
            select(SeatingTable)
            .where(SeatingTable.workshop_id == workshop_id)
            .order_by(SeatingTable.position, SeatingTable.id)
        )
    )


def get_table(session: Session, table_id: int) -> SeatingTable:
    table = session.get(SeatingTable, table_id)
    if table is None:
        raise TableNotFound(tr("Cette table n'existe plus. {NOTHING}").format(NOTHING=tr(NOTHING)))
    return table


def _capacity(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        seats = int(str(value))
    except ValueError:
        raise InvalidInput(
            tr("Le nombre de places doit être un nombre entier. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        ) from None
    if not 1 <= seats <= MAX_CAPACITY:
        raise InvalidInput(
            tr("Une table a de 1 à {MAX_CAPACITY} places. {NOTHING}").format(
                MAX_CAPACITY=MAX_CAPACITY, NOTHING=tr(NOTHING)
            )
        )
    return seats


def _one_line(text: object) -> str:
    return " ".join(clean_text(str(text or ""), max_len=200).split())


def _host(session: Session, workshop_id: int, participant_id: int | None) -> Participant | None:
    if participant_id is None:
        return None
    person = session.get(Participant, participant_id)
    if person is None or person.workshop_id != workshop_id:
        raise InvalidInput(
            tr("Cette personne n'est pas dans la liste de l'atelier. {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    hosting = session.scalar(
        select(SeatingTable.name).where(
            SeatingTable.workshop_id == workshop_id,
            SeatingTable.host_participant_id == participant_id,
        )
    )
    if hosting is not None:
        raise InvalidInput(
            tr("{name} porte déjà la table « {hosting} ». {NOTHING}").format(
                name=person.name, hosting=hosting, NOTHING=tr(NOTHING)
            )
        )
    return person


def add_table(
    session: Session,
    workshop_id: int,
    name: str = "",
    topic: str = "",
    *,
    host_participant_id: int | None = None,
    host_name: str = "",
    capacity: object = None,
) -> SeatingTable:
    """A table at the end of the list; without a name, « Table N »."""
    count = session.scalar(
        select(func.count())
        .select_from(SeatingTable)
        .where(SeatingTable.workshop_id == workshop_id)
    )
    if (count or 0) >= MAX_TABLES:
        raise InvalidInput(
            tr("Un atelier a au plus {MAX_TABLES} tables. {NOTHING}").format(
                MAX_TABLES=MAX_TABLES, NOTHING=tr(NOTHING)
            )
        )
    position = session.scalar(
        select(func.max(SeatingTable.position)).where(SeatingTable.workshop_id == workshop_id)
    )
    name = require_text(name or f"Table {(count or 0) + 1}", tr("Le nom de la table"))
    host = _host(session, workshop_id, host_participant_id)
    table = SeatingTable(
        workshop_id=workshop_id,
        position=(position or 0) + 1,
        name=name,
        topic=clean_text(topic, max_len=TOPIC_MAX),
        host_participant_id=host.id if host else None,
        host_name=host.name if host else _one_line(host_name),
        capacity=_capacity(capacity),
    )
    session.add(table)
    session.flush()
    return table


def update_table(session: Session, table_id: int, **fields: Any) -> Snapshot:
    """Change name, topic, host (participant or guest name) or capacity; returns the previous
    values (undo is the same call with them)."""
    table = get_table(session, table_id)
    allowed = {"name", "topic", "host_participant_id", "host_name", "capacity"}
    unknown = set(fields) - allowed
    if unknown:
        raise InvalidInput(f"Champ inconnu : {', '.join(sorted(unknown))}. {tr(NOTHING)}")
    clean: dict[str, Any] = {}
    if "name" in fields:
        clean["name"] = require_text(fields["name"], tr("Le nom de la table"))
    if "topic" in fields:
        clean["topic"] = clean_text(fields["topic"], max_len=TOPIC_MAX)
    if "capacity" in fields:
        clean["capacity"] = _capacity(fields["capacity"])
    if "host_participant_id" in fields:
        wanted = fields["host_participant_id"]
        if wanted is None:  # a guest (named by host_name) or nobody
            clean["host_participant_id"] = None
            clean["host_name"] = _one_line(fields.get("host_name", ""))
        elif wanted != table.host_participant_id:
            host = _host(session, table.workshop_id, wanted)
            clean["host_participant_id"] = host.id if host else None
            clean["host_name"] = host.name if host else ""
    elif "host_name" in fields:  # a name typed alone is a guest's
        clean["host_participant_id"] = None
        clean["host_name"] = _one_line(fields["host_name"])
    previous = {key: getattr(table, key) for key in clean}
    for key, value in clean.items():
        setattr(table, key, value)
    session.flush()
    return previous


def delete_table(session: Session, table_id: int) -> Snapshot:
    """Remove a table, its seats and its harvest; the snapshot puts them back."""
    table = get_table(session, table_id)
    seats = session.scalars(select(Seat).where(Seat.table_id == table_id)).all()
    harvest = session.scalars(select(HarvestLine).where(HarvestLine.table_id == table_id)).all()
    snapshot: Snapshot = {
        "table": row_dict(table),
        "seats": [row_dict(s) for s in seats],
        "harvest": [row_dict(h) for h in harvest],
    }
    session.delete(table)
    session.flush()
    return snapshot


def restore_table(session: Session, snapshot: Snapshot) -> None:
    session.add(SeatingTable(**snapshot["table"]))
    session.flush()
    for seat in snapshot["seats"]:
        session.add(Seat(**seat))
    for line in snapshot.get("harvest", []):
        session.add(HarvestLine(**line))
    session.flush()


def add_tables(session: Session, workshop_id: int, rows: list[tuple[str, str]]) -> list[int]:
    """Several tables at once (a pasted list, a template): one undo step, `delete_tables`."""
    if not rows:
        raise InvalidInput(tr("Aucune table à ajouter. {NOTHING}").format(NOTHING=tr(NOTHING)))
    have = len(list_tables(session, workshop_id))
    if have + len(rows) > MAX_TABLES:
        raise InvalidInput(
            tr(
                "{count} tables de plus feraient {number} tables : un atelier en a au plus {MAX_TABLES}. {NOTHING}"
            ).format(
                count=len(rows), number=have + len(rows), MAX_TABLES=MAX_TABLES, NOTHING=tr(NOTHING)
            )
        )
    return [add_table(session, workshop_id, name, topic).id for name, topic in rows]


def add_pasted(session: Session, workshop_id: int, text: str) -> list[int]:
    """One table per pasted line (« Nom : sujet », or the topic alone)."""
    rows = templates.split_pasted(clean_text(text, max_len=TOPIC_MAX * 20))
    if not rows:
        raise InvalidInput(
            tr("Collez une table par ligne (« Table 1 : sujet »). {NOTHING}").format(
                NOTHING=tr(NOTHING)
            )
        )
    return add_tables(session, workshop_id, rows)


def add_from_template(session: Session, workshop_id: int, key: str) -> list[int]:
    template = templates.by_key(key)
    if template is None:
        raise InvalidInput(
            tr("Modèle de tables inconnu : « {key} ». {NOTHING}").format(
                key=key[:40], NOTHING=tr(NOTHING)
            )
        )
    return add_tables(session, workshop_id, list(template.tables))


def delete_tables(session: Session, table_ids: list[int]) -> list[Snapshot]:
    return [delete_table(session, tid) for tid in table_ids]


def restore_tables(session: Session, snapshots: list[Snapshot]) -> None:
    for snapshot in snapshots:
        restore_table(session, snapshot)


def set_host(session: Session, table_id: int, text: str) -> Snapshot:
    """The host as typed: a participant of the workshop when the name is one of theirs
    (case and accents aside), else a guest; empty removes the host. Returns the previous
    values (undo: `update_table(**previous)`)."""
    table = get_table(session, table_id)
    name = _one_line(text)
    wanted = name_key(name)
    person = next(
        (
            p
            for p in session.scalars(
                select(Participant).where(Participant.workshop_id == table.workshop_id)
            )
            if name and name_key(p.name) == wanted
        ),
        None,
    )
    if person is not None:
        return update_table(session, table_id, host_participant_id=person.id)
    return update_table(session, table_id, host_participant_id=None, host_name=name)
