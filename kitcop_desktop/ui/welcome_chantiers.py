"""The welcome list's chantiers (#17): each chantier with its workshops under it, workshops
without a chantier after them; and what to do with a chantier (create, open, rename, delete
with confirmation then undo, put a workshop into one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeView,
    QWidget,
)

from kitcop_desktop.domain.french import long_date, plural
from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import chantiers, workshops
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext

IdRole = Qt.ItemDataRole.UserRole + 1  # a workshop's id (the welcome list's own role)
ChantierRole = Qt.ItemDataRole.UserRole + 2  # set on a chantier's row: its id
AREA = "chantier"
NO_CHANTIER = tr_later("Aucun chantier (atelier seul)")


class LibraryTree(QTreeView):
    """The library as a tree that reads like the table it was: a row per workshop, a chantier's
    workshops under it. `selectRow(n)` selects the n-th top-level row, as a table's would."""

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setItemsExpandable(True)
        self.setExpandsOnDoubleClick(False)  # double click opens, as in the table

    def selectRow(self, row: int) -> None:  # noqa: N802 - the table's name
        index = self.model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)
            self.selectionModel().select(
                index,
                self.selectionModel().SelectionFlag.ClearAndSelect
                | self.selectionModel().SelectionFlag.Rows,
            )


def _workshop_row(summary) -> list[QStandardItem]:
    items = [
        QStandardItem(long_date(summary.date)),
        QStandardItem(summary.title),
        QStandardItem(summary.place),
        QStandardItem(str(summary.participants)),
    ]
    items[3].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    for item in items:
        item.setData(summary.id, IdRole)
    return items


def _chantier_row(chantier, count: int) -> list[QStandardItem]:
    items = [
        QStandardItem(icon("chantier"), tr("Chantier")),
        QStandardItem(chantier.title),
        QStandardItem(plural(count, "atelier") if count else tr("aucun atelier pour l'instant")),
        QStandardItem(""),
    ]
    bold = QFont()
    bold.setBold(True)
    items[1].setFont(bold)
    items[1].setToolTip(tr("Entrée\u00a0: ouvrir la page du chantier · F2\u00a0: renommer"))
    for item in items:
        item.setData(chantier.id, ChantierRole)
    return items


def fill(model: QStandardItemModel, session, *, trashed: bool) -> None:
    """The rows of the welcome list: chantiers (by name) with their workshops, then the
    workshops of no chantier (most recent first). The trash lists workshops only."""
    model.removeRows(0, model.rowCount())
    rows = workshops.list_summaries(session, trashed=trashed)
    if trashed:
        for s in rows:
            model.appendRow(_workshop_row(s))
        return
    by_id = {s.id: s for s in rows}
    placed: set[int] = set()
    for chantier in chantiers.list_summaries(session):
        parent = _chantier_row(chantier, len(chantier.workshop_ids))
        for wid in chantier.workshop_ids:
            if wid in by_id:
                parent[0].appendRow(_workshop_row(by_id[wid]))
                placed.add(wid)
        model.appendRow(parent)
    for s in rows:
        if s.id not in placed:
            model.appendRow(_workshop_row(s))


class ChantierCommands:
    """The chantier commands of the welcome screen, each one undoable step on its history."""

    def __init__(self, ctx: ToolContext, parent: QWidget) -> None:
        self.ctx = ctx
        self.parent = parent

    def create(self, title: str) -> int | None:
        return self.ctx.push(
            tr("Créer le chantier «\u00a0{value}\u00a0»").format(value=title.strip()[:40]),
            area=AREA,
            do=lambda s: chantiers.create(s, title).id,
            undo=lambda s, cid: chantiers.delete(s, cid),
        )

    def rename(self, chantier_id: int, title: str) -> bool:
        return (
            self.ctx.push(
                tr("Renommer le chantier"),
                area=AREA,
                do=lambda s: chantiers.rename(s, chantier_id, title),
                undo=lambda s, previous: chantiers.rename(s, chantier_id, previous),
            )
            is not None
        )

    def delete(self, chantier_id: int, title: str) -> bool:
        done = self.ctx.push(
            tr("Supprimer le chantier «\u00a0{title}\u00a0»").format(title=title[:40]),
            area=AREA,
            do=lambda s: chantiers.delete(s, chantier_id),
            undo=lambda s, data: chantiers.recreate(s, data),
            redo=lambda s, _data: chantiers.delete(s, chantier_id),
        )
        if done is not None:
            self.ctx.show_message(
                tr(
                    "Chantier «\u00a0{title}\u00a0» supprimé\u00a0; ses ateliers restent. Ctrl+Z pour annuler."
                ).format(title=title)
            )
        return done is not None

    def move(self, workshop_id: int, chantier_id: int | None) -> bool:
        return (
            self.ctx.push(
                tr("Placer l'atelier dans un chantier")
                if chantier_id
                else tr("Sortir l'atelier du chantier"),
                area=AREA,
                do=lambda s: chantiers.move_workshop(s, workshop_id, chantier_id),
                undo=lambda s, previous: chantiers.move_workshop(s, workshop_id, previous),
            )
            is not None
        )

    # --- the dialogs around them -----------------------------------------------------------
    def ask_create(self) -> int | None:
        title, ok = QInputDialog.getText(
            self.parent,
            "Nouveau chantier",
            tr("Nom du chantier (par exemple «\u00a0Rénovation énergétique — Drôme\u00a0»)\u00a0:"),
        )
        return self.create(title) if ok else None

    def ask_rename(self, chantier_id: int, current: str) -> bool:
        title, ok = QInputDialog.getText(
            self.parent,
            tr("Renommer le chantier"),
            tr("Nouveau nom du chantier\u00a0:"),
            text=current,
        )
        return ok and title != current and self.rename(chantier_id, title)

    def ask_delete(self, chantier_id: int, title: str, count: int) -> bool:
        """Confirm once, naming what goes (the chantier) and what stays (its workshops)."""
        if count == 1:
            kept = tr("Son atelier reste dans la liste, sans chantier.")
        elif count:
            kept = tr("Ses {count} ateliers restent dans la liste, sans chantier.").format(
                count=count
            )
        else:
            kept = tr("Il ne contient aucun atelier.")
        answer = QMessageBox.question(
            self.parent,
            tr("Supprimer le chantier"),
            tr(
                "Supprimer le chantier «\u00a0{title}\u00a0»\u00a0? {kept} (Ctrl+Z pour annuler)"
            ).format(title=title, kept=kept),
        )
        return answer == QMessageBox.StandardButton.Yes and self.delete(chantier_id, title)

    def ask_move(self, workshop_id: int) -> bool:
        with self.ctx.store.read() as s:
            options = [(c.title, c.id) for c in chantiers.list_summaries(s)]
            current = chantiers.chantier_of(s, workshop_id)
        if not options:
            created = self.ask_create()
            return bool(created) and self.move(workshop_id, created)
        names = [tr(NO_CHANTIER)] + [title for title, _cid in options]
        at = next((i + 1 for i, (_t, cid) in enumerate(options) if cid == current), 0)
        name, ok = QInputDialog.getItem(
            self.parent,
            tr("Placer dans un chantier"),
            tr("Chantier de l'atelier\u00a0:"),
            names,
            at,
            False,
        )
        if not ok:
            return False
        target = dict(options).get(name)
        return target != current and self.move(workshop_id, target)


def menu_button(parent: QWidget, actions: list[tuple[str, str, object]]) -> QPushButton:
    """The welcome screen's « Chantiers » button: its commands in a menu."""
    button = QPushButton(icon("chantier"), tr("Chantiers"))
    button.setToolTip(
        tr("Regrouper des ateliers en chantier\u00a0: créer, ouvrir, renommer, placer…")
    )
    menu = QMenu(button)
    for text, shortcut, slot in actions:
        action = menu.addAction(text)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
    button.setMenu(menu)
    return button
