"""Export and import of .kitcop files from the app: choices, a summary before writing, messages.

The main window calls `import_dialog` (menu, welcome screen, a file dropped on the window) and
`export_dialog` (menu); a tool may call `export_dialog(..., kind="board", ref_id=board_id)` or
`kind="agenda"` (the open workshop's déroulé) or `kind="template"` (a library template).
Reading a file never writes anything: the facilitator sees what it holds and says « Importer »
before the single transaction runs.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy import select

from kitcop_desktop.domain.french import quoted
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing.output import write_atomically
from kitcop_desktop.storage import exchange, workshops
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.storage.exchange_insert import Cancelled
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.changes import ChangeHub
from kitcop_desktop.ui.exchange_options import ExportOptionsDialog
from kitcop_desktop.ui.exchange_worker import run_with_progress
from kitcop_desktop.ui.recovery import unexpected_sentence
from kitcop_desktop.ui.tool_spec import ToolContext

log = logging.getLogger(__name__)

FILE_FILTER = tr_later("Fichiers KitCOP (*.kitcop *.json *.zip);;Tous les fichiers (*)")
SAVE_FILTER = tr_later("Fichier KitCOP (*.kitcop)")
EXPORT_TITLES = {
    "workshop": tr_later("Exporter l'atelier"),
    "agenda": tr_later("Exporter le déroulé comme modèle"),
    "template": tr_later("Exporter le modèle de déroulé"),
    "board": tr_later("Exporter le tableau"),
}
FILE_PREFIXES = {"workshop": "", "agenda": "modele-", "template": "modele-", "board": "tableau-"}
# Where each kind lands, said before anything is written.
LANDING = {
    "workshop": tr_later(
        "Il sera ajouté comme un nouvel atelier : vos ateliers actuels ne changent pas."
    ),
    "agenda": tr_later("Il sera ajouté à vos modèles de déroulé."),
}


def file_stem(title: str, kind: str = "workshop") -> str:
    """A safe, readable file name from a title: « Rénovation 2030 » -> « renovation-2030 »."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()[:60].strip("-")
    return FILE_PREFIXES.get(kind, "") + (slug or "atelier")


def _personal_counts(store: Store, workshop_id: int) -> tuple[int, int]:
    """(real names typed, e-mail addresses typed) in a workshop: what the options would add."""
    from sqlalchemy import func

    from kitcop_desktop.storage.models import Participant
    from kitcop_desktop.storage.models.interview import Interview, IntervieweeIdentity

    with store.read() as session:
        names = session.scalar(
            select(func.count())
            .select_from(IntervieweeIdentity)
            .join(Interview, Interview.id == IntervieweeIdentity.interview_id)
            .where(Interview.workshop_id == workshop_id, IntervieweeIdentity.real_name != "")
        )
        emails = session.scalar(
            select(func.count())
            .select_from(Participant)
            .where(Participant.workshop_id == workshop_id, Participant.email.is_not(None))
            .where(Participant.email != "")
        )
    return names or 0, emails or 0


def _board_choices(store: Store, workshop_id: int) -> list[tuple[int, str]]:
    """(id, « Speedboat — Table 2 ») of the workshop's boards, in their order."""
    from kitcop_desktop.storage.models.board import Board

    with store.read() as session:
        rows = session.scalars(
            select(Board).where(Board.workshop_id == workshop_id).order_by(Board.position, Board.id)
        )
        return [(b.id, f"{b.title} — {b.subgroup}" if b.subgroup else b.title) for b in rows]


def _export_title(store: Store, workshop_id: int, kind: str, ref_id: int | None) -> str:
    with store.read() as session:
        if kind == "board":
            from kitcop_desktop.storage.models.board import Board

            board = session.get(Board, ref_id)
            if board is None:
                raise exchange.ExchangeError(tr("Ce tableau n'existe plus."))
            return f"{board.title} — {board.subgroup}" if board.subgroup else board.title
        if kind == "template":
            from kitcop_desktop.storage.models.agenda import AgendaTemplateRecord

            record = session.get(AgendaTemplateRecord, ref_id)
            if record is None:
                raise exchange.ExchangeError(tr("Ce modèle de déroulé n'existe plus."))
            return record.title
        return workshops.get(session, workshop_id).title


def _export_bytes(store: Store, workshop_id: int, kind: str, ref_id, options: dict) -> bytes:
    options = {"zipped": True, **options}  # compressed unless the facilitator unticked it
    with store.read() as session:
        if kind == "board":
            return exchange.export_board(session, ref_id, zipped=options.get("zipped", True))
        if kind == "agenda":
            return exchange.export_agenda(session, workshop_id, **options)
        if kind == "template":
            return exchange.export_template(session, ref_id, **options)
        return exchange.export_workshop(session, workshop_id, **options)


def _start_folder() -> Path:
    home = Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


def export_dialog(
    parent: QWidget | None,
    store: Store,
    workshop_id: int,
    kind: str = "workshop",
    ref_id: int | None = None,
) -> Path | None:
    """Ask what and where, write the .kitcop file, say where it is. Returns the path or None."""
    if kind not in EXPORT_TITLES:
        raise ValueError(f"unknown export kind: {kind}")
    try:
        title = _export_title(store, workshop_id, kind, ref_id)
    except StoreError as exc:
        QMessageBox.warning(parent, tr(EXPORT_TITLES[kind]), str(exc))
        return None
    options: dict = {}
    if kind == "workshop":
        names, emails = _personal_counts(store, workshop_id)
        dialog = ExportOptionsDialog(
            parent,
            title,
            real_names=names,
            emails=emails,
            boards=_board_choices(store, workshop_id),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        kind, ref_id = dialog.choice()
        options = dialog.options()
        if kind == "board":
            try:
                title = _export_title(store, workshop_id, kind, ref_id)
            except StoreError as exc:
                QMessageBox.warning(parent, tr(EXPORT_TITLES[kind]), str(exc))
                return None
    suggested = str(_start_folder() / f"{file_stem(title, kind)}.kitcop")
    chosen, _ = QFileDialog.getSaveFileName(
        parent, tr(EXPORT_TITLES[kind]), suggested, tr(SAVE_FILTER)
    )
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_suffix(".kitcop")

    def work(progress):
        data = _export_bytes(store, workshop_id, kind, ref_id, options)
        progress(0, 0)  # « Annuler » pressed meanwhile: nothing is written
        write_atomically(path, data)

    try:
        run_with_progress(parent, tr("Export vers « {name} »…").format(name=path.name), work)
    except Cancelled:
        return None
    except StoreError as exc:
        QMessageBox.warning(parent, tr(EXPORT_TITLES[kind]), str(exc))
        return None
    except (OSError, ValueError) as exc:
        log.warning("export to %s failed: %s", path, exc)
        reason = getattr(exc, "strerror", None) or str(exc)
        QMessageBox.warning(
            parent,
            tr(EXPORT_TITLES[kind]),
            tr(
                "Le fichier n'a pas pu être enregistré dans « {folder} » ({reason}). "
                "Choisissez un autre dossier."
            ).format(folder=path.parent, reason=reason),
        )
        return None
    except Exception as exc:
        log.exception("export failed")
        QMessageBox.warning(parent, tr(EXPORT_TITLES[kind]), unexpected_sentence(exc))
        return None
    what = {
        "workshop": tr("L'atelier"),
        "agenda": tr("Le déroulé"),
        "template": tr("Le modèle"),
        "board": tr("Le tableau"),
    }[kind]
    QMessageBox.information(
        parent,
        tr("Export terminé"),
        tr(
            "{what} {title} est enregistré dans le fichier :\n{path}\n\n"
            "Un·e collègue peut l'ouvrir avec {command} dans KitCOP Atelier."
        ).format(what=what, title=quoted(title), path=path, command=quoted(tr("Importer…"))),
    )
    return path


# -------------------------------------------------------------------------------------- import
def summary_html(
    preview: exchange.ImportPreview, into_title: str | None = None, *, copy_of: bool = False
) -> str:
    """What the file holds and where it will land, as escaped rich text for the confirmation.

    `copy_of`: a workshop of the same title is already here (the import makes a second one).
    """
    lines = preview.summary_lines()
    parts = [f"<p><b>{html.escape(lines[0], quote=False)}</b></p>"]
    parts += [f"<p>{html.escape(line, quote=False)}</p>" for line in lines[1:]]
    if preview.kind == "board":
        landing = tr(
            "Il sera fusionné dans l'atelier ouvert, {title} : les post-it "
            "nouveaux sont ajoutés au tableau du même sous-groupe, rien n'est remplacé, et ceux "
            "déjà présents ne sont pas ajoutés une deuxième fois."
        ).format(title=quoted(into_title or ""))
    else:
        landing = tr(LANDING[preview.kind])
    parts.append(f"<p>{html.escape(landing, quote=False)}</p>")
    if copy_of:
        parts.append(
            tr(
                "<p><b>Un atelier du même titre existe déjà ici</b> : l'import en fera une deuxième copie, sans toucher à la première.</p>"
            )
        )
    return "".join(parts)


def _same_title_exists(store: Store, preview: exchange.ImportPreview) -> bool:
    with store.read() as session:
        return exchange.same_title_workshop(session, preview) is not None


class ImportConfirmBox(QMessageBox):
    """The confirmation, keeping its « Importer » button to check the answer."""

    import_button: QPushButton


def confirm_box(parent: QWidget | None, text: str) -> ImportConfirmBox:
    """The confirmation before writing, with French buttons « Importer » and « Annuler »."""
    box = ImportConfirmBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Importer ce fichier ?"))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(text)
    box.import_button = box.addButton(tr("Importer"), QMessageBox.ButtonRole.AcceptRole)
    box.setEscapeButton(box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole))
    box.setDefaultButton(box.import_button)
    box.import_button.setObjectName("Primary")
    # QMessageBox sizes itself from its text: a wider label keeps the summary easy to read.
    theme.style(box, theme.WIDE_MESSAGE)
    return box


def _undoable_merge(
    ctx: ToolContext,
    preview: exchange.ImportPreview,
    target="auto",
    fuse: frozenset[int] = frozenset(),
) -> exchange.ImportResult:
    """The merge as one command of the workshop's undo stack; raises what the import raised."""
    failures: list[StoreError] = []

    def do(session):
        try:
            return exchange.import_in(
                session, preview, into_workshop_id=ctx.workshop_id, target=target, fuse=fuse
            )
        except StoreError as exc:
            failures.append(exc)
            raise

    result = ctx.push(
        tr("Importer le tableau {title}").format(title=quoted(preview.title)),
        area="boards",
        do=do,
        undo=lambda session, done: exchange.undo_import(session, done),
    )
    if result is None:
        raise failures[0] if failures else exchange.ExchangeError(tr("Import impossible."))
    return result


def _open_title(store: Store, workshop_id: int | None) -> str | None:
    if workshop_id is None:
        return None
    try:
        with store.read() as session:
            return workshops.get(session, workshop_id).title
    except StoreError:
        return None


def _board_choice(parent, store, preview, workshop_id, workshop_title):
    """(target, fuse) chosen in « Importer ce tableau ? », or None when cancelled."""
    from kitcop_desktop.ui.board_import import BoardImportDialog

    dialog = BoardImportDialog(parent, store, preview, workshop_id, workshop_title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.target(), dialog.fuse()


def import_dialog(
    parent: QWidget | None,
    store: Store,
    hub: ChangeHub,
    current_workshop_id: int | None = None,
    path: str | None = None,
    *,
    ctx: ToolContext | None = None,
) -> int | None:
    """Pick (or take) a file, check it, show what it holds, import on « Importer ».

    Returns the id of a newly imported workshop (the caller opens it), else None. With the
    open workshop's `ctx`, a board merged into it is one undoable change (Ctrl+Z removes
    exactly the post-it it added).
    """
    if not path:
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Importer un fichier KitCOP"), str(_start_folder()), tr(FILE_FILTER)
        )
        if not path:
            return None
    try:
        preview = run_with_progress(
            parent,
            tr("Lecture de « {name} »…").format(name=Path(path).name),
            lambda progress: exchange.read_file(path, progress),
        )
    except Cancelled:
        return None
    except StoreError as exc:
        QMessageBox.warning(parent, tr("Import impossible"), str(exc))
        return None
    except Exception as exc:  # never an escaping exception: a sentence, the rest in the log
        log.exception("reading %s failed", path)
        QMessageBox.warning(parent, tr("Import impossible"), unexpected_sentence(exc))
        return None
    into_title = _open_title(store, current_workshop_id)
    if preview.kind == "board" and into_title is None:
        QMessageBox.information(
            parent,
            tr("Import d'un tableau"),
            tr(
                "Ce fichier contient un tableau ({title}) à fusionner dans un atelier. "
                "Ouvrez d'abord l'atelier qui doit le recevoir, puis importez-le à nouveau. "
                "Rien n'a été modifié."
            ).format(title=preview.title),
        )
        return None
    target = "auto"
    fuse: frozenset[int] = frozenset()
    if preview.kind == "board":
        try:
            chosen = _board_choice(parent, store, preview, current_workshop_id, into_title)
        except StoreError as exc:
            QMessageBox.warning(parent, tr("Import impossible"), str(exc))
            return None
        if chosen is None:
            return None
        target, fuse = chosen
    else:
        copy_of = _same_title_exists(store, preview)
        box = confirm_box(parent, summary_html(preview, into_title, copy_of=copy_of))
        box.exec()
        if box.clickedButton() is not box.import_button:
            return None
    into = current_workshop_id if preview.kind == "board" else None
    try:
        if preview.kind == "board" and ctx is not None and ctx.workshop_id == into:
            result = _undoable_merge(ctx, preview, target, fuse)
        else:
            result = run_with_progress(
                parent,
                tr("Import de « {title} »…").format(title=preview.title),
                lambda progress: exchange.apply_import(
                    store,
                    preview,
                    into_workshop_id=into,
                    progress=progress,
                    target=target,
                    fuse=fuse,
                ),
            )
    except Cancelled:
        QMessageBox.information(
            parent, tr("Import annulé"), tr("Import annulé : rien n'a été modifié.")
        )
        return None
    except StoreError as exc:
        QMessageBox.warning(parent, tr("Import impossible"), str(exc))
        return None
    except Exception as exc:
        log.exception("import of %s failed", path)
        QMessageBox.warning(parent, tr("Import impossible"), unexpected_sentence(exc))
        return None
    area = {"workshop": "workshop", "board": "boards", "agenda": "agenda", "chantier": "chantier"}[
        result.kind
    ]
    hub.notify(area, result.workshop_id or 0, result.message)
    QMessageBox.information(parent, tr("Import terminé"), result.message)
    if result.kind == "board" and ctx is not None and ctx.workshop_id == result.workshop_id:
        ctx.activate_tool("boards", result.board_id)  # show the board that received the cards
    return result.workshop_id if result.kind == "workshop" else None
