"""Sharing work between facilitators: .kitcop files (see resources/kitcop-format.md).

    data = export_workshop(session, workshop_id)            # bytes, JSON (zipped=True: a zip)
    data = export_agenda(session, workshop_id)              # its déroulé, as a template
    data = export_template(session, template_id)            # a library template
    data = export_board(session, board_id)                  # one board, to merge elsewhere
    preview = read_file(path)                               # checked, nothing written yet
    preview.summary_lines()                                 # what will be imported, in French
    result = apply_import(store, preview, into_workshop_id=None)   # one transaction
    result = import_file(store, path)                       # both steps at once (the CLI)
    result = import_in(session, preview, ...); undo_import(session, result)   # undoable

Three kinds of file: a whole workshop (imported as a new workshop), a workshop's agenda as a
template (imported into the template library), one board (merged into an existing workshop:
boards and post-its carry an identity, so an edited post-it is updated in place, a likely
duplicate is flagged, importing the same file twice adds nothing: exchange_board.py). Files are untrusted: see exchange_format (bytes) and exchange_rows (rows).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import sqlite3
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kitcop_desktop import APP_NAME, __version__
from kitcop_desktop.domain.french import long_date, quoted
from kitcop_desktop.domain.validation import plain_line
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import exchange_schema as schema
from kitcop_desktop.storage import visibility
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.errors import NotFound
from kitcop_desktop.storage.exchange_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_JSON_BYTES,
    MAX_ROWS_PER_TABLE,
    MAX_ROWS_TOTAL,
    MAX_ZIP_RATIO,
    MEMBER_NAME,
    ExchangeError,
    check_depth,
    parse,
    read_bytes,
    refuse,
)
from kitcop_desktop.storage.exchange_insert import (
    Cancelled,
    Inserted,
    Progress,
    insert_plan,
    remove_created,
)
from kitcop_desktop.storage.exchange_labels import KIND_LABELS, table_counts
from kitcop_desktop.storage.exchange_rows import Plan, check, collect
from kitcop_desktop.storage.exchange_values import clean_text

if TYPE_CHECKING:
    from kitcop_desktop.storage.exchange_board import Target

log = logging.getLogger(__name__)

__all__ = [
    "Cancelled",
    "ExchangeError",
    "ImportPreview",
    "ImportResult",
    "apply_import",
    "export_agenda",
    "export_board",
    "export_template",
    "export_workshop",
    "import_file",
    "import_in",
    "undo_import",
    "read_data",
    "read_file",
]

KIND_ROOTS = {
    "workshop": schema.ROOT_WORKSHOP,
    "board": schema.ROOT_BOARD,
    "chantier": schema.ROOT_CHANTIER,
}


# ---------------------------------------------------------------------------------------- export
def _envelope(kind: str, title: str, tables: dict[str, Any], **flags: Any) -> dict[str, Any]:
    canonical = json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "kind": kind,
        "title": title,
        "app": APP_NAME,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "fingerprint": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        **flags,
        "tables": tables,
    }


def _too_big(what: str) -> ExchangeError:
    return ExchangeError(
        tr(
            "Cet atelier est trop gros pour un seul fichier .kitcop ({what}) : exportez plutôt ses tableaux un par un. Aucun fichier n'a été écrit."
        ).format(what=what)
    )


def _serialise(envelope: dict[str, Any], zipped: bool) -> bytes:
    """The file's bytes, held to the very caps the importer applies (so it always accepts
    them): row counts, size, structure; a zip whose ratio the importer would call a bomb is
    stored instead of deflated."""
    tables = envelope["tables"]
    total = sum(len(rows) for rows in tables.values())
    biggest = max((len(rows) for rows in tables.values()), default=0)
    if total > MAX_ROWS_TOTAL or biggest > MAX_ROWS_PER_TABLE:
        raise _too_big(
            tr("{total} lignes, {most} au plus").format(total=total, most=MAX_ROWS_TOTAL)
        )
    # Compact: json's C encoder (an indent would switch to its pure-Python one, 5 times slower).
    text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
    data = text.encode("utf-8")
    if len(data) > MAX_JSON_BYTES:
        raise _too_big(
            tr("{size} Mo, {most} au plus").format(
                size=len(data) // (1024 * 1024), most=MAX_JSON_BYTES // (1024 * 1024)
            )
        )
    try:
        check_depth(text)
    except ExchangeError as exc:
        raise _too_big(str(exc).removesuffix(tr(" Rien n'a été modifié."))) from None
    if not zipped:
        return data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER_NAME, data)
    if len(data) > MAX_ZIP_RATIO * len(buffer.getvalue()) * 0.9:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(MEMBER_NAME, data)
    return buffer.getvalue()


def export_workshop(
    session: Session,
    workshop_id: int,
    *,
    include_real_names: bool = False,
    include_emails: bool = False,
    include_facilitator: bool = False,
    zipped: bool = False,
) -> bytes:
    """The whole workshop as a .kitcop file. What is not salle only when asked for: real
    names, e-mails, and the facilitator's notes with what the room has not seen yet (notes not
    revealed, a secret round's tallies): storage/visibility.strip_export applies the rule."""
    from kitcop_desktop.storage.models import Workshop

    workshop = session.get(Workshop, workshop_id)
    if workshop is None:
        raise NotFound(
            tr("L'atelier n° {workshop_id} n'existe pas (ou plus).").format(workshop_id=workshop_id)
        )
    tables = collect(
        session,
        schema.ROOT_WORKSHOP,
        [workshop_id],
        real_names=include_real_names,
        contacts=include_emails,
    )
    return _private_export(
        "workshop",
        workshop.title,
        tables,
        include_real_names,
        include_emails,
        include_facilitator,
        zipped,
    )


def _private_export(
    kind: str,
    title: str,
    tables: dict[str, Any],
    real_names: bool,
    emails: bool,
    facilitator: bool,
    zipped: bool,
) -> bytes:
    """A workshop's or a chantier's file: what is not salle left out unless asked for, and the
    envelope saying what was put in."""
    chosen = {"real_names": real_names, "emails": emails, "facilitator": facilitator}
    tables = visibility.strip_export(tables, [k for k, on in chosen.items() if on])
    envelope = _envelope(
        kind,
        title,
        tables,
        contains_real_names=real_names,
        contains_emails=emails,
        contains_facilitator_notes=facilitator,
    )
    return _serialise(envelope, zipped)


def export_chantier(
    session: Session,
    chantier_id: int,
    *,
    include_real_names: bool = False,
    include_emails: bool = False,
    include_facilitator: bool = False,
    zipped: bool = False,
) -> bytes:
    """The whole chantier as a .kitcop file: its workshops (trashed ones left out) with all
    they hold, its cartographie des acteurs, gouvernance and initiatives inspirantes. What is
    not salle only when asked for, as for a workshop."""
    from kitcop_desktop.storage.models.chantier import Chantier

    chantier = session.get(Chantier, chantier_id)
    if chantier is None:
        raise NotFound("Ce chantier n'existe plus.")
    tables = _chantier_rows(session, chantier_id, include_real_names, include_emails)
    return _private_export(
        "chantier",
        chantier.title,
        tables,
        include_real_names,
        include_emails,
        include_facilitator,
        zipped,
    )


def _chantier_rows(
    session: Session, chantier_id: int, real_names: bool, contacts: bool
) -> dict[str, Any]:
    """The chantier's row and its Brique 1, then each of its workshops out of the trash with
    all it holds (a trashed workshop stays on this laptop)."""
    from sqlalchemy import select

    from kitcop_desktop.storage.models import Workshop

    alive = list(
        session.scalars(
            select(Workshop.id).where(
                Workshop.chantier_id == chantier_id, Workshop.deleted_at.is_(None)
            )
        )
    )
    out: dict[str, list[dict[str, Any]]] = {}
    if alive:
        out = collect(
            session, schema.ROOT_WORKSHOP, alive, real_names=real_names, contacts=contacts
        )
        for row in out[schema.ROOT_WORKSHOP]:
            row["chantier_id"] = chantier_id
    # The chantier alone: its workshops' rows are those above.
    whole = collect(
        session, schema.ROOT_CHANTIER, [chantier_id], real_names=real_names, contacts=contacts
    )
    chantier_side = {name for name in whole if name in schema.CHANTIER_TABLES}
    return {"chantiers": whole["chantiers"], **{n: whole[n] for n in chantier_side}, **out}


def export_board(
    session: Session, board_id: int, *, zipped: bool = False, workshop_id: int | None = None
) -> bytes:
    """One board (its clusters and cards) as a .kitcop file, to merge into another workshop.

    With `workshop_id`, the board must belong to that workshop (the CLI checks what was typed).
    """
    from kitcop_desktop.storage.models.board import Board

    board = session.get(Board, board_id)
    if board is None or (workshop_id is not None and board.workshop_id != workshop_id):
        raise NotFound(
            tr("Le tableau n° {board_id} n'existe pas (ou plus) dans cet atelier.").format(
                board_id=board_id
            )
        )
    tables = collect(session, schema.ROOT_BOARD, [board_id], real_names=False, contacts=False)
    # A default export: what only the facilitator sees stays (post-its waiting from phones).
    tables = visibility.strip_export(tables, [])
    title = f"{board.title} — {board.subgroup}" if board.subgroup else board.title
    return _serialise(_envelope("board", title, tables), zipped)


def export_agenda(
    session: Session, workshop_id: int, *, zipped: bool = False, include_facilitator: bool = False
) -> bytes:
    """A workshop's déroulé as a template file (séquences only: no run, no links, no people;
    the séquences' notes pour l'animateur·rice only when asked for)."""
    from kitcop_desktop.storage import exchange_agenda

    title, tables = exchange_agenda.agenda_tables(session, workshop_id)
    tables = visibility.strip_export(tables, ["facilitator"] if include_facilitator else [])
    return _serialise(_envelope("agenda", title, tables), zipped)


def export_template(
    session: Session, template_id: int, *, zipped: bool = False, include_facilitator: bool = False
) -> bytes:
    """A personal template of the library as a template file (its notes pour
    l'animateur·rice only when asked for)."""
    from kitcop_desktop.storage import exchange_agenda

    title, tables = exchange_agenda.template_tables(session, template_id)
    tables = visibility.strip_export(tables, ["facilitator"] if include_facilitator else [])
    return _serialise(_envelope("agenda", title, tables), zipped)


# ---------------------------------------------------------------------------------------- import
@dataclass
class ImportPreview:
    """A file read and fully checked, not yet written: what the dialog summarises."""

    kind: str
    title: str
    app_version: str
    exported_at: str
    contains_real_names: bool
    plan: Plan
    fingerprint: str

    def summary_lines(self) -> list[str]:
        """What the import will add, in French, for the confirmation dialog."""
        lines = [
            tr("Ce fichier contient {what} : {title}.").format(
                what=KIND_LABELS[self.kind], title=quoted(self.title)
            )
        ]
        made = []
        if self.exported_at:
            with contextlib.suppress(ValueError):
                made.append(
                    tr("le {value}").format(
                        value=long_date(date.fromisoformat(self.exported_at[:10]))
                    )
                )
        if self.app_version:
            made.append(
                tr("avec {APP_NAME} {app_version}").format(
                    APP_NAME=APP_NAME, app_version=self.app_version
                )
            )
        if made:
            lines.append(tr("Exporté ") + " ".join(made) + ".")
        counts = table_counts(self.plan.count, self.plan.root)
        if counts:
            lines.append(tr("Contenu : {counts}.").format(counts=", ".join(counts)))
        if self.contains_real_names:
            lines.append(tr("Attention : il contient les vrais noms d'enquêté·es."))
        if self.plan.ignored_tables or self.plan.ignored_columns:
            lines.append(
                tr(
                    "Certaines données d'une version plus récente seront ignorées ({number})."
                ).format(number=len(self.plan.ignored_tables) + len(self.plan.ignored_columns))
            )
        return lines


@dataclass
class ImportResult:
    """What an import did. `message` is a French sentence for the status line or the CLI."""

    kind: str
    message: str
    workshop_id: int | None = None
    board_id: int | None = None
    template_id: int | None = None
    chantier_id: int | None = None
    added: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)
    created: dict[str, list[int]] = field(default_factory=dict)  # new ids, for undo_import
    # (post-it id, its previous values) of post-its a board merge updated, for undo_import.
    restored: list[tuple[int, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Printed by `kitcop import` and shown in « Import terminé »: never a terminal escape.
        self.message = plain_line(self.message)


def _text(envelope: dict[str, Any], key: str, limit: int = 200) -> str:
    value = envelope.get(key)
    return clean_text(value[:limit]) if isinstance(value, str) else ""


def read_data(data: bytes, progress: Progress | None = None) -> ImportPreview:
    """Check a file's bytes completely (no database access); raise ExchangeError if refused."""
    envelope = parse(data)
    kind = envelope["kind"]
    if kind not in KIND_ROOTS:
        from kitcop_desktop.storage import exchange_agenda

        plan = exchange_agenda.check_template(envelope["tables"])
    else:
        root = KIND_ROOTS[kind]
        anchored = frozenset(
            (root, link.column)
            for link in schema.hard_links(root)
            if link.target not in schema.owned_tables(root)
        )
        plan = check(envelope["tables"], root, anchored=anchored, progress=progress)
    return ImportPreview(
        kind=kind,
        title=plain_line(_text(envelope, "title")) or "(sans titre)",
        app_version=_text(envelope, "app_version", 40),
        exported_at=_text(envelope, "exported_at", 40),
        contains_real_names=bool(plan.count("interviewee_identities")),
        plan=plan,
        fingerprint=_text(envelope, "fingerprint", 64),
    )


def read_file(path: str | Path, progress: Progress | None = None) -> ImportPreview:
    """Read and check a .kitcop file; nothing is written. Raises ExchangeError (French)."""
    return read_data(read_bytes(path), progress)


def apply_import(
    store: Store,
    preview: ImportPreview,
    *,
    into_workshop_id: int | None = None,
    progress: Progress | None = None,
    target: Target = "auto",
    fuse: frozenset[int] = frozenset(),
) -> ImportResult:
    """Write a checked file in one transaction: all of it lands, or nothing does (a
    `progress` that raises Cancelled rolls it back)."""
    try:
        with store.write() as session:
            return import_in(
                session,
                preview,
                into_workshop_id=into_workshop_id,
                progress=progress,
                target=target,
                fuse=fuse,
            )
    except (SQLAlchemyError, sqlite3.Error) as exc:  # the transaction was rolled back
        raise _inconsistent(exc) from None


def import_in(
    session: Session,
    preview: ImportPreview,
    *,
    into_workshop_id: int | None = None,
    progress: Progress | None = None,
    target: Target = "auto",
    fuse: frozenset[int] = frozenset(),
) -> ImportResult:
    """The import inside a transaction the caller holds (an undoable command's `do`).

    A board file: `target` and `fuse` say where its post-its go (exchange_board).
    Raises ExchangeError (French) on anything the database refuses; the caller's transaction
    must then be rolled back, which `store.write()` does.
    """
    try:
        if preview.kind == "workshop":
            return _import_workshop(session, preview, progress)
        if preview.kind == "chantier":
            return _import_chantier(session, preview, progress)
        if preview.kind == "board":
            from kitcop_desktop.storage.exchange_merge import merge_board

            return merge_board(
                session, preview, into_workshop_id, progress, target=target, fuse=fuse
            )
        from kitcop_desktop.storage import exchange_agenda

        return exchange_agenda.import_template(session, preview)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise _inconsistent(exc) from None


def undo_import(session: Session, result: ImportResult) -> None:
    """Remove what an import added (nothing it matched, nothing that was already there) and
    put back the post-its it updated."""
    if result.restored:
        from kitcop_desktop.storage.models.board import Card

        for card_id, values in result.restored:
            card = session.get(Card, card_id)
            if card is not None:
                for column, value in values.items():
                    setattr(card, column, value)
        session.flush()
    remove_created(session, result.created)


def _inconsistent(exc: Exception) -> ExchangeError:
    # A constraint the checks did not foresee.
    log.warning("import refused by the database: %s", exc)
    return refuse(tr("Le contenu de ce fichier n'est pas cohérent et n'a pas pu être enregistré."))


def same_title_workshop(session: Session, preview: ImportPreview) -> int | None:
    """The id of a workshop already here with the title of the file's workshop, if any:
    importing it again makes a second workshop, which the facilitator must be told."""
    if preview.kind != "workshop":
        return None
    from sqlalchemy import select

    from kitcop_desktop.storage.models import Workshop

    title = preview.plan.rows["workshops"][0].get("title")
    return session.scalar(
        select(Workshop.id)
        .where(Workshop.title == title, Workshop.deleted_at.is_(None))
        .order_by(Workshop.id)
    )


def import_file(
    store: Store, path: str | Path, *, into_workshop_id: int | None = None
) -> ImportResult:
    """Read, check and import a .kitcop file (the CLI's `kitcop import`)."""
    return apply_import(store, read_file(path), into_workshop_id=into_workshop_id)


def _import_workshop(
    session: Session, preview: ImportPreview, progress: Progress | None = None
) -> ImportResult:
    done: Inserted = insert_plan(session, preview.plan, progress=progress)
    workshop_id = next(iter(done.ids[schema.ROOT_WORKSHOP].values()))
    return ImportResult(
        kind="workshop",
        message=tr("Atelier importé : « {title} » (n° {workshop_id}).").format(
            title=preview.title, workshop_id=workshop_id
        ),
        workshop_id=workshop_id,
        added=done.added,
        created=done.created,
    )


def _import_chantier(
    session: Session, preview: ImportPreview, progress: Progress | None = None
) -> ImportResult:
    """A chantier's file: a new chantier with its workshops and its état des lieux (renamed
    « (2) », « (3) »… when one of that name is already here)."""
    from sqlalchemy import func, select

    from kitcop_desktop.storage.models.chantier import Chantier

    done: Inserted = insert_plan(session, preview.plan, progress=progress)
    chantier_id = next(iter(done.ids[schema.ROOT_CHANTIER].values()))
    chantier = session.get(Chantier, chantier_id)
    assert chantier is not None
    base, number = chantier.title, 1
    while session.scalar(
        select(Chantier.id).where(
            func.lower(Chantier.title) == chantier.title.lower(), Chantier.id != chantier_id
        )
    ):
        number += 1
        chantier.title = f"{base[:190]} ({number})"
    session.flush()
    workshops = len(done.ids.get(schema.ROOT_WORKSHOP, {}))
    return ImportResult(
        kind="chantier",
        message=tr_n(
            "Chantier importé\u00a0: «\u00a0{title}\u00a0» ({n} atelier).",
            "Chantier importé\u00a0: «\u00a0{title}\u00a0» ({n} ateliers).",
            workshops,
        ).format(title=chantier.title, n=workshops),
        chantier_id=chantier_id,
        added=done.added,
        created=done.created,
    )
