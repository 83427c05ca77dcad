"""The welcome screen: the library of workshops, most recent first, and what to do with them."""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop import APP_NAME
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import workshops
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.drafts import draft_prefix
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.new_workshop_dialog import NewWorkshopDialog
from kitcop_desktop.ui.tool_spec import ToolContext
from kitcop_desktop.ui.welcome_chantiers import (
    ChantierCommands,
    ChantierRole,
    IdRole,
    LibraryTree,
    fill,
    menu_button,
)
from kitcop_desktop.ui.widgets.flow_layout import FlowLayout

EMPTY_LIBRARY = tr_later(
    "Aucun atelier pour l'instant. Créez-en un, partez d'un modèle du kit, "
    "ou importez un fichier .kitcop reçu d'un·e collègue."
)
EMPTY_TRASH = tr_later("La corbeille est vide.")


def apply_agenda_template(session, workshop_id: int, template_key: str) -> None:
    """Fill the new workshop's déroulé from a kit template (the agenda area's operation)."""
    if template_key:
        agenda = importlib.import_module("kitcop_desktop.storage.agenda")
        agenda.apply_template(session, workshop_id, template_key)


class WelcomeScreen(QWidget):
    open_requested = Signal(int)
    chantier_requested = Signal(int)
    import_requested = Signal()

    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        """`ctx.workshop_id` is 0 here: these commands are about the library, not one workshop."""
        super().__init__(parent)
        self._ctx = ctx
        self._show_trash = False

        title = QLabel(APP_NAME)
        title.setObjectName("PageTitle")
        theme.style(title, theme.BIG_TITLE)
        subtitle = QLabel(
            tr("Préparer, animer et restituer vos ateliers d'intelligence collective — hors ligne.")
        )
        subtitle.setObjectName("PageSubtitle")

        self.model = QStandardItemModel(0, 4)
        self.model.setHorizontalHeaderLabels(
            [tr("Date"), tr("Atelier"), tr("Lieu"), tr("Participant·es")]
        )
        self.table = LibraryTree()  # chantiers with their workshops, then the others (#17)
        self.table.setModel(self.model)
        self.chantiers = ChantierCommands(ctx, self)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 260)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.activated.connect(lambda _i: self.open_selected())
        self.empty_label = QLabel(EMPTY_LIBRARY)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("PageSubtitle")

        self.new_button = QPushButton(icon("new", "white"), tr("Nouvel atelier"))
        self.new_button.setObjectName("Primary")
        self.new_button.setToolTip(tr("Créer un atelier (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_workshop)
        self.template_button = QPushButton(icon("template"), tr("Depuis un modèle du kit…"))
        self.template_button.setToolTip(
            tr("Créer un atelier avec un déroulé du kit : modèle 1, KISS, world café…")
        )
        self.template_button.clicked.connect(self.new_from_template)
        self.open_button = QPushButton(icon("open"), tr("Ouvrir"))
        self.open_button.clicked.connect(self.open_selected)
        self.duplicate_button = QPushButton(icon("duplicate"), tr("Dupliquer"))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = QPushButton(icon("delete"), tr("Supprimer"))
        self.delete_button.setObjectName("Danger")
        self.delete_button.setToolTip(tr("Mettre à la corbeille (annulable avec Ctrl+Z)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton(icon("import"), tr("Importer…"))
        self.import_button.setToolTip(tr("Importer un fichier .kitcop"))
        self.import_button.clicked.connect(self.import_requested.emit)
        self.chantier_button = menu_button(
            self,
            [
                (tr("Nouveau chantier…"), "", self.chantiers.ask_create),
                (tr("Ouvrir le chantier"), "", self.open_selected),
                (tr("Placer l'atelier dans un chantier…"), "", self.move_selected),
                (tr("Renommer le chantier…"), "F2", self.rename_selected),
                (tr("Supprimer le chantier…"), "", self.delete_selected),
            ],
        )
        self.trash_button = QPushButton(icon("restore"), tr("Corbeille"))
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self._toggle_trash)
        self.restore_button = QPushButton(icon("restore"), tr("Restaurer"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_trash_button = QPushButton(icon("delete"), tr("Vider la corbeille…"))
        self.empty_trash_button.setObjectName("Danger")
        self.empty_trash_button.clicked.connect(self.empty_trash)

        buttons = FlowLayout()  # wraps rather than cuts a button on a 1024 px laptop
        for b in (
            self.new_button,
            self.template_button,
            self.open_button,
            self.duplicate_button,
            self.delete_button,
            self.import_button,
            self.chantier_button,
        ):
            buttons.addWidget(b)
        for b in (self.restore_button, self.empty_trash_button, self.trash_button):
            buttons.addWidget(b)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        QShortcut(QKeySequence("F2"), self.table, self.rename_selected)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, area: str, _workshop_id: int) -> None:
        if area in ("workshop", "library", "participants", "chantier"):
            self.reload()

    def reload(self) -> None:
        selected = (self.selected_id(), self.selected_chantier())
        with self._ctx.store.read() as session:
            fill(self.model, session, trashed=self._show_trash)
        self.table.expandAll()
        rows = self.model.rowCount()
        self.table.setRootIsDecorated(any(self.model.item(r, 0).hasChildren() for r in range(rows)))
        here = self.model.match(
            self.model.index(0, 0),
            ChantierRole if selected[1] else IdRole,
            selected[1] or selected[0],
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if here:
            self.table.setCurrentIndex(here[0])
        elif rows:
            self.table.selectRow(0)
        trashed = self._show_trash
        self.empty_label.setVisible(not rows)
        self.empty_label.setText(tr(EMPTY_TRASH if trashed else EMPTY_LIBRARY))
        for b in (
            self.new_button,
            self.template_button,
            self.open_button,
            self.duplicate_button,
            self.delete_button,
            self.import_button,
            self.chantier_button,
        ):
            b.setVisible(not trashed)
        self.restore_button.setVisible(trashed)
        self.empty_trash_button.setVisible(trashed)

    def _toggle_trash(self, on: bool) -> None:
        self._show_trash = on
        self.trash_button.setText(tr("Retour aux ateliers") if on else tr("Corbeille"))
        self.reload()

    def selected_id(self) -> int | None:
        """The workshop of the selected row (None on a chantier's row)."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(IdRole) if rows else None

    def selected_chantier(self) -> int | None:
        """The chantier of the selected row, when it is a chantier's."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ChantierRole) if rows else None

    def _selected_title(self) -> str:
        index = self.table.currentIndex()
        return index.siblingAtColumn(1).data() or "" if index.isValid() else ""

    def move_selected(self) -> None:
        wid = self.selected_id()
        if wid is None or self._show_trash:
            self._ctx.show_message(tr("Choisissez d'abord un atelier dans la liste."))
            return
        self.chantiers.ask_move(wid)

    def rename_selected(self) -> None:
        cid = self.selected_chantier()
        if cid is None:
            self._ctx.show_message(tr("Choisissez d'abord un chantier dans la liste."))
            return
        self.chantiers.ask_rename(cid, self._selected_title())

    # --- commands ---------------------------------------------------------------------------
    def new_workshop(self, template_key: str | None = None) -> None:
        from kitcop_desktop.storage import agenda_templates

        with self._ctx.store.read() as session:
            personal = [
                (f"{agenda_templates.PREFIX}{record.id}", record.title)
                for record in agenda_templates.list_personal(session)
            ]
        dialog = NewWorkshopDialog(self, template_key=template_key or None, personal=personal)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        title, day, template = dialog.values()
        new_id = self.create_workshop(title, day, template, dialog.hours())
        if new_id is not None:
            self.open_requested.emit(new_id)

    def new_from_template(self) -> None:
        from kitcop_desktop.ui.new_workshop_dialog import kit_templates

        templates = kit_templates()
        self.new_workshop(templates[0][0] if templates else None)

    def create_workshop(self, title: str, day, template: str = "", hours=None) -> int | None:
        start, end = hours or (None, None)

        def do(session):
            w = workshops.create(session, title, date=day, start_time=start, end_time=end)
            apply_agenda_template(session, w.id, template)
            return w.id

        return self._ctx.push(
            tr("Créer un atelier"),
            area="library",
            do=do,
            undo=lambda s, wid: workshops.trash(s, wid),
            redo=lambda s, wid: workshops.restore(s, wid),
        )

    def open_selected(self) -> None:
        cid = self.selected_chantier()
        if cid is not None:
            self.chantier_requested.emit(cid)
            return
        wid = self.selected_id()
        if wid is None:
            return
        if self._show_trash:
            self.restore_selected()
            return
        self.open_requested.emit(wid)

    def duplicate_selected(self) -> None:
        wid = self.selected_id()
        if wid is None:
            return
        self._ctx.push(
            tr("Dupliquer un atelier"),
            area="library",
            do=lambda s: workshops.duplicate(s, wid).id,
            undo=lambda s, new_id: workshops.trash(s, new_id),
            redo=lambda s, new_id: workshops.restore(s, new_id),
        )

    def delete_selected(self) -> None:
        cid = self.selected_chantier()
        if cid is not None:
            index = self.table.currentIndex().siblingAtColumn(0)
            count = self.model.itemFromIndex(index).rowCount()
            self.chantiers.ask_delete(cid, self._selected_title(), count)
            return
        wid = self.selected_id()
        if wid is None or self._show_trash:
            return
        title = self._selected_title()
        done = self._ctx.push(
            tr("Supprimer « {title} »").format(title=title),
            area="library",
            do=lambda s: workshops.trash(s, wid),
            undo=lambda s, _r: workshops.restore(s, wid),
            redo=lambda s, _r: workshops.trash(s, wid),
        )
        if done is not None:
            self._ctx.show_message(
                tr("« {title} » est dans la corbeille. Ctrl+Z pour annuler.").format(title=title)
            )

    def restore_selected(self) -> None:
        wid = self.selected_id()
        if wid is None:
            return
        self._ctx.push(
            tr("Restaurer un atelier"),
            area="library",
            do=lambda s: workshops.restore(s, wid),
            undo=lambda s, _r: workshops.trash(s, wid),
        )

    def empty_trash(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        count = self.model.rowCount()
        if not count:
            return
        names = ", ".join(self.model.item(r, 1).text() for r in range(min(count, 5)))
        answer = QMessageBox.question(
            self,
            tr("Vider la corbeille"),
            tr_n(
                "Effacer définitivement {count} atelier ({names}) et tout son contenu ? Cette action ne peut pas être annulée.",
                "Effacer définitivement {count} ateliers ({names}) et tout leur contenu ? Cette action ne peut pas être annulée.",
                count,
            ).format(count=count, names=names + ("…" if count > 5 else "")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self._ctx.store.write() as session:
            gone = [w.id for w in workshops.list_summaries(session, trashed=True)]
            workshops.empty_trash(session)
        settings = self._ctx.settings
        if settings is not None:  # nothing of them left on this laptop, drafts included
            for workshop_id in gone:
                settings.remove(draft_prefix(self._ctx.store, workshop_id))
            settings.sync()
        self._ctx.undo_stack.clear()
        self._ctx.hub.notify("library", 0, tr("Corbeille vidée"))
